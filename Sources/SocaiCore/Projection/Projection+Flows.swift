/// A flow row as a question sees it (one version of a flow event).
public struct FlowRecord: Sendable, Hashable {
    public var unit: Int32
    public var seq: Int64
    public var id: EventKey
    public var date: CalendarDate
    public var kind: FlowKind
    public var count: Int
    /// The first day of the period the count covers, when it was recorded with `--since`.
    public var since: CalendarDate?
    public var recordedTime: Instant
    public var recordedBy: String
    public var source: String?
    public var isRetracted: Bool
    public var isCorrected: Bool
    public var validFrom: Int64
    public var validTo: Int64

    /// The signed effect on `members`: 0 once retracted.
    public var memberDelta: Int { isRetracted ? 0 : kind.memberSign * count }
}

/// A set of flow kinds, as a bit mask of `FlowKind.rawValue`s.
public struct FlowKinds: Sendable, Hashable {
    public let mask: UInt8
    public init(_ kinds: [FlowKind]) { mask = kinds.reduce(0) { $0 | (1 << $1.rawValue) } }
    public static let all = FlowKinds(FlowKind.allCases)
    @inline(__always) public func contains(_ raw: UInt8) -> Bool { raw < 8 && mask & (1 << raw) != 0 }
    public var isEmpty: Bool { mask == 0 }
}

extension Projection {
    /// The net member change of unit `u`'s own flows on days `from ..< to` (day numbers).
    public func memberChange(_ u: Int32, from: Int, to: Int, _ knowledge: Knowledge) -> Int {
        guard from < to else { return 0 }
        var total: Int64 = 0
        for (p, part) in parts.enumerated() {
            let t = part.flows
            let rows = t.groups.rows(Int(u))
            guard !rows.isEmpty else { continue }
            if knowledge.isLatest {
                // Running totals: two binary searches.
                let a = t.day.lowerBound(of: Int32(clamping: from), in: rows)
                let b = t.day.lowerBound(of: Int32(clamping: to), in: rows)
                if b > a { total += t.memberPrefix[b - 1] - (a > rows.lowerBound ? t.memberPrefix[a - 1] : 0) }
                if p == 0, let gone = superseded.flowsByUnit[u] {
                    for row in gone where row >= a && row < b && t.validity(row).to == validForever { total -= t.memberDelta(row) }
                }
            } else {
                let a = t.day.lowerBound(of: Int32(clamping: from), in: rows)
                let b = t.day.lowerBound(of: Int32(clamping: to), in: rows)
                for i in a..<b {
                    let (vf, vt) = t.validity(i)
                    if knowledge.holds(vf, end(p, vt, \.flows, i)) { total += t.memberDelta(i) }
                }
            }
        }
        return Int(total)
    }

    /// The total count of unit `u`'s own flows of `kinds` on days `from ..< to`.
    public func flowCount(_ u: Int32, _ kinds: FlowKinds, from: Int, to: Int, _ knowledge: Knowledge) -> Int {
        guard from < to, !kinds.isEmpty else { return 0 }
        var total = 0
        for (p, part) in parts.enumerated() {
            let t = part.flows
            let rows = t.groups.rows(Int(u))
            guard !rows.isEmpty else { continue }
            let a = t.day.lowerBound(of: Int32(clamping: from), in: rows)
            let b = t.day.lowerBound(of: Int32(clamping: to), in: rows)
            for i in a..<b where kinds.contains(t.kind[i]) && t.flags[i] & FlowFlag.retracted == 0 {
                let (vf, vt) = t.validity(i)
                if knowledge.holds(vf, end(p, vt, \.flows, i)) { total += Int(t.count[i]) }
            }
        }
        return total
    }

    /// Whether unit `u` has any flow of `kinds` in force, on any day.
    public func hasFlows(_ u: Int32, _ kinds: FlowKinds, _ knowledge: Knowledge) -> Bool {
        for (p, part) in parts.enumerated() {
            let t = part.flows
            for i in t.groups.rows(Int(u)) where kinds.contains(t.kind[i]) && t.flags[i] & FlowFlag.retracted == 0 {
                let (vf, vt) = t.validity(i)
                if knowledge.holds(vf, end(p, vt, \.flows, i)) { return true }
            }
        }
        return false
    }

    /// Whether unit `u` has any flow row at all.
    public func hasAnyFlows(_ u: Int32) -> Bool { parts.contains { !$0.flows.groups.rows(Int(u)).isEmpty } }

    /// Unit `u`'s flows in force on days `from ... to`, in (day, seq) order; with `includeRetracted`,
    /// retractions too (audit shows them, never counts them).
    public func flows(_ u: Int32, from: Int = Int(Int32.min), through to: Int = Int(Int32.max), _ knowledge: Knowledge,
                      includeRetracted: Bool = false) -> [FlowRecord] {
        var result: [FlowRecord] = []
        for (p, part) in parts.enumerated() {
            let t = part.flows
            let rows = t.groups.rows(Int(u))
            guard !rows.isEmpty else { continue }
            let a = t.day.lowerBound(of: Int32(clamping: from), in: rows)
            let b = t.day.upperBound(of: Int32(clamping: to), in: rows)
            for i in a..<b {
                let (vf, stored) = t.validity(i)
                let vt = end(p, stored, \.flows, i)
                guard knowledge.holds(vf, vt) else { continue }
                let retracted = t.flags[i] & FlowFlag.retracted != 0
                if retracted && !includeRetracted { continue }
                result.append(flowRecord(part, p, u, i, vf, vt))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }

    func flowRecord(_ part: ProjectionPart, _ p: Int, _ u: Int32, _ i: Int, _ vf: Int64, _ vt: Int64) -> FlowRecord {
        let t = part.flows
        let flags = t.flags[i]
        let source = t.source[i]
        return FlowRecord(unit: u, seq: t.seq[i], id: EventKey(high: t.idHigh[i], low: t.idLow[i]),
                          date: CalendarDate(dayNumber: Int(t.day[i])), kind: FlowKind(rawValue: t.kind[i]) ?? .admission,
                          count: Int(t.count[i]),
                          since: flags & FlowFlag.hasSince != 0 ? CalendarDate(dayNumber: Int(t.since[i])) : nil,
                          recordedTime: Instant(millisecondsSinceEpoch: t.recordedAt[i]), recordedBy: part.strings.string(t.recorder[i]),
                          source: source == 0 ? nil : part.strings.string(source), isRetracted: flags & FlowFlag.retracted != 0,
                          isCorrected: vf != t.seq[i], validFrom: vf, validTo: vt)
    }

    /// The flow event with `seq` in force (found through unit `u`'s rows).
    public func flow(seq: Int64, unit u: Int32, _ knowledge: Knowledge) -> FlowRecord? {
        flows(u, knowledge, includeRetracted: true).last { $0.seq == seq }
    }

    /// Every unit that has flows, for questions over the whole journal.
    public var unitsWithFlows: [Int32] {
        (0..<Int32(unitCount)).filter { hasAnyFlows($0) }
    }

    /// The number of flow rows (every version).
    public var flowRowCount: Int { parts.reduce(0) { $0 + $1.flows.day.count } }
}
