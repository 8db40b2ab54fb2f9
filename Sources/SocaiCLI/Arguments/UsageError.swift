import SocaiCore

/// A command line that cannot be run as written: the scanner's (and commands' validation) one error
/// type, so the CLI can map every usage problem to exit code 64 in one place.
///
/// A value, not an exit: the message, an optional fix and the command whose help explains it, in
/// both languages, so the caller decides where, how and in which language it is printed.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong (`unknown option --figur`).
    public var message: LocalizedText
    /// The command path without the program name (`record conference`); empty for the root.
    public var command: String
    /// How to fix it (`did you mean --figure?`), when there is something useful to say.
    public var hint: LocalizedText?

    public init(message: LocalizedText, command: String, hint: LocalizedText? = nil) {
        self.message = message
        self.command = command
        self.hint = hint
    }

    /// The help invocation that documents the command (`socai record conference --help`), in the
    /// reader's language (`… --help --lang vi`).
    public func helpCommand(_ language: Language = .en) -> String {
        var words = [CommandSpec.programName] + (command.isEmpty ? [] : [command]) + ["--help"]
        if language == .vi { words += ["--lang", "vi"] }
        return words.joined(separator: " ")
    }

    /// The full text for stderr:
    ///
    ///     error: unknown option --figur
    ///       hint: did you mean --figure?
    ///       see: socai record conference --help
    public func render(_ language: Language) -> String {
        var lines = [UsageText.error.text.text(language) + message.text(language)]
        if let hint { lines.append("  " + UsageText.hint.text.text(language) + hint.text(language)) }
        lines.append("  " + UsageText.see.text.text(language) + helpCommand(language))
        return lines.joined(separator: "\n")
    }

    /// In English, for logs and debugging.
    public var description: String { render(.en) }

    /// Message and hint on one line (`unknown option --figur; did you mean --figure?`), for logs and
    /// import errors that prefix a line number.
    public func summary(_ language: Language = .en) -> String {
        hint.map { message.text(language) + "; " + $0.text(language) } ?? message.text(language)
    }
}

extension UsageError {
    /// "did you mean --a?", "did you mean --a or --b?", "did you mean --a, --b or --c?"; `nil` when
    /// there is nothing to suggest.
    static func didYouMean(_ suggestions: [String]) -> LocalizedText? {
        guard !suggestions.isEmpty else { return nil }
        return UsageText.didYouMean(["suggestions": alternatives(suggestions)])
    }

    /// "a", "a or b", "a, b or c" in each language.
    static func alternatives(_ items: [String]) -> LocalizedText {
        guard let last = items.last else { return LocalizedText("") }
        if items.count == 1 { return LocalizedText(last) }
        return LocalizedText(items.dropLast().joined(separator: ", ")) + UsageText.or.text + LocalizedText(last)
    }
}
