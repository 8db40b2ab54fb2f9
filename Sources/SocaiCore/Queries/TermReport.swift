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

    public struct RatingSummary: Sendable {
        public var year: Int
        public var subject: RatingSubject
        /// Disjoint tiers: counts, or the shares the document printed (good made disjoint when the
        /// document printed good-or-better).
        public var tiers: [RatingTier: FigureValue]
        public var goodOrBetter: FigureValue?
        /// The disjoint good tier was computed from good-or-better minus excellent.
        public var goodFromGoodOrBetter: Bool
        public var rated: Int?
        /// Each tier's share of the rated: computed from counts, or as printed.
        public var percent: [RatingTier: FixedDecimal]
        /// A tier the document left out but its other counts and the number rated imply
        /// (41 rated − 6 − 32 − 3 = 0 failed).
        public var implied: RatingTier?
        public var seq: Int64
        /// Earlier ratings of the same year and subject this one supersedes (R6).
        public var supersedes: [Int64]
    }

    public struct EventLine: Sendable {
        public var date: CalendarDate
        public var seq: Int64
        public var type: EventType
        public var text: LocalizedText
    }

    /// Why a unit has no day of the term asked about (DECISIONS R4): the report then has no
    /// figures, flows, targets or ratings, rather than a made-up term of one day.
    public struct NoDays: Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable {
            /// The unit closed (merged, dissolved) on or before the day the term would have begun.
            case closedBefore = "closed-before"
            /// The unit was established after the term had ended for it.
            case establishedAfter = "established-after"
            /// The next term began for the unit before this one would have (congress dates).
            case nextTermBegan = "next-term-began"
            /// The term begins after the day asked about.
            case notBegun = "not-begun"

            public var label: LocalizedText {
                switch self {
                case .closedBefore: LocalizedText(en: "closed before the term began", vi: "kết thúc trước khi nhiệm kỳ bắt đầu")
                case .establishedAfter: LocalizedText(en: "established after the term ended", vi: "thành lập sau khi nhiệm kỳ kết thúc")
                case .nextTermBegan: LocalizedText(en: "the next term began first", vi: "nhiệm kỳ sau bắt đầu trước")
                case .notBegun: LocalizedText(en: "the term has not begun", vi: "nhiệm kỳ chưa bắt đầu")
                }
            }
        }
        public var reason: Reason
        /// The closing, the establishment, the next term's start, or the term's start.
        public var date: CalendarDate
        /// For a unit established after the term: the term running for it on that day.
        public var runningThen: TermLabel?
    }

    public var unit: UnitID
    public var unitName: String
    public var term: TermLabel
    /// Set when the unit has no day of the term: then `to` is the day before `from` (an empty
    /// span) and `termEnd` the last day the term could have had for it.
    public var noDays: NoDays?
    public var from: CalendarDate
    /// The term's last day, or the date asked about when the term is still running.
    public var to: CalendarDate
    public var termEnd: CalendarDate
    public var isRunning: Bool
    public var boundarySource: TermBoundarySource
    /// Where the end comes from: the next term's start, or the unit's closing.
    public var endSource: TermBoundarySource
    /// For a unit that closed: where what it held went, and when.
    public var closedInto: (unit: UnitID, name: String, date: CalendarDate, status: UnitStatus)?
    /// For a unit that closed: how, with the members it handed over (what `term` text says).
    public var closing: ReorganisationStep?
    /// For a unit formed from others after the term began: when, and from which units (their
    /// history before that day is the unit's own, SEMANTICS §4).
    public var formed: (date: CalendarDate, from: [(unit: UnitID, name: String)])?
    /// The congress the term's start or end comes from, when a higher level's (which one, and when).
    public var startCongress: (unit: UnitID, name: String, date: CalendarDate)?
    public var endCongress: (unit: UnitID, name: String, date: CalendarDate)?
    /// With `--boundaries`: figures restated in the units of that date.
    public var boundaries: CalendarDate?
    public var figures: [FigureChange]
    public var flows: [(key: String, total: FlowTotal)]
    public var targets: [TargetAttainment]
    public var ratings: [RatingSummary]
    public var mergers: [EventLine]
    public var conferences: [EventLine]
}

