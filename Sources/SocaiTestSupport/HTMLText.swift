/// What a reader sees of an HTML page, for the tests that look for English in a report: the text
/// between tags, one line per piece (style sheets left out, entities undone), and the text of the
/// `aria-label` and `title` attributes, which a screen reader or a tooltip shows.
public enum HTMLText {
    public static func visible(_ html: String) -> String {
        var lines: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            lines.append(String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            lines += attributes(["aria-label", "title"], in: tag)
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("style"), let end = rest.firstRange(of: "</style>") { rest = rest[end.upperBound...] }
        }
        lines.append(String(rest))
        return lines.map { unescape($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func attributes(_ names: [String], in tag: Substring) -> [String] {
        names.compactMap { name in
            guard let start = tag.firstRange(of: " \(name)=\"") else { return nil }
            let value = tag[start.upperBound...]
            return String(value.prefix { $0 != "\"" })
        }
    }

    private static func unescape(_ text: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")]
            .reduce(text) { $0.replacingAll($1.0, with: $1.1) }
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
