/// RFC 4180 reader for `socai import FILE.csv`.
///
/// Written in-tree (no packages) and strict where leniency would hide mistakes: an unterminated
/// quote or a quote in the middle of an unquoted field is an error naming the line, rather than a
/// silently merged or split record. Lenient where files from spreadsheets and editors differ
/// harmlessly: CRLF, LF or lone CR line ends, a leading UTF-8 byte order mark (Excel's "CSV UTF-8"),
/// no newline at the end, and blank lines (skipped).
///
/// Works on UTF-8 bytes, not `Character`s: Swift treats "\r\n" as one Character and would glue a
/// quote to a following combining mark; the delimiters are all ASCII, so byte scanning is exact.
public enum CSVParser {
    /// Parses `text` into records; field counts are not checked here (the importer knows the header).
    /// `delimiter` is `,`, or `;` for spreadsheets in locales where the comma is the decimal separator
    /// (Vietnamese among them: "Save as CSV" there writes `type;unit;date`).
    public static func parse(_ text: String, delimiter: UInt8 = comma) throws(CSVError) -> [CSVRecord] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        var scanner = Scanner(bytes: bytes, delimiter: delimiter)
        return try scanner.records()
    }

    public static let comma: UInt8 = 0x2C
    public static let semicolon: UInt8 = 0x3B
    private static let quote: UInt8 = 0x22
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    private struct Scanner {
        let bytes: [UInt8]
        let delimiter: UInt8
        var index = 0
        var line = 1

        init(bytes: [UInt8], delimiter: UInt8) {
            self.bytes = bytes
            self.delimiter = delimiter
        }

        mutating func records() throws(CSVError) -> [CSVRecord] {
            var result: [CSVRecord] = []
            while index < bytes.count {
                if isLineEnd(bytes[index]) {
                    consumeLineEnd()  // a fully empty line: no record
                    continue
                }
                let start = line
                var fields: [String] = []
                while true {
                    fields.append(try field())
                    guard index < bytes.count else { break }
                    if bytes[index] == delimiter {
                        index += 1
                        continue
                    }
                    consumeLineEnd()
                    break
                }
                result.append(CSVRecord(line: start, fields: fields))
            }
            return result
        }

        /// One field; leaves `index` on the comma or line end that follows it (or at the end).
        private mutating func field() throws(CSVError) -> String {
            guard index < bytes.count, bytes[index] == CSVParser.quote else {
                return try unquotedField()
            }
            let openedOn = line
            index += 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw CSVError(line: openedOn,
                                   message: "unterminated quoted field (a \" opened here is never closed)")
                }
                let byte = bytes[index]
                if byte == CSVParser.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == CSVParser.quote {
                        value.append(CSVParser.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                if startsLineEnd(at: index) {
                    line += 1
                }
                value.append(byte)
                index += 1
            }
            if index < bytes.count, bytes[index] != delimiter, !isLineEnd(bytes[index]) {
                throw CSVError(line: line,
                               message: "unexpected text after a closing quote (write a quote inside a quoted field as \"\")")
            }
            return String(decoding: value, as: UTF8.self)
        }

        private mutating func unquotedField() throws(CSVError) -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == delimiter || isLineEnd(byte) { break }
                if byte == CSVParser.quote {
                    throw CSVError(line: line,
                                   message: "a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")")
                }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private func isLineEnd(_ byte: UInt8) -> Bool {
            byte == CSVParser.lf || byte == CSVParser.cr
        }

        /// Whether a line end (LF, lone CR, or the CR of a CRLF) begins at `i`; the LF of a CRLF
        /// does not begin one, so CRLF counts as a single line.
        private func startsLineEnd(at i: Int) -> Bool {
            if bytes[i] == CSVParser.cr { return true }
            return bytes[i] == CSVParser.lf && !(i > 0 && bytes[i - 1] == CSVParser.cr)
        }

        /// Consumes one LF, CRLF or lone CR at `index` (if any) and counts the line.
        private mutating func consumeLineEnd() {
            guard index < bytes.count, isLineEnd(bytes[index]) else { return }
            if bytes[index] == CSVParser.cr, index + 1 < bytes.count, bytes[index + 1] == CSVParser.lf {
                index += 2
            } else {
                index += 1
            }
            line += 1
        }
    }
}
