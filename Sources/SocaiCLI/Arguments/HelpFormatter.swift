/// The `--help` screen of a command, generated from the same `CommandSpec` the scanner uses.
///
/// Laid out like swift-argument-parser's help (OVERVIEW, USAGE, SUBCOMMANDS, ARGUMENTS, OPTIONS,
/// GLOBAL OPTIONS, EXAMPLES) so it reads familiar. Deterministic: the width is a parameter, never read
/// from the terminal, so the text can be tested and diffed.
public enum HelpFormatter {
    /// The help text for `command`, reached by `path` (`["record", "conference"]`), wrapped to
    /// `width`. No trailing newline.
    public static func help(for command: CommandSpec, path: [String], globals: [OptionSpec], width: Int = 80) -> String {
        let invocation = ([CommandSpec.programName] + path).joined(separator: " ")
        let lookup = ArgumentScanner.OptionLookup(command: command.options, globals: globals)
        let options = command.options.filter { !$0.hidden }
        let globalOptions = lookup.globals.filter { global in
            !global.hidden && !command.options.contains { $0.name == global.name }
        }

        let subcommandRows = command.subcommands.map { Row(label: $0.word, text: $0.abstract) }
        let argumentRows = command.positionals.map { Row(label: "<\($0.name)>", text: $0.help) }
        let optionRows = options.map(row)
        let globalRows = globalOptions.map(row)
        let allRows = subcommandRows + argumentRows + optionRows + globalRows
        let labelWidth = min(allRows.map(\.label.count).max() ?? 0, maximumLabelWidth)
        let column = 2 + labelWidth + 2

        var blocks: [[String]] = []
        blocks.append(wrap("OVERVIEW: " + command.abstract, width: width))
        if let discussion = command.discussion {
            blocks += paragraphs(discussion, width: width)
        }
        blocks.append(usage(command, invocation: invocation, width: width))
        if !subcommandRows.isEmpty {
            blocks.append(["SUBCOMMANDS:"] + subcommandRows.flatMap { render($0, column: column, width: width) }
                + ["", "  See '\(invocation) <subcommand> --help' for detailed help."])
        }
        if !argumentRows.isEmpty {
            blocks.append(["ARGUMENTS:"] + argumentRows.flatMap { render($0, column: column, width: width) })
        }
        if !optionRows.isEmpty {
            blocks.append(["OPTIONS:"] + optionRows.flatMap { render($0, column: column, width: width) })
        }
        if !globalRows.isEmpty {
            blocks.append(["GLOBAL OPTIONS:"] + globalRows.flatMap { render($0, column: column, width: width) })
        }
        if !command.examples.isEmpty {
            blocks.append(["EXAMPLES:"] + command.examples.map { "  " + $0 })
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// Labels longer than this put their help on the next line instead of pushing the column right.
    static let maximumLabelWidth = 26

    /// One line of a two-column section: `--figure <KEY=N>` and what it does.
    struct Row {
        var label: String
        var text: String
    }

    static func row(_ option: OptionSpec) -> Row {
        let label = (option.short.map { "-\($0), " } ?? "") + "--\(option.name)"
            + (option.valueName.map { " <\($0)>" } ?? "")
        let marks = [option.required ? "required" : nil, option.repeatable ? "repeatable" : nil]
            .compactMap { $0 }
        let mark = marks.isEmpty ? "" : "(\(marks.joined(separator: ", ")))"
        return Row(label: label, text: [option.help, mark].filter { !$0.isEmpty }.joined(separator: " "))
    }

    static func render(_ row: Row, column: Int, width: Int) -> [String] {
        let label = "  " + row.label
        if row.text.isEmpty { return [label] }
        if label.count + 2 <= column {
            let lead = label + String(repeating: " ", count: column - label.count)
            return hanging(lead, row.text, indent: column, width: width)
        }
        let pad = String(repeating: " ", count: column)
        return [label] + hanging(pad, row.text, indent: column, width: width)
    }

    /// The usage block: the command's own lines, or a synopsis of its options in declaration order,
    /// wrapped under the command words.
    static func usage(_ command: CommandSpec, invocation: String, width: Int) -> [String] {
        if let lines = command.usage, let first = lines.first {
            return ["USAGE: " + first] + lines.dropFirst().map { "       " + $0 }
        }
        var tokens: [String] = command.options.filter { !$0.hidden }.map { option in
            var token = "--\(option.name)" + (option.valueName.map { " <\($0)>" } ?? "")
            if option.repeatable { token += " ..." }
            return option.required ? token : "[\(token)]"
        }
        tokens += command.positionals.map { positional in
            var token = "<\(positional.name)>"
            if positional.repeatable { token += " ..." }
            return positional.optional ? "[\(token)]" : token
        }
        if !command.subcommands.isEmpty { tokens.append("<subcommand>") }

        let lead = "USAGE: " + invocation
        let indent = lead.count + 1 <= width / 2 ? lead.count + 1 : 9
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = lead
        for token in tokens {
            if line.count + 1 + token.count > width {
                lines.append(line)
                line = pad + token
            } else {
                line += " " + token
            }
        }
        lines.append(line)
        return lines
    }

    /// Discussion paragraphs (separated by blank lines) wrapped to the width; a paragraph with an
    /// indented line is preformatted (a table, a command) and kept as written.
    static func paragraphs(_ text: String, width: Int) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        func flush() {
            guard !current.isEmpty else { return }
            if current.contains(where: { $0.hasPrefix(" ") }) {
                blocks.append(current)
            } else {
                blocks.append(wrap(current.joined(separator: " "), width: width))
            }
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " }) { flush() } else { current.append(String(line)) }
        }
        flush()
        return blocks
    }
}
