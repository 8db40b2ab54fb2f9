/// The fold: events in seq order in, a projection image out (DECISIONS R0).
///
/// Every event becomes rows of the tables a question reads (units' timelines, flows, reports,
/// conferences, ratings, records), each tagged with the seqs during which it is in force. A
/// correction never edits a row: it ends the validity of the rows its event made and adds the
/// rows of the corrected version, so the same image answers "as known at" any seq. Full replay,
/// snapshots and the tail after a snapshot all run this one fold.
public struct ProjectionBuilder {
    var headSeq: Int64 = 0
    var headRecordedAt: Int64?
    var strings = StringInterner()

    var unitIDs: [UnitID] = []
    var unitIndex: [UnitID: Int32] = [:]
    private var lastUnit: (id: UnitID, index: Int32)?

    var facts: [FactRow] = []
    var mergers: [MergerRow] = []
    var aggregates: [AggregateRow] = []
    var levels: [LevelRow] = []
    var flowReports: [FlowReportRow] = []
    var conferences: [ConferenceRow] = []
    var ratings: [RatingRow] = []
    var records: [RecordRow] = []
    var recordData: [UInt8] = []
    var corrections: [CorrectionRow] = []

    var flows = FlowColumnsBuilder()
    var flowVersions: [FlowVersionRow] = []
    /// For a corrected flow: its latest version in `flowVersions`.
    var flowVersionOf: [Int64: Int] = [:]
    /// For a flow that carries printed percentages: its record row.
    var flowRecordOf: [Int64: Int] = [:]

    /// The rows each non-flow event's version in force made, by the event's seq.
    struct Derived {
        var record: Int
        var facts: [Int] = []
        var merger: Int?
        var aggregate: Int?
        var levels: [Int] = []
        var flowReports: [Int] = []
        var conference: Int?
        var rating: Int?
    }
    var current: [Int64: Derived] = [:]

    /// For an overlay: the image below it, whose units keep their indices and whose rows a
    /// correction in the overlay supersedes (`tombstones`).
    let base: Projection?
    /// The first unit index this fold introduces (the base's unit count).
    let firstUnit: Int
    var tombstones: [(table: SupersededTable, row: Int, end: Int64, unit: Int32)] = []

    public init() {
        base = nil
        firstUnit = 0
    }

    /// A fold of the events after `base`'s head: an overlay image on top of it.
    public init(continuing base: Projection) {
        self.base = base
        firstUnit = base.unitCount
        headSeq = base.headSeq
        headRecordedAt = base.headRecordedTime?.millisecondsSinceEpoch
    }

    /// The number of unit indices in use (the base's and this fold's).
    var unitCount: Int { firstUnit + unitIDs.count }

    public var lastSeq: Int64 { headSeq }

    /// Whether nothing has been folded in (by this fold itself).
    public var isEmpty: Bool { unitIDs.isEmpty && records.isEmpty && flows.seq.isEmpty && corrections.isEmpty }

    /// The index of `unit`, registering it on first sight so the fold never fails on a journal
    /// that refers to a unit it never established (`check` reports that).
    @discardableResult
    mutating func index(of unit: UnitID) -> Int32 {
        if let last = lastUnit, last.id == unit { return last.index }
        if let existing = unitIndex[unit] {
            lastUnit = (unit, existing)
            return existing
        }
        if let existing = base?.unitIndex(unit) {
            unitIndex[unit] = existing
            lastUnit = (unit, existing)
            return existing
        }
        let new = Int32(firstUnit + unitIDs.count)
        unitIDs.append(unit)
        unitIndex[unit] = new
        lastUnit = (unit, new)
        return new
    }

    /// Folds in the next event. Events must come in seq order.
    public mutating func apply(_ event: EventEnvelope) {
        headSeq = event.seq
        headRecordedAt = event.recordedTime.millisecondsSinceEpoch
        switch event.payload {
        case .flow(let flow):
            applyFlow(seq: event.seq, id: EventKey(event.id), subject: event.subject, date: event.effectiveDate,
                      recordedAt: event.recordedTime.millisecondsSinceEpoch, recordedBy: event.recordedBy,
                      source: event.sourceDocument, flow: flow)
        case .correction(let correction):
            applyCorrection(correction, envelope: event)
        default:
            let subject: Int32
            switch event.payload {
            case .unitEstablished(let u): subject = index(of: u.id)
            case .merger(let m) where m.newUnit != nil: subject = index(of: m.into)
            default: subject = index(of: event.subject)
            }
            let row = appendRecord(seq: event.seq, type: event.type, subject: subject, date: event.effectiveDate,
                                   recordedAt: event.recordedTime.millisecondsSinceEpoch, id: EventKey(event.id),
                                   recordedBy: event.recordedBy, source: event.sourceDocument, data: event.payload.data,
                                   validFrom: event.seq, flags: 0)
            current[event.seq] = derive(event.payload, seq: event.seq, subject: subject, date: event.effectiveDate,
                                        validFrom: event.seq, record: row)
        }
    }

