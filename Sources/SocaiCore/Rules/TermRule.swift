/// Where a term's start or end comes from (SEMANTICS §5, DECISIONS R4).
public enum TermBoundarySource: String, Sendable, Hashable {
    /// The unit's own congress for the term.
    case congress
    /// The nearest ancestor's congress.
    case ancestorCongress = "ancestor-congress"
    /// No congress recorded above the unit: 1 January of the term's first year.
    case calendar
    /// A conference labelled with the previous term is dated later: the day after it.
    case previousTermLabel = "previous-term-label"
    /// The unit did not exist before: its establishment.
    case established
    /// The unit closed (merged or dissolved) before the term's end.
    case closed

    public var label: LocalizedText {
        switch self {
        case .congress: LocalizedText(en: "the unit's congress", vi: "đại hội của đơn vị")
        case .ancestorCongress: LocalizedText(en: "a higher level's congress", vi: "đại hội cấp trên")
        case .calendar: LocalizedText(en: "calendar default (no congress recorded)", vi: "mặc định theo lịch (chưa ghi đại hội)")
        case .previousTermLabel: LocalizedText(en: "no congress recorded; the day after the last report labelled with the earlier term",
                                               vi: "chưa ghi đại hội; ngày sau báo cáo cuối cùng ghi nhiệm kỳ trước")
        case .established: LocalizedText(en: "the unit was established then", vi: "đơn vị được thành lập từ ngày này")
        case .closed: LocalizedText(en: "the day before the unit closed", vi: "ngày trước khi đơn vị kết thúc hoạt động")
        }
    }
}

/// Terms: when term L runs for a unit (DECISIONS R4).
public final class TermRule {
    public let registry: Registry
    var projection: Projection { registry.projection }
    private var starts: [Int32: [TermLabel: (date: CalendarDate, source: TermBoundarySource)]] = [:]

    public init(_ registry: Registry) { self.registry = registry }

    /// The congress that opens `term` for `unit`, or else for its nearest ancestor: of the units
    /// ever above it, the nearest one it lay under on the day of that unit's congress (a unit
    /// moved to another district after its first district's congress started its term there).
    public func congress(_ unit: Int32, _ term: TermLabel) -> (date: CalendarDate, seq: Int64, unit: Int32)? {
        if let own = projection.congress(unit, term: term, registry.knowledge) { return (own.date, own.seq, unit) }
        var candidates: [Int32] = []
        for epoch in registry.epochs(of: unit) { for a in epoch.chain where !candidates.contains(a) { candidates.append(a) } }
        var best: (depth: Int, date: CalendarDate, seq: Int64, unit: Int32)?
        for candidate in candidates {
            // Each of its congresses for the term (one held again: the first U lay under it for).
            for c in projection.congresses(candidate, term: term, registry.knowledge) {
                guard let depth = registry.ancestors(of: unit, at: c.date).firstIndex(of: candidate) else { continue }
                if best.map({ (depth, c.date) < ($0.depth, $0.date) }) ?? true { best = (depth, c.date, c.seq, candidate) }
            }
        }
        return best.map { ($0.date, $0.seq, $0.unit) }
    }

    /// The first day of `term` for `unit` (R4).
    public func start(_ unit: Int32, _ term: TermLabel) -> (date: CalendarDate, source: TermBoundarySource) {
        if let known = starts[unit]?[term] { return known }
        var result = computeStart(unit, term)
        // A unit that did not exist yet starts its term when it was established — unless it was
        // formed from others, whose history is its own (SEMANTICS §4).
        if let established = registry[unit].established, established > result.date, registry.handovers(into: unit).isEmpty {
            result = (established, .established)
        }
        starts[unit, default: [:]][term] = result
        return result
    }

