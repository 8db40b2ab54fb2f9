import SocaiCore
import SocaiReports

/// `socai audit`: how a figure came to be.
enum AuditCommand: Command {
    static let spec = CommandSpec(
        name: "audit", abstract: LocalizedText(
            en: "How a figure changed: every event behind it, in order, with running values, sources and corrections.",
            vi: "Một số liệu đã thay đổi thế nào: mọi sự kiện tạo nên nó, theo thứ tự, với giá trị lũy kế, nguồn và đính chính."),
        options: [
            OptionSpec(name: "unit", value: .unit, help: LocalizedText(en: "The unit.", vi: "Đơn vị."), required: true),
            OptionSpec(name: "figure", value: .figureKey, help: LocalizedText(en: "The figure, e.g. members, villages, admissions.",
                                                                              vi: "Số liệu, ví dụ members, villages, admissions."),
                       required: true),
            OptionSpec(name: "from", value: .date, help: LocalizedText(en: "List events from this date (earlier ones still count).",
                                                                       vi: "Liệt kê sự kiện từ ngày này (sự kiện trước đó vẫn được tính).")),
            OptionSpec(name: "to", value: .date, help: LocalizedText(en: "Up to this date (default today).", vi: "Đến ngày này (mặc định hôm nay).")),
            OptionSpec(name: "known-at", value: .time, help: CommandHelp.knownAt),
            OptionSpec(name: "boundaries", value: .date, help: CommandHelp.boundaries),
        ],
        examples: ["socai audit --unit sop-cop --figure villages", "socai audit --unit muong-thanh --figure members --known-at 2021-06-01",
                   "socai audit --unit x --figure members --to 2025-07-01 --boundaries 2025-07-01"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let knownAt = try invocation.knownAt(arguments)
        let figure = try invocation.figureKey(arguments.value("figure") ?? "")
        let to = try invocation.date(arguments, "to") ?? invocation.today
        let from = try invocation.date(arguments, "from")
        if let from, from > to {
            throw .usage(UsageError(message: CommandText.fromAfterTo(["from": .date(from), "to": .date(to)]), command: spec.name,
                                    hint: CommandText.giveFromBeforeTo()))
        }
        let session = try JournalSession.load(invocation, knownAt: knownAt, refresh: true)
        let rules = session.rules
        let unit = try invocation.unit(arguments.value("unit") ?? "", in: rules, command: spec.name)
        let boundaries = try invocation.boundaries(arguments, unit: unit, in: rules, command: spec.name)
        var report = rules.audit(unit, figure, from: from, to: to, knownAt: knownAt, boundaries: boundaries)
        if let union = session.union {
            // Several journals read as one: each event also names its journal and its seq there.
            for i in report.entries.indices {
                report.entries[i].place = union.places.place(of: report.entries[i].seq)
                for c in report.entries[i].corrections.indices {
                    report.entries[i].corrections[c].place = union.places.place(of: report.entries[i].corrections[c].seq)
                }
            }
        }
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.audit(report)))
        case .csv: invocation.out(ReportCSV.audit(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(AuditText.render(report, invocation.presenter))
        }
        return .success
    }
}
