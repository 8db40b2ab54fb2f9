import SocaiCore
import SocaiStore

/// Why a command failed, as a value: the entry point turns it into a message and an exit code.
public enum CLIError: Error, Sendable {
    case usage(UsageError)
    /// What a command was asked to record is not valid: every issue, then "nothing was written".
    case invalid([ValidationIssue])
    /// A reading command's argument names nothing in the journal (an unknown unit or figure):
    /// the issues alone, since nothing was going to be written.
    case badQuery([ValidationIssue])
    case journal(JournalError)
    case message(LocalizedText, ExitStatus)

    public var status: ExitStatus {
        switch self {
        case .usage, .invalid, .badQuery: .badInput
        case .journal(let error):
            switch error {
            case .noJournal: .noJournal
            case .alreadyExists, .notADirectory: .badInput
            case .damaged, .badMetadata, .metadataMissing: .damagedJournal
            case .sequenceConflict, .lockTimeout, .eventIDInUse: .conflict
            case .io: .ioError
            }
        case .message(_, let status): status
        }
    }

    public func render(_ language: Language) -> String {
        switch self {
        case .usage(let error):
            return error.render(language)
        case .invalid(let issues), .badQuery(let issues):
            var lines: [String] = []
            for issue in issues {
                let place = issue.line.map { CommandText.linePrefix(["line": String($0)]) } ?? LocalizedText("")
                lines.append((CommandText.errorPrefix() + place + issue.message).text(language))
            }
            if case .invalid = self { lines.append(CommandText.nothingWritten().text(language)) }
            return lines.joined(separator: "\n")
        case .journal(let error):
            return (CommandText.errorPrefix() + error.message).text(language)
        case .message(let text, _):
            return (CommandText.errorPrefix() + text).text(language)
        }
    }
}
