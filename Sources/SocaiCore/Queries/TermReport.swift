/// A unit's congress term: figures at start and end, flows, targets, ratings, events.
public struct TermReport: Sendable {
    public struct FigureChange: Sendable {
        public var key: String
        public var start: LevelValue?
        public var end: LevelValue?
        public var change: Int?
        /// change ÷ start × 100, two decimals, half away from zero.
        public var percentChange: FixedDecimal?
    }

    public struct TargetAttainment: Sendable {
        public var key: String
        public var target: Target
        /// What the target amounts to for the elapsed term (90 a year × 5 years = 450).
        public var effectiveTarget: FixedDecimal?
        public var actual: Int?
        public var percent: FixedDecimal?
        /// For a range or minimum: whether the actual is below, within or above it.
        public var status: AttainmentStatus?
        public var years: Int?
    }

    public struct RatingSummary: Sendable {
        public var year: Int
        public var subject: RatingSubject
        public var tiers: [RatingTier: FigureValue]
        public var goodOrBetter: FigureValue?
        public var rated: Int?
        /// Each tier's share of the rated, computed from counts (nil when the document gave only shares).
        public var percent: [RatingTier: FixedDecimal]
        /// A tier the document left out but its other counts and the number rated imply
        /// (41 rated − 6 − 32 − 3 = 0 failed).
        public var implied: RatingTier?
        public var seq: Int64
    }

    public struct EventLine: Sendable {
        public var date: CalendarDate
        public var seq: Int64
        public var type: EventType
        public var text: LocalizedText
    }

    public var unit: UnitID
    public var unitName: String
    public var term: TermLabel
    public var from: CalendarDate
    /// The term's last day, or the date asked about when the term is still running.
    public var to: CalendarDate
    public var termEnd: CalendarDate
    public var isRunning: Bool
    public var boundarySource: TermBoundarySource
    /// Where the end comes from: the next term's start.
    public var endSource: TermBoundarySource
    public var figures: [FigureChange]
    public var flows: [(key: String, total: FlowTotal)]
    public var targets: [TargetAttainment]
    public var ratings: [RatingSummary]
    public var mergers: [EventLine]
    public var conferences: [EventLine]
}

public enum AttainmentStatus: String, Sendable, Hashable {
    case below, within, above

    public var label: LocalizedText {
        switch self {
        case .below: LocalizedText(en: "below target", vi: "chưa đạt")
        case .within: LocalizedText(en: "met", vi: "đạt")
        case .above: LocalizedText(en: "exceeded", vi: "vượt")
        }
    }
}

extension LedgerView {
    /// The term report for `unit` and `term`, answered up to `today` when the term is running.
    public func term(_ unit: Int32, _ term: TermLabel, today: CalendarDate) -> TermReport {
        let (span, source, endSource) = termSpan(unit, term)
        let isRunning = today < span.to
        let end = isRunning ? max(span.from, today) : span.to
        let period = ClosedPeriod(from: span.from, to: end)
        let entry = registry[unit]

        var figures: [TermReport.FigureChange] = []
        for key in levelKeys() {
            let start = level(unit, key, at: span.from), finish = level(unit, key, at: end)
            guard start != nil || finish != nil else { continue }
            var change: Int?
            var percent: FixedDecimal?
            if let a = start?.count, let b = finish?.count {
                change = b - a
                percent = Ratio.percent(b - a, of: a)?.rounded(scale: 2)
            }
            figures.append(TermReport.FigureChange(key: key, start: start, end: finish, change: change, percentChange: percent))
        }

        var flowKeys: [String] = []
        for definition in FigureCatalogue.all where definition.nature == .flow { flowKeys.append(definition.key) }
        for key in (reports.flows[unit] ?? [:]).keys.sorted() where !flowKeys.contains(key) { flowKeys.append(key) }
        var flows: [(String, FlowTotal)] = []
        for key in flowKeys {
            if let total = flowTotal(unit, key, over: period) { flows.append((key, total)) }
        }

        let targets = termTargets(unit, term, period: period, termLength: term.secondYear - term.firstYear,
                                  isRunning: isRunning, flows: flows)

        var ratings: [TermReport.RatingSummary] = []
        var latest: [String: LedgerRecord] = [:]
        for record in reports.ratings where record.subject == entry.id && period.contains(record.date) {
            guard case .rating(let rating) = record.payload else { continue }
            latest["\(rating.year)/\(rating.of.rawValue)"] = record
        }
        for record in latest.values {
            guard case .rating(let rating) = record.payload else { continue }
            ratings.append(LedgerView.summary(rating, seq: record.seq))
        }
        ratings.sort { ($0.year, RatingSubject.allCases.firstIndex(of: $0.subject)!) < ($1.year, RatingSubject.allCases.firstIndex(of: $1.subject)!) }

        let scope = Set(registry.everDescendants(of: unit))
        var mergers: [TermReport.EventLine] = []
        for record in ledger.records where !record.isRetracted && period.contains(record.date) {
            switch record.payload {
            case .merger(let m):
                guard let target = registry.index[m.into], scope.contains(target) || m.from.contains(where: { registry.index[$0].map(scope.contains) ?? false }) else { continue }
                let names = m.from.map { registry.entry($0)?.name(at: record.date.adding(days: -1)) ?? $0.rawValue }
                mergers.append(TermReport.EventLine(date: record.date, seq: record.seq, type: .merger, text: LocalizedText(
                    en: names.joined(separator: " + ") + " → " + registry[target].name(at: record.date),
                    vi: names.joined(separator: " + ") + " → " + registry[target].name(at: record.date))))
            case .aggregateMerger(let a):
                guard let scopeUnit = registry.index[a.scope], scope.contains(scopeUnit) else { continue }
                let rounds = a.rounds.map { LocalizedText(en: ", \($0) rounds", vi: ", \($0) đợt") } ?? LocalizedText("")
                mergers.append(TermReport.EventLine(date: record.date, seq: record.seq, type: .merger, text: LocalizedText(
                    en: "\(a.of.label.en): \(a.before) → \(a.after)", vi: "\(a.of.label.vi): \(a.before) → \(a.after)") + rounds))
            default:
                continue
            }
        }
        var conferences: [TermReport.EventLine] = []
        for record in reports.conferences where period.contains(record.date) {
            guard let u = registry.index[record.subject], scope.contains(u), case .conference(let c) = record.payload else { continue }
            let prefix = u == unit ? "" : registry[u].name(at: record.date) + ": "
            let decisions = c.decisions.isEmpty ? "" : " — " + c.decisions.joined(separator: "; ")
            conferences.append(TermReport.EventLine(date: record.date, seq: record.seq, type: .conference,
                                                    text: LocalizedText(prefix + c.title + decisions)))
        }

        return TermReport(unit: entry.id, unitName: entry.name(at: end), term: term, from: span.from, to: end,
                          termEnd: span.to, isRunning: isRunning, boundarySource: source, endSource: endSource, figures: figures,
                          flows: flows, targets: targets, ratings: ratings, mergers: mergers, conferences: conferences)
    }

