/// Where a term's start date comes from (SEMANTICS.md §5).
public enum TermBoundarySource: String, Sendable, Hashable {
    /// The unit's own congress for the term.
    case congress
    /// The nearest ancestor's congress.
    case ancestorCongress = "ancestor-congress"
    /// No congress recorded above the unit: 1 January of the term's first year.
    case calendar
    /// No congress recorded, but a conference labelled with the previous term is dated later in
    /// the year: the term starts the day after it.
    case previousTermLabel = "previous-term-label"

    public var label: LocalizedText {
        switch self {
        case .congress: LocalizedText(en: "the unit's congress", vi: "đại hội của đơn vị")
        case .ancestorCongress: LocalizedText(en: "a higher level's congress", vi: "đại hội cấp trên")
        case .calendar: LocalizedText(en: "calendar default (no congress recorded)", vi: "mặc định theo lịch (chưa ghi đại hội)")
        case .previousTermLabel: LocalizedText(en: "no congress recorded; the day after the last report labelled with the earlier term",
                                               vi: "chưa ghi đại hội; ngày sau báo cáo cuối cùng ghi nhiệm kỳ trước")
        }
    }
}

extension LedgerView {
    /// The congress that opens `term` for `unit` or its nearest ancestor.
    public func congress(_ unit: Int32, _ term: TermLabel) -> (record: LedgerRecord, unit: Int32)? {
        let probe = CalendarDate(year: term.firstYear, month: 12, day: 31)!
        for candidate in [unit] + registry.ancestors(of: unit, at: probe) {
            let id = registry[candidate].id
            if let record = reports.conferences.first(where: {
                guard $0.subject == id, case .conference(let c) = $0.payload else { return false }
                return c.kind == .congress && c.term == term
            }) {
                return (record, candidate)
            }
        }
        return nil
    }

    /// The first day of `term` for `unit`.
    ///
    /// Without a congress: 1 January of the term's first year, unless a conference of the unit, its
    /// ancestors or the units under it is labelled with the previous term on a later date (an
    /// article of August 2020 about term 2015–2020 says that term was still running): then the day after.
    public func termStart(_ unit: Int32, _ term: TermLabel) -> (date: CalendarDate, source: TermBoundarySource) {
        if let (record, owner) = congress(unit, term) {
            return (record.date, owner == unit ? .congress : .ancestorCongress)
        }
        let calendar = CalendarDate(year: term.firstYear, month: 1, day: 1)!
        guard let previous = term.previous else { return (calendar, .calendar) }
        let probe = CalendarDate(year: term.firstYear, month: 12, day: 31)!
        let related = Set(registry.everDescendants(of: unit) + registry.ancestors(of: unit, at: probe)).map { registry[$0].id }
        var latest: CalendarDate?
        for record in reports.conferences where related.contains(record.subject) {
            guard case .conference(let c) = record.payload, c.term == previous, record.date >= calendar else { continue }
            if latest == nil || record.date > latest! { latest = record.date }
        }
        if let latest { return (latest.adding(days: 1), .previousTermLabel) }
        return (calendar, .calendar)
    }

    /// The days of `term` for `unit`: from its start to the day before the next term's start.
    public func termSpan(_ unit: Int32, _ term: TermLabel) -> (period: ClosedPeriod, source: TermBoundarySource, endSource: TermBoundarySource) {
        let (start, source) = termStart(unit, term)
        let (nextStart, endSource) = termStart(unit, term.next)
        return (ClosedPeriod(from: start, to: max(start, nextStart.adding(days: -1))), source, endSource)
    }

    /// The term running on `date` for `unit`.
    public func currentTerm(_ unit: Int32, on date: CalendarDate) -> TermLabel {
        var candidate = TermLabel(firstYear: date.year - ((date.year % 5) + 5) % 5, secondYear: date.year - ((date.year % 5) + 5) % 5 + 5)!
        // Congress dates can move a boundary by months either way: step to the term containing date.
        for _ in 0..<3 {
            let span = termSpan(unit, candidate).period
            if date < span.from, let previous = candidate.previous { candidate = previous } else if date > span.to {
                candidate = candidate.next
            } else { break }
        }
        return candidate
    }
}
