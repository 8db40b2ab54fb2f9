import SocaiCore
import SocaiReports

/// `socai audit`: how a figure came to be.
enum AuditCommand: Command {
    static let spec = CommandSpec(
        name: "audit", abstract: "How a figure changed: every event behind it, in order, with running values, sources and corrections.",
        options: [
            OptionSpec(name: "unit", valueName: "UNIT", help: "The unit.", required: true),
            OptionSpec(name: "figure", valueName: "KEY", help: "The figure, e.g. members, villages, admissions.", required: true),
            OptionSpec(name: "from", valueName: "DATE", help: "List events from this date (earlier ones still count)."),
            OptionSpec(name: "to", valueName: "DATE", help: "Up to this date (default today)."),
            OptionSpec(name: "known-at", valueName: "TIME", help: "Only events recorded by then."),
        ],
        examples: ["socai audit --unit sop-cop --figure villages", "socai audit --unit muong-thanh --figure members --known-at 2021-06-01"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let knownAt = try invocation.knownAt(arguments)
        let figure = try invocation.figureKey(arguments.value("figure") ?? "")
        let to = try invocation.date(arguments, "to") ?? invocation.today
        let from = try invocation.date(arguments, "from")
        if let from, from > to {
            throw .usage(UsageError(message: "--from \(from.iso) is after --to \(to.iso)", command: spec.name,
                                    hint: "give a --from on or before --to (without --to, --to is today)"))
        }
        let session = try JournalSession.load(invocation, knownAt: knownAt)
        let rules = session.rules
        let unit = try invocation.unit(arguments.value("unit") ?? "", in: rules, command: spec.name)
        let report = rules.audit(unit, figure, from: from, to: to, knownAt: knownAt)
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.audit(report)))
        case .csv: invocation.out(ReportCSV.audit(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(AuditText.render(report, invocation.presenter))
        }
        return .success
    }
}