    /// Targets for the term: from the congress that opened it, else from the first conference of
    /// the unit labelled with the term that states them.
    func termTargets(_ unit: Int32, _ term: TermLabel, period: ClosedPeriod, termLength: Int, isRunning: Bool,
                     flows: [(String, FlowTotal)]) -> [TermReport.TargetAttainment] {
        var chosen: [String: Target] = [:]
        var order: [String] = []
        let id = registry[unit].id
        let labelled = reports.conferences.filter {
            guard $0.subject == id, case .conference(let c) = $0.payload else { return false }
            return c.term == term && !c.targets.isEmpty
        }
        let congressFirst = labelled.sorted { a, b in
            let ak = { (r: LedgerRecord) -> Int in if case .conference(let c) = r.payload, c.kind == .congress { return 0 }; return 1 }
            return (ak(a), a.seq) < (ak(b), b.seq)
        }
        for record in congressFirst {
            guard case .conference(let c) = record.payload else { continue }
            for target in c.targets where chosen[target.key] == nil {
                order.append(target.key)
                chosen[target.key] = target.target
            }
        }
        var results: [TermReport.TargetAttainment] = []
        for key in order {
            let target = chosen[key]!
            var result = TermReport.TargetAttainment(key: key, target: target)
            if let base = FigureCatalogue.baseKey(key, suffix: "-per-year"), FigureCatalogue.definition(base)?.nature == .flow {
                let elapsed = isRunning ? max(1, period.from.wholeYears(until: period.to)) : termLength
                result.years = elapsed
                result.actual = flows.first { $0.0 == base }?.1.value
                if case .minimum(let perYear) = target.shape,
                   case let (units, overflow) = perYear.units.multipliedReportingOverflow(by: elapsed), !overflow {
                    let total = FixedDecimal(units: units, scale: perYear.scale)
                    result.effectiveTarget = total
                    if let actual = result.actual, total.units > 0 {
                        result.percent = (Ratio(integer: actual) / total.ratio * Ratio(integer: 100)).rounded(scale: 2)
                    }
                }
            } else if FigureCatalogue.definition(key)?.nature == .flow {
                result.actual = flows.first { $0.0 == key }?.1.value
                if case .minimum(let total) = target.shape {
                    result.effectiveTarget = total
                    if let actual = result.actual, total.units > 0 {
                        result.percent = (Ratio(integer: actual) / total.ratio * Ratio(integer: 100)).rounded(scale: 2)
                    }
                }
            }
            if let actual = result.actual {
                result.status = LedgerView.status(Ratio(integer: actual), against: result.effectiveTarget.map { Target(.minimum($0)) } ?? target)
            }
            results.append(result)
        }
        return results
    }

    /// Whether a value is below, within or above a target.
    public static func status(_ value: Ratio, against target: Target) -> AttainmentStatus {
        switch target.shape {
        case .minimum(let n), .atLeast(let n), .share(let n):
            if value < n.ratio { return .below }
            return value == n.ratio ? .within : .above
        case .range(let low, let high):
            if value < low.ratio { return .below }
            return high.ratio < value ? .above : .within
        }
    }

    /// A rating's tiers and their shares of the number rated.
    public static func summary(_ rating: Rating, seq: Int64) -> TermReport.RatingSummary {
        var percent: [RatingTier: FixedDecimal] = [:]
        var counts = rating.disjointCounts
        var tiers = rating.tiers
        var implied: RatingTier?
        let missing = RatingTier.allCases.filter { counts[$0] == nil && tiers[$0] == nil }
        if let rated = rating.rated, missing.count == 1, counts.count == 3, rating.goodOrBetter == nil {
            let rest = rated - counts.values.reduce(0, +)
            if rest >= 0 {
                implied = missing[0]
                counts[missing[0]] = rest
                tiers[missing[0]] = .count(rest)
            }
        }
        if let base = rating.base, base > 0 {
            for (tier, count) in counts { percent[tier] = Ratio(count * 100, base).rounded(scale: 2) }
        }
        return TermReport.RatingSummary(year: rating.year, subject: rating.of, tiers: tiers,
                                        goodOrBetter: rating.goodOrBetter, rated: rating.base, percent: percent,
                                        implied: implied, seq: seq)
    }
}
