import SocaiCore

/// R4 "Terms" and R5 "Targets and attainment".
extension ReferenceFold {
    /// A term as the reference answers it.
    public struct TermAnswer: Sendable, Hashable {
        public var from: CalendarDate
        public var to: CalendarDate
        public var isRunning: Bool
        public var figuresAtStart: [String: ReferenceLevel]
        public var figuresAtEnd: [String: ReferenceLevel]
        public var flows: [String: ReferenceFlowTotal]
        public var targets: [String: TargetAnswer]
        /// (year, subject) → the seq of the rating that counts.
        public var ratings: [String: Int64]
    }

    public struct TargetAnswer: Sendable, Hashable {
        /// The term's target (its lower bound for a range).
        public var target: Ratio
        public var upper: Ratio?
        public var actual: Int?
        public var percent: FixedDecimal?
        public var years: [Int: YearRow]
    }

    public struct YearRow: Sendable, Hashable {
        public var actual: Int?
        public var target: Ratio
        public var percent: FixedDecimal?
        public var partYear: Bool
    }

    /// The date a conference's figures describe: its `--as-of`, else its date.
    static func describedDate(_ fact: ReferenceFact, _ c: Conference) -> CalendarDate { c.asOf ?? fact.date }

    /// The ancestors of `u` on `d`, nearest first (R1 parents, through implicit moves).
    func ancestors(_ u: UnitID, _ d: CalendarDate) -> [UnitID] {
        var out: [UnitID] = []
        var current = units.parent(u, d)
        while let c = current, out.count < 64, !out.contains(c) {
            out.append(c)
            current = units.parent(c, d)
        }
        return out
    }

    /// R4: the first day of term `term` for `u`; nil when the unit never existed.
    public func termStart(_ u: UnitID, _ term: TermLabel) -> CalendarDate? {
        let question = TermQuestion(unit: u, term: term)
        if let memo = termStartMemo[question] { return memo }
        let answer = computeTermStart(u, term)
        termStartMemo[question] = answer
        return answer
    }

    private func computeTermStart(_ u: UnitID, _ term: TermLabel) -> CalendarDate? {
        guard let established = units.established(u) else { return nil }
        // Never before the unit's establishment, unless others handed over to it: a unit formed
        // from others has their history before it (SEMANTICS §4), so its term starts with theirs.
        // (A handover on the day U itself closes passes U by: U received nothing.)
        let formedFromOthers = units.handovers(to: u).contains { h in units.closeDay(u).map { h.day < $0 } ?? true }
        func clamp(_ start: CalendarDate) -> CalendarDate { formedFromOthers ? start : max(start, established) }
        let congresses = conferences.filter { $0.conference.kind == .congress && $0.conference.term == term }
            .sorted { ($0.fact.date, $0.fact.seq) < ($1.fact.date, $1.fact.seq) }
        let previous = conferences.filter { $0.conference.term != nil && $0.conference.term == term.previous }
        // 1. Its own congress.
        if let own = congresses.first(where: { $0.fact.unit == u }) {
            return clamp(own.fact.date)
        }
        // 2. The nearest ancestor's congress (a later report labelled with the previous term
        //    describes the term that ended; it does not move the boundary).
        var best: (depth: Int, date: CalendarDate)?
        for c in congresses {
            // Of the units ever above U while it existed: a unit closed by the day of that congress
            // counts it only from a unit above it on its last day (seed 7714: a village merged on
            // the day its commune moved to a district whose congress came later).
            if let closed = units.closeDay(u), closed <= c.fact.date,
               !ancestors(u, closed.adding(days: -1)).contains(c.fact.unit) { continue }
            guard let depth = ancestors(u, c.fact.date).firstIndex(of: c.fact.unit) else { continue }
            if best == nil || depth < best!.depth { best = (depth, c.fact.date) }
        }
        if let best { return clamp(best.date) }
        // 3. 1 January, or the day after the latest previous-term conference of U, its ancestors
        //    or the units under it.
        var start = CalendarDate(year: term.firstYear, month: 1, day: 1)!
        for p in previous {
            let day = Self.describedDate(p.fact, p.conference)
            // As in 2: a unit closed by that conference's date lay under the units above it on
            // its last day, not under whatever received its parent later (seed 14068: a village
            // dissolved before its commune merged into another district's commune).
            let above = units.closeDay(u).map { $0 <= p.fact.date ? $0.adding(days: -1) : p.fact.date } ?? p.fact.date
            let related = p.fact.unit == u || units.isWithin(p.fact.unit, u, p.fact.date)
                || ancestors(u, above).contains(p.fact.unit)
            if related && day.adding(days: 1) > start { start = day.adding(days: 1) }
        }
        return clamp(start)
    }

