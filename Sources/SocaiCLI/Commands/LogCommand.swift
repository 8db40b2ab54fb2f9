import SocaiCore
import SocaiReports
import SocaiStore

/// `socai log`: the events as recorded, in seq order.
enum LogCommand: Command {
    static let spec = CommandSpec(
        name: "log", abstract: "List events in the order they were recorded.",
        options: [
            OptionSpec(name: "unit", valueName: "UNIT", help: "Only events about this unit (id or name)."),
            OptionSpec(name: "type", valueName: "TYPE", help: "Only events of this type (admission, conference, … or the full vn.socai.… type)."),
            OptionSpec(name: "from-seq", valueName: "N", help: "Start at seq N."),
            OptionSpec(name: "limit", valueName: "N", help: "At most N events."),
        ],
        examples: ["socai log --unit sop-cop", "socai log --type conference --json", "socai log --from-seq 40 --limit 5"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        var type: EventType?
        if let text = arguments.value("type") {
            type = EventType(loosely: text)
            if type == nil {
                let near = EditDistance.nearest(to: text, among: EventType.allCases.map(\.recordName))
                throw .usage(UsageError(message: "unknown event type '\(text)'", command: spec.name,
                                        hint: near.isEmpty ? "use one of " + EventType.allCases.map(\.recordName).joined(separator: ", ") : "did you mean \(near.joined(separator: ", "))?"))
            }
        }
        let fromSeq = try integer(arguments, "from-seq") ?? 1
        let limit = try integer(arguments, "limit")
        var unit: UnitID?
        if let text = arguments.value("unit") {
            let session = try JournalSession.load(invocation)
            switch UnitLookup.resolve(text, in: session.rules.registry) {
            case .found(let index): unit = session.rules.registry[index].id
            case .ambiguous(let candidates):
                throw .usage(UsageError(message: "'\(text)' matches several units: \(candidates.joined(separator: "; "))", command: spec.name, hint: "give the id"))
            case .unknown(let suggestions):
                throw .usage(UsageError(message: "no unit '\(text)'", command: spec.name, hint: suggestions.isEmpty ? nil : "did you mean \(suggestions.joined(separator: "; "))?"))
            }
        }
        let p = invocation.presenter
        var shown = 0
        var json = "{\"events\": ["
        var csv = CSVWriter(header: ["seq", "id", "type", "subject", "date", "recordedtime", "recordedby", "source", "summary"],
                            byteOrderMark: invocation.globals.flag("bom"))
        var table = TextTable(columns: [("seq", .right), (p.text(LocalizedText(en: "date", vi: "ngày")), .left),
                                        (p.text(LocalizedText(en: "event", vi: "sự kiện")), .left),
                                        (p.text(LocalizedText(en: "unit", vi: "đơn vị")), .left),
                                        (p.text(LocalizedText(en: "what", vi: "nội dung")), .left),
                                        (p.text(LocalizedText(en: "recorded", vi: "ghi lúc")), .left)])
        let report: ReadReport
        do {
            report = try journal.read(ReadOptions(fromSeq: Int64(fromSeq), allowDamaged: invocation.globals.flag("allow-damaged"))) { record in
                // Most lines are flows: filter them in their compact form, before building an envelope.
                if let flow = record.flowLine {
                    if let unit, flow.subject != unit { return true }
                    if let type, flow.flow.kind.eventType != type { return true }
                }
                let event = record.envelope
                if let type, event.type != type { return true }
                if let unit, !involves(event, unit) { return true }
                if let limit, shown >= limit { return false }
                shown += 1
                switch invocation.format {
                case .json:
                    json += (shown == 1 ? "\n" : ",\n") + String(decoding: record.line, as: UTF8.self)
                case .csv:
                    csv.append([String(event.seq), event.id.rawValue, event.type.recordName, event.subject.rawValue, event.effectiveDate.iso,
                                event.recordedTime.rfc3339, event.recordedBy, event.sourceDocument ?? "",
                                EventSummary.describe(event.payload, p)])
                default:
                    table.append([String(event.seq), p.date(event.effectiveDate), p.text(event.type.label), event.subject.rawValue,
                                  EventSummary.describe(event.payload, p), p.instant(event.recordedTime) + " · " + event.recordedBy])
                }
                return true
            }
        } catch {
            throw .journal(error)
        }
        for notice in report.notices { invocation.notice(notice) }
        switch invocation.format {
        case .json: invocation.out(json + (shown == 0 ? "]}\n" : "\n]}\n"))
        case .csv: invocation.out(csv.text)
        default:
            invocation.out(shown == 0 ? p.text(LocalizedText(en: "no events\n", vi: "không có sự kiện nào\n")) : table.render())
        }
        return .success
    }

    static func involves(_ event: EventEnvelope, _ unit: UnitID) -> Bool {
        if event.subject == unit { return true }
        switch event.payload {
        case .merger(let m): return m.from.contains(unit) || m.into == unit
        case .unitEstablished(let u): return u.parent == unit
        case .unitMoved(let m): return m.parent == unit
        default: return false
        }
    }

    static func integer(_ arguments: ParsedArguments, _ name: String) throws(CLIError) -> Int? {
        guard let text = arguments.value(name) else { return nil }
        guard let n = Int(text), n >= 0 else {
            throw .usage(UsageError(message: "--\(name) '\(text)' must be a whole number", command: arguments.command))
        }
        return n
    }
}
