import SocaiCore

/// Colour for text output, or none. Renderers take `.plain` unless told otherwise; the CLI asks
/// for colour only when stdout is a terminal, `NO_COLOR` is unset or empty (no-color.org) and
/// `TERM` is not `dumb`, so files, pipes and logs always get plain text.
public struct TextStyle: Sendable, Hashable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public static let plain = TextStyle(colour: false)

    /// Whether colour suits this output: a terminal, no `NO_COLOR`, a capable `TERM`.
    public static func forTerminal(isTerminal: Bool, environment: [String: String]) -> TextStyle {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return TextStyle(colour: isTerminal && !noColour && environment["TERM"] != "dumb")
    }

    /// A severity label in its colour: errors red, warnings yellow, notes dim.
    public func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: sgr(text, "1;31")
        case .warning: sgr(text, "33")
        case .note: sgr(text, "2")
        }
    }

    public func bold(_ text: String) -> String { sgr(text, "1") }

    private func sgr(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }
}
