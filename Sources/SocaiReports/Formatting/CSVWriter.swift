/// RFC 4180 output for `--format csv`, safe to open in a spreadsheet.
///
/// - Fields containing a comma, quote, CR or LF are quoted, with quotes doubled; lines end in CRLF.
/// - An optional UTF-8 byte order mark lets Excel recognise UTF-8 (otherwise Vietnamese names come
///   out as mojibake); it is off by default because scripts reading the file do not want it.
/// - Formula injection (OWASP "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`, TAB or CR
///   gets a leading apostrophe, so a unit named "=HYPERLINK(…)" is shown, not evaluated. Negative
///   numbers as socai prints them ("-27", "-21.09", "-21,09%", "-1,234.5") are left alone: they are
///   not formulas, and an apostrophe would turn them into text in the spreadsheet.
/// - Bidirectional controls (U+202E and the others) show as U+FFFD: they would reorder the cell's
///   text on screen, in a spreadsheet as in a terminal.
/// - Rows shorter than the header are padded with empty fields, so every line has the header's
///   field count (RFC 4180 §2.4).
public struct CSVWriter: Sendable {
    private let byteOrderMark: Bool
    private let columnCount: Int
    private var body: String = ""

    public init(header: [String], byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
        self.columnCount = header.count
        if !header.isEmpty {
            append(header)
        }
    }

    /// Adds one row (padded with empty fields up to the header's count).
    public mutating func append(_ row: [String]) {
        var fields = row
        if fields.count < columnCount {
            fields += Array(repeating: "", count: columnCount - fields.count)
        }
        var line = fields.map(Self.encode).joined(separator: ",")
        if line.isEmpty {
            // A lone empty field would be a blank line, which readers skip: write it as "".
            line = "\"\""
        }
        body += line
        body += "\r\n"
    }

    /// The whole document: optional BOM, header line, rows, each line ending in CRLF.
    public var text: String {
        byteOrderMark ? "\u{FEFF}" + body : body
    }

    /// Neutralises bidirectional controls (`TerminalText.isBidiControl`) and formulas, then quotes
    /// when needed.
    static func encode(_ field: String) -> String {
        var value = TerminalText.withoutBidiControls(field)
        if needsNeutralising(value) {
            value = "'" + value
        }
        let mustQuote = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard mustQuote else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        quoted += "\""
        return quoted
    }

    /// Whether a spreadsheet could read the cell as a formula (and it is not a plain negative number).
    static func needsNeutralising(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first else { return false }
        switch first {
        case "=", "+", "@", "\t", "\r":
            return true
        case "-":
            return !isNegativeNumber(field)
        default:
            return false
        }
    }

    /// `-` digits, optionally more digit groups after `.` or `,` (grouping or decimals in either
    /// language), optionally `%` (with or without one space before it, as seed documents print it).
    static func isNegativeNumber(_ field: String) -> Bool {
        var scalars = Substring(field).unicodeScalars.dropFirst()  // the "-"
        if scalars.last == "%" {
            scalars = scalars.dropLast()
            if scalars.last == " " { scalars = scalars.dropLast() }
        }
        var previousWasDigit = false
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                previousWasDigit = true
            case ".", ",":
                guard previousWasDigit else { return false }
                previousWasDigit = false
            default:
                return false
            }
        }
        return previousWasDigit
    }
}
