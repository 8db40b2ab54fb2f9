import SocaiCore
import SocaiReports

/// `socai check`: reconcile everything, list every finding, exit 1 on any error.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check", abstract: LocalizedText(
            en: "Reconcile reported against derived figures and printed percentages; list every finding.",
            vi: "Đối chiếu số liệu báo cáo với số liệu tính được và các tỷ lệ in trong tài liệu; liệt kê mọi phát hiện."),
        discussion: LocalizedText(
            en: "Errors (exit 1): printed percentages that do not follow from their counts, tiers that do not add up, broken compositions. Warnings: unexplained remainders, roll-up differences, the 20% cap. Notes: rounded and truncated percentages.",
            vi: "Lỗi (mã thoát 1): tỷ lệ in ra không khớp với số lượng, các mức xếp loại cộng không khớp, thành phần không khớp tổng. Cảnh báo: chênh lệch chưa giải thích, tổng cấp dưới không khớp, vượt mức 20%. Ghi chú: tỷ lệ làm tròn hoặc cắt bớt."),
        options: [
            OptionSpec(name: "unit", value: .unit, help: CommandHelp.unitSubtree),
            OptionSpec(name: "strict", help: LocalizedText(en: "Treat unexplained remainders as errors.",
                                                           vi: "Coi chênh lệch chưa giải thích là lỗi.")),
            OptionSpec(name: "notes", help: LocalizedText(en: "Also list notes (rounded and truncated percentages).",
                                                          vi: "Liệt kê cả ghi chú (tỷ lệ làm tròn và cắt bớt).")),
            OptionSpec(name: "known-at", value: .time, help: CommandHelp.knownAt),
        ],
        examples: ["socai check", "socai check --unit sop-cop --notes --lang vi", "socai check --json"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let session = try JournalSession.load(invocation, knownAt: try invocation.knownAt(arguments), refresh: true)
        let rules = session.rules
        let scope = try arguments.value("unit").map { (text) throws(CLIError) in try invocation.unit(text, in: rules, command: spec.name) }
        let report = rules.check(scope: scope, strict: arguments.flag("strict"), union: session.union)
        switch invocation.format {
        case .json: invocation.out(PrettyJSON.render(ReportJSON.check(report, language: invocation.language)))
        case .csv: invocation.out(ReportCSV.check(report, invocation.presenter, bom: invocation.globals.flag("bom")))
        default: invocation.out(CheckText.render(report, invocation.presenter, showNotes: arguments.flag("notes"), style: invocation.textStyle))
        }
        return report.ok ? .success : .problemsFound
    }
}
