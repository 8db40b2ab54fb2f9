/// A flow figure's total over a period, and where it comes from.
public struct FlowTotal: Sendable, Hashable {
    public var value: Int
    public var qualifier: Qualifier = .exact
    public var provenance: Provenance
    /// The unit's own stated total the answer starts from, if any (the latest one used).
    public var report: FlowReport?
    /// What recorded events contributed.
    public var fromEvents: Int
}

/// Flow figures (a count over a period): DECISIONS R3, written once.
///
/// A unit's total over a period is what its own stated totals say for the parts of the period
/// they cover, and for the rest, its own events plus the same rule applied to each child (while
/// it was a child) and to each unit that handed over to it (before it did).
public final class FlowRule {
    public let registry: Registry
    public let terms: TermRule
    var projection: Projection { registry.projection }

    public init(_ registry: Registry, terms: TermRule) {
        self.registry = registry
        self.terms = terms
    }

    /// The flow kinds that make up a flow figure (`departures` is all five reasons).
    public static func kinds(for key: String) -> [FlowKind] {
        if key == "departures" { return [.transferOut, .death, .expulsion, .struckOff, .exit] }
        return FlowKind.allCases.filter { $0.figureKey == key }
    }

    /// `key` at `unit` over `period`, or nil when nothing states or records it.
    /// With `ignoringStatementsOf`, that unit's own stated totals are left out: what the events
    /// and the units under it say.
    public func total(_ unit: Int32, _ key: String, over period: ClosedPeriod, ignoringStatementsOf ignored: Int32? = nil) -> FlowTotal? {
        guard key == "departures" else { return single(unit, key, over: period, ignoring: ignored) }
        // Departures include their reasons: the larger of the departures rule and the sum of the reasons.
        let generic = single(unit, key, over: period, ignoring: ignored)
        var sum = 0
        var anyReason = false
        for reason in FigureCatalogue.departureKeys {
            if let t = single(unit, reason, over: period, ignoring: ignored) { sum += t.value; anyReason = true }
        }
        guard anyReason, sum > (generic?.value ?? Int.min) else { return generic }
        return FlowTotal(value: sum, qualifier: generic?.qualifier ?? .exact, provenance: .derived, report: generic?.report,
                         fromEvents: generic?.fromEvents ?? 0)
    }

    /// The events alone of `key` at `unit`, under it and at its predecessors over `period`, no
    /// stated total used: what a stated total is reconciled with (`check`'s `flow-report`). Nil
    /// when no such event was ever recorded there.
    public func recordedEvents(_ unit: Int32, _ key: String, over period: ClosedPeriod) -> Int? {
        var trace = Trace()
        trace.eventsOnly = true
        let kinds = FlowKinds(FlowRule.kinds(for: key))
        guard !kinds.isEmpty else { return nil }
        let value = cover(unit, key, kinds, period, top: true, &trace)
        return trace.defined ? value : nil
    }

    private func single(_ unit: Int32, _ key: String, over period: ClosedPeriod, ignoring: Int32?) -> FlowTotal? {
        var trace = Trace()
        trace.ignoring = ignoring
        let value = cover(unit, key, FlowKinds(FlowRule.kinds(for: key)), period, top: true, &trace)
        guard trace.defined else { return nil }
        let provenance: Provenance
        if trace.ownStated && !trace.events && !trace.otherStated { provenance = .reported } else if !trace.events && trace.otherStated && !trace.ownStated {
            provenance = .rolledUp
        } else { provenance = .derived }
        return FlowTotal(value: value, qualifier: trace.qualifier, provenance: provenance, report: trace.latestOwn, fromEvents: trace.eventTotal)
    }

    /// What a computation used, for provenance and "exists".
    struct Trace {
        var defined = false
        var ownStated = false
        var otherStated = false
        var events = false
        var eventTotal = 0
        var qualifier = Qualifier.exact
        var latestOwn: FlowReport?
        var ignoring: Int32?
        var eventsOnly = false
        var visiting = Set<Int32>()
    }

    /// The stated totals of `key` at `unit` chosen to cover `period` (R3 step 1): inside it, by
    /// latest end, then longest, then highest seq, never overlapping one already chosen.
    public func chosenStatements(_ unit: Int32, _ key: String, within period: ClosedPeriod) -> (chosen: [(FlowReport, ClosedPeriod)], skipped: [(FlowReport, ClosedPeriod)]) {
        var candidates: [(FlowReport, ClosedPeriod)] = []
        for report in projection.flowReports(unit, key, registry.knowledge) {
            guard let p = terms.period(of: report), p.from >= period.from, p.to <= period.to, report.value.statedCount != nil else { continue }
            candidates.append((report, p))
        }
        candidates.sort { a, b in
            (a.1.to.dayNumber, a.1.to.dayNumber - a.1.from.dayNumber, a.0.seq) > (b.1.to.dayNumber, b.1.to.dayNumber - b.1.from.dayNumber, b.0.seq)
        }
        var chosen: [(FlowReport, ClosedPeriod)] = []
        var skipped: [(FlowReport, ClosedPeriod)] = []
        for candidate in candidates {
            if chosen.contains(where: { $0.1.from <= candidate.1.to && candidate.1.from <= $0.1.to }) {
                skipped.append(candidate)
            } else {
                chosen.append(candidate)
            }
        }
        return (chosen, skipped)
    }

