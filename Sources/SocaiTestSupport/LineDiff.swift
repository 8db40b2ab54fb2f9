/// A line-by-line difference between an expected and an actual text, printed like `diff -u`
/// (`-` expected, `+` actual, two lines of context): what a golden test shows when output changed.
public enum LineDiff {
    /// The hunks that differ, or "" when the texts are equal. Trailing spaces are shown as `·` on
    /// changed lines, and a missing final newline is said, since neither is visible otherwise.
    public static func unified(expected: String, actual: String, context: Int = 2) -> String {
        guard expected != actual else { return "" }
        let old = lines(expected), new = lines(actual)
        let operations = script(old, new)
        var output: [String] = []
        var index = 0
        while index < operations.count {
            guard operations[index].kind != .same else { index += 1; continue }
            // A hunk: this change, the changes within 2 × context of it, and context around them.
            var end = index
            var scan = index
            while scan < operations.count {
                if operations[scan].kind != .same { end = scan; scan += 1; continue }
                if scan - end > 2 * context { break }
                scan += 1
            }
            let start = max(0, index - context), stop = min(operations.count - 1, end + context)
            let first = operations[start]
            output.append("@@ expected line \(first.oldLine + 1), actual line \(first.newLine + 1) @@")
            for operation in operations[start...stop] {
                switch operation.kind {
                case .same: output.append("  " + old[operation.oldLine])
                case .removed: output.append("- " + visible(old[operation.oldLine]))
                case .added: output.append("+ " + visible(new[operation.newLine]))
                }
            }
            index = stop + 1
        }
        let expectedEnds = expected.unicodeScalars.last == "\n", actualEnds = actual.unicodeScalars.last == "\n"
        if expectedEnds != actualEnds {
            output.append(expectedEnds ? "(the actual output has no newline at its end)" : "(the expected output has no newline at its end)")
        }
        return output.joined(separator: "\n")
    }

    private enum Kind { case same, removed, added }

    private struct Operation {
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    /// Split at every `\n` scalar: a `Character` split would keep `\r\n` (CSV) whole.
    private static func lines(_ text: String) -> [String] {
        var parts = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        if text.unicodeScalars.last == "\n" { parts.removeLast() }
        return parts
    }

    /// Trailing spaces as `·` and a line's `\r` as `␍`.
    private static func visible(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        var marks = ""
        if scalars.last == "\r" { scalars.removeLast(); marks = "␍" }
        var trailing = 0
        while scalars.last == " " { scalars.removeLast(); trailing += 1 }
        return String(String.UnicodeScalarView(scalars)) + String(repeating: "·", count: trailing) + marks
    }

    /// The edit script: the common prefix and suffix as they are, the middle by longest common
    /// subsequence (quadratic in the changed part only, which is small in practice).
    private static func script(_ old: [String], _ new: [String]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var operations = (0..<prefix).map { Operation(kind: .same, oldLine: $0, newLine: $0) }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                operations.append(Operation(kind: .same, oldLine: prefix + i, newLine: prefix + j))
                i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                operations.append(Operation(kind: .removed, oldLine: prefix + i, newLine: prefix + j))
                i += 1
            } else {
                operations.append(Operation(kind: .added, oldLine: prefix + i, newLine: prefix + j))
                j += 1
            }
        }
        for k in 0..<suffix {
            operations.append(Operation(kind: .same, oldLine: old.count - suffix + k, newLine: new.count - suffix + k))
        }
        return operations
    }
}
