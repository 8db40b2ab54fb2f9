import SocaiCore

/// One fact of the journal as the reference fold sees it after R0: a non-correction event with
/// every correction recorded up to the known-at seq applied to it (or left out when retracted).
public struct ReferenceFact: Sendable, Hashable {
    public var seq: Int64
    public var unit: UnitID
    public var date: CalendarDate
    public var payload: EventPayload
    /// Set when a correction changed the event (for `check` and for reading failures).
    public var corrected: Bool
}

/// R0 "Knowledge and order": the events with seq ≤ N, corrections among them applied in seq order.
///
/// Written from the text, not from `CorrectionApplier`: a `--set` replaces fields of the event's
/// `data` (a dotted name such as `figures.members` reaches into the object), `date` replaces the
/// effective date, `null` removes a field; the result is read back through `EventPayload(type:data:)`.
public enum ReferenceKnowledge {
    public static func facts(_ events: [EventEnvelope], knownAtSeq: Int64? = nil) -> [ReferenceFact] {
        let limit = knownAtSeq ?? Int64.max
        var facts: [Int64: ReferenceFact] = [:]
        var retracted = Set<Int64>()
        var order: [Int64] = []
        for event in events where event.seq <= limit {
            switch event.payload {
            case .correction(let correction):
                // A retracted event stays retracted: a later correction of it does not apply (DECISIONS, Corrections).
                guard var fact = facts[correction.eventSeq], !retracted.contains(correction.eventSeq) else { continue }
                switch correction.action {
                case .retract:
                    retracted.insert(correction.eventSeq)
                case .set(let fields):
                    var data = fact.payload.data
                    var date = fact.date
                    for (field, value) in fields {
                        if field == "date" {
                            if let text = value.string, let d = CalendarDate(isoText: text) { date = d }
                            continue
                        }
                        setField(&data, path: field.split(separator: ".").map(String.init), value: value)
                    }
                    guard let payload = try? EventPayload(type: fact.payload.type, data: data) else { continue }
                    fact.payload = payload
                    fact.date = date
                    fact.corrected = true
                    facts[correction.eventSeq] = fact
                }
            default:
                facts[event.seq] = ReferenceFact(seq: event.seq, unit: event.subject, date: event.effectiveDate,
                                                 payload: event.payload, corrected: false)
                order.append(event.seq)
            }
        }
        return order.filter { !retracted.contains($0) }.compactMap { facts[$0] }
    }

    private static func setField(_ object: inout JSONObject, path: [String], value: JSONValue) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value == .null ? nil : value
            return
        }
        var inner = object[first]?.object ?? JSONObject()
        setField(&inner, path: Array(path.dropFirst()), value: value)
        object[first] = inner.isEmpty ? nil : .object(inner)
    }
}