    private func computeStart(_ unit: Int32, _ term: TermLabel) -> (date: CalendarDate, source: TermBoundarySource) {
        let knowledge = registry.knowledge
        if let own = projection.congress(unit, term: term, knowledge) { return (own.date, .congress) }
        let calendar = CalendarDate(year: term.firstYear, month: 1, day: 1)!
        // A report labelled with the previous term dated after the ancestor's congress does not
        // move the boundary: it describes the term that ended (`period(of:)`), issue 21 item 4.
        if let ancestor = congress(unit, term) { return (ancestor.date, .ancestorCongress) }
        // No congress above U: the day after the latest conference labelled with the previous
        // term (the date its figures describe) of U, of a unit under U or of a unit above U, each
        // on that conference's date.
        guard let previous = term.previous else { return (calendar, .calendar) }
        var latest: CalendarDate?
        var candidates = Set(registry.everDescendants(of: unit))
        for epoch in registry.epochs(of: unit) { candidates.formUnion(epoch.chain) }
        candidates.insert(unit)
        // A unit closed by a conference's date lay under the units above it on its last day (as
        // for a congress above it; seed 33285: a village merged in May 2020 takes the review of
        // 2015–2020 its district held in October, though its commune moved to another district in June).
        let lastDay = registry[unit].closing?.date.adding(days: -1)
        for candidate in candidates {
            for c in projection.conferences(candidate, knowledge) where c.term == previous && c.asOf >= calendar && c.asOf > (latest ?? c.asOf.adding(days: -1)) {
                let related = candidate == unit || registry.isWithin(candidate, unit, at: c.date)
                    || registry.ancestors(of: unit, at: lastDay.map { min($0, c.date) } ?? c.date).contains(candidate)
                if related { latest = c.asOf }
            }
        }
        if let latest { return (latest.adding(days: 1), .previousTermLabel) }
        return (calendar, .calendar)
    }

    /// The days of `term` for `unit`: from its start to the day before the next term's start, or
    /// to the day before the unit closed.
    public func span(_ unit: Int32, _ term: TermLabel) -> (period: ClosedPeriod, source: TermBoundarySource, endSource: TermBoundarySource) {
        let (start, source) = self.start(unit, term)
        let (end, endSource) = self.end(unit, term)
        return (ClosedPeriod(from: start, to: max(start, end)), source, endSource)
    }

    /// The last day of `term` for `unit`: the day before the next term's start, or before the unit
    /// closed. Before the start when the unit has no day of the term (established after the next
    /// term began, or closed before this one began): `span` shows such a term as its first day,
    /// and `Rules.term` answers that the unit has no day of it.
    func end(_ unit: Int32, _ term: TermLabel) -> (date: CalendarDate, source: TermBoundarySource) {
        let (nextStart, nextSource) = self.start(unit, term.next)
        if let closing = registry[unit].closing, closing.date < nextStart {
            return (closing.date.adding(days: -1), .closed)
        }
        return (nextStart.adding(days: -1), nextSource)
    }

    /// The unit's congresses that a congress for `term` on `date` contradicts (R4): one for an
    /// earlier term held on or after it, or one for a later term held on or before it. Terms
    /// follow each other, so one of the two dates or labels is mistyped: the earlier term would
    /// have no day, and the term before it would run over the later term's days, its flows
    /// counted in both. `except`: the congress itself, when it is recorded already.
    public func congressesOutOfOrder(_ unit: Int32, term: TermLabel, date: CalendarDate, except seq: Int64? = nil) -> [ConferenceFact] {
        projection.conferences(unit, registry.knowledge).filter { c in
            guard c.kind == .congress, let other = c.term, other != term, c.seq != seq else { return false }
            return other < term ? c.date >= date : c.date <= date
        }
    }

    /// The term running on `date` for `unit`; for a unit closed by then, the term of its last
    /// day (what `term` without `--term` answers for it, rather than a term it has no day of).
    public func current(_ unit: Int32, on asked: CalendarDate) -> TermLabel {
        let date = registry[unit].closing.map { min(asked, $0.date.adding(days: -1)) } ?? asked
        let year = date.year - ((date.year % 5) + 5) % 5
        var candidate = TermLabel(firstYear: year, secondYear: year + 5)!
        // Congress dates can move a boundary by months either way: step to the term containing date.
        for _ in 0..<3 {
            let span = self.span(unit, candidate).period
            if date < span.from, let previous = candidate.previous { candidate = previous } else if date > span.to,
                registry[unit].closing.map({ $0.date > date }) ?? true {
                candidate = candidate.next
            } else { break }
        }
        return candidate
    }

    /// The period a stated flow total covers, resolving "the term up to the conference": from the
    /// term's start to the date the figures describe, never past the term's end for the unit (a
    /// review written after the next term began describes the term that ended, R4).
    public func period(of report: FlowReport) -> ClosedPeriod? {
        if let period = report.period { return period }
        guard let term = report.term else { return nil }
        let start = self.start(report.unit, term).date
        let end = min(report.end, self.end(report.unit, term).date)
        // A report dated before the term began for the unit covers no day of it, nor does a term
        // the unit has no day of (a cell established in July 2020, after its term 2020–2025 began,
        // stating admissions for 2015–2020 in November: not admissions of 2020–2025, seed 6267).
        guard start <= end else { return nil }
        return ClosedPeriod(from: start, to: end)
    }
}
