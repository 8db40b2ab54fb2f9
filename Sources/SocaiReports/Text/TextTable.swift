import SocaiCore

/// A plain-text table for terminal output (`--format text`).
///
/// Columns are sized by `DisplayWidth`, not by bytes, scalars or `Character`s, so a column of
/// Vietnamese names lines up whether they arrived in NFC or NFD, and CJK text takes its two columns.
/// Layout: header row, a rule of "─" under each column, then the rows; two spaces between columns;
/// trailing spaces trimmed from every line (diff- and test-friendly); every line ends with "\n".
/// Rows shorter than the columns are padded with empty cells; cells beyond the last column are kept
/// as extra untitled left-aligned columns rather than dropped. Line breaks and tabs inside a cell are
/// shown as spaces so that one row stays one line.
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    private var titles: [String]
    private var alignments: [Alignment]
    private var rows: [[String]] = []

    public init(columns: [(title: String, alignment: Alignment)]) {
        self.titles = columns.map { Self.singleLine($0.title) }
        self.alignments = columns.map(\.alignment)
    }

    /// Adds one row of cells, in column order.
    public mutating func append(_ row: [String]) {
        rows.append(row.map(Self.singleLine))
    }

    /// The table cut to fit `width` columns. The columns in `shrinking` give up space in that
    /// order, each down to its width there (a column may appear twice: first to a comfortable
    /// width, later to the narrowest), and their cells are cut with "…". Columns not listed keep
    /// their width (a seq or a date cut would mislead). A table that fits is unchanged; one that
    /// cannot fit stops at the narrowest widths.
    public func render(fitting width: Int, shrinking: [(column: Int, downTo: Int)]) -> String {
        var widths = naturalWidths()
        var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - width
        for step in shrinking where excess > 0 && step.column < widths.count {
            let given = min(excess, max(0, widths[step.column] - step.downTo))
            widths[step.column] -= given
            excess -= given
        }
        return render(widths: widths)
    }

    /// Each column's width: its widest cell, title included.
    private func naturalWidths() -> [Int] {
        let columnCount = max(titles.count, rows.map(\.count).max() ?? 0)
        var widths = Array(repeating: 0, count: columnCount)
        for row in [titles] + rows {
            for (column, value) in row.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(value)) }
        }
        return widths
    }

    /// The rendered table, or "" when it has no columns.
    public func render() -> String { render(widths: naturalWidths()) }

    /// The table with columns of `widths`; a cell wider than its column is cut with "…".
    private func render(widths: [Int]) -> String {
        let columnCount = widths.count
        guard columnCount > 0 else { return "" }
        func cell(_ row: [String], _ column: Int) -> String {
            column < row.count ? row[column] : ""
        }
        func alignment(_ column: Int) -> Alignment {
            column < alignments.count ? alignments[column] : .left
        }
        func line(_ row: [String]) -> String {
            var text = ""
            for column in 0..<columnCount {
                if column > 0 { text += "  " }
                var value = cell(row, column)
                var used = DisplayWidth.of(value)
                if used > widths[column] {
                    value = DisplayWidth.truncated(value, to: widths[column])
                    used = DisplayWidth.of(value)
                }
                let padding = String(repeating: " ", count: widths[column] - used)
                text += alignment(column) == .right ? padding + value : value + padding
            }
            return Self.trimmingTrailingSpaces(text) + "\n"
        }
        var output = line(titles)
        output += line(widths.map { String(repeating: "─", count: $0) })
        for row in rows {
            output += line(row)
        }
        return output
    }

    private static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                break  // CRLF is one line break
            case "\n", "\r", "\t":
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return String(scalars)
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while scalars.last == " " {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }
}
