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
        invocation.out(t(.intro, [:]) + "\n")
        var recorded = 0
        while true {
            let outcome: (String, RecordRequest, String?)?
            do {
                outcome = try entry(dialogue, view: session.rules, reportsTo: session.journal.metadata.reportsTo, first: recorded == 0)
            } catch {
                invocation.out("\n" + t(.cancelled, [:]) + (recorded == 0 ? t(.nothingWritten, [:]) : t(.eventNotWritten, [:])) + "\n")
                return .success
            }
            guard let (type, request, source) = outcome else {
                invocation.out(recorded == 0 ? t(.nothingWritten, [:]) + "\n" : "")
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
    static func entry(_ d: GuidedDialogue, view: Rules, reportsTo: UnitID?, first: Bool) throws(Cancelled) -> (String, RecordRequest, String?)? {
        let t = d.t
        var typeField = GuidedField("type", .choice(.eventTypes), label: .eventType, required: first, help: GuidedText.typeHelp())
        typeField.marksOptional = false
        guard let type = try d.ask(typeField, prompt: t(first ? .eventType : .nextEventType, [:]), view: view) else {
            return nil
        }
        let today = d.invocation.today
        var namedMerger = true
        if type == "merger" {
            let mode = GuidedField("mode", .choice(GuidedChoices.mergerModes), label: .mergerMode, required: true, default: "units",
                                   help: GuidedText.mergerModeHelp())
            namedMerger = try d.ask(mode, prompt: t(.mergerMode, [:]), view: view) == "units"
        }
        var fields = GuidedPlan.fields(type, today: today, mergerOfNamedUnits: namedMerger)
        var answers: [String: [String]] = [:]
        var index = 0
        while index < fields.count {
            let field = fields[index]
            index += 1
            if field.kind == .pairs {
                answers[field.name] = try d.askPairs(field, view: view)
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
                    let set = GuidedField("set", .pairs, required: true, spec: GuidedPlan.spec("correction"))
                    answers["set"] = try d.askPairs(set, view: view)
                }
            }
        }
        answers.merge(try d.askExtras(type, asked: Set(fields.map(\.name) + ["retract", "set"])), uniquingKeysWith: +)
        let source = try d.ask(GuidedField("source", .text, label: .source, spec: CommandSpec(name: "", abstract: LocalizedText(""),
                                                                                             options: RecordSpecs.common)),
                               prompt: t(.source, [:]), view: view)

        // Validate, let the user fix what is wrong, show the event, confirm.
        while true {
            let order = (EventBuilder.options[type] ?? []).filter { answers[$0] != nil }
            let request = RecordRequest(type: type, options: order.flatMap { name in
                (answers[name] ?? []).map { RecordRequest.Option(name, RecordCommand.normalised($0)) } })
            var generator = SystemRandomNumberGenerator()
            let context = RecordContext(today: today, recordedBy: d.invocation.context.loginName, source: source,
                                        eventID: EventID.version7(at: d.invocation.context.now(), using: &generator), reportsTo: reportsTo)
            switch EventBuilder.build(request, rules: view, context: context) {
            case .failure(let failure):
                for issue in failure.issues { d.say(t(.errorPrefix, [:]) + d.invocation.presenter.text(issue.message)) }
                // Ask again what the errors name, and the date (the usual other half of a conflict),
                // each with the previous answer as the default: Enter keeps it.
                let named = Set(failure.issues.map(\.field))
                var toFix = fields.filter { named.contains($0.name) || ($0.kind == .date && $0.required) }
                if toFix.isEmpty || !failure.issues.contains(where: { issue in fields.contains { $0.name == issue.field } }) {
                    toFix = fields.filter { $0.kind != .pairs || named.contains($0.name) }
                }
                d.say(t(.answerAgain, [:]))
                for var field in toFix {
                    if field.kind == .pairs { answers[field.name] = try d.askPairs(field, view: view); continue }
                    if let previous = answers[field.name]?.joined(separator: ",") { field.defaultValue = previous }
                    answers[field.name] = try d.ask(field, view: view).map { [$0] }
                }
                continue
            case .success(let built):
                let p = d.invocation.presenter
                let event = built.event
                d.say("")
                d.say("  " + p.text(ChoiceList.eventTypes.shown(event.payload.type.recordName)) + " · " + describe(event.subject, view)
                      + " · " + p.date(event.effectiveDate))
                d.say("  " + EventSummary.describe(event.payload, p))
                if let source { d.say("  " + t(.sourcePrefix, [:]) + source) }
                for warning in built.warnings { d.say(t(.warningPrefix, [:]) + p.text(warning.message)) }
                let confirm = GuidedField("confirm", .choice(GuidedChoices.yesNo), label: .confirm, required: true, default: "yes",
                                          help: GuidedText.confirmHelp())
                if try d.ask(confirm, prompt: t(.confirm, [:]), view: view) == "yes" {
                    return (type, request, source)
                }
                d.say(t(.notRecorded, [:]))
                return try entry(d, view: view, reportsTo: reportsTo, first: false)
            }
        }
    }

    static func describe(_ unit: UnitID, _ view: Rules) -> String {
        view.registry.timeline(unit).map(UnitLookup.describe) ?? unit.rawValue
    }
}