extension Rules {
    /// The term report for `unit` and `term`, answered up to `today` when the term is running.
    public func term(_ unit: Int32, _ term: TermLabel, today: CalendarDate, boundaries: CalendarDate? = nil) -> TermReport {
        let (span, source, endSource) = terms.span(unit, term)
        let entry = registry[unit]
        let noDays = self.noDays(unit, term, from: span.from, today: today)
        let isRunning = noDays == nil && today < span.to
        let end = noDays != nil ? span.from.adding(days: -1) : isRunning ? max(span.from, today) : span.to
        // A term the unit has no day of has no figures, flows, targets or ratings (R4): an
        // empty period, rather than its first day, which both neighbouring terms could claim.
        let period = ClosedPeriod(from: span.from, to: max(span.from, end))
        let hasDays = noDays == nil

        var figures: [TermReport.FigureChange] = []
        for key in levelKeys() where hasDays {
            let start: LevelValue?, finish: LevelValue?
            if let boundaries {
                start = restated(key, at: span.from, boundaries: boundaries, within: unit)[unit]
                finish = restated(key, at: end, boundaries: boundaries, within: unit)[unit]
            } else {
                start = levels.value(unit, key, at: span.from)
                finish = levels.value(unit, key, at: end)
            }
            guard start != nil || finish != nil else { continue }
            var change: Int?
            var percent: FixedDecimal?
            if let a = start?.count, let b = finish?.count {
                change = b - a
                percent = Ratio.percent(b - a, of: a)?.rounded(scale: 2)
            }
            figures.append(TermReport.FigureChange(key: key, start: start, end: finish, change: change, percentChange: percent))
        }

        var flowKeys: [String] = FigureCatalogue.all.filter { $0.nature == .flow }.map(\.key)
        for key in projection.flowReportKeys(unit, knowledge) where !flowKeys.contains(key) { flowKeys.append(key) }
        var flowTotals: [(String, FlowTotal)] = []
        for key in flowKeys where hasDays {
            if let total = flows.total(unit, key, over: period) { flowTotals.append((key, total)) }
        }

        let targets = hasDays ? self.targets(unit, term, period: period, isRunning: isRunning) : []

        // Ratings whose effective date falls in the term; of two for one year and subject, the
        // later recorded counts (R6).
        var latest: [String: (RatingFact, [Int64])] = [:]
        for rating in projection.ratings(unit, knowledge) where hasDays && period.contains(rating.date) {
            let key = "\(rating.year)/\(rating.subject.rawValue)"
            if let existing = latest[key] {
                let (newer, older) = rating.seq > existing.0.seq ? (rating, existing.0) : (existing.0, rating)
                latest[key] = (newer, existing.1 + [older.seq])
            } else {
                latest[key] = (rating, [])
            }
        }
        var ratings: [TermReport.RatingSummary] = []
        for (fact, superseded) in latest.values {
            guard case .rating(let rating)? = projection.record(fact.record).payload else { continue }
            var summary = Rules.summary(rating, seq: fact.seq)
            summary.supersedes = superseded.sorted()
            ratings.append(summary)
        }
        let order = RatingSubject.allCases
        ratings.sort { ($0.year, order.firstIndex(of: $0.subject)!) < ($1.year, order.firstIndex(of: $1.subject)!) }

        let scope = Set(registry.everDescendants(of: unit))
        var mergers: [TermReport.EventLine] = []
        for m in registry.mergers where hasDays && period.contains(m.date) && (scope.contains(m.target) || m.sources.contains(where: scope.contains)) {
            let names = m.sources.map { registry[$0].name(at: m.date.adding(days: -1)) }
            let text = names.joined(separator: " + ") + " → " + registry[m.target].name(at: m.date)
            mergers.append(TermReport.EventLine(date: m.date, seq: m.seq, type: .merger, text: LocalizedText(text)))
        }
        for a in registry.aggregateMergers where hasDays && period.contains(a.date) && scope.contains(a.scope) {
            guard case .aggregateMerger(let m)? = projection.record(a.record).payload else { continue }
            let rounds = m.rounds.map { LocalizedText(en: ", \($0) rounds", vi: ", \($0) đợt") } ?? LocalizedText("")
            mergers.append(TermReport.EventLine(date: a.date, seq: a.seq, type: .merger, text: LocalizedText(
                en: "\(m.of.label.en): \(m.before) → \(m.after)", vi: "\(m.of.label.vi): \(m.before) → \(m.after)") + rounds))
        }
        for h in registry.handovers(into: unit) where hasDays && period.contains(h.date) && h.reason != .merger {
            let name = registry[h.from].name(at: h.date.adding(days: -1))
            let text = h.reason == .successor
                ? LocalizedText(en: "\(name) dissolved; this unit is its successor", vi: "\(name) giải thể; đơn vị này kế thừa")
                : LocalizedText(en: "\(name) dissolved without a successor; this unit keeps what it held",
                                vi: "\(name) giải thể không có đơn vị kế thừa; đơn vị này giữ lại")
            mergers.append(TermReport.EventLine(date: h.date, seq: h.seq, type: .unitDissolved, text: text))
        }
        mergers.sort { ($0.date, $0.seq) < ($1.date, $1.seq) }

        var conferences: [TermReport.EventLine] = []
        for u in scope {
            // A conference labelled with a term is listed under that term (a late review of
            // 2015–2020 held after the next term began is 2015–2020's, R4), if held by the day
            // asked about; others by their date.
            for conference in projection.conferences(u, knowledge)
            where conference.term.map({ $0 == term && conference.date <= today }) ?? (hasDays && period.contains(conference.date)) {
                guard case .conference(let c)? = projection.record(conference.record).payload else { continue }
                let prefix = u == unit ? "" : registry[u].name(at: conference.date) + ": "
                let decisions = c.decisions.isEmpty ? "" : " — " + c.decisions.joined(separator: "; ")
                conferences.append(TermReport.EventLine(date: conference.date, seq: conference.seq, type: .conference,
                                                        text: LocalizedText(prefix + c.title + decisions)))
            }
        }
        conferences.sort { ($0.date, $0.seq) < ($1.date, $1.seq) }

        var closedInto: (UnitID, String, CalendarDate, UnitStatus)?
        if let closing = entry.closing, let h = registry.handover(from: unit) {
            closedInto = (registry[h.to].id, registry[h.to].name(at: closing.date), closing.date, closing.status)
        } else if let closing = entry.closing {
            closedInto = (entry.id, entry.name(at: closing.date), closing.date, closing.status)
        }

        var formed: (CalendarDate, [(UnitID, String)])?
        if let established = entry.established, established > span.from {
            let sources = registry.handovers(into: unit).filter { $0.date == established && $0.reason != .parentKeeps }
            if !sources.isEmpty {
                formed = (established, sources.map { (registry[$0.from].id, registry[$0.from].name(at: established.adding(days: -1))) })
            }
        }
        func higherCongress(_ source: TermBoundarySource, _ label: TermLabel) -> (UnitID, String, CalendarDate)? {
            guard source == .ancestorCongress, let c = terms.congress(unit, label) else { return nil }
            return (registry[c.unit].id, registry[c.unit].name(at: c.date), c.date)
        }

        let termEnd = noDays.map { $0.reason == .notBegun ? span.to : terms.end(unit, term).date } ?? span.to
        return TermReport(unit: entry.id, unitName: entry.name(at: min(end, entry.closing?.date.adding(days: -1) ?? end)), term: term,
                          noDays: noDays, from: span.from, to: end, termEnd: termEnd, isRunning: isRunning, boundarySource: source, endSource: endSource,
                          closedInto: closedInto, closing: closingStep(unit), formed: formed,
                          startCongress: higherCongress(source, term), endCongress: higherCongress(endSource, term.next),
                          boundaries: boundaries, figures: figures, flows: flowTotals, targets: targets,
                          ratings: ratings, mergers: mergers, conferences: conferences)
    }

