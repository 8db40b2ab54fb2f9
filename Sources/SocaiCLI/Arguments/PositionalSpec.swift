import SocaiCore

/// An argument given by position rather than by name (`socai import FILE`).
public struct PositionalSpec: Sendable, Equatable {
    /// Shown as `<name>` in usage and help, and the key for `ParsedArguments.positional(_:)`.
    public var name: String
    public var help: LocalizedText
    /// Whether the command runs without it.
    public var optional: Bool
    /// Whether it takes all the remaining words; only sensible for the last positional.
    public var repeatable: Bool

    public init(name: String, help: LocalizedText, optional: Bool = false, repeatable: Bool = false) {
        self.name = name
        self.help = help
        self.optional = optional
        self.repeatable = repeatable
    }
}
