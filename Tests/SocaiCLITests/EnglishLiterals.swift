import SocaiCLI
import SocaiCore

/// In these tests only, a string literal where socai takes a `LocalizedText` is that text in both
/// languages: fixtures of the scanner and the help formatter are about layout, not translation.
/// (socai itself has no such conversion, so its own texts must give both languages.)
extension LocalizedText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// A usage error as an English reader sees it, to compare with one written out in a test.
struct English: Equatable, CustomStringConvertible {
    var message: String
    var command: String
    var hint: String?

    var description: String { "\(message) [\(command)]" + (hint.map { "; " + $0 } ?? "") }
}

extension UsageError {
    var english: English { English(message: message.en, command: command, hint: hint?.en) }
}
