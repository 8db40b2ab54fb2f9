import SocaiCore
import SocaiReports

/// `socai term`: a unit's congress term.
enum TermCommand: Command {
    static let spec = CommandSpec(
        name: "term", abstract: "A unit's term: figures at start and end, flows, targets and attainment, ratings per year.",
        options: [
            OptionSpec(name: "unit", valueName: "UNIT", help: "The unit.", required: true),
            OptionSpec(name: "term", valueName: "YYYY-YYYY", help: "The term, e.g. 2020-2025 (default: the current one)."),
            OptionSpec(name: "known-at", valueName: "TIME", help: "Only events recorded by then."),
            OptionSpec(name: "today", valueName: "DATE", help: "Answer a running term up to this date instead of today.", hidden: true),
        ],
        examples: ["socai term --unit sop-cop --term 2020-2025", "socai term --unit 'dien bien phu' --term 2015-2020 --lang vi"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let knownAt = try invocation.knownAt(arguments)
        let session = try JournalSession.load(invocation, knownAt: knownAt)
        let rules = session.rules
        let unit = try invocation.unit(arguments.value("unit") ?? "", in: rules, command: spec.name)
        let today = try invocation.date(arguments, "today") ?? invocation.today
        var term = rules.terms.current(unit, on: today)
        if let text = arguments.value("term") {
            guard let parsed = TermLabel(text) else {
                throw .usage(UsageError(message: "--term '\(text)' is not a term", command: spec.name, hint: "write two years, e.g. 2020-2025"))
            }
            term = parsed
        }
        let report = rules.term(unit, term, today: today)
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.term(report)))
        case .csv: invocation.out(ReportCSV.term(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(TermText.render(report, invocation.presenter))
        }
        return .success
    }
}
