import SocaiCore

/// Today's engine through its public query API (`LedgerView`): the projection under test.
public final class LedgerViewProjection: ProjectionUnderTest {
    public let view: LedgerView
    public var name: String { fromSnapshot ? "LedgerView (snapshot + tail)" : "LedgerView" }

    /// Whether the view was folded from a snapshot plus the tail (SEMANTICS §9).
    public let fromSnapshot: Bool

    /// The view of the events with seq ≤ `knownAtSeq` (all without it); with `snapshotAfter`, the
    /// ledger of the first events goes through a snapshot (encoded, decoded) before the rest.
    public init(_ events: [EventEnvelope], knownAtSeq: Int64? = nil, snapshotAfter: Int64? = nil) {
        var ledger = Ledger()
        let limit = knownAtSeq ?? Int64.max
        var restored = false
        for event in events where event.seq <= limit {
            if let split = snapshotAfter, event.seq == split + 1, !restored {
                let stamp = SnapshotStamp(journalID: "differential", seq: ledger.headSeq,
                                          chainHash: String(repeating: "0", count: 64), recordedTime: ledger.headRecordedTime)
                let bytes = LedgerSnapshot.encode(ledger, stamp: stamp)
                if let decoded = try? bytes.withUnsafeBytes({ try LedgerSnapshot.decode($0) }) {
                    ledger = decoded.0
                    restored = true
                }
            }
            ledger.apply(event)
        }
        view = LedgerView(ledger)
        fromSnapshot = restored
    }

    func index(_ unit: UnitID) -> Int32? { view.registry.index[unit] }

    public func level(_ unit: UnitID, _ key: String, _ date: CalendarDate) -> Observed<ObservedLevel?> {
        guard let i = index(unit), let v = view.level(i, key, at: date), let n = v.count else { return .answered(nil) }
        return .answered(ObservedLevel(value: n, qualifier: v.qualifier, provenance: v.provenance.rawValue))
    }

    public func flowTotal(_ unit: UnitID, _ key: String, _ period: ClosedPeriod) -> Observed<Int?> {
        guard let i = index(unit) else { return .answered(nil) }
        return .answered(view.flowTotal(i, key, over: period)?.value)
    }

    public func term(_ unit: UnitID, _ term: TermLabel, today: CalendarDate) -> Observed<ObservedTerm?> {
        guard let i = index(unit) else { return .answered(nil) }
        let report = view.term(i, term, today: today)
        var out = ObservedTerm(from: report.from, to: report.to)
        for figure in report.figures {
            if let n = figure.start?.count { out.figuresAtStart[figure.key] = n }
            if let n = figure.end?.count { out.figuresAtEnd[figure.key] = n }
        }
        for (key, total) in report.flows { out.flows[key] = total.value }
        for t in report.targets {
            out.targets[t.key] = (t.effectiveTarget?.ratio, t.actual, t.percent)
        }
        var ratings: [String: Int64] = [:]
        for r in report.ratings { ratings["\(r.year)/\(r.subject.rawValue)"] = r.seq }
        out.ratings = ratings
        return .answered(out)
    }

    public func audit(_ unit: UnitID, _ key: String, from: CalendarDate, to: CalendarDate) -> Observed<[ObservedAuditDay]> {
        guard let i = index(unit) else { return .answered([]) }
        let report = view.audit(i, key, from: from, to: to, knownAt: nil)
        var days: [ObservedAuditDay] = []
        for entry in report.entries where !entry.retracted {
            if let last = days.last, last.date == entry.date {
                days[days.count - 1].value = entry.value
            } else {
                days.append(ObservedAuditDay(date: entry.date, value: entry.value))
            }
        }
        return .answered(days)
    }

    public func restated(_ unit: UnitID, _ key: String, _ date: CalendarDate, boundaries: CalendarDate) -> Observed<ObservedLevel?> {
        .unsupported
    }

    public func findings(kinds: [String]) -> Observed<[ReferenceFold.CheckFinding]> {
        let report = view.check()
        return .answered(report.findings.filter { kinds.contains($0.kind) }.map {
            ReferenceFold.CheckFinding(kind: $0.kind, unit: $0.unit, figure: $0.figure, date: $0.date, severity: $0.severity)
        })
    }
}
