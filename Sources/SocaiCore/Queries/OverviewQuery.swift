extension Rules {
    /// At most this many samples of the derived members line; beyond it, month ends are sampled.
    static let overviewSampleLimit = 240

    /// The figures the unit tree shows as columns, when units have them, in this order.
    static let overviewTreeKeys = ["members", "grassroots-orgs", "base-committees", "base-cells", "cells", "villages",
                                   "villages-without-members", "villages-without-cell"]

    /// The printed report's content for `unit` at the end of `date`: members over time, the
    /// term's admissions per year against its target, ratings per year, the unit tree and the
    /// `check` findings for the subtree, and the reorganisation of the subtree since the term's
    /// first year began. `term` defaults to the term running on `date`. With `boundaries`, figures
    /// are restated in the units of that date (R8), `unit` being one of them.
    public func overview(_ unit: Int32, term: TermLabel? = nil, to date: CalendarDate, knownAt: Instant? = nil,
                         strict: Bool = false, boundaries: CalendarDate? = nil, union: UnionFacts? = nil) -> OverviewReport {
        let entry = registry[unit]
        let termLabel = term ?? terms.current(unit, on: date)
        let termReport = self.term(unit, termLabel, today: date, boundaries: boundaries)
        let replayed = replay(at: date, root: entry.id, knownAt: knownAt, boundaries: boundaries)
        let keys = Rules.overviewTreeKeys.filter { key in replayed.units.contains { $0.figures.contains { $0.key == key } } }
        let tree = replayed.units.map { state in
            OverviewReport.TreeUnit(unit: state, figures: Dictionary(state.figures.filter { keys.contains($0.key) },
                                                                     uniquingKeysWith: { a, _ in a }))
        }
        return OverviewReport(
            unit: entry.id, unitName: entry.name(at: date), kind: entry.kind(at: date), to: date, knownAt: knownAt,
            boundaries: boundaries, throughSeq: throughSeq, term: termReport, members: memberSeries(unit, to: date, boundaries: boundaries),
            admissions: admissionsPerYear(unit, termReport), admissionPeriods: admissionPeriods(unit, termReport),
            admissionTarget: admissionTarget(termReport),
            ratings: ratingBars(unit, to: date), keyFigures: keys, tree: tree,
            findings: check(scope: unit, strict: strict, union: union, listingReorganisation: false),
            reorganisation: reorganisation(under: unit, over: ClosedPeriod(
                from: min(termReport.from, CalendarDate(year: termLabel.firstYear, month: 1, day: 1)!), to: date)))
    }

    /// Reported member counts and the derived level sampled where it can change; with
    /// `boundaries`, the level restated in the units of that date (R8) over the unit's lineage.
    func memberSeries(_ unit: Int32, to date: CalendarDate, boundaries: CalendarDate? = nil) -> OverviewReport.MemberSeries {
        var reportedByDay: [Int: OverviewReport.MemberPoint] = [:]
        for report in projection.levelReports(unit, "members", knowledge) where report.date <= date {
            guard let value = report.value.statedCount else { continue }
            reportedByDay[report.date.dayNumber] = OverviewReport.MemberPoint(date: report.date, value: value, seq: report.seq)
        }
        let reported = reportedByDay.values.sorted { $0.date < $1.date }

        // Days on which the level can change: flows in the unit's history, reports, structure.
        var scope = Set(registry.everDescendants(of: unit))
        for (predecessor, _) in registry.predecessors(of: unit) { scope.formUnion(registry.everDescendants(of: predecessor)) }
        let lineage = boundaries.map { restatedSources(of: unit, boundaries: $0) } ?? []
        scope.formUnion(lineage)
        var flowDays = Set<Int>()
        for member in scope where projection.hasAnyFlows(member) {
            for row in projection.flows(member, knowledge) { flowDays.insert(row.date.dayNumber) }
        }
        // Structural events found from each unit in scope, not from the whole journal's list.
        for member in scope {
            for event in registry.structuralEvents(involving: member) { flowDays.insert(event.date.dayNumber) }
        }
        var reportDays = Set<Int>()
        for point in reported {
            reportDays.insert(point.date.dayNumber)
            reportDays.insert(point.date.dayNumber - 1)  // just before: shows what the report corrected
        }
        // Reports below the unit change a rolled-up level too.
        for member in scope where member != unit {
            for report in projection.levelReports(member, "members", knowledge) { reportDays.insert(report.date.dayNumber) }
        }
        let end = date.dayNumber
        guard let first = (flowDays.union(reportDays)).filter({ $0 <= end }).min() else {
            return OverviewReport.MemberSeries(reported: reported, derived: [])
        }
        var days = reportDays.union(flowDays).filter { $0 >= first && $0 <= end }
        days.insert(end)
        if days.count > Rules.overviewSampleLimit {
            days = reportDays.filter { $0 >= first && $0 <= end }
            var month = CalendarDate(dayNumber: first)
            while month.dayNumber <= end {
                let last = CalendarDate(year: month.year, month: month.month,
                                        day: CalendarDate.daysInMonth(year: month.year, month: month.month))!
                days.insert(min(last.dayNumber, end))
                month = last.adding(days: 1)
            }
            days.insert(end)
        }
        var derived: [OverviewReport.MemberPoint] = []
        for day in days.sorted() {
            let at = CalendarDate(dayNumber: day)
            let level = boundaries.map { restated("members", at: at, boundaries: $0, sources: lineage.filter { registry.isActive($0, at: at) },
                                                  tops: [unit])[unit] } ?? levels.value(unit, "members", at: at)
            if let value = level?.count { derived.append(OverviewReport.MemberPoint(date: at, value: value)) }
        }
        return OverviewReport.MemberSeries(reported: reported, derived: derived)
    }

    /// Admissions in each calendar year of the term, cut to the term and to its last day so far.
    func admissionsPerYear(_ unit: Int32, _ term: TermReport) -> [OverviewReport.AdmissionYear] {
        guard term.from <= term.to else { return [] }
        var years: [OverviewReport.AdmissionYear] = []
        for year in term.from.year...term.to.year {
            let period = ClosedPeriod(from: max(term.from, CalendarDate(year: year, month: 1, day: 1)!),
                                      to: min(term.to, CalendarDate(year: year, month: 12, day: 31)!))
            let total = flows.total(unit, "admissions", over: period)
            years.append(OverviewReport.AdmissionYear(year: year, period: period, actual: total?.value, provenance: total?.provenance))
        }
        return years
    }

    /// Admissions the unit states over periods longer than one calendar year that reach into the term.
    func admissionPeriods(_ unit: Int32, _ term: TermReport) -> [OverviewReport.AdmissionPeriod] {
        projection.flowReports(unit, "admissions", knowledge).compactMap { report in
            guard let period = terms.period(of: report), period.from.year != period.to.year,
                  period.to >= term.from, period.from <= term.to else { return nil }
            return OverviewReport.AdmissionPeriod(period: period, value: report.value, seq: report.seq)
        }
    }

    /// The term's admissions target as a yearly figure (per-year targets win over term totals).
    func admissionTarget(_ term: TermReport) -> OverviewReport.AdmissionTarget? {
        let termYears = term.term.secondYear - term.term.firstYear
        let chosen = term.targets.first { $0.key == "admissions-per-year" } ?? term.targets.first { $0.key == "admissions" }
        guard let chosen else { return nil }
        let isPerYear = chosen.key == "admissions-per-year"
        var perYear: FixedDecimal?
        switch chosen.target.shape {
        case .minimum(let n), .atLeast(let n):
            perYear = isPerYear ? n : Rules.trimmed((n.ratio / Ratio(integer: max(1, termYears))).rounded(scale: 2))
        case .range, .share:
            perYear = nil
        }
        return OverviewReport.AdmissionTarget(target: chosen.target, isPerYear: isPerYear, perYear: perYear, termYears: termYears,
                                              actual: chosen.actual, forTerm: chosen.effectiveAmount, percent: chosen.percent,
                                              status: chosen.status)
    }

    /// `80.00` → `80`, `26.70` → `26.7`: a computed figure without the zeros rounding added.
    static func trimmed(_ d: FixedDecimal) -> FixedDecimal {
        var d = d
        while d.scale > 0 && d.units % 10 == 0 { d = FixedDecimal(units: d.units / 10, scale: d.scale - 1) }
        return d
    }

    /// Each year's latest rating of each subject for `unit`, for the years up to `date`'s (a
    /// year's ratings are decided after it closes: 2023's on 23/01/2024 still belong to a report
    /// as of 31/12/2023).
    func ratingBars(_ unit: Int32, to date: CalendarDate) -> [OverviewReport.RatingBar] {
        var latest: [String: RatingFact] = [:]
        for fact in projection.ratings(unit, knowledge) where fact.year <= date.year {
            let key = "\(fact.year)/\(fact.subject.rawValue)"
            if latest[key].map({ $0.seq < fact.seq }) ?? true { latest[key] = fact }
        }
        var bars: [OverviewReport.RatingBar] = []
        for fact in latest.values {
            guard case .rating(let rating)? = projection.record(fact.record).payload else { continue }
            let record = fact
            let summary = Rules.summary(rating, seq: record.seq)
            let counts = rating.disjointCounts
            var segments: [OverviewReport.RatingBar.Segment] = []
            for tier in RatingTier.allCases {
                let stated = summary.tiers[tier]
                let count = counts[tier]
                let share = summary.percent[tier] ?? (stated?.isPercent == true ? stated?.amount : nil)
                guard count != nil || share != nil else { continue }
                segments.append(OverviewReport.RatingBar.Segment(tier: tier, count: count, share: share,
                                                                 stated: stated ?? count.map(FigureValue.count)))
            }
            bars.append(OverviewReport.RatingBar(year: rating.year, subject: rating.of, segments: segments, rated: rating.base,
                                                 goodOrBetter: rating.goodOrBetter, seq: record.seq))
        }
        let order = RatingSubject.allCases
        return bars.sorted { ($0.year, order.firstIndex(of: $0.subject)!) < ($1.year, order.firstIndex(of: $1.subject)!) }
    }
}
