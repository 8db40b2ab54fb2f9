/// Where a term's start date comes from (SEMANTICS.md §5).
public enum TermBoundarySource: String, Sendable, Hashable {
    /// The unit's own congress for the term.
    case congress
    /// The nearest ancestor's congress.
    case ancestorCongress = "ancestor-congress"
    /// No congress recorded above the unit: 1 January of the term's first year.
    case calendar

    public var label: LocalizedText {
        switch self {
        case .congress: LocalizedText(en: "the unit's congress", vi: "đại hội của đơn vị")
        case .ancestorCongress: LocalizedText(en: "a higher level's congress", vi: "đại hội cấp trên")
        case .calendar: LocalizedText(en: "calendar default (no congress recorded)", vi: "mặc định theo lịch (chưa ghi đại hội)")
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
    public func termStart(_ unit: Int32, _ term: TermLabel) -> (date: CalendarDate, source: TermBoundarySource) {
        if let (record, owner) = congress(unit, term) {
            return (record.date, owner == unit ? .congress : .ancestorCongress)
        }
        return (CalendarDate(year: term.firstYear, month: 1, day: 1)!, .calendar)
    }

    /// The days of `term` for `unit`: from its start to the day before the next term's start.
    public func termSpan(_ unit: Int32, _ term: TermLabel) -> (period: ClosedPeriod, source: TermBoundarySource) {
        let (start, source) = termStart(unit, term)
        let nextStart = termStart(unit, term.next).date
        return (ClosedPeriod(from: start, to: max(start, nextStart.adding(days: -1))), source)
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
