import SocaiCore
import SocaiReports

/// `socai replay`: units and their figures at a date, as known now or at an earlier time.
enum ReplayCommand: Command {
    static let spec = CommandSpec(
        name: "replay", abstract: LocalizedText(
            en: "The state of units at a date, optionally as the journal knew it at an earlier time.",
            vi: "Tình hình các đơn vị tại một ngày, có thể theo những gì sổ biết vào một thời điểm trước đó."),
        options: [
            OptionSpec(name: "to", value: .date, help: LocalizedText(en: "The date (end of day); default today.",
                                                                     vi: "Ngày cần xem (tính đến cuối ngày); mặc định hôm nay.")),
            OptionSpec(name: "known-at", value: .time, help: LocalizedText(
                en: "Only events recorded by then (2024-01-23T08:00:00Z, or a date: its end, Vietnam time).",
                vi: "Chỉ tính các sự kiện đã ghi đến thời điểm đó (2024-01-23T08:00:00Z, hoặc một ngày: cuối ngày, giờ Việt Nam).")),
            OptionSpec(name: "unit", value: .unit, help: CommandHelp.unitSubtree),
            OptionSpec(name: "boundaries", value: .date, help: CommandHelp.boundaries),
        ],
        examples: ["socai replay --to 2023-12-31", "socai replay --to 2023-12-31 --boundaries 2025-07-01", "socai replay --to 31/12/2023 --unit 'sop cop' --lang vi", "socai replay --to 2019-12-31 --known-at 2020-01-15 --json"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let to = try invocation.date(arguments, "to") ?? invocation.today
        let knownAt = try invocation.knownAt(arguments)
        let session = try JournalSession.load(invocation, knownAt: knownAt, refresh: true)
        let rules = session.rules
        let root = try arguments.value("unit").map { (text) throws(CLIError) in try invocation.unit(text, in: rules, command: spec.name) }
        let boundaries = try invocation.boundaries(arguments, unit: root, in: rules, command: spec.name)
        let report = rules.replay(at: to, root: root.map { rules.registry[$0].id }, knownAt: knownAt, boundaries: boundaries)
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.replay(report)))
        case .csv: invocation.out(ReportCSV.replay(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(ReplayText.render(report, invocation.presenter))
        }
        return .success
    }
}
