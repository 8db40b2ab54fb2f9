import SocaiCore
import SocaiStore

/// Why a command failed, as a value: the entry point turns it into a message and an exit code.
public enum CLIError: Error, Sendable {
    case usage(UsageError)
    case invalid([ValidationIssue])
    case journal(JournalError)
    case message(LocalizedText, ExitStatus)

    public var status: ExitStatus {
        switch self {
        case .usage, .invalid: .badInput
        case .journal(let error):
            switch error {
            case .noJournal: .noJournal
            case .alreadyExists: .badInput
            case .damaged, .badMetadata: .damagedJournal
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
        case .invalid(let issues):
            var lines: [String] = []
            for issue in issues {
                let place = issue.line.map { CommandText.linePrefix(["line": String($0)]) } ?? LocalizedText("")
                lines.append((CommandText.errorPrefix() + place + issue.message).text(language))
            }
            lines.append(CommandText.nothingWritten().text(language))
            return lines.joined(separator: "\n")
        case .journal(let error):
            return (CommandText.errorPrefix() + error.message).text(language)
        case .message(let text, _):
            return (CommandText.errorPrefix() + text).text(language)
        }
    }
}
