/// Text made safe for HTML and SVG: every piece of text a report shows goes through here, so a
/// unit called `<script>alert(1)</script>` is shown as those characters and never runs.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'` (so the result is safe in element content and in quoted
    /// attribute values alike) and replaces control characters HTML does not allow with U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// A piece of markup being built: literal markup is appended as is, text always escaped.
struct Markup {
    private(set) var html = ""

    /// Literal markup written by the renderer itself (never data).
    mutating func raw(_ markup: String) { html += markup }

    /// Data shown as text, escaped.
    mutating func text(_ text: String) { html += HTMLEscaping.escape(text) }

    /// `<name attributes>text</name>`, with every attribute value and the text escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        html += "</" + name + ">"
    }

    /// `<name attributes>`, attribute values escaped.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        html += "<" + name + Markup.attributes(attributes) + ">"
    }

    mutating func close(_ name: String) { html += "</" + name + ">" }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + HTMLEscaping.escape($0.1) + "\"" }.joined()
    }
}
