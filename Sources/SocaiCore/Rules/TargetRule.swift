/// A target's attainment over a term, and per year (DECISIONS R5).
public struct TargetAttainment: Sendable {
    public var key: String
    public var target: Target
    /// What the target amounts to for the elapsed term (90 a year × 5 years = 450; 10..12 × 5 = 50..60).
    public var effectiveTarget: Target?
    public var actual: Int?
    /// actual ÷ (the target, or a range's lower bound) × 100, two decimals.
    public var percent: FixedDecimal?
    public var status: AttainmentStatus?
    public var years: Int?
    /// For a flow with a per-year target, or with years that set their own: one row per year.
    public var perYear: [YearAttainment]

    /// The single number a term's target amounts to, when it is one (not a range).
    public var effectiveAmount: FixedDecimal? {
        guard let effectiveTarget else { return nil }
        if case .range = effectiveTarget.shape { return nil }
        return effectiveTarget.amount
    }
}

/// One year of a term against its target.
public struct YearAttainment: Sendable {
    public var year: Int
    public var period: ClosedPeriod
    /// Less than a whole calendar year (the term starts or ends inside it, or it is still running).
    public var partYear: Bool
    public var actual: Int?
    public var target: Target?
    /// Where the year's target comes from: its own review conference, or the congress's per-year target.
    public var targetSeq: Int64?
    public var ownTarget: Bool
    public var percent: FixedDecimal?
    public var status: AttainmentStatus?
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

    /// Whether a value is below, within or above a target.
    public static func of(_ value: Ratio, against target: Target) -> AttainmentStatus {
        switch target.shape {
        case .minimum(let n), .atLeast(let n), .share(let n):
            if value < n.ratio { return .below }
            return value == n.ratio ? .within : .above
        case .range(let low, let high):
            if value < low.ratio { return .below }
            return high.ratio < value ? .above : .within
        }
    }
}

extension Target {
    /// The target times `years` (a minimum or a range per year over a term).
    func times(_ years: Int) -> Target? {
        func scaled(_ d: FixedDecimal) -> FixedDecimal? {
            let (units, overflow) = d.units.multipliedReportingOverflow(by: years)
            return overflow ? nil : FixedDecimal(units: units, scale: d.scale)
        }
        switch shape {
        case .minimum(let n): return scaled(n).map { Target(.minimum($0)) }
        case .atLeast(let n): return scaled(n).map { Target(.atLeast($0)) }
        case .range(let a, let b):
            guard let a = scaled(a), let b = scaled(b) else { return nil }
            return Target(.range(a, b))
        case .share: return nil
        }
    }

    /// The number a percentage of attainment is over: the target, or a range's lower bound.
    var base: FixedDecimal? {
        switch shape {
        case .minimum(let n), .atLeast(let n): n
        case .range(let a, _): a
        case .share: nil
        }
    }

    /// actual ÷ base × 100, two decimals.
    func percent(of actual: Int) -> FixedDecimal? {
        guard let base, base.units > 0 else { return nil }
        return (Ratio(integer: actual) / base.ratio * Ratio(integer: 100)).rounded(scale: 2)
    }
}

