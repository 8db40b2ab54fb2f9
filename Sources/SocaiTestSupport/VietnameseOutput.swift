import SocaiCLI
import SocaiCore

/// What may stay as it is in socai's Vietnamese output: the words a clerk types as they are
/// (command words, option names, figure keys, choice codes, unit ids) and a few technical names.
/// Used with `EnglishWords` by the tests that run socai under `--lang vi`.
public enum VietnameseOutput {
    public static func allowedWords(unitIDs: [String] = []) -> Set<String> {
        var words = Set<String>(technical + exampleIDs + topics + figureSuffixes + unitIDs)
        func visit(_ spec: CommandSpec) {
            words.insert(spec.word)
            for option in spec.options { words.insert(option.name) }
            for positional in spec.positionals { words.insert(positional.name) }
            spec.subcommands.forEach(visit)
        }
        visit(SocaiCLI.commandTree)
        for option in SocaiCLI.globalOptions + [OptionSpec.help] { words.insert(option.name) }
        for key in FigureCatalogue.keys { words.insert(key); key.split(separator: "-").forEach { words.insert(String($0)) } }
        for name in PrintedPercentName.examples(onRating: false) + PrintedPercentName.examples(onRating: true) {
            words.insert(name)
            name.split(separator: "-").forEach { words.insert(String($0)) }
        }
        for list in ChoiceList.all {
            for code in list.codes { words.insert(code); code.split(separator: "-").forEach { words.insert(String($0)) } }
        }
        return words
    }

    /// The unit ids socai's own help uses in examples.
    static let exampleIDs = ["sop-cop", "son-la", "muong-thanh", "dien-bien-phu", "dien-bien", "ban-a", "ban-b", "ban-c", "huyen"]
    /// `socai help TOPIC` and `socai __complete WHAT`: typed as they are.
    static let topics = ["figures", "units", "dates", "terms", "percentages"]
    /// The parts of derived figure names (`X-per-year`, `X-reduction`, `X-change`, `X-share`).
    static let figureSuffixes = ["per", "year", "change", "share", "attainment", "reduction"]

    /// Names of formats, programs, keys and file parts, the same in every language.
    static let technical = ["socai", "text", "json", "csv", "html", "cloudevents", "cloudevents-lines", "jsonl", "bash", "zsh", "fish", "chromium", "jq",
                            "Tab", "Enter", "Ctrl", "Excel", "vi", "en", "Journal", "Snapshots", "CloudEvents", "Lines", "compinit",
                            "source", "xxxxxxxx", "xxxx", "xxxxxxxxxxxx", "MiB", "UTF", "BOM", "VALUE", "KEY", "byte", "YYYY",
                            "Windows", "Unix", "LF", "CR"]
}