    /// Folds in a flow read straight from the journal (no envelope built). Events must come in seq order.
    public mutating func apply(_ line: FlowLine) {
        headSeq = line.seq
        headRecordedAt = line.recordedTime.millisecondsSinceEpoch
        applyFlow(seq: line.seq, id: line.id, subject: line.subject, date: line.effectiveDate,
                  recordedAt: line.recordedTime.millisecondsSinceEpoch, recordedBy: line.recordedBy,
                  source: line.sourceDocument, flow: line.flow)
    }

    private mutating func applyFlow(seq: Int64, id: EventKey, subject: UnitID, date: CalendarDate, recordedAt: Int64,
                                    recordedBy: String, source: String?, flow: Flow) {
        let unit = index(of: subject)
        var flags: UInt8 = 0
        if flow.since != nil { flags |= FlowFlag.hasSince }
        let sourceIndex = strings.intern(source ?? ""), recorderIndex = strings.intern(recordedBy)
        flows.append(unit: unit, day: Int32(date.dayNumber), seq: seq, count: Int32(clamping: flow.count), kind: flow.kind.rawValue,
                     flags: flags, since: Int32(flow.since?.dayNumber ?? 0), recordedAt: recordedAt, id: id,
                     source: sourceIndex, recorder: recorderIndex)
        if !flow.printed.isEmpty {
            flowRecordOf[seq] = appendRecord(seq: seq, type: flow.kind.eventType, subject: unit, date: date, recordedAt: recordedAt,
                                             id: id, recordedBy: recordedBy, source: source, data: EventPayload.flow(flow).data,
                                             validFrom: seq, flags: 0)
        }
    }

    mutating func appendRecord(seq: Int64, type: EventType, subject: Int32, date: CalendarDate, recordedAt: Int64, id: EventKey,
                               recordedBy: String, source: String?, data: JSONObject, validFrom: Int64, flags: UInt8) -> Int {
        let bytes = Array(JSONWriter.string(.object(data)).utf8)
        let offset = UInt64(recordData.count)
        recordData.append(contentsOf: bytes)
        records.append(RecordRow(seq: seq, type: type.code, subject: subject, day: Int32(date.dayNumber), recordedAt: recordedAt,
                                 id: id, recorder: strings.intern(recordedBy), source: strings.intern(source ?? ""),
                                 dataOffset: offset, dataLength: UInt32(bytes.count), validFrom: validFrom, flags: flags))
        return records.count - 1
    }

    /// The id of unit index `u` (this fold's or the base's).
    func unitID(_ u: Int32) -> UnitID {
        if Int(u) >= firstUnit { return unitIDs[Int(u) - firstUnit] }
        return base?.unitID(u) ?? UnitID(trusted: "?")
    }

