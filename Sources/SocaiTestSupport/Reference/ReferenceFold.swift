import SocaiCore

/// The deliberately simple implementation of docs/DECISIONS.md "The projection rules (second
/// round)" that the differential test compares socai's engine with.
///
/// Written from the rules' text (R0–R8), not from socai's queries: every answer is computed by
/// the most direct recursion the text describes, over the whole list of facts, with no index
/// and no cache but the memoisation of that recursion. Slow on purpose: obviously right first.
public final class ReferenceFold {
    public let facts: [ReferenceFact]
    public let units: ReferenceUnits
    /// The knowledge the fold was built at (R0), nil for everything.
    public let knownAtSeq: Int64?

    /// Every day on which something may change (fact dates, establishments, closings): between
    /// two of them parents, activity and kinds are constant, so periods are cut there.
    let breakpoints: [CalendarDate]

    var levelMemo: [LevelQuestion: ReferenceLevel?] = [:]
    var termStartMemo: [TermQuestion: CalendarDate?] = [:]

    struct LevelQuestion: Hashable {
        var unit: UnitID
        var key: String
        var date: CalendarDate
    }

    struct TermQuestion: Hashable {
        var unit: UnitID
        var term: TermLabel
    }

    public init(_ events: [EventEnvelope], knownAtSeq: Int64? = nil) {
        self.knownAtSeq = knownAtSeq
        let facts = ReferenceKnowledge.facts(events, knownAtSeq: knownAtSeq)
        self.facts = facts
        units = ReferenceUnits(facts)
        var days = Set<CalendarDate>()
        for fact in facts {
            days.insert(fact.date)
            // A report as of an earlier day (`--as-of`, `K=n@D`) states a level on that day.
            if case .conference(let c) = fact.payload {
                if let asOf = c.asOf { days.insert(asOf) }
                for figure in c.figures { if let asOf = figure.value.asOf { days.insert(asOf) } }
            }
        }
        for u in units.all {
            if let e = units.established(u) { days.insert(e) }
            if let c = units.closeDay(u) { days.insert(c) }
        }
        breakpoints = days.sorted()
        flows = facts.compactMap { fact in
            guard case .flow(let f) = fact.payload else { return nil }
            return (fact.unit, fact.date, f.kind, f.count, fact.seq, f.since)
        }
        conferences = facts.compactMap { fact in
            guard case .conference(let c) = fact.payload else { return nil }
            return (fact, c)
        }
        aggregateMergers = facts.compactMap { fact in
            guard case .aggregateMerger(let a) = fact.payload else { return nil }
            return (a.scope, fact.date, a)
        }
    }

    // MARK: Facts by kind

    /// The flows (admission, arrival, departures) as (unit, day, kind, count): R2/R3 count a flow
    /// recorded with `--since` on its own date.
    let flows: [(unit: UnitID, date: CalendarDate, kind: FlowKind, count: Int, seq: Int64, since: CalendarDate?)]

    let conferences: [(fact: ReferenceFact, conference: Conference)]

    let aggregateMergers: [(scope: UnitID, date: CalendarDate, merger: AggregateMerger)]

    var childrenMemo: [LevelQuestion: [UnitID]] = [:]

    /// The active children of `u` on `d` (R1 parents), memoised.
    func children(_ u: UnitID, _ d: CalendarDate) -> [UnitID] {
        let question = LevelQuestion(unit: u, key: "", date: d)
        if let memo = childrenMemo[question] { return memo }
        let answer = units.children(u, d)
        childrenMemo[question] = answer
        return answer
    }

    /// The reports of a level key at a unit: the day the value describes (`@DATE`, else the
    /// conference's `--as-of`, else its date), the seq, the value.
    func levelReports(_ u: UnitID, _ key: String) -> [(date: CalendarDate, seq: Int64, value: QualifiedCount)] {
        var out: [(date: CalendarDate, seq: Int64, value: QualifiedCount)] = []
        for (fact, conference) in conferences where fact.unit == u {
            for figure in conference.figures where figure.key == key && figure.value.period == nil {
                guard let n = figure.value.statedCount else { continue }
                let day = figure.value.asOf ?? conference.asOf ?? fact.date
                guard units.isActive(u, day) else { continue }
                out.append((day, fact.seq, QualifiedCount(n, figure.value.qualifier)))
            }
        }
        return out.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    }

    /// The unit kinds a level key counts (empty for members and other counts).
    func countedKinds(_ key: String) -> Set<UnitKind> {
        FigureCatalogue.definition(key)?.countsUnitKinds ?? []
    }

    func isCounted(_ u: UnitID, _ key: String, _ d: CalendarDate) -> Bool {
        guard let kind = units.kind(u, d) else { return false }
        return countedKinds(key).contains(kind)
    }

    /// Cuts a period at the breakpoints: within each piece parents, kinds and activity are constant.
    func pieces(_ period: ClosedPeriod) -> [ClosedPeriod] {
        var out: [ClosedPeriod] = []
        var start = period.from
        for b in breakpoints where b > period.from && b <= period.to {
            out.append(ClosedPeriod(from: start, to: b.adding(days: -1)))
            start = b
        }
        out.append(ClosedPeriod(from: start, to: period.to))
        return out
    }

    /// The maximal runs of days of `period` on which `holds` is true (tested once per piece).
    func runs(_ period: ClosedPeriod, where holds: (CalendarDate) -> Bool) -> [ClosedPeriod] {
        var out: [ClosedPeriod] = []
        for piece in pieces(period) where holds(piece.from) {
            if let last = out.last, last.to.adding(days: 1) == piece.from {
                out[out.count - 1].to = piece.to
            } else {
                out.append(piece)
            }
        }
        return out
    }
}
