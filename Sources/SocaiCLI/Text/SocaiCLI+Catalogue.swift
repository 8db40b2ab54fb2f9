import SocaiCore
import SocaiReports
import SocaiStore

extension SocaiCLI {
    /// Every user-facing text socai owns, in both languages: SocaiCore's areas (`Catalogue.core`:
    /// check kinds, choice words), the CLI's (argument errors, help's fixed words, value names,
    /// what commands print, help topics, guided entry and its choices), SocaiReports' CSV columns,
    /// SocaiStore's (why a journal is damaged, why an image is passed over), and the help of every
    /// command, option and argument, walked from the command tree.
    /// `CatalogueTests` walks it.
    public static var catalogue: [CatalogueEntry] {
        var entries = Catalogue.core
        entries += UsageText.entries + HelpText.entries + ValueName.entries + CommandText.entries + HelpTopicText.entries
        entries += GuidedText.entries + GuidedChoices.yesNo.entries + GuidedChoices.mergerModes.entries + CSVColumn.entries
        entries += DamageText.entries + SnapshotText.entries
        entries += helpEntries(root) + helpEntries(CompleteCommand.spec)
        for option in GlobalOptions.specs + [OptionSpec.help] { entries += helpEntries(option, in: "global") }
        return entries
    }

    /// The command tree and the global options, for tests that walk every command (`--help` of each).
    public static var commandTree: CommandSpec { root }
    public static var globalOptions: [OptionSpec] { GlobalOptions.specs }

    /// Texts meant to read the same in both languages: formats and codes that are typed as they are.
    public static var sameInBothLanguages: Set<String> {
        Set(ValueName.sameInBothLanguages.map(\.id))
    }

    private static func helpEntries(_ spec: CommandSpec) -> [CatalogueEntry] {
        let path = "spec." + (spec.name.isEmpty ? "socai" : spec.name.split(separator: " ").joined(separator: "."))
        var entries = [CatalogueEntry(id: path + ".abstract", text: spec.abstract)]
        if let discussion = spec.discussion { entries.append(CatalogueEntry(id: path + ".discussion", text: discussion)) }
        for (index, line) in (spec.usage ?? []).enumerated() {
            entries.append(CatalogueEntry(id: path + ".usage.\(index + 1)", text: line))
        }
        for option in spec.options { entries += helpEntries(option, in: path) }
        for positional in spec.positionals {
            entries.append(CatalogueEntry(id: path + ".<\(positional.name)>", text: positional.help))
        }
        return entries + spec.subcommands.flatMap(helpEntries)
    }

    /// An option's help (its value name is a `ValueName`, walked with them).
    private static func helpEntries(_ option: OptionSpec, in path: String) -> [CatalogueEntry] {
        [CatalogueEntry(id: path + ".--" + option.name, text: option.help)]
    }
}
