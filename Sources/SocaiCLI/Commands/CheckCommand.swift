import SocaiCore
import SocaiReports

/// `socai check`: reconcile everything, list every finding, exit 1 on any error.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check", abstract: "Reconcile reported against derived figures and printed percentages; list every finding.",
        discussion: "Errors (exit 1): printed percentages that do not follow from their counts, tiers that do not add up, broken compositions. Warnings: unexplained remainders, roll-up differences, the 20% cap. Notes: rounded and truncated percentages.",
        options: [
            OptionSpec(name: "unit", valueName: "UNIT", help: "Only this unit and those under it."),
            OptionSpec(name: "strict", help: "Treat unexplained remainders as errors."),
            OptionSpec(name: "notes", help: "Also list notes (rounded and truncated percentages)."),
            OptionSpec(name: "known-at", valueName: "TIME", help: "Only events recorded by then."),
        ],
        examples: ["socai check", "socai check --unit sop-cop --notes --lang vi", "socai check --json"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let session = try JournalSession.load(invocation, knownAt: try invocation.knownAt(arguments))
        let rules = session.rules
        let scope = try arguments.value("unit").map { (text) throws(CLIError) in try invocation.unit(text, in: rules, command: spec.name) }
        let report = rules.check(scope: scope, strict: arguments.flag("strict"))
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.check(report, language: invocation.language)))
        case .csv: invocation.out(ReportCSV.check(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(CheckText.render(report, invocation.presenter, showNotes: arguments.flag("notes"), style: invocation.textStyle))
        }
        return report.ok ? .success : .problemsFound
    }
}
