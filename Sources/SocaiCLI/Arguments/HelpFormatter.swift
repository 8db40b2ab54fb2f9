import SocaiCore

/// The `--help` screen of a command, generated from the same `CommandSpec` the scanner uses, in
/// the reader's language (`--help --lang vi`: every text of the spec has its Vietnamese).
///
/// Laid out like swift-argument-parser's help (OVERVIEW, USAGE, SUBCOMMANDS, ARGUMENTS, OPTIONS,
/// GLOBAL OPTIONS, EXAMPLES) so it reads familiar. Deterministic: the width is a parameter, never read
/// from the terminal, so the text can be tested and diffed.
public enum HelpFormatter {
    /// The help text for `command`, reached by `path` (`["record", "conference"]`), wrapped to
    /// `width`. No trailing newline.
    public static func help(for command: CommandSpec, path: [String], globals: [OptionSpec], width: Int = 80,
                            language: Language = .en) -> String {
        func t(_ text: HelpText) -> String { text.text.text(language) }
        let invocation = ([CommandSpec.programName] + path).joined(separator: " ")
        let lookup = ArgumentScanner.OptionLookup(command: command.options, globals: globals)
        let options = command.options.filter { !$0.hidden }
        let globalOptions = lookup.globals.filter { global in
            !global.hidden && !command.options.contains { $0.name == global.name }
        }

        let subcommandRows = command.subcommands.map { Row(label: $0.word, text: $0.abstract.text(language)) }
        let argumentRows = command.positionals.map { Row(label: "<\($0.name)>", text: $0.help.text(language)) }
        let optionRows = options.map { row($0, language) }
        let globalRows = globalOptions.map { row($0, language) }
        let allRows = subcommandRows + argumentRows + optionRows + globalRows
        let labelWidth = min(allRows.map(\.label.count).max() ?? 0, maximumLabelWidth)
        let column = 2 + labelWidth + 2

        var blocks: [[String]] = []
        blocks.append(wrap(t(.overview) + command.abstract.text(language), width: width))
        if let discussion = command.discussion {
            blocks += paragraphs(discussion.text(language), width: width)
        }
        blocks.append(usage(command, invocation: invocation, width: width, language: language))
        if !subcommandRows.isEmpty {
            let see = HelpText.seeSubcommandHelp(["invocation": invocation]).text(language)
            blocks.append([t(.subcommands)] + subcommandRows.flatMap { render($0, column: column, width: width) }
                + ["", "  " + see])
        }
        if !argumentRows.isEmpty {
            blocks.append([t(.arguments)] + argumentRows.flatMap { render($0, column: column, width: width) })
        }
        if !optionRows.isEmpty {
            blocks.append([t(.options)] + optionRows.flatMap { render($0, column: column, width: width) })
        }
        if !globalRows.isEmpty {
            blocks.append([t(.globalOptions)] + globalRows.flatMap { render($0, column: column, width: width) })
        }
        if !command.examples.isEmpty {
            blocks.append([t(.examples)] + command.examples.map { "  " + $0 })
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

    static func row(_ option: OptionSpec, _ language: Language) -> Row {
        let label = (option.short.map { "-\($0), " } ?? "") + "--\(option.name)"
            + (option.valueName.map { " <\($0.text(language))>" } ?? "")
        let marks = [option.required ? HelpText.required : nil, option.repeatable ? HelpText.repeatable : nil]
            .compactMap { $0?.text.text(language) }
        let mark = marks.isEmpty ? "" : "(\(marks.joined(separator: ", ")))"
        return Row(label: label, text: [option.help.text(language), mark].filter { !$0.isEmpty }.joined(separator: " "))
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
    static func usage(_ command: CommandSpec, invocation: String, width: Int, language: Language = .en) -> [String] {
        let title = HelpText.usage.text.text(language)
        if let lines = command.usage, let first = lines.first {
            return [title + first.text(language)] + lines.dropFirst().map { String(repeating: " ", count: title.count) + $0.text(language) }
        }
        var tokens: [String] = command.options.filter { !$0.hidden }.map { option in
            var token = "--\(option.name)" + (option.valueName.map { " <\($0.text(language))>" } ?? "")
            if option.repeatable { token += " ..." }
            return option.required ? token : "[\(token)]"
        }
        tokens += command.positionals.map { positional in
            var token = "<\(positional.name)>"
            if positional.repeatable { token += " ..." }
            return positional.optional ? "[\(token)]" : token
        }
        if !command.subcommands.isEmpty { tokens.append(HelpText.subcommandToken.text.text(language)) }

        let lead = title + invocation
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
