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
            return error.description
        case .invalid(let issues), .badQuery(let issues):
            var lines: [String] = []
            for issue in issues {
                let place = issue.line.map { (language == .vi ? "dòng " : "line ") + String($0) + ": " } ?? ""
                lines.append((language == .vi ? "lỗi: " : "error: ") + place + issue.message.text(language))
            }
            if case .invalid = self { lines.append(language == .vi ? "không ghi gì vào sổ." : "nothing was written.") }
            return lines.joined(separator: "\n")
        case .journal(let error):
            return (language == .vi ? "lỗi: " : "error: ") + error.message.text(language)
        case .message(let text, _):
            return (language == .vi ? "lỗi: " : "error: ") + text.text(language)
        }
    }
}
