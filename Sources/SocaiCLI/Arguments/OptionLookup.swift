extension ArgumentScanner {
    /// The options in force for one command: its own, then the globals (its own win on a clash), with
    /// `-h/--help` always present.
    struct OptionLookup {
        let commandOptions: [OptionSpec]
        let globals: [OptionSpec]

        init(command: [OptionSpec], globals: [OptionSpec]) {
            self.commandOptions = command
            self.globals = globals.contains { $0.name == OptionSpec.help.name }
                ? globals
                : globals + [OptionSpec.help]
        }

        var all: [OptionSpec] { commandOptions + globals }

        func long(_ name: String) -> OptionSpec? {
            all.first { $0.name == name }
        }

        func short(_ letter: Character) -> OptionSpec? {
            all.first { $0.short == letter }
        }

        /// Whether `argument` names an option in force; such a word is never taken as the value of
        /// the option before it (`--unit --date …` is a missing value, not a unit called "--date").
        func namesOption(_ argument: String) -> Bool {
            switch Token(argument) {
            case .endOfOptions: true
            case .long(let name, _): long(name) != nil
            case .short(let letter): short(letter) != nil
            case .singleDashWord, .word: false
            }
        }

        /// Long names worth suggesting for a typo, command options first.
        var suggestionNames: [String] {
            all.filter { !$0.hidden }.map(\.name)
        }
    }
}
