import SocaiCore
import SocaiReports

/// `socai record` with no type on a terminal: asks for the event step by step, like
/// `hledger add`. The event type, then the unit (found by id or by any part of its name, with or
/// without diacritics; `?` lists the candidates), the date (today by default), the counts and the
/// other fields `RecordSpecs` lists for the type; then it shows the event as `log` would and asks
/// to confirm. The answers become a `RecordRequest` recorded by `RecordCommand.record`, exactly
/// like the same options typed on the command line. End of input (Ctrl-D) cancels at any
/// question: nothing is written.
enum GuidedEntry {
    /// End of input: the user cancelled.
    struct Cancelled: Error {}

    static func run(_ invocation: Invocation) throws(CLIError) -> ExitStatus {
        var session = try JournalSession.load(invocation)
        let dialogue = GuidedDialogue(invocation: invocation)
        let t = dialogue.t
        invocation.out(t("Guided entry: answer each question. Enter takes the [default], Tab completes units, choices and figure keys, ? explains the question and lists the choices, Ctrl-D cancels (nothing is written).\n",
                         "Nhập có hướng dẫn: trả lời từng câu. Enter chọn [giá trị mặc định], Tab gợi ý đơn vị, lựa chọn và mã chỉ tiêu, ? giải thích và liệt kê lựa chọn, Ctrl-D để hủy (không ghi gì).\n"))
        var recorded = 0
        while true {
            let outcome: (String, RecordRequest, String?)?
            do { outcome = try entry(dialogue, view: session.rules, first: recorded == 0) } catch {
                invocation.out("\n" + t("cancelled: ", "đã hủy: ")
                               + (recorded == 0 ? t("nothing was written.\n", "không ghi gì vào sổ.\n")
                                                : t("the event being entered was not written.\n", "sự kiện đang nhập không được ghi.\n")))
                return .success
            }
            guard let (type, request, source) = outcome else {
                invocation.out(recorded == 0 ? t("nothing was written.\n", "không ghi gì vào sổ.\n") : "")
                return .success
            }
            var occurrences: [ParsedArguments.Occurrence] = []
            if let source { occurrences.append(ParsedArguments.Occurrence(name: "source", value: source)) }
            let status = try RecordCommand.record(request, arguments: ParsedArguments(command: "record " + type, occurrences: occurrences),
                                                  invocation: invocation)
            guard status == .success else { return status }
            recorded += 1
            session = try JournalSession.load(invocation)
        }
    }

