extension HelpFormatter {
    /// Greedy word wrapping by Character count (one Vietnamese letter with diacritics is one column in
    /// NFC). A word longer than the width gets a line of its own rather than being cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` wrapped to `width`, the first line after `lead` and the others indented by `indent`.
    static func hanging(_ lead: String, _ text: String, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let wrapped = wrap(text, width: max(width - indent, minimumTextWidth))
        return wrapped.enumerated().map { $0.offset == 0 ? lead + $0.element : pad + $0.element }
    }

    /// Below this, text is allowed past the width rather than squeezed into a column of stubs.
    static let minimumTextWidth = 20
}
