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
/// - `X-attainment`: a flow event's own count over its period against the target for that
///   period (R5); on other events, flow X from the start of the running term to the event's date.
extension Rules {
    func eventPrintedFindings(_ record: RecordVersion) -> [Finding] {
        guard let payload = record.payload else { return [] }
        let printed = payload.printed
        guard !printed.isEmpty else { return [] }
        var since: CalendarDate?
        var totals: AggregateMerger?
        var measuredAt = record.subject
        var flowCount: Int?
        switch payload {
        case .conference, .rating, .correction:
            return []
        case .aggregateMerger(let a):
            since = a.since
            totals = a
        case .merger:
            // The count that falls is the one of the unit the merged units belong to.
            measuredAt = registry.parent(of: measuredAt, at: record.date) ?? measuredAt
        case .flow(let f):
            since = f.since
            flowCount = f.count
        default:
            break
        }
        let subject = registry[record.subject].id
        let date = record.date
        let unit = measuredAt
        var findings: [Finding] = []
        func count(_ key: String, _ day: CalendarDate) -> Int? { levels.value(unit, key, at: day)?.count }
        /// A level's values before and after the event: merger totals state them, else the projection.
        func fall(_ key: String, from start: CalendarDate) -> (Int, Int)? {
            if let totals, FigureCatalogue.definition(key)?.countsUnitKinds.contains(totals.of) == true { return (totals.before, totals.after) }
            guard let a = count(key, start), let b = count(key, date) else { return nil }
            return (a, b)
        }
        for percent in printed {
            var exact: Ratio?
            var formula = LocalizedText("")
            var base: Int?
            switch PrintedPercentName.parse(percent.name, onRating: false) {
            case .share(let key)?:
                // A share of a flow (admissions with a degree) is over the event's own period.
                let isFlow = FigureCatalogue.definition(key)?.nature == .flow
                let period = ClosedPeriod(from: since ?? date, to: date)
                func amount(_ k: String) -> Int? { isFlow ? flows.total(unit, k, over: period)?.value : count(k, date) }
                if let part = amount(key), let wholeKey = FigureCatalogue.definition(key)?.shareOf, let whole = amount(wholeKey), whole > 0 {
                    exact = Ratio(part * 100, whole)
                    formula = Rules.formula(part, whole)
                    base = whole
                }
            case .reduction(let key)?:
                if let (a, b) = fall(key, from: since ?? date.adding(days: -1)), a > 0 {
                    exact = Ratio((a - b) * 100, a)
                    formula = Rules.reductionFormula(a, b)
                }
            case .reductionPerYear(let key)?:
                if let since, case let years = since.wholeYears(until: date), years >= 1, let (a, b) = fall(key, from: since), a > 0 {
                    exact = Ratio((a - b) * 100, a) / Ratio(integer: years)
                    formula = Rules.reductionFormula(a, b) + LocalizedText("/\(years)")
                }
            case .attainment(let key)?:
                if let flowCount, key == (FlowKind.allCases.first { $0.eventType == record.type }?.figureKey ?? key) {
                    findings.append(attainmentFinding(percent, subject: subject, seq: record.seq, date: date, unit: unit, key: key,
                                                      actual: flowCount, period: ClosedPeriod(from: since ?? date, to: date),
                                                      localTarget: nil, term: nil))
                    continue
                }
                let term = terms.current(unit, on: date)
                let span = terms.span(unit, term).period
                let target = targets(unit, term, period: span, isRunning: false).first { $0.key == key }?.target.amount
                if let target, target.units > 0,
                   let actual = flows.total(unit, key, over: ClosedPeriod(from: span.from, to: max(span.from, date)))?.value {
                    exact = Ratio(integer: actual) / target.ratio * Ratio(integer: 100)
                    formula = Rules.formula(actual, target)
                }
            case .tierShare?, .goodOrBetterShare?, nil:
                continue
            }
            guard let exact else {
                findings.append(unrecomputable(subject: subject, seq: record.seq, date: date, percent))
                continue
            }
            findings.append(printedFinding(subject: subject, seq: record.seq, date: date, name: percent.name, printed: percent.value,
                                           exact: exact, formula: formula, base: base))
        }
        return findings
    }
}
