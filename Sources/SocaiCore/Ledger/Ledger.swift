/// The state of the projection fold: every fact in the journal up to a seq, arranged so any
/// date can be asked about.
///
/// The fold runs in seq (recorded) order, so "as known at T" is simply the fold of a journal
/// prefix, and a snapshot is this value after seq N. Questions at an effective date are answered
/// by the queries over it (`LevelQuery`, `TermQuery`, `AuditQuery`, `Checks`), never by a second fold.
public struct Ledger: Sendable {
    /// The last event folded in.
    public private(set) var headSeq: Int64 = 0
    public private(set) var headRecordedTime: Instant?

    /// Units in order of first appearance; a unit's index is its position here.
    public private(set) var unitIDs: [UnitID] = []
    public private(set) var unitIndex: [UnitID: Int32] = [:]

    /// Flow rows per unit index, sorted by (day, seq).
    public private(set) var flows: [[FlowRow]] = []
    /// First day of the period of flows recorded with `since`, by seq.
    public private(set) var periodStarts: [Int64: Int32] = [:]
    /// Percentages printed with a flow (`record admission … --printed`), by seq; kept aside
    /// because nearly no flow has any.
    public private(set) var flowPrinted: [Int64: [PrintedPercent]] = [:]

    /// Every other event, in seq order.
    public private(set) var records: [LedgerRecord] = []
    public private(set) var corrections: [CorrectionRecord] = []

    /// Interned recorder names and source documents of flows (index 0 is "no source").
    public private(set) var strings: [String] = [""]
    private var stringIndex: [String: UInt32] = ["": 0]
    private var lastInterned: (text: String, index: UInt32)?
    private var lastUnit: (id: UnitID, index: Int32)?

    public init() {}

    /// Rebuilds a ledger from a snapshot's parts (`LedgerSnapshot.decode`).
    mutating func restore(headSeq: Int64, headRecordedTime: Instant?, unitIDs: [UnitID], flows: [[FlowRow]],
                          periodStarts: [Int64: Int32], flowPrinted: [Int64: [PrintedPercent]], records: [LedgerRecord],
                          corrections: [CorrectionRecord], strings: [String]) {
        self.headSeq = headSeq
        self.headRecordedTime = headRecordedTime
        self.unitIDs = unitIDs
        self.unitIndex = Dictionary(uniqueKeysWithValues: unitIDs.enumerated().map { ($1, Int32($0)) })
        self.flows = flows
        self.periodStarts = periodStarts
        self.flowPrinted = flowPrinted
        self.records = records
        self.corrections = corrections
        self.strings = strings
        self.stringIndex = Dictionary(strings.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { a, _ in a })
    }

    public var flowCount: Int { flows.reduce(0) { $0 + $1.count } }

    /// Folds in the next event. Events must come in seq order.
    public mutating func apply(_ event: EventEnvelope) {
        headSeq = event.seq
        headRecordedTime = event.recordedTime
        switch event.payload {
        case .flow(let flow):
            applyFlow(seq: event.seq, id: EventKey(event.id), subject: event.subject, date: event.effectiveDate,
                      recordedTime: event.recordedTime, recordedBy: event.recordedBy, source: event.sourceDocument, flow: flow)
        case .correction(let correction):
            applyCorrection(correction, envelope: event)
        default:
            switch event.payload {
            case .unitEstablished(let u): _ = index(of: u.id)
            case .merger(let m) where m.newUnit != nil: _ = index(of: m.into)
            default: _ = index(of: event.subject)
            }
            records.append(LedgerRecord(seq: event.seq, id: event.id, subject: event.subject, date: event.effectiveDate,
                                        recordedTime: event.recordedTime, recordedBy: event.recordedBy,
                                        sourceDocument: event.sourceDocument, payload: event.payload))
        }
    }

    /// Folds in a flow read straight from the journal (no envelope built). Events must come in seq order.
    public mutating func apply(_ line: FlowLine) {
        headSeq = line.seq
        headRecordedTime = line.recordedTime
        applyFlow(seq: line.seq, id: line.id, subject: line.subject, date: line.effectiveDate, recordedTime: line.recordedTime,
                  recordedBy: line.recordedBy, source: line.sourceDocument, flow: line.flow)
    }

    private mutating func applyFlow(seq: Int64, id: EventKey, subject: UnitID, date: CalendarDate, recordedTime: Instant,
                                    recordedBy: String, source: String?, flow: Flow) {
        let unit = index(of: subject)
        var flags: FlowRow.Flags = []
        if let since = flow.since {
            flags.insert(.hasPeriod)
            periodStarts[seq] = Int32(since.dayNumber)
        }
        if !flow.printed.isEmpty { flowPrinted[seq] = flow.printed }
        let row = FlowRow(seq: seq, recordedAt: recordedTime.millisecondsSinceEpoch, id: id, day: Int32(date.dayNumber),
                          count: Int32(clamping: flow.count), kind: flow.kind, flags: flags, recordedBy: intern(recordedBy),
                          source: intern(source ?? ""))
        insert(row, unit: unit)
    }

