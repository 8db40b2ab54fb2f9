/// Where a record version lives: its part and row.
public struct RecordRef: Sendable, Hashable {
    let part: Int
    let row: Int
}

/// A non-flow event (one version) as a question sees it: its header and, decoded on demand, its payload.
public struct RecordVersion: Sendable, Hashable {
    public var ref: RecordRef
    public var seq: Int64
    public var id: EventID
    public var type: EventType
    public var subject: Int32
    public var date: CalendarDate
    public var recordedTime: Instant
    public var recordedBy: String
    public var sourceDocument: String?
    /// Nil when the version's data does not decode (a damaged image).
    public var payload: EventPayload?
    public var isRetracted: Bool
    public var isCorrected: Bool
    public var validFrom: Int64
    public var validTo: Int64
}

/// A correction as the fold applied it (or could not).
public struct CorrectionFact: Sendable, Hashable {
    public var seq: Int64
    public var id: EventID
    /// The seq of the event it corrects.
    public var target: Int64
    public var targetUnit: Int32?
    public var recordedTime: Instant
    public var recordedBy: String
    public var sourceDocument: String?
    public var correction: Correction?
    /// What the corrected event said just before ("date D {json}").
    public var previous: String
    public var failure: LocalizedText?
}

extension Projection {
    /// The record version at `ref`, decoded.
    public func record(_ ref: RecordRef) -> RecordVersion {
        guard ref.part >= 0, ref.part < parts.count, ref.row >= 0, ref.row < parts[ref.part].records.seq.count else {
            // A staged event (not folded yet) has no record: nothing to decode.
            return RecordVersion(ref: ref, seq: 0, id: EventKey(high: 0, low: 0).eventID, type: .conference, subject: -1,
                                 date: CalendarDate(dayNumber: 0), recordedTime: Instant(millisecondsSinceEpoch: 0), recordedBy: "",
                                 sourceDocument: nil, payload: nil, isRetracted: false, isCorrected: false, validFrom: 0, validTo: 0)
        }
        let part = parts[ref.part]
        let t = part.records
        let i = ref.row
        let type = EventType(code: t.type[i]) ?? .conference
        let payload = t.dataObject(i).flatMap { try? EventPayload(type: type, data: $0) }
        let source = t.source[i]
        return RecordVersion(ref: ref, seq: t.seq[i], id: EventKey(high: t.idHigh[i], low: t.idLow[i]).eventID, type: type,
                             subject: t.subject[i], date: CalendarDate(dayNumber: Int(t.day[i])),
                             recordedTime: Instant(millisecondsSinceEpoch: t.recordedAt[i]), recordedBy: part.strings.string(t.recorder[i]),
                             sourceDocument: source == 0 ? nil : part.strings.string(source), payload: payload,
                             isRetracted: t.flags[i] & 1 != 0, isCorrected: t.validFrom[i] != t.seq[i], validFrom: t.validFrom[i],
                             validTo: end(ref.part, t.validTo[i], \.records, i))
    }

    /// Unit `u`'s record versions in force (retractions included: they are shown, not applied),
    /// in (date, seq) order.
    public func records(_ u: Int32, _ knowledge: Knowledge) -> [RecordVersion] {
        var result: [RecordVersion] = []
        for (p, part) in parts.enumerated() {
            let t = part.records
            for position in t.unitGroups.rows(Int(u)) {
                let i = Int(t.byUnit[position])
                guard i < t.seq.count, knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.records, i)) else { continue }
                result.append(record(RecordRef(part: p, row: i)))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }

