/// A flow figure's total over a period, and where it comes from.
public struct FlowTotal: Sendable, Hashable {
    public var value: Int
    public var qualifier: Qualifier = .exact
    public var provenance: Provenance
    /// The reported total it starts from, if any.
    public var report: FlowReport?
    /// Events recorded after the report's period (or all events, without a report).
    public var fromEvents: Int
}

extension LedgerView {
    /// The flow kinds that make up a flow figure (`departures` is all five reasons).
    public static func flowKinds(for key: String) -> [FlowKind] {
        if key == "departures" { return [.transferOut, .death, .expulsion, .struckOff, .exit] }
        return FlowKind.allCases.filter { $0.figureKey == key }
    }

    /// Events of `kinds` at `unit`, its descendants at the time, and its predecessors, on days
    /// `from...to` (SEMANTICS.md §3). Nil when no such event was ever recorded there.
    public func eventTotal(_ unit: Int32, kinds: [FlowKind], from: CalendarDate, to: CalendarDate) -> Int? {
        guard !kinds.isEmpty else { return nil }
        var total = 0
        var any = false
        let fromDay = from.dayNumber, endDay = to.dayNumber + 1
        for entry in registry.entries where !ledger.flows[Int(entry.index)].isEmpty {
            let x = entry.index
            let viaLineage = lineageReaches(x, unit)
            var sums: FlowSums?
            for epoch in epochs(x) where viaLineage || x == unit || epoch.chain.contains(unit) {
                let sums_ = sums ?? perKindFlowSums(x)
                sums = sums_
                any = any || kinds.contains { k in sums_.total(of: k, from: Int(Int32.min), to: Int(Int32.max)) > 0 }
                let a = max(fromDay, epoch.from), b = min(endDay, epoch.to)
                guard a < b else { continue }
                for kind in kinds { total += sums_.total(of: kind, from: a, to: b) }
            }
        }
        return any ? total : nil
    }

    /// Whether `unit`'s history continues, through mergers, in `ancestor` or a unit under it.
    func lineageReaches(_ unit: Int32, _ ancestor: Int32) -> Bool {
        var current = unit
        var hops = 0
        while let (next, date) = registry.successor(of: current), hops < 64 {
            if registry.isWithin(next, ancestor, at: date) { return true }
            current = next
            hops += 1
        }
        return false
    }

    /// The period a flow report covers, resolving "the term up to the conference" to dates.
    public func period(of report: FlowReport) -> ClosedPeriod? {
        if let period = report.period { return period }
        guard let term = report.term else { return nil }
        return ClosedPeriod(from: termStart(report.unit, term).date, to: report.end)
    }

    /// `key` at `unit` over `period`: the latest reported total inside the period plus events
    /// recorded after it; else the events; else the children's totals.
    public func flowTotal(_ unit: Int32, _ key: String, over period: ClosedPeriod) -> FlowTotal? {
        let kinds = LedgerView.flowKinds(for: key)
        var best: (FlowReport, ClosedPeriod)?
        for report in reports.flowReports(unit, key) {
            guard let p = self.period(of: report), p.from >= period.from, p.to <= period.to else { continue }
            if best == nil || (p.to, report.seq) > (best!.1.to, best!.0.seq) { best = (report, p) }
        }
        if let (report, covered) = best {
            let after = covered.to < period.to
                ? eventTotal(unit, kinds: kinds, from: covered.to.adding(days: 1), to: period.to) ?? 0 : 0
            let base = report.value.statedCount ?? 0
            return FlowTotal(value: base + after, qualifier: report.value.qualifier,
                             provenance: after == 0 ? .reported : .derived, report: report, fromEvents: after)
        }
        if let events = eventTotal(unit, kinds: kinds, from: period.from, to: period.to) {
            return FlowTotal(value: events, provenance: .derived, report: nil, fromEvents: events)
        }
        let children = children(at: period.to)[unit] ?? []
        let parts = children.compactMap { flowTotal($0, key, over: period) }
        guard !parts.isEmpty else { return nil }
        return FlowTotal(value: parts.reduce(0) { $0 + $1.value }, provenance: .rolledUp, report: nil, fromEvents: 0)
    }
}