    /// Why `unit` has no day of `term` starting on `from`, answered on `today`; nil when it has.
    func noDays(_ unit: Int32, _ term: TermLabel, from: CalendarDate, today: CalendarDate) -> TermReport.NoDays? {
        let lastDay = terms.end(unit, term).date
        if lastDay < from {
            if let closing = registry[unit].closing, closing.date <= from { return .init(reason: .closedBefore, date: closing.date, runningThen: nil) }
            if let established = registry[unit].established, established > lastDay {
                return .init(reason: .establishedAfter, date: established, runningThen: terms.current(unit, on: established))
            }
            return .init(reason: .nextTermBegan, date: lastDay.adding(days: 1), runningThen: nil)
        }
        return today < from ? .init(reason: .notBegun, date: from, runningThen: nil) : nil
    }

    /// A rating's disjoint tiers and their shares of the number rated (R6).
    public static func summary(_ rating: Rating, seq: Int64) -> TermReport.RatingSummary {
        var percent: [RatingTier: FixedDecimal] = [:]
        var counts = rating.disjointCounts
        var tiers = rating.tiers
        var implied: RatingTier?
        var goodFromGoodOrBetter = false
        if tiers[.good] == nil, let both = rating.goodOrBetter, let excellent = tiers[.excellent] {
            if let good = counts[.good], !both.isPercent {
                tiers[.good] = .count(good)
                goodFromGoodOrBetter = true
            } else if both.isPercent, excellent.isPercent, both.qualifier == .exact, excellent.qualifier == .exact {
                let scale = max(both.amount.scale, excellent.amount.scale)
                let a = both.amount.rescaled(to: scale), b = excellent.amount.rescaled(to: scale)
                tiers[.good] = FigureValue(amount: FixedDecimal(units: a.units - b.units, scale: scale), isPercent: true)
                goodFromGoodOrBetter = true
            }
        }
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
        for (tier, value) in tiers where value.isPercent && percent[tier] == nil && value.qualifier == .exact {
            percent[tier] = value.amount
        }
        return TermReport.RatingSummary(year: rating.year, subject: rating.of, tiers: tiers, goodOrBetter: rating.goodOrBetter,
                                        goodFromGoodOrBetter: goodFromGoodOrBetter, rated: rating.base, percent: percent,
                                        implied: implied, seq: seq, supersedes: [])
    }
}
