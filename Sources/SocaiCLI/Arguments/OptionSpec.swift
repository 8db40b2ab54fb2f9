import SocaiCore

/// One `--name` a command (or every command, for globals) accepts.
///
/// A description, not behaviour: the scanner only checks shape (known name, value present,
/// not repeated); what a value means is validated by the command that reads it, so the error can
/// name the field and the fix. Its help is `LocalizedText`, so it cannot be written in one
/// language only (`--help --lang vi` shows the Vietnamese).
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes (`figure` for `--figure`); the key under which values are found.
    /// The same in both languages: it is what is typed.
    public var name: String
    /// The single-letter spelling (`h` for `-h`), if any.
    public var short: Character?
    /// What the value looks like in help (`KEY=N` shows as `<KEY=N>`, `<MÃ=N>` in Vietnamese);
    /// `nil` makes the option a flag.
    public var valueName: LocalizedText?
    /// One line (or a short paragraph) for the help screen.
    public var help: LocalizedText
    /// Whether the option may be given more than once (`--figure KEY=N …`); otherwise a second
    /// occurrence is an error rather than a silent "last one wins".
    public var repeatable: Bool
    /// Whether the command refuses to run without it (help is still shown with `--help`).
    public var required: Bool
    /// Accepted but left out of help, usage and suggestions: old spellings kept working after a rename.
    public var hidden: Bool

    public init(
        name: String,
        short: Character? = nil,
        valueName: LocalizedText? = nil,
        help: LocalizedText,
        repeatable: Bool = false,
        required: Bool = false,
        hidden: Bool = false
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.required = required
        self.hidden = hidden
    }

    /// An option whose value is one of socai's value names (`<UNIT>` / `<ĐƠN_VỊ>`).
    public init(
        name: String,
        short: Character? = nil,
        value: ValueName,
        help: LocalizedText,
        repeatable: Bool = false,
        required: Bool = false,
        hidden: Bool = false
    ) {
        self.init(name: name, short: short, valueName: value.text, help: help, repeatable: repeatable,
                  required: required, hidden: hidden)
    }

    /// Whether the option consumes a value (`--unit huyen`) rather than being a flag (`--dry-run`).
    public var takesValue: Bool { valueName != nil }

    /// `-h/--help`: every command accepts it, so the scanner adds it to the globals when they lack it.
    public static let help = OptionSpec(name: "help", short: "h",
                                        help: LocalizedText(en: "Show help information.", vi: "Hiện hướng dẫn."))
}
