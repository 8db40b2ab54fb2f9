/// Printed percentages on events other than conferences and ratings (`record admission …
/// --printed`, `record merger … --printed villages-reduction=21,1`).
///
/// Such an event states no figures of its own, so its percentages are recomputed from the
/// projection around it: levels at the unit the event changes, on the event's date.
/// - `X-share`: X over its whole on the event's date (for a flow X, over the event's period:
///   `--since`..date, else its date).
/// - `X-reduction`: X's fall from the day before the event (or from `--since`) to its date; for
///   merger totals of the units X counts, from `--before` to `--after`.
/// - `X-reduction-per-year`: that fall over the whole years of `--since`..date.
/// - `X-attainment`: flow X from the start of the running term to the event's date, against the
///   term's target.
extension LedgerView {
    func eventPrintedFindings(included: (UnitID) -> Bool) -> [Finding] {
        var findings: [Finding] = []
        for record in ledger.records where !record.isRetracted && included(record.subject) {
            let printed = record.payload.printed
            guard !printed.isEmpty else { continue }
            var since: CalendarDate?
            var totals: AggregateMerger?
            var measuredAt = registry.index[record.subject]
            switch record.payload {
            case .conference, .rating, .correction:
                continue
            case .aggregateMerger(let a):
                since = a.since
                totals = a
            case .merger:
                // The count that falls is the one of the unit the merged units belong to.
                measuredAt = measuredAt.flatMap { registry[$0].parentIndex(at: record.date) } ?? measuredAt
            default:
                break
            }
            guard let measuredAt else { continue }
            findings += printedFindings(printed, subject: record.subject, seq: record.seq, date: record.date,
                                        since: since, totals: totals, measuredAt: measuredAt)
        }
        if !ledger.flowPrinted.isEmpty {
            for (unit, rows) in ledger.flows.enumerated() where included(ledger.unitIDs[unit]) {
                for row in rows where !row.flags.contains(.retracted) {
                    guard let printed = ledger.flowPrinted[row.seq] else { continue }
                    let since = ledger.periodStarts[row.seq].map { CalendarDate(dayNumber: Int($0)) }
                    findings += printedFindings(printed, subject: ledger.unitIDs[unit], seq: row.seq, date: row.date,
                                                since: since, measuredAt: Int32(unit))
                }
            }
        }
        return findings
    }

    private func printedFindings(_ printed: [PrintedPercent], subject: UnitID, seq: Int64, date: CalendarDate,
                                 since: CalendarDate?, totals: AggregateMerger? = nil, measuredAt unit: Int32) -> [Finding] {
        var findings: [Finding] = []
        func count(_ key: String, _ day: CalendarDate) -> Int? { level(unit, key, at: day)?.count }
        /// A level's values before and after the event: merger totals state them, else the projection.
        func fall(_ key: String, from start: CalendarDate) -> (Int, Int)? {
            if let totals, FigureCatalogue.definition(key)?.countsUnitKinds.contains(totals.of) == true { return (totals.before, totals.after) }
            guard let a = count(key, start), let b = count(key, date) else { return nil }
            return (a, b)
        }
        for percent in printed {
            var exact: Ratio?
            var formula = ""
            switch PrintedPercentName.parse(percent.name, onRating: false) {
            case .share(let key)?:
                // A share of a flow (admissions with a degree) is over the event's own period.
                let isFlow = FigureCatalogue.definition(key)?.nature == .flow
                let period = ClosedPeriod(from: since ?? date, to: date)
                func amount(_ k: String) -> Int? { isFlow ? flowTotal(unit, k, over: period)?.value : count(k, date) }
                if let part = amount(key), let wholeKey = FigureCatalogue.definition(key)?.shareOf,
                   let whole = amount(wholeKey), whole > 0 {
                    exact = Ratio(part * 100, whole)
                    formula = "\(part)/\(whole)"
                }
            case .reduction(let key)?:
                if let (a, b) = fall(key, from: since ?? date.adding(days: -1)), a > 0 {
                    exact = Ratio((a - b) * 100, a)
                    formula = "(\(a) − \(b))/\(a)"
                }
            case .reductionPerYear(let key)?:
                if let since, case let years = since.wholeYears(until: date), years >= 1,
                   let (a, b) = fall(key, from: since), a > 0 {
                    exact = Ratio((a - b) * 100, a) / Ratio(integer: years)
                    formula = "(\(a) − \(b))/\(a)/\(years)"
                }
            case .attainment(let key)?:
                let term = currentTerm(unit, on: date)
                let span = termSpan(unit, term).period
                let target = termTargets(unit, term, period: span, termLength: term.secondYear - term.firstYear,
                                         isRunning: false, flows: []).first { $0.key == key }?.target.amount
                if let target, target.units > 0,
                   let actual = flowTotal(unit, key, over: ClosedPeriod(from: span.from, to: max(span.from, date)))?.value {
                    exact = Ratio(integer: actual) / target.ratio * Ratio(integer: 100)
                    formula = "\(actual)/\(target)"
                }
            case .tierShare?, .goodOrBetterShare?, nil:
                continue
            }
            guard let exact else {
                findings.append(unrecomputable(subject: subject, seq: seq, date: date, percent))
                continue
            }
            findings.append(printedFinding(subject: subject, seq: seq, date: date, name: percent.name, printed: percent.value,
                                           exact: exact, formula: formula))
        }
        return findings
    }
}