    /// Every record version in force, in seq order (for `check` and listings over the whole journal).
    public func allRecords(_ knowledge: Knowledge) -> [RecordVersion] {
        var result: [RecordVersion] = []
        for (p, part) in parts.enumerated() {
            let t = part.records
            for i in 0..<t.seq.count where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.records, i)) {
                result.append(record(RecordRef(part: p, row: i)))
            }
        }
        result.sort { $0.seq < $1.seq }
        return result
    }

    /// The version in force of the non-flow event with `seq`, if there is one.
    public func record(seq: Int64, _ knowledge: Knowledge) -> RecordVersion? {
        for (p, part) in parts.enumerated().reversed() {
            let t = part.records
            var low = 0, high = t.seq.count
            while low < high {
                let middle = (low + high) >> 1
                if t.seq[middle] < seq { low = middle + 1 } else { high = middle }
            }
            var found: RecordVersion?
            var i = low
            while i < t.seq.count && t.seq[i] == seq {
                if knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.records, i)) { found = record(RecordRef(part: p, row: i)) }
                i += 1
            }
            if let found { return found }
        }
        return nil
    }

    /// Corrections recorded up to the knowledge, in seq order.
    public func corrections(_ knowledge: Knowledge) -> [CorrectionFact] {
        var result: [CorrectionFact] = []
        for part in parts {
            let t = part.corrections
            for i in 0..<t.seq.count where t.seq[i] <= knowledge.seq { result.append(correction(part, i)) }
        }
        return result
    }

    /// The corrections of the event with seq `target` known by `knowledge`, oldest first: one pass
    /// over the targets column, and only the matching rows decoded (an audit asks for a few).
    public func corrections(of target: Int64, _ knowledge: Knowledge) -> [CorrectionFact] {
        var result: [CorrectionFact] = []
        for part in parts {
            let t = part.corrections
            for i in 0..<t.target.count where t.target[i] == target && t.seq[i] <= knowledge.seq { result.append(correction(part, i)) }
        }
        return result
    }

    private func correction(_ part: ProjectionPart, _ i: Int) -> CorrectionFact {
        let t = part.corrections
        let data = part.strings.string(t.data[i])
        var correction: Correction?
        if case .object(let object)? = try? JSONParser.parse(data), case .correction(let c)? = try? EventPayload(type: .correction, data: object) {
            correction = c
        }
        let failureText = t.failure[i] == 0 ? nil : part.strings.string(t.failure[i])
        let failure = failureText.map { text -> LocalizedText in
            let pieces = text.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            return LocalizedText(en: String(pieces[0]), vi: pieces.count > 1 ? String(pieces[1]) : String(pieces[0]))
        }
        let source = t.source[i]
        return CorrectionFact(seq: t.seq[i], id: EventKey(high: t.idHigh[i], low: t.idLow[i]).eventID, target: t.target[i],
                              targetUnit: t.targetUnit[i] >= 0 ? t.targetUnit[i] : nil,
                              recordedTime: Instant(millisecondsSinceEpoch: t.recordedAt[i]),
                              recordedBy: part.strings.string(t.recorder[i]),
                              sourceDocument: source == 0 ? nil : part.strings.string(source), correction: correction,
                              previous: part.strings.string(t.previous[i]), failure: failure)
    }
}

/// An event as it stands now (corrections applied), found by id or seq: what a correction corrects.
public struct LocatedEvent: Sendable, Hashable {
    public var seq: Int64
    public var subject: UnitID
    public var date: CalendarDate
    public var payload: EventPayload
}

extension Projection {
    /// The event with `id` in force (a column scan of ids: corrections are rare).
    public func locate(_ id: EventID) -> LocatedEvent? { seq(of: id).flatMap { locate(seq: $0) } }

    /// The seq of the event with `id`, retracted or not.
    public func seq(of id: EventID) -> Int64? {
        let key = EventKey(id)
        for part in parts {
            let r = part.records
            for i in 0..<r.seq.count where r.idHigh[i] == key.high && r.idLow[i] == key.low { return r.seq[i] }
            let f = part.flows
            for i in 0..<f.seq.count where f.idHigh[i] == key.high && f.idLow[i] == key.low { return f.seq[i] }
            let c = part.corrections
            for i in 0..<c.seq.count where c.idHigh[i] == key.high && c.idLow[i] == key.low { return c.seq[i] }
        }
        return nil
    }