    /// One event: its type, the request, the source document; nil when the user is done.
    static func entry(_ d: GuidedDialogue, view: Rules, first: Bool) throws(Cancelled) -> (String, RecordRequest, String?)? {
        let t = d.t
        let types = EventBuilder.types
        var typeField = GuidedField("type", .choice(types), required: first,
                                    spec: CommandSpec(name: "record", abstract: "", options: [OptionSpec(name: "type", help: RecordCommand.spec.abstract)]))
        typeField.marksOptional = false
        guard let type = try d.ask(typeField, prompt: first ? t("Event type", "Loại sự kiện") : t("Next event type (Enter when done)", "Loại sự kiện tiếp theo (Enter để kết thúc)"), view: view) else {
            return nil
        }
        let today = d.invocation.today
        var namedMerger = true
        if type == "merger" {
            let mode = GuidedField("mode", .choice(["units", "totals"]), required: true, default: "units",
                                   spec: CommandSpec(name: "", abstract: "", options: [OptionSpec(name: "mode", help: "units: named units merged into one (--from/--into); totals: only how many before and after (--in/--of/--before/--after).")]))
            namedMerger = try d.ask(mode, prompt: t("Merger of named units, or totals only? (units/totals)", "Sáp nhập các đơn vị cụ thể hay chỉ ghi tổng số? (units/totals)"), view: view) == "units"
        }
        var fields = GuidedPlan.fields(type, today: today, mergerOfNamedUnits: namedMerger)
        var answers: [String: [String]] = [:]
        var index = 0
        while index < fields.count {
            let field = fields[index]
            index += 1
            if field.kind == .pairs {
                answers[field.name] = try d.askPairs(field)
                continue
            }
            guard let answer = try d.ask(field, view: view) else { continue }
            answers[field.name] = [answer]
            if field.kind == .unitOrNew, view.registry.index(of: UnitID(answer)!) == nil {
                fields.insert(contentsOf: GuidedPlan.newUnitFields(today: today), at: index)
            }
            if type == "correction", field.name == "retract" {
                if answer == "yes" { answers["retract"] = [""] } else {
                    answers["retract"] = nil
                    var set = GuidedField("set", .pairs, required: true, spec: GuidedPlan.spec("correction"))
                    set.help = set.help.isEmpty ? "FIELD=VALUE" : set.help
                    answers["set"] = try d.askPairs(set)
                }
            }
        }
        answers.merge(try d.askExtras(type, asked: Set(fields.map(\.name) + ["retract", "set"])), uniquingKeysWith: +)
        let source = try d.ask(GuidedField("source", .text, spec: CommandSpec(name: "", abstract: "", options: RecordSpecs.common)),
                               prompt: t("Source document", "Văn bản nguồn"), view: view)

        // Validate, let the user fix what is wrong, show the event, confirm.
        while true {
            let order = (EventBuilder.options[type] ?? []).filter { answers[$0] != nil }
            let request = RecordRequest(type: type, options: order.flatMap { name in
                (answers[name] ?? []).map { RecordRequest.Option(name, RecordCommand.normalised($0)) } })
            var generator = SystemRandomNumberGenerator()
            let context = RecordContext(today: today, recordedBy: d.invocation.context.loginName, source: source,
                                        eventID: EventID.version7(at: d.invocation.context.now(), using: &generator))
            switch EventBuilder.build(request, rules: view, context: context) {
            case .failure(let failure):
                for issue in failure.issues { d.say(t("  error: ", "  lỗi: ") + d.invocation.presenter.text(issue.message)) }
                // Ask again what the errors name, and the date (the usual other half of a conflict),
                // each with the previous answer as the default: Enter keeps it.
                let named = Set(failure.issues.map(\.field))
                var toFix = fields.filter { named.contains($0.name) || ($0.kind == .date && $0.required) }
                if toFix.isEmpty || !failure.issues.contains(where: { issue in fields.contains { $0.name == issue.field } }) {
                    toFix = fields.filter { $0.kind != .pairs || named.contains($0.name) }
                }
                d.say(t("Please answer again (Enter keeps the answer in brackets):", "Hãy trả lời lại (Enter để giữ câu trả lời trong ngoặc):"))
                for var field in toFix {
                    if field.kind == .pairs { answers[field.name] = try d.askPairs(field); continue }
                    if let previous = answers[field.name]?.joined(separator: ",") { field.defaultValue = previous }
                    answers[field.name] = try d.ask(field, view: view).map { [$0] }
                }
                continue
            case .success(let built):
                let p = d.invocation.presenter
                let event = built.event
                d.say("")
                d.say("  " + event.payload.type.recordName + " · " + describe(event.subject, view) + " · " + p.date(event.effectiveDate))
                d.say("  " + EventSummary.describe(event.payload, p))
                if let source { d.say("  " + t("source: ", "nguồn: ") + source) }
                for warning in built.warnings { d.say(t("  warning: ", "  cảnh báo: ") + p.text(warning.message)) }
                let confirm = GuidedField("confirm", .yesNo, required: true, default: "yes",
                                          spec: CommandSpec(name: "", abstract: "", options: [OptionSpec(name: "confirm", help: "yes writes the event to the journal; no drops it.")]))
                if try d.ask(confirm, prompt: t("Record this event? (yes/no)", "Ghi sự kiện này? (yes/no)"), view: view) == "yes" {
                    return (type, request, source)
                }
                d.say(t("not recorded.", "không ghi."))
                return try entry(d, view: view, first: false)
            }
        }
    }

    static func describe(_ unit: UnitID, _ view: Rules) -> String {
        view.registry.timeline(unit).map(UnitLookup.describe) ?? unit.rawValue
    }
}