    /// R4 + R5: `term` of `u` answered on `today`; nil when the term had not started by the end.
    public func term(_ u: UnitID, _ term: TermLabel, today: CalendarDate, levelKeys: [String], flowKeys: [String]) -> TermAnswer? {
        guard let from = termStart(u, term) else { return nil }
        var to = today
        var running = true
        if let next = termStart(u, term.next), next.adding(days: -1) < to {
            to = next.adding(days: -1)
            running = false
        }
        if let close = units.closeDay(u), close.adding(days: -1) < to {
            to = close.adding(days: -1)
            running = false
        }
        guard from <= to else { return nil }
        let period = ClosedPeriod(from: from, to: to)
        var answer = TermAnswer(from: from, to: to, isRunning: running, figuresAtStart: [:], figuresAtEnd: [:],
                                flows: [:], targets: [:], ratings: [:])
        for key in levelKeys {
            answer.figuresAtStart[key] = level(u, key, from)
            answer.figuresAtEnd[key] = level(u, key, to)
        }
        for key in flowKeys { answer.flows[key] = flowTotal(u, key, period) }
        answer.targets = targets(u, term, period: period, running: running)
        for (fact, rating) in ratings(u) where period.contains(fact.date) {
            answer.ratings["\(rating.year)/\(rating.of.rawValue)"] = max(answer.ratings["\(rating.year)/\(rating.of.rawValue)"] ?? 0, fact.seq)
        }
        return answer
    }

    func ratings(_ u: UnitID) -> [(fact: ReferenceFact, rating: Rating)] {
        facts.compactMap { fact in
            guard fact.unit == u, case .rating(let r) = fact.payload else { return nil }
            return (fact, r)
        }
    }

    /// R5: the targets of the congress that opened the term (else the first conference of U
    /// labelled with the term that states targets), measured against R3 totals.
    func targets(_ u: UnitID, _ term: TermLabel, period: ClosedPeriod, running: Bool) -> [String: TargetAnswer] {
        let labelled = conferences.filter { $0.fact.unit == u && $0.conference.term == term }
            .sorted { ($0.fact.date, $0.fact.seq) < ($1.fact.date, $1.fact.seq) }
        let source = labelled.first(where: { $0.conference.kind == .congress })
            ?? labelled.first(where: { !$0.conference.targets.isEmpty })
        guard let source else { return [:] }
        var out: [String: TargetAnswer] = [:]
        let termYears = running ? max(1, period.from.wholeYears(until: period.to)) : term.secondYear - term.firstYear
        for keyed in source.conference.targets {
            let perYear = FigureCatalogue.baseKey(keyed.key, suffix: "-per-year")
            let flowKey = perYear ?? keyed.key
            guard FigureCatalogue.definition(flowKey)?.nature == .flow else { continue }
            guard let (low, high) = Self.bounds(keyed.target) else { continue }
            let factor = Ratio(integer: perYear == nil ? 1 : termYears)
            let target = low * factor
            let actual = flowTotal(u, flowKey, period)?.value
            var answer = TargetAnswer(target: target, upper: high.map { $0 * factor }, actual: actual,
                                      percent: Self.percent(actual, of: target), years: [:])
            if perYear != nil {
                for year in period.from.year...period.to.year {
                    let jan1 = CalendarDate(year: year, month: 1, day: 1)!, dec31 = CalendarDate(year: year, month: 12, day: 31)!
                    let days = ClosedPeriod(from: max(jan1, period.from), to: min(dec31, period.to))
                    let own = yearTarget(u, flowKey, year)
                    let yearTarget = own ?? low
                    let yearActual = flowTotal(u, flowKey, days)?.value
                    answer.years[year] = YearRow(actual: yearActual, target: yearTarget,
                                                 percent: Self.percent(yearActual, of: yearTarget),
                                                 partYear: days.from != jan1 || days.to != dec31)
                }
            }
            out[keyed.key] = answer
        }
        return out
    }

    /// A year's own target for a flow: set by a review conference of U dated in that year.
    func yearTarget(_ u: UnitID, _ key: String, _ year: Int) -> Ratio? {
        for (fact, c) in conferences where fact.unit == u && c.kind == .review && fact.date.year == year {
            for t in c.targets where t.key == key {
                if let (low, _) = Self.bounds(t.target) { return low }
            }
        }
        return nil
    }

    static func bounds(_ target: Target) -> (Ratio, Ratio?)? {
        switch target.shape {
        case .minimum(let n), .atLeast(let n): (n.ratio, nil)
        case .range(let a, let b): (a.ratio, b.ratio)
        case .share: nil
        }
    }

    /// actual ÷ target × 100, two decimals, half away from zero.
    static func percent(_ actual: Int?, of target: Ratio) -> FixedDecimal? {
        guard let actual, target.numerator != 0 else { return nil }
        return (Ratio(integer: actual) * Ratio(integer: 100) / target).rounded(scale: 2)
    }
}
