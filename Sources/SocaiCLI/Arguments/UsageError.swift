/// A command line that cannot be run as written: the scanner's (and commands' validation) one error
/// type, so the CLI can map every usage problem to exit code 64 in one place.
///
/// A value, not an exit: the message, an optional fix and the command whose help explains it, so the
/// caller decides where and how it is printed.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong (`unknown option --figur`).
    public var message: String
    /// The command path without the program name (`record conference`); empty for the root.
    public var command: String
    /// How to fix it (`did you mean --figure?`), when there is something useful to say.
    public var hint: String?

    public init(message: String, command: String, hint: String? = nil) {
        self.message = message
        self.command = command
        self.hint = hint
    }

    /// The help invocation that documents the command (`socai record conference --help`).
    public var helpCommand: String {
        let words = [CommandSpec.programName] + (command.isEmpty ? [] : [command]) + ["--help"]
        return words.joined(separator: " ")
    }

    /// The full text for stderr:
    ///
    ///     error: unknown option --figur
    ///       hint: did you mean --figure?
    ///       see: socai record conference --help
    public var description: String {
        var lines = ["error: \(message)"]
        if let hint { lines.append("  hint: \(hint)") }
        lines.append("  see: \(helpCommand)")
        return lines.joined(separator: "\n")
    }

    /// Message and hint on one line (`unknown option --figur; did you mean --figure?`), for logs and
    /// import errors that prefix a line number.
    public var summary: String {
        hint.map { "\(message); \($0)" } ?? message
    }
}

extension UsageError {
    /// "did you mean --a?", "did you mean --a or --b?", "did you mean --a, --b or --c?"; `nil` when
    /// there is nothing to suggest.
    static func didYouMean(_ suggestions: [String]) -> String? {
        guard let last = suggestions.last else { return nil }
        if suggestions.count == 1 { return "did you mean \(last)?" }
        return "did you mean \(suggestions.dropLast().joined(separator: ", ")) or \(last)?"
    }
}
