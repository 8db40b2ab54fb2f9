/// One record of an import file, with the line it starts on so that errors can name it.
///
/// A quoted field may span lines, so `line` is the physical line (1-based) where the record begins,
/// which is what a user looking at the file in an editor needs.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based line where the record starts.
    public var line: Int
    /// The fields, unquoted, with doubled quotes undone and embedded newlines kept as written.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