    private func cover(_ x: Int32, _ key: String, _ kinds: FlowKinds, _ period: ClosedPeriod, top: Bool, _ trace: inout Trace) -> Int {
        // A unit never contributes to itself (a damaged registry, or handovers that refer back).
        guard period.from <= period.to, trace.visiting.insert(x).inserted else { return 0 }
        defer { trace.visiting.remove(x) }
        var total = 0
        let chosen = trace.ignoring == x || trace.eventsOnly ? [] : chosenStatements(x, key, within: period).chosen
        for (report, _) in chosen {
            total += report.value.statedCount ?? 0
            trace.defined = true
            trace.qualifier = trace.qualifier.combined(with: report.value.qualifier)
            if top {
                trace.ownStated = true
                if trace.latestOwn == nil || (report.end, report.seq) > (trace.latestOwn!.end, trace.latestOwn!.seq) { trace.latestOwn = report }
            } else {
                trace.otherStated = true
            }
        }
        for gap in FlowRule.gaps(of: period, minus: chosen.map(\.1)) {
            // Own events.
            if !kinds.isEmpty, projection.hasFlows(x, kinds, registry.knowledge) {
                trace.defined = true
                let n = projection.flowCount(x, kinds, from: gap.from.dayNumber, to: gap.to.dayNumber + 1, registry.knowledge)
                if n > 0 { trace.events = true }
                trace.eventTotal += n
                total += n
            }
            // Children, while under x.
            for child in registry.potentialChildren(of: x) {
                let active = activeDays(child)
                for span in joinedSpans(child, where: { $0.chain.first == x }) {
                    if let part = FlowRule.intersect(gap, from: max(span.from, active.from), to: min(span.to, active.to)) {
                        total += cover(child, key, kinds, part, top: false, &trace)
                    }
                }
            }
            // Units that handed over to x, before they did and while they were not under x or a
            // unit this question is already adding up (their flows are counted there).
            // The days before such a unit existed it lay under no unit: they are its own (and its
            // predecessors'), whatever parent it was registered under later.
            for h in registry.handovers(into: x) {
                let visiting = trace.visiting
                for span in joinedSpans(h.from, includingDaysBefore: activeDays(h.from).from, where: { epoch in !epoch.chain.contains(where: visiting.contains) }) {
                    if let part = FlowRule.intersect(gap, from: span.from, to: min(span.to, h.date.dayNumber)) {
                        total += cover(h.from, key, kinds, part, top: false, &trace)
                    }
                }
            }
        }
        return total
    }

    /// The days of `u`'s epochs that satisfy `include`, adjacent ones joined (`[from, to)` as day
    /// numbers): an epoch boundary made by a change elsewhere in the tree (the unit a predecessor
    /// handed over to moving, a far ancestor moving) must not cut a stated total of `u` in two,
    /// which would leave it inside no part and count its events instead (R3).
    /// `includingDaysBefore`: days before that one count whatever the epoch (a predecessor's days
    /// before it existed).
    func joinedSpans(_ u: Int32, includingDaysBefore born: Int = Int.min, where include: (Registry.Epoch) -> Bool) -> [(from: Int, to: Int)] {
        var spans: [(from: Int, to: Int)] = []
        func add(_ from: Int, _ to: Int) {
            guard from < to else { return }
            if let last = spans.last, last.to == from { spans[spans.count - 1].to = to } else { spans.append((from, to)) }
        }
        for epoch in registry.epochs(of: u) {
            add(epoch.from, min(epoch.to, born))
            if include(epoch) { add(max(epoch.from, born), epoch.to) }
        }
        return spans
    }

    /// The days `u` existed, `[from, to)` as day numbers: a child is under its parent only while
    /// it exists (R3 "while c was under U"). A predecessor is asked about every day before its
    /// handover: the days before it existed reach its own predecessors.
    func activeDays(_ u: Int32) -> (from: Int, to: Int) {
        let t = registry[u]
        return (t.established?.dayNumber ?? Int(Int32.max), t.closing?.date.dayNumber ?? Int(Int32.max))
    }

    /// `period` without the (disjoint) `covered` periods, in order.
    static func gaps(of period: ClosedPeriod, minus covered: [ClosedPeriod]) -> [ClosedPeriod] {
        var gaps: [ClosedPeriod] = []
        var start = period.from.dayNumber
        for c in covered.sorted(by: { $0.from < $1.from }) {
            if c.from.dayNumber > start { gaps.append(ClosedPeriod(from: CalendarDate(dayNumber: start), to: c.from.adding(days: -1))) }
            start = max(start, c.to.dayNumber + 1)
        }
        if start <= period.to.dayNumber { gaps.append(ClosedPeriod(from: CalendarDate(dayNumber: start), to: period.to)) }
        return gaps
    }

    /// The days of `period` within `[from, to)` (day numbers), if any.
    static func intersect(_ period: ClosedPeriod, from: Int, to: Int) -> ClosedPeriod? {
        let a = max(period.from.dayNumber, from), b = min(period.to.dayNumber, to - 1)
        return a <= b ? ClosedPeriod(from: CalendarDate(dayNumber: a), to: CalendarDate(dayNumber: b)) : nil
    }
}