extension Rules {
    /// The targets of `term` for `unit`: from the congress that opened it, else from the first
    /// conference of the unit labelled with the term that states them; with a row per year for
    /// flows with yearly targets.
    public func targets(_ unit: Int32, _ term: TermLabel, period: ClosedPeriod, isRunning: Bool) -> [TargetAttainment] {
        let termLength = term.secondYear - term.firstYear
        var chosen: [(key: String, target: Target)] = []
        let labelled = projection.conferences(unit, knowledge).filter { $0.term == term }
        // The congress that opened the term is the earliest (as its start is, R4), whatever the
        // order it was recorded in.
        let congressFirst = labelled.sorted { ($0.kind == .congress ? 0 : 1, $0.date, $0.seq) < ($1.kind == .congress ? 0 : 1, $1.date, $1.seq) }
        for conference in congressFirst {
            guard case .conference(let c)? = projection.record(conference.record).payload else { continue }
            for t in c.targets where !chosen.contains(where: { $0.key == t.key }) { chosen.append((t.key, t.target)) }
        }
        // Years whose own review conference sets a target for a flow (one not labelled with a
        // term: a conference labelled with the term sets the term's targets).
        var yearTargets: [String: [Int: (Target, Int64)]] = [:]
        for conference in projection.conferences(unit, knowledge)
            where conference.kind != .congress && conference.term == nil && period.contains(conference.asOf) {
            guard case .conference(let c)? = projection.record(conference.record).payload else { continue }
            for t in c.targets where FigureCatalogue.definition(t.key)?.nature == .flow && FigureCatalogue.baseKey(t.key, suffix: "-per-year") == nil {
                yearTargets[t.key, default: [:]][conference.asOf.year] = (t.target, conference.seq)
            }
        }
        var results: [TargetAttainment] = []
        for (key, target) in chosen {
            var result = TargetAttainment(key: key, target: target, perYear: [])
            if let base = FigureCatalogue.baseKey(key, suffix: "-per-year"), FigureCatalogue.definition(base)?.nature == .flow {
                let elapsed = isRunning ? max(1, period.from.wholeYears(until: period.to)) : termLength
                result.years = elapsed
                result.actual = flows.total(unit, base, over: period)?.value
                result.effectiveTarget = target.times(elapsed)
                result.perYear = yearRows(unit, base, period: period, isRunning: isRunning, perYear: target, own: yearTargets[base] ?? [:])
            } else if FigureCatalogue.definition(key)?.nature == .flow {
                result.actual = flows.total(unit, key, over: period)?.value
                if case .share = target.shape {} else { result.effectiveTarget = target }
            }
            if let actual = result.actual, let effective = result.effectiveTarget {
                result.percent = effective.percent(of: actual)
                result.status = AttainmentStatus.of(Ratio(integer: actual), against: effective)
            } else if let actual = result.actual {
                result.status = AttainmentStatus.of(Ratio(integer: actual), against: target)
            }
            results.append(result)
        }
        // Flows with no per-year target whose years set their own.
        for (key, own) in yearTargets.sorted(by: { $0.key < $1.key }) where !chosen.contains(where: { $0.key == key + "-per-year" }) {
            let rows = yearRows(unit, key, period: period, isRunning: isRunning, perYear: nil, own: own)
            if let i = results.firstIndex(where: { $0.key == key }) {
                results[i].perYear = rows
            } else if let first = own.values.first {
                results.append(TargetAttainment(key: key + "-per-year", target: first.0, effectiveTarget: nil,
                                                actual: flows.total(unit, key, over: period)?.value, percent: nil, status: nil,
                                                years: nil, perYear: rows))
            }
        }
        return results
    }

    /// One row per calendar year of the term: the year's actual against its own target or the
    /// congress's per-year one.
    func yearRows(_ unit: Int32, _ key: String, period: ClosedPeriod, isRunning: Bool, perYear: Target?,
                  own: [Int: (Target, Int64)]) -> [YearAttainment] {
        guard period.from <= period.to else { return [] }
        var rows: [YearAttainment] = []
        for year in period.from.year...period.to.year {
            let jan1 = CalendarDate(year: year, month: 1, day: 1)!, dec31 = CalendarDate(year: year, month: 12, day: 31)!
            let days = ClosedPeriod(from: max(period.from, jan1), to: min(period.to, dec31))
            let target = own[year]?.0 ?? perYear
            var row = YearAttainment(year: year, period: days, partYear: days.from != jan1 || days.to != dec31,
                                     actual: flows.total(unit, key, over: days)?.value, target: target, targetSeq: own[year]?.1,
                                     ownTarget: own[year] != nil, percent: nil, status: nil)
            if let actual = row.actual, let target {
                row.percent = target.percent(of: actual)
                row.status = AttainmentStatus.of(Ratio(integer: actual), against: target)
            }
            rows.append(row)
        }
        return rows
    }
}