    /// The rows one version of a non-flow event makes.
    mutating func derive(_ payload: EventPayload, seq: Int64, subject: Int32, date: CalendarDate, validFrom: Int64,
                         record: Int) -> Derived {
        var derived = Derived(record: record)
        let day = Int32(date.dayNumber)
        let recordIndex = UInt32(record)
        func fact(_ unit: Int32, _ kind: FactRow.Kind, _ value: Int64, folded: UInt32 = 0) {
            facts.append(FactRow(unit: unit, day: day, seq: seq, kind: kind, value: value, validFrom: validFrom, record: recordIndex,
                                 folded: folded))
            derived.facts.append(facts.count - 1)
        }
        let subjectID = unitID(subject)
        for draft in UnitFacts.drafts(payload, subject: subjectID) {
            let unit = index(of: draft.unit)
            switch draft.value {
            case .none: fact(unit, draft.kind, 0)
            case .text(let text): fact(unit, draft.kind, Int64(strings.intern(text)), folded: strings.intern(TextFolding.searchKey(text)))
            case .unit(let other): fact(unit, draft.kind, other.map { Int64(index(of: $0)) } ?? -1)
            case .position(let position): fact(unit, draft.kind, position.map(Int64.init) ?? -1)
            }
        }
        switch payload {
        case .merger(let m):
            let target = subject
            let sources = m.from.map { index(of: $0) }
            mergers.append(MergerRow(seq: seq, day: day, target: target, targetIsNew: m.newUnit != nil, sources: sources,
                                     validFrom: validFrom, record: recordIndex))
            derived.merger = mergers.count - 1
        case .aggregateMerger(let a):
            aggregates.append(AggregateRow(seq: seq, day: day, scope: index(of: a.scope), kind: UInt8(UnitKind.allCases.firstIndex(of: a.of)!),
                                           change: Int32(clamping: a.change), validFrom: validFrom, record: recordIndex))
            derived.aggregate = aggregates.count - 1
        case .conference(let c):
            let asOf = c.asOf ?? date
            let term = c.term.map { UInt32($0.firstYear) << 16 | UInt32($0.secondYear) } ?? 0
            conferences.append(ConferenceRow(unit: subject, day: day, asOf: Int32(asOf.dayNumber),
                                             kind: UInt8(ConferenceKind.allCases.firstIndex(of: c.kind)!), term: term, seq: seq,
                                             validFrom: validFrom, record: recordIndex))
            derived.conference = conferences.count - 1
            for figure in c.figures {
                let code = FigureCode(figure.key)
                let nature = FigureCatalogue.definition(figure.key)?.nature ?? .level
                if nature == .flow {
                    let end = figure.value.period?.to ?? asOf
                    let from = figure.value.period.map { Int32($0.from.dayNumber) } ?? Int32.min
                    flowReports.append(FlowReportRow(unit: subject, key: code, from: from, to: Int32(end.dayNumber),
                                                     term: figure.value.period == nil ? term : 0, value: figure.value, seq: seq,
                                                     validFrom: validFrom, record: recordIndex))
                    derived.flowReports.append(flowReports.count - 1)
                } else {
                    let on = figure.value.asOf ?? asOf
                    levels.append(LevelRow(unit: subject, key: code, day: Int32(on.dayNumber), seq: seq, value: figure.value,
                                           validFrom: validFrom, record: recordIndex))
                    derived.levels.append(levels.count - 1)
                }
            }
        case .rating(let r):
            ratings.append(RatingRow(unit: subject, year: Int32(r.year), subject: UInt8(RatingSubject.allCases.firstIndex(of: r.of)!),
                                     day: day, seq: seq, validFrom: validFrom, record: recordIndex))
            derived.rating = ratings.count - 1
        case .flow, .correction, .unitEstablished, .unitRenamed, .unitMoved, .unitDissolved:
            break
        }
        return derived
    }

    /// Ends the validity of every row a version made, at seq `end`.
    mutating func supersede(_ derived: Derived, at end: Int64) {
        records[derived.record].validTo = end
        for i in derived.facts { facts[i].validTo = end }
        if let i = derived.merger { mergers[i].validTo = end }
        if let i = derived.aggregate { aggregates[i].validTo = end }
        for i in derived.levels { levels[i].validTo = end }
        for i in derived.flowReports { flowReports[i].validTo = end }
        if let i = derived.conference { conferences[i].validTo = end }
        if let i = derived.rating { ratings[i].validTo = end }
    }
}

/// Flow rows in seq order, one array per column, so a million flows cost no per-event objects.
struct FlowColumnsBuilder {
    var unit: [Int32] = []
    var day: [Int32] = []
    var seq: [Int64] = []
    var count: [Int32] = []
    var kind: [UInt8] = []
    var flags: [UInt8] = []
    var since: [Int32] = []
    var recordedAt: [Int64] = []
    var idHigh: [UInt64] = []
    var idLow: [UInt64] = []
    var source: [UInt32] = []
    var recorder: [UInt32] = []
    /// Original rows whose validity ended (a correction), by row.
    var supersededAt: [Int: Int64] = [:]

    mutating func append(unit u: Int32, day d: Int32, seq s: Int64, count c: Int32, kind k: UInt8, flags f: UInt8, since si: Int32,
                         recordedAt r: Int64, id: EventKey, source so: UInt32, recorder re: UInt32) {
        unit.append(u); day.append(d); seq.append(s); count.append(c); kind.append(k); flags.append(f); since.append(si)
        recordedAt.append(r); idHigh.append(id.high); idLow.append(id.low); source.append(so); recorder.append(re)
    }

    /// The row of the flow event with `seq` (rows are appended in seq order).
    func row(seq target: Int64) -> Int? {
        var low = 0, high = seq.count
        while low < high {
            let middle = (low + high) >> 1
            if seq[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < seq.count && seq[low] == target ? low : nil
    }
}
