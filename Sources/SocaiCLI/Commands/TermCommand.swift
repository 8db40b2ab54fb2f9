import SocaiCore
import SocaiReports

/// `socai term`: a unit's congress term.
enum TermCommand: Command {
    static let spec = CommandSpec(
        name: "term", abstract: LocalizedText(
            en: "A unit's term: figures at start and end, flows, targets and attainment, ratings per year.",
            vi: "Nhiệm kỳ của một đơn vị: số liệu đầu và cuối kỳ, biến động, chỉ tiêu và mức đạt, xếp loại từng năm."),
        options: [
            OptionSpec(name: "unit", value: .unit, help: LocalizedText(en: "The unit.", vi: "Đơn vị."), required: true),
            OptionSpec(name: "term", value: .term, help: CommandHelp.term),
            OptionSpec(name: "known-at", value: .time, help: CommandHelp.knownAt),
            OptionSpec(name: "boundaries", value: .date, help: CommandHelp.boundaries),
            OptionSpec(name: "today", value: .date, help: LocalizedText(en: "Answer a running term up to this date instead of today.",
                                                                        vi: "Trả lời nhiệm kỳ đang diễn ra đến ngày này thay vì hôm nay."),
                       hidden: true),
        ],
        examples: ["socai term --unit sop-cop --term 2020-2025", "socai term --unit x --term 2020-2025 --boundaries 2025-07-01", "socai term --unit 'dien bien phu' --term 2015-2020 --lang vi"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let knownAt = try invocation.knownAt(arguments)
        let session = try JournalSession.load(invocation, knownAt: knownAt, refresh: true)
        let rules = session.rules
        let unit = try invocation.unit(arguments.value("unit") ?? "", in: rules, command: spec.name)
        let today = try invocation.date(arguments, "today") ?? invocation.today
        var term = rules.terms.current(unit, on: today)
        if let text = arguments.value("term") {
            guard let parsed = TermLabel(text) else {
                throw .usage(UsageError(message: UsageText.notATerm(["value": text]), command: spec.name, hint: UsageText.writeATerm()))
            }
            term = parsed
        }
        let boundaries = try invocation.boundaries(arguments, unit: unit, in: rules, command: spec.name)
        let report = rules.term(unit, term, today: today, boundaries: boundaries)
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.term(report)))
        case .csv: invocation.out(ReportCSV.term(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(TermText.render(report, invocation.presenter))
        }
        return .success
    }
}
