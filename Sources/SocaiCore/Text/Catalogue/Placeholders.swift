/// `{name}` placeholders: found and filled the same way in both languages.
public enum Placeholders {
    /// The names of the `{name}` placeholders in `text`, in order (a name is a letter followed by
    /// letters, digits and dashes, so JSON such as `{"type": …}` in a help text is not one).
    public static func names(_ text: String) -> [String] {
        var found: [String] = []
        scan(text) { name in found.append(name); return nil }
        return found
    }

    static func fill<Values: Sequence>(_ text: LocalizedText, _ values: Values) -> LocalizedText
    where Values.Element == (String, LocalizedText) {
        var table: [String: LocalizedText] = [:]
        for (name, value) in values { table[name] = value }
        return LocalizedText(en: scan(text.en) { table[$0]?.en }, vi: scan(text.vi) { table[$0]?.vi })
    }

    static func fill(_ text: LocalizedText, _ values: KeyValuePairs<String, LocalizedText>) -> LocalizedText {
        fill(text, values.map { ($0.key, $0.value) })
    }

    /// `text` with each placeholder `replacement(name)` gives a value for replaced; the others kept
    /// as written.
    @discardableResult
    private static func scan(_ text: String, _ replacement: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            let close = name.endIndex
            if let first = name.first, first.isLetter, close < after.endIndex, after[close] == "}" {
                if let value = replacement(String(name)) {
                    out += value
                } else {
                    out += rest[open...close]
                }
                rest = after[after.index(after: close)...]
            } else {
                out.append("{")
                rest = after
            }
        }
        return out + rest
    }
}