    /// The index of `unit`, registering it on first sight so the fold never fails on a journal
    /// that refers to a unit it never established (`check` reports that).
    @discardableResult
    mutating func index(of unit: UnitID) -> Int32 {
        if let last = lastUnit, last.id == unit { return last.index }
        if let existing = unitIndex[unit] {
            lastUnit = (unit, existing)
            return existing
        }
        let new = Int32(unitIDs.count)
        unitIDs.append(unit)
        unitIndex[unit] = new
        flows.append([])
        return new
    }

    private mutating func intern(_ text: String) -> UInt32 {
        // Consecutive events nearly always share their recorder and document.
        if let last = lastInterned, last.text == text { return last.index }
        defer { lastInterned = (text, stringIndex[text]!) }
        if let existing = stringIndex[text] { return existing }
        let new = UInt32(strings.count)
        strings.append(text)
        stringIndex[text] = new
        return new
    }

    private mutating func insert(_ row: FlowRow, unit: Int32) {
        let u = Int(unit)
        // Nearly always the end: events are mostly recorded in date order.
        if let last = flows[u].last, (last.day, last.seq) > (row.day, row.seq) {
            var low = 0, high = flows[u].count
            while low < high {
                let middle = (low + high) / 2
                if (flows[u][middle].day, flows[u][middle].seq) < (row.day, row.seq) { low = middle + 1 } else { high = middle }
            }
            flows[u].insert(row, at: low)
        } else {
            flows[u].append(row)
        }
    }

    /// The position of the record with `seq`, if it is a non-flow event.
    public func recordPosition(seq: Int64) -> Int? {
        var low = 0, high = records.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let s = records[middle].seq
            if s == seq { return middle }
            if s < seq { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// A flow row as the event it stands for (corrections applied).
    public func flowPayload(_ row: FlowRow) -> EventPayload {
        .flow(Flow(kind: row.kind, count: Int(row.count), since: periodStarts[row.seq].map { CalendarDate(dayNumber: Int($0)) },
                   printed: flowPrinted[row.seq] ?? []))
    }

    /// Where the flow with `seq` of `unit` is.
    public func flowPosition(seq: Int64, unit: UnitID) -> (unit: Int, row: Int)? {
        guard let u = unitIndex[unit] else { return nil }
        guard let row = flows[Int(u)].firstIndex(where: { $0.seq == seq }) else { return nil }
        return (Int(u), row)
    }

    private mutating func applyCorrection(_ correction: Correction, envelope: EventEnvelope) {
        var record = CorrectionRecord(seq: envelope.seq, id: envelope.id, recordedTime: envelope.recordedTime,
                                      recordedBy: envelope.recordedBy, sourceDocument: envelope.sourceDocument,
                                      correction: correction)
        defer { corrections.append(record) }
        if let position = recordPosition(seq: correction.eventSeq) {
            var target = records[position]
            guard target.id == correction.event else {
                record.failure = LocalizedText(en: "seq \(correction.eventSeq) is not event \(correction.event)",
                                               vi: "số thứ tự \(correction.eventSeq) không phải sự kiện \(correction.event)")
                return
            }
            record.previousDate = target.date
            record.previousData = target.payload.data
            switch correction.action {
            case .retract:
                target.isRetracted = true
            case .set(let fields):
                switch CorrectionApplier.apply(fields, to: target.payload, date: target.date) {
                case .success(let (payload, date)):
                    target.payload = payload
                    target.date = date
                case .failure(let error):
                    record.failure = error.text
                    return
                }
            }
            target.corrections.append(envelope.seq)
            records[position] = target
        } else if let (u, r) = flowPosition(seq: correction.eventSeq, unit: envelope.subject) {
            var row = flows[u][r]
            guard row.id == EventKey(correction.event) else {
                record.failure = LocalizedText(en: "seq \(correction.eventSeq) is not event \(correction.event)",
                                               vi: "số thứ tự \(correction.eventSeq) không phải sự kiện \(correction.event)")
                return
            }
            let payload = flowPayload(row)
            record.previousDate = row.date
            record.previousData = payload.data
            switch correction.action {
            case .retract:
                row.flags.insert(.retracted)
            case .set(let fields):
                switch CorrectionApplier.apply(fields, to: payload, date: row.date) {
                case .success(let (newPayload, date)):
                    guard case .flow(let flow) = newPayload, flow.kind.eventType == row.kind.eventType else {
                        record.failure = LocalizedText(en: "a correction cannot change an event's type",
                                                       vi: "đính chính không thể đổi loại sự kiện")
                        return
                    }
                    row.kind = flow.kind
                    row.count = Int32(clamping: flow.count)
                    row.day = Int32(date.dayNumber)
                    if let since = flow.since {
                        row.flags.insert(.hasPeriod)
                        periodStarts[row.seq] = Int32(since.dayNumber)
                    } else {
                        row.flags.remove(.hasPeriod)
                        periodStarts[row.seq] = nil
                    }
                    flowPrinted[row.seq] = flow.printed.isEmpty ? nil : flow.printed
                case .failure(let error):
                    record.failure = error.text
                    return
                }
            }
            row.flags.insert(.corrected)
            flows[u].remove(at: r)
            insert(row, unit: Int32(u))
        } else {
            record.failure = LocalizedText(en: "no event with seq \(correction.eventSeq) to correct",
                                           vi: "không có sự kiện số \(correction.eventSeq) để đính chính")
        }
    }
}
