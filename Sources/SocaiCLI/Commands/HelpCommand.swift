import SocaiCore
import SocaiReports

/// `socai help [TOPIC]`: figures (the catalogue), units (kinds), dates, terms, printed percentages.
enum HelpCommand: Command {
    static let spec = CommandSpec(
        name: "help", abstract: LocalizedText(
            en: "Explain a topic: figures, units, dates, terms, percentages (or a command: socai help record).",
            vi: "Giải thích một mục: figures (số liệu), units (đơn vị), dates (ngày), terms (nhiệm kỳ), percentages (tỷ lệ), hoặc một lệnh: socai help record."),
        positionals: [PositionalSpec(name: "topic", help: LocalizedText(
            en: "figures, units, dates, terms, percentages, or a command name.",
            vi: "figures, units, dates, terms, percentages, hoặc tên một lệnh."), optional: true, repeatable: true)],
        examples: ["socai help figures --lang vi", "socai help dates"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let words = arguments.positionals
        let p = invocation.presenter
        func t(_ text: HelpTopicText) -> String { p.text(text()) }
        let vi = invocation.language == .vi
        switch words.first {
        case nil:
            invocation.out(HelpFormatter.help(for: SocaiCLI.root, path: [], globals: GlobalOptions.specs, width: 100,
                                              language: invocation.language) + "\n")
        case "figures":
            // One label column in the reader's language; English readers also get the Vietnamese, as printed in documents.
            var columns: [(title: String, alignment: TextTable.Alignment)] = [(t(.key), .left), (t(.nature), .left)]
            columns += vi ? [("Tiếng Việt", .left)] : [("English", .left), ("Tiếng Việt", .left)]
            var table = TextTable(columns: columns)
            for d in FigureCatalogue.all {
                table.append([d.key, t(nature(d.nature))] + (vi ? [d.label.vi] : [d.label.en, d.label.vi]))
            }
            invocation.out(table.render())
            invocation.out("\n" + t(.figuresNotes))
        case "units":
            var columns: [(title: String, alignment: TextTable.Alignment)] = [(t(.kind), .left)]
            columns += vi ? [("Tiếng Việt", .left)] : [("English", .left), ("Tiếng Việt", .left)]
            var table = TextTable(columns: columns)
            for kind in UnitKind.allCases { table.append([kind.rawValue] + (vi ? [kind.label.vi] : [kind.label.en, kind.label.vi])) }
            invocation.out(table.render())
            let settings = ChoiceList.unitSettings
            let listed = settings.codes.map { vi ? settings.label($0).vi + " (" + $0 + ")" : $0 }.joined(separator: ", ")
            invocation.out("\n" + t(.settings) + listed + "\n" + t(.unitsNote))
        case "dates":
            invocation.out(t(.dates))
        case "terms":
            invocation.out(t(.terms))
        case "percentages":
            invocation.out(t(.percentages))
        default:
            let resolved: (command: CommandSpec, path: [String], rest: [String])
            do { resolved = try ArgumentScanner.resolveCommand(words, root: SocaiCLI.root, globals: GlobalOptions.specs) } catch {
                throw .usage(UsageError(message: HelpTopicText.noTopic(["topic": words.joined(separator: " ")]), command: "help",
                                        hint: HelpTopicText.topicsAre()))
            }
            invocation.out(HelpFormatter.help(for: resolved.command, path: resolved.path, globals: GlobalOptions.specs, width: 100,
                                              language: invocation.language) + "\n")
        }
        return .success
    }

    static func nature(_ nature: FigureNature) -> HelpTopicText {
        switch nature {
        case .level: .levelNature
        case .flow: .flowNature
        case .share: .shareNature
        case .amount: .amountNature
        }
    }
}
