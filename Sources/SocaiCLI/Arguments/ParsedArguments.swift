/// What the scanner found on a command line: options by long name and positionals, still as text.
///
/// Values are kept raw (no splitting on commas, no number parsing) so that the command reading them
/// can report a bad value against the option the user typed.
public struct ParsedArguments: Sendable, Equatable {
    /// One option as given, in command-line order. Short spellings are stored under the long name.
    public struct Occurrence: Sendable, Equatable {
        public var name: String
        /// `nil` for a flag.
        public var value: String?

        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// The command these arguments were scanned for (`record conference`), for error messages.
    public var command: String
    /// Every option given, globals included, in order.
    public var occurrences: [Occurrence]
    /// The positional words, in order (after `--` included).
    public var positionals: [String]
    /// Positional words by `PositionalSpec.name`.
    public var positionalsByName: [String: [String]]

    public init(
        command: String,
        occurrences: [Occurrence] = [],
        positionals: [String] = [],
        positionalsByName: [String: [String]] = [:]
    ) {
        self.command = command
        self.occurrences = occurrences
        self.positionals = positionals
        self.positionalsByName = positionalsByName
    }

    /// The value of an option; for a repeatable option the last one given. `nil` when not given.
    public func value(_ name: String) -> String? {
        occurrences.last { $0.name == name }?.value
    }

    /// All values of a (repeatable) option, in the order given, each as typed.
    public func values(_ name: String) -> [String] {
        occurrences.compactMap { $0.name == name ? $0.value : nil }
    }

    /// Whether a flag (or any option) was given.
    public func flag(_ name: String) -> Bool {
        isGiven(name)
    }

    /// Whether the option was given at all, flag or value.
    public func isGiven(_ name: String) -> Bool {
        occurrences.contains { $0.name == name }
    }

    /// The long names of the options given, each once, in order of first appearance; lets a command
    /// refuse options that make no sense together, or record which ones the user typed.
    public var givenOptions: [String] {
        var seen = Set<String>()
        return occurrences.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// `-h/--help` was given somewhere: show help instead of running.
    public var helpRequested: Bool { flag(OptionSpec.help.name) }

    /// The first word taken by the named positional.
    public func positional(_ name: String) -> String? {
        positionalsByName[name]?.first
    }

    /// All words taken by the named (repeatable) positional.
    public func positionalValues(_ name: String) -> [String] {
        positionalsByName[name] ?? []
    }
}
