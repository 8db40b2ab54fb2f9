/// A golden file (`Golden/<case>/<command>.test`), in the style of hledger's functional tests:
/// each command line, then exactly what it printed and how it ended.
///
/// ```
/// # comment lines and blank lines between commands are kept as they are
/// $ socai replay --to 2023-12-31 --unit sop-cop
/// …stdout, line for line…
/// >2
/// …stderr, line for line (the `>2` section is left out when stderr is empty)…
/// >= 0
/// ```
///
/// Output without a final newline ends with the line `\ no newline at end`. A command whose output
/// is not compared (a generator that prints its timing) has the single line `(output not compared)`.
struct GoldenFile: Equatable {
    struct Entry: Equatable {
        /// Comment and blank lines before the command, kept verbatim.
        var preamble: [String]
        /// The command line after `$ `, as a user would type it.
        var command: String
        var stdout: String
        var stderr: String
        var status: Int32
        /// `(output not compared)`: only the exit status is.
        var outputIgnored = false
    }

    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static let noNewline = "\\ no newline at end"
    static let notCompared = "(output not compared)"

    var entries: [Entry]
    /// Lines after the last entry (a final "" when the file ends with a newline).
    var trailer: [String]

    init(entries: [Entry], trailer: [String]) {
        self.entries = entries
        self.trailer = trailer
    }

    init(parsing text: String) throws(FormatError) {
        let lines = Self.split(text)
        var entries: [Entry] = []
        var pending: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("$ ") else { pending.append(line); continue }
            let commandLine = index
            var stdout: [String] = [], stderr: [String]? = nil, status: Int32? = nil
            while index < lines.count {
                let body = lines[index]
                index += 1
                if let code = Self.status(body) { status = code; break }
                if body.hasPrefix("$ ") {
                    throw FormatError(line: index, message: "a new command before the `>= N` line of the command on line \(commandLine)")
                }
                if body == ">2", stderr == nil { stderr = []; continue }
                if stderr != nil { stderr!.append(body) } else { stdout.append(body) }
            }
            guard let status else { throw FormatError(line: commandLine, message: "the command has no `>= N` line (its exit status)") }
            let ignored = stdout == [Self.notCompared] && stderr == nil
            entries.append(Entry(preamble: pending, command: String(line.dropFirst(2)), stdout: ignored ? "" : Self.text(stdout),
                                 stderr: Self.text(stderr ?? []), status: status, outputIgnored: ignored))
            pending = []
        }
        self.entries = entries
        trailer = pending
    }

    /// The file's text: parsing it gives this value back.
    var rendered: String {
        var lines: [String] = []
        for entry in entries {
            lines += entry.preamble
            lines.append("$ " + entry.command)
            if entry.outputIgnored {
                lines.append(Self.notCompared)
            } else {
                lines += Self.lines(entry.stdout)
                if !entry.stderr.isEmpty { lines += [">2"] + Self.lines(entry.stderr) }
            }
            lines.append(">= \(entry.status)")
        }
        return (lines + trailer).joined(separator: "\n")
    }

    /// The exit status of a `>= N` line, else nil.
    private static func status(_ line: String) -> Int32? {
        guard line.hasPrefix(">= ") else { return nil }
        return Int32(line.dropFirst(3))
    }

    private static func text(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        if lines.last == noNewline { return lines.dropLast().joined(separator: "\n") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var parts = split(text)
        if text.unicodeScalars.last == "\n" { parts.removeLast() } else { parts.append(noNewline) }
        return parts
    }

    /// Lines split at every `\n`, also the one of a `\r\n` (CSV output ends its lines so): a
    /// `Character` split would keep `\r\n` whole, since Swift counts it as one character.
    private static func split(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }
}
