/// A malformed CSV import file: where (1-based line) and what, so the user can fix the file.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the problem (for an unterminated quote: the line where the quote opened).
    public var line: Int
    /// What is wrong, in plain words.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
