import SocaiCore

/// What shell completion offers, read from the same `CommandSpec`s that scan and document the
/// command line, so a completion can never offer an option socai would refuse.
struct CompletionModel {
    /// What to offer after an option, or as a positional.
    enum Values: Equatable {
        /// Unit ids, asked from the journal at completion time (`socai __complete units`).
        case units
        /// Figure keys followed by `=` (`--figure members=`).
        case figureKeys
        case words([String])
        case files
        case directories
        /// A free value (a name, a date, a number): nothing to offer.
        case free
    }

    struct Command {
        /// `record conference`; empty for the program itself.
        var path: String
        var abstract: String
        var subcommands: [(word: String, abstract: String)]
        /// `--unit`, `-o`, …
        var options: [String]
        var positionals: Values?
    }

    var commands: [Command]
    var globalOptions: [String]
    /// Every option (with its dashes) that takes a value, under any command.
    var valueOptions: [String]
    /// Options whose values are the same under every command.
    var optionValues: [(option: String, values: Values)]
    /// Options whose values depend on the command (`--kind` of `record conference`).
    var commandOptionValues: [(command: String, option: String, values: Values)]

    static let unitOptions: Set<String> = ["unit", "parent", "into", "in", "from"]

    /// `language` is that of the descriptions fish shows beside commands.
    init(root: CommandSpec, globals: [OptionSpec], language: Language = .en) {
        var commands: [Command] = []
        var valueOptions = Set<String>()
        var commandValues: [(String, String, Values)] = []
        func spelled(_ option: OptionSpec) -> [String] {
            ["--" + option.name] + (option.short.map { ["-" + String($0)] } ?? [])
        }
        func visit(_ spec: CommandSpec) {
            let visible = spec.options.filter { !$0.hidden }
            commands.append(Command(path: spec.name, abstract: spec.abstract.text(language),
                                    subcommands: spec.subcommands.map { ($0.word, $0.abstract.text(language)) },
                                    options: visible.flatMap(spelled) + ["--help"],
                                    positionals: spec.positionals.isEmpty ? nil : CompletionModel.positionalValues(spec.name)))
            for option in visible where option.takesValue {
                spelled(option).forEach { valueOptions.insert($0) }
                if let values = CompletionModel.commandSpecific(spec.name, option.name) {
                    commandValues.append((spec.name, "--" + option.name, values))
                }
            }
            spec.subcommands.forEach(visit)
        }
        visit(root)
        for option in globals where option.takesValue { spelled(option).forEach { valueOptions.insert($0) } }
        self.commands = commands
        self.globalOptions = globals.filter { !$0.hidden }.flatMap(spelled) + ["--help"]
        self.valueOptions = valueOptions.sorted()
        self.commandOptionValues = commandValues
        var shared: [(String, Values)] = CompletionModel.unitOptions.sorted().map { ("--" + $0, .units) }
        shared += [("--figure", .figureKeys), ("--target", .figureKeys),
                   ("--format", .words(["text", "json", "csv", "html", "cloudevents", "cloudevents-lines"])), ("--lang", .words(["vi", "en"])),
                   ("--journal", .directories), ("--snapshots", .directories), ("--out", .files), ("-o", .files),
                   ("--setting", .words(UnitSetting.allCases.map(\.rawValue))),
                   ("--type", .words(EventType.allCases.map(\.recordName)))]
        self.optionValues = shared.filter { pair in valueOptions.contains(pair.0) }
    }

    /// Values that depend on the command the option belongs to.
    static func commandSpecific(_ command: String, _ option: String) -> Values? {
        switch (command, option) {
        case ("record conference", "kind"): .words(ConferenceKind.allCases.map(\.rawValue))
        case (_, "kind"): .words(UnitKind.allCases.map(\.rawValue))
        case ("record rating", "of"): .words(RatingSubject.allCases.map(\.rawValue))
        case ("record merger", "of"): .words(UnitKind.allCases.map(\.rawValue))
        case ("record departure", "reason"): .words(["transfer-out", "death", "expulsion", "struck-off", "exit"])
        case ("audit", "figure"): .words(FigureCatalogue.keys)
        default: nil
        }
    }

    static func positionalValues(_ command: String) -> Values {
        // NB: statements rather than a switch expression: the latter crashes Swift 6.3.1's SILGen here.
        if command == "help" {
            let topics = ["figures", "units", "dates", "terms", "percentages"]
            let names: [String] = SocaiCLI.commands.map { $0.spec.name }
            return .words(topics + names)
        }
        if command == "completion" { return .words(["bash", "zsh", "fish"]) }
        if command == "import" { return .files }
        return .free
    }
}
