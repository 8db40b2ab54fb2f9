import SocaiCore

/// R3 "Flow figures (a count over a period)".
extension ReferenceFold {
    /// A total a document stated for a period at a unit.
    public struct StatedTotal: Sendable, Hashable {
        public var unit: UnitID
        public var key: String
        public var period: ClosedPeriod
        public var value: QualifiedCount
        public var seq: Int64
        /// The conference's date (where `check` reports it).
        public var date: CalendarDate
    }

    /// The flow kinds whose events add to a flow key (`departures`: every reason).
    static func flowKinds(_ key: String) -> [FlowKind] {
        if key == "departures" { return FlowKind.allCases.filter { $0.reason != nil } }
        return FlowKind.allCases.filter { $0.figureKey == key }
    }

    /// R3: a conference figure `K=n@A..B`, or a flow figure of a conference labelled with a term
    /// (the term's start for the unit to the conference's `--as-of` or date, or to the term's last
    /// day for the unit when that is earlier: a late review describes the term that ended).
    public func statedTotals(_ u: UnitID, _ key: String) -> [StatedTotal] {
        var out: [StatedTotal] = []
        for (fact, conference) in conferences where fact.unit == u {
            for figure in conference.figures where figure.key == key {
                guard let n = figure.value.statedCount else { continue }
                var period = figure.value.period
                if period == nil, let term = conference.term, let start = termStart(u, term) {
                    var end = conference.asOf ?? fact.date
                    if let next = termStart(u, term.next), next.adding(days: -1) < end { end = next.adding(days: -1) }
                    if let close = units.closeDay(u), close.adding(days: -1) < end { end = close.adding(days: -1) }
                    if start <= end { period = ClosedPeriod(from: start, to: end) }
                }
                guard let period else { continue }
                out.append(StatedTotal(unit: u, key: key, period: period, value: QualifiedCount(n, figure.value.qualifier),
                                       seq: fact.seq, date: fact.date))
            }
        }
        return out
    }

    /// R3.1's greedy choice among stated totals: end latest, then longest, then highest seq; a
    /// candidate overlapping one already chosen is skipped.
    func choose(_ candidates: [StatedTotal]) -> (chosen: [StatedTotal], skipped: [StatedTotal]) {
        let ordered = candidates.sorted {
            let l0 = $0.period.to.dayNumber - $0.period.from.dayNumber, l1 = $1.period.to.dayNumber - $1.period.from.dayNumber
            return ($0.period.to, l0, $0.seq) > ($1.period.to, l1, $1.seq)
        }
        var chosen: [StatedTotal] = []
        var skipped: [StatedTotal] = []
        for c in ordered {
            if chosen.contains(where: { $0.period.from <= c.period.to && c.period.from <= $0.period.to }) {
                skipped.append(c)
            } else {
                chosen.append(c)
            }
        }
        return (chosen, skipped)
    }

    /// total(U, K, P). `departures` is the larger of the rule over all departures and the sum of
    /// the reasons' totals.
    public func flowTotal(_ u: UnitID, _ key: String, _ period: ClosedPeriod) -> ReferenceFlowTotal? {
        guard period.from <= period.to else { return nil }
        let direct = cover(u, key, period, path: [])
        guard key == "departures" else { return direct }
        var reasons: ReferenceFlowTotal?
        for reasonKey in FigureCatalogue.departureKeys {
            guard let t = cover(u, reasonKey, period, path: []) else { continue }
            reasons = ReferenceFlowTotal(count: (reasons?.count ?? .zero) + t.count,
                                         usedStated: (reasons?.usedStated ?? false) || t.usedStated)
        }
        switch (direct, reasons) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return a.value >= b.value ? a : b
        }
    }

    /// cover(U, K, P) of R3. `path` holds the units above in the recursion: a predecessor's days
    /// on which it was under one of them are already counted through that unit's children, so
    /// they are not counted again (see the report: the text as written counts them twice).
    func cover(_ u: UnitID, _ key: String, _ period: ClosedPeriod, path: [UnitID]) -> ReferenceFlowTotal? {
        let kinds = Self.flowKinds(key)
        let candidates = statedTotals(u, key).filter { period.from <= $0.period.from && $0.period.to <= period.to }
        let chosen = choose(candidates).chosen
        var total = QualifiedCount.zero
        var exists = !chosen.isEmpty
        var usedStated = !chosen.isEmpty
        for c in chosen { total = total + c.value }
        if flows.contains(where: { $0.unit == u && kinds.contains($0.kind) }) { exists = true }
        let here = path + [u]
        for gap in Self.gaps(period, minus: chosen.map(\.period)) {
            for f in flows where f.unit == u && kinds.contains(f.kind) && gap.contains(f.date) {
                total = total + QualifiedCount(f.count)
            }
            for c in units.all where c != u && !here.contains(c) {
                for run in runs(gap, where: { units.isActive(c, $0) && self.units.parent(c, $0) == u }) {
                    if let t = cover(c, key, run, path: here) {
                        total = total + t.count
                        exists = true
                        usedStated = usedStated || t.usedStated
                    }
                }
            }
            for (p, m) in units.handovers(to: u) where !here.contains(p) {
                let last = min(gap.to, m.adding(days: -1))
                guard gap.from <= last else { continue }
                let part = ClosedPeriod(from: gap.from, to: last)
                let unclaimed = runs(part) { day in !here.contains { self.units.isWithin(p, $0, day) } }
                for run in unclaimed {
                    if let t = cover(p, key, run, path: here) {
                        total = total + t.count
                        exists = true
                        usedStated = usedStated || t.usedStated
                    }
                }
            }
        }
        return exists ? ReferenceFlowTotal(count: total, usedStated: usedStated) : nil
    }

    /// The parts of `period` not covered by `covered` (which do not overlap each other).
    static func gaps(_ period: ClosedPeriod, minus covered: [ClosedPeriod]) -> [ClosedPeriod] {
        var out: [ClosedPeriod] = []
        var start = period.from
        for c in covered.sorted(by: { $0.from < $1.from }) {
            if c.from > start { out.append(ClosedPeriod(from: start, to: c.from.adding(days: -1))) }
            start = max(start, c.to.adding(days: 1))
        }
        if start <= period.to { out.append(ClosedPeriod(from: start, to: period.to)) }
        return out
    }
}