    /// The event with `seq` in force.
    public func locate(seq: Int64) -> LocatedEvent? {
        if let record = record(seq: seq, .latest), let payload = record.payload {
            return LocatedEvent(seq: seq, subject: unitID(record.subject), date: record.date, payload: payload)
        }
        for (p, part) in parts.enumerated() {
            let f = part.flows
            for i in 0..<f.seq.count where f.seq[i] == seq {
                let (vf, stored) = f.validity(i)
                guard stored == validForever, end(p, stored, \.flows, i) == validForever else { continue }
                let u = unitOwning(flowRow: i, in: part)
                let row = flowRecord(part, p, u, i, vf, validForever)
                let printed: [PrintedPercent]
                if case .flow(let withPrinted)? = record(seq: seq, .latest)?.payload { printed = withPrinted.printed } else { printed = [] }
                return LocatedEvent(seq: seq, subject: unitID(u), date: row.date,
                                    payload: .flow(Flow(kind: row.kind, count: row.count, since: row.since, printed: printed)))
            }
        }
        for c in corrections(.latest) where c.seq == seq {
            guard let correction = c.correction else { return nil }
            return LocatedEvent(seq: seq, subject: c.targetUnit.map(unitID) ?? UnitID(trusted: "?"), date: c.recordedTime.dateInVietnam,
                                payload: .correction(correction))
        }
        return nil
    }

    /// The unit whose flow group holds row `i`.
    func unitOwning(flowRow i: Int, in part: ProjectionPart) -> Int32 {
        let offsets = part.flows.groups.offsets
        var low = 0, high = max(0, offsets.count - 1)
        while low < high {
            let middle = (low + high + 1) >> 1
            if Int(offsets[middle]) <= i { low = middle } else { high = middle - 1 }
        }
        return Int32(low)
    }
}

extension Projection {
    /// The id of the event with `seq` (non-flow, flow or correction).
    public func eventID(seq: Int64) -> EventID? {
        for part in parts {
            let r = part.records
            var low = 0, high = r.seq.count
            while low < high {
                let middle = (low + high) >> 1
                if r.seq[middle] < seq { low = middle + 1 } else { high = middle }
            }
            if low < r.seq.count && r.seq[low] == seq { return EventKey(high: r.idHigh[low], low: r.idLow[low]).eventID }
            let f = part.flows
            for i in 0..<f.seq.count where f.seq[i] == seq { return EventKey(high: f.idHigh[i], low: f.idLow[i]).eventID }
            let c = part.corrections
            for i in 0..<c.seq.count where c.seq[i] == seq { return EventKey(high: c.idHigh[i], low: c.idLow[i]).eventID }
        }
        return nil
    }
}

extension Projection {
    /// The rows of the base image's tables that record version `ref` made (an overlay's
    /// correction supersedes them).
    func rowsDerived(from ref: RecordRef) -> [(SupersededTable, Int)] {
        guard ref.part == 0 else { return [] }
        let part = parts[0]
        let r = UInt32(ref.row)
        var rows: [(SupersededTable, Int)] = [(.records, ref.row)]
        for i in 0..<part.units.factRecord.count where part.units.factRecord[i] == r { rows.append((.facts, i)) }
        for i in 0..<part.mergers.record.count where part.mergers.record[i] == r { rows.append((.mergers, i)) }
        for i in 0..<part.mergers.aggregateRecord.count where part.mergers.aggregateRecord[i] == r { rows.append((.aggregates, i)) }
        for i in 0..<part.levels.record.count where part.levels.record[i] == r { rows.append((.levels, i)) }
        for i in 0..<part.flowReports.record.count where part.flowReports.record[i] == r { rows.append((.flowReports, i)) }
        for i in 0..<part.conferences.record.count where part.conferences.record[i] == r { rows.append((.conferences, i)) }
        for i in 0..<part.ratings.record.count where part.ratings.record[i] == r { rows.append((.ratings, i)) }
        return rows
    }

    /// The base image's row of the flow with `seq` in force, and its unit.
    func flowRow(seq: Int64) -> (row: Int, unit: Int32)? {
        let part = parts[0]
        let f = part.flows
        for i in 0..<f.seq.count where f.seq[i] == seq {
            let (_, to) = f.validity(i)
            guard end(0, to, \.flows, i) == validForever else { continue }
            return (i, unitOwning(flowRow: i, in: part))
        }
        return nil
    }
}
