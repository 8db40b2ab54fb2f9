import SocaiCore
import SocaiReports
import SocaiStore

/// `socai log`: the events as recorded, in seq order.
enum LogCommand: Command {
    static let spec = CommandSpec(
        name: "log", abstract: LocalizedText(en: "List events in the order they were recorded.", vi: "Liệt kê các sự kiện theo thứ tự ghi sổ."),
        options: [
            OptionSpec(name: "unit", value: .unit, help: LocalizedText(en: "Only events about this unit (id or name).",
                                                                       vi: "Chỉ các sự kiện về đơn vị này (mã hoặc tên).")),
            OptionSpec(name: "type", value: .eventType, help: LocalizedText(
                en: "Only events of this type (admission, conference, … or the full vn.socai.… type).",
                vi: "Chỉ các sự kiện loại này (kết nạp, hội nghị, … hoặc admission, conference, …, hoặc kiểu đầy đủ vn.socai.…).")),
            OptionSpec(name: "from-seq", value: .count, help: LocalizedText(en: "Start at seq N.", vi: "Bắt đầu từ số thứ tự N.")),
            OptionSpec(name: "limit", value: .count, help: LocalizedText(en: "At most N events.", vi: "Nhiều nhất N sự kiện.")),
        ],
        examples: ["socai log --unit sop-cop", "socai log --type conference --json", "socai log --from-seq 40 --limit 5"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        // Several journals read as one: the union, its seqs and where each event came from.
        let union = invocation.isUnion ? try JournalSession.load(invocation) : nil
        var journal: FileJournal?
        if union == nil {
            do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        }
        var type: EventType?
        if let text = arguments.value("type") {
            type = EventType(loosely: text) ?? ChoiceList.eventTypes.resolve(text).flatMap(EventType.init(recordName:))
            if type == nil {
                let list = ChoiceList.eventTypes
                let near = EditDistance.nearest(to: text, among: list.codes)
                throw .usage(UsageError(message: CommandText.unknownEventType(["value": text]), command: spec.name,
                                        hint: near.isEmpty ? CommandText.useOneOf(["choices": list.listed])
                                                           : UsageError.didYouMean(near.map { list.shown($0).en })))
            }
        }
        let fromSeq = try integer(arguments, "from-seq") ?? 1
        let limit = try integer(arguments, "limit")
        var unit: UnitID?
        if let text = arguments.value("unit") {
            let session: JournalSession
            if let union { session = union } else { session = try JournalSession.load(invocation) }
            switch UnitLookup.resolve(text, in: session.rules.registry) {
            case .found(let index): unit = session.rules.registry[index].id
            case .ambiguous(let candidates):
                throw .usage(UsageError(message: CommandText.unitAmbiguous(["option": "unit", "value": text,
                                                                            "candidates": candidates.joined(separator: "; ")]),
                                        command: spec.name, hint: CommandText.giveTheID()))
            case .unknown(let suggestions):
                throw .usage(UsageError(message: CommandText.unitUnknown(["value": text]), command: spec.name,
                                        hint: suggestions.isEmpty ? nil : UsageText.didYouMean(["suggestions": suggestions.joined(separator: "; ")])))
            }
        }
        if let facts = union?.union {
            return try listUnion(facts, invocation, type: type, unit: unit, fromSeq: Int64(fromSeq), limit: limit)
        }
        let p = invocation.presenter
        var shown = 0
        var json = "{\"events\": ["
        var csv = ReportCSV.logWriter(p, bom: invocation.globals.flag("bom"))
        var table = TextTable(columns: columns(p))
        let report: ReadReport
        do {
            report = try journal!.read(ReadOptions(fromSeq: Int64(fromSeq), allowDamaged: invocation.globals.flag("allow-damaged"))) { record in
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
                    csv.append(ReportCSV.logRow(event, p))
                default:
                    table.append(row(event, p))
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
            // Titles, sources and summaries run as long as the documents: cut to the terminal
            // (the summary first, then who recorded it, then unit and event), whole in --json.
            invocation.out(shown == 0 ? p.text(CommandText.noEvents()) + "\n"
                           : table.render(fitting: TableWidth.of(invocation.context), shrinking: Self.shrinking))
        }
        return .success
    }

    /// The order in which `log`'s columns give up space (what, who recorded it, unit, event, what
    /// again; seq and date never), each down to the width there: "recorded" keeps its time whole
    /// (23 columns and the "…" of a cut name), and at the narrowest a line of a 4-digit seq fits 80.
    static let shrinking: [(column: Int, downTo: Int)] = [(4, 40), (5, 24), (4, 20), (3, 10), (2, 10), (4, 12)]

    /// The text columns; in a union, the journal each event came from and its seq there
    /// (`district-a:12`) follow the union seq.
    static func columns(_ p: Presenter, union: Bool = false) -> [(title: String, alignment: TextTable.Alignment)] {
        [(p.text(CommandText.logSeq()), .right)] + (union ? [(p.text(LocalizedText(en: "journal", vi: "sổ")), .left)] : [])
            + [(p.text(CommandText.logDate()), .left), (p.text(CommandText.logEvent()), .left), (p.text(CommandText.logUnit()), .left),
               (p.text(CommandText.logWhat()), .left), (p.text(CommandText.logRecorded()), .left)]
    }

    static func row(_ event: EventEnvelope, _ p: Presenter, place: JournalPlace? = nil) -> [String] {
        [String(event.seq)] + (place.map { [$0.description] } ?? [])
            + [p.date(event.effectiveDate), p.text(event.type.label), event.subject.rawValue,
               EventSummary.describe(event.payload, p), p.instant(event.recordedTime) + " · " + event.recordedBy]
    }

    /// `log` over several journals read as one: the union's events in its order, each once, with
    /// its union seq (`--from-seq` counts those) and its journal and seq there.
    static func listUnion(_ union: UnionFacts, _ invocation: Invocation, type: EventType?, unit: UnitID?, fromSeq: Int64,
                          limit: Int?) throws(CLIError) -> ExitStatus {
        let p = invocation.presenter
        var lines = try UnionLines.read(union, invocation) { event, seq in
            seq >= fromSeq && (type == nil || event.type == type) && (unit.map { involves(event, $0) } ?? true)
        }
        if let limit, lines.count > limit { lines.removeLast(lines.count - limit) }
        switch invocation.format {
        case .json:
            invocation.out("{\"events\": [" + lines.map { "\n" + UnionLines.annotated($0) }.joined(separator: ",")
                           + (lines.isEmpty ? "]}\n" : "\n]}\n"))
        case .csv:
            var csv = ReportCSV.logWriter(p, bom: invocation.globals.flag("bom"), union: true)
            for line in lines {
                var event = line.event
                event.seq = line.seq
                csv.append(ReportCSV.logRow(event, p, place: line.place))
            }
            invocation.out(csv.text)
        default:
            var table = TextTable(columns: columns(p, union: true))
            for line in lines {
                var event = line.event
                event.seq = line.seq
                table.append(row(event, p, place: line.place))
            }
            // The journal column sits after seq: the same columns give up space, one further right.
            invocation.out(lines.isEmpty ? p.text(CommandText.noEvents()) + "\n"
                           : table.render(fitting: TableWidth.of(invocation.context), shrinking: Self.shrinking.map { ($0.column + 1, $0.downTo) }))
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
            throw .usage(UsageError(message: UsageText.notWholeNumber(["name": name, "value": text]), command: arguments.command))
        }
        return n
    }
}
