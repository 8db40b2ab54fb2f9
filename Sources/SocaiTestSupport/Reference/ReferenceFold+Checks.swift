import SocaiCore

/// The `check` kinds that follow directly from R2, R3, R6 and R7.
extension ReferenceFold {
    /// A finding as the differential test compares it: kind, unit, figure, date, severity.
    public struct CheckFinding: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var kind: String
        public var unit: UnitID
        public var figure: String
        public var date: CalendarDate
        public var severity: Severity

        public static func < (a: CheckFinding, b: CheckFinding) -> Bool {
            (a.kind, a.unit.rawValue, a.figure, a.date) < (b.kind, b.unit.rawValue, b.figure, b.date)
        }

        public var description: String { "\(kind) \(severity.rawValue) \(unit) \(figure) \(date.iso)" }
    }

    /// The check kinds this fold answers.
    public static let checkKinds = ["impossible-level", "possible-duplicate", "dissolved-with-members", "inactive-unit",
                                    "duplicate-rating", "overlapping-periods"]

    public func checks(levelKeys: [String]) -> [CheckFinding] {
        var out: [CheckFinding] = []
        // impossible-level: the first day of each stretch below the floor, on the days facts happen.
        for u in units.all {
            for key in levelKeys {
                // A finding on the first day of each stretch below the floor, and again when it
                // goes below zero (a warning becoming an error).
                var was: Severity?
                // The day after a fact too: a report below the floor is derived as the floor the next day.
                for day in Set(breakpoints + breakpoints.map { $0.adding(days: 1) }).sorted() {
                    // Only a value derived from the unit's own report is impossible; a sum of parts
                    // below the floor lacks a part's count (R2 "Below zero").
                    guard let v = level(u, key, day), v.belowFloor, levelReports(u, key).contains(where: { $0.date <= day }) else {
                        was = nil; continue
                    }
                    let severity: Severity = v.derived < 0 ? .error : .warning
                    if was == nil || (was == .warning && severity == .error) {
                        out.append(CheckFinding(kind: "impossible-level", unit: u, figure: key, date: day, severity: severity))
                    }
                    was = severity
                }
            }
        }
        // possible-duplicate: the same unit, type (and reason), effective date, count and
        // `--since` again (DECISIONS R7).
        var seen = Set<String>()
        for f in flows.sorted(by: { $0.seq < $1.seq }) {
            let signature = "\(f.unit)|\(f.kind.rawValue)|\(f.date.iso)|\(f.count)|\(f.since?.iso ?? "")"
            if !seen.insert(signature).inserted {
                out.append(CheckFinding(kind: "possible-duplicate", unit: f.unit, figure: f.kind.figureKey, date: f.date,
                                        severity: .warning))
            }
        }
        // possible-duplicate: a conference of a unit stating the same figures on the same date
        // as an earlier one (DECISIONS R7), named by its first figure.
        var conferencesSeen = Set<String>()
        for (fact, conference) in conferences.sorted(by: { $0.fact.seq < $1.fact.seq }) where !conference.figures.isEmpty {
            let figures = conference.figures.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ";")
            if !conferencesSeen.insert("\(fact.unit)|\(fact.date.iso)|\(figures)").inserted {
                out.append(CheckFinding(kind: "possible-duplicate", unit: fact.unit, figure: conference.figures[0].key, date: fact.date,
                                        severity: .warning))
            }
        }
        // dissolved-with-members: a dissolution that handed members over to a parent, or lost them.
        for d in units.dissolutions {
            if case .dissolved(let successor?)? = units.closing(d.unit), successor != d.unit { continue }
            guard let held = residual(d.unit, "members", d.date.adding(days: -1)), held.value > 0 else { continue }
            out.append(CheckFinding(kind: "dissolved-with-members", unit: d.unit, figure: "members", date: d.date,
                                    severity: units.receiver(d.unit) == nil ? .error : .warning))
        }
        // inactive-unit: a fact at a unit on a day it did not exist.
        for fact in facts {
            switch fact.payload {
            case .flow, .conference, .rating, .unitRenamed, .unitMoved:
                if !units.isActive(fact.unit, fact.date) {
                    out.append(CheckFinding(kind: "inactive-unit", unit: fact.unit, figure: "", date: fact.date, severity: .error))
                }
            default: break
            }
        }
        // duplicate-rating: one rating per unit, year and subject; both are reported, under the
        // figure CONTRACT names a year's rating by (`rating 2021 members`).
        var ratingsBySlot: [String: [(ReferenceFact, Rating)]] = [:]
        for fact in facts {
            guard case .rating(let r) = fact.payload else { continue }
            ratingsBySlot["\(fact.unit)|\(r.year)|\(r.of.rawValue)", default: []].append((fact, r))
        }
        for (_, list) in ratingsBySlot where list.count > 1 {
            for (fact, r) in list {
                out.append(CheckFinding(kind: "duplicate-rating", unit: fact.unit, figure: "rating \(r.year) \(r.of.rawValue)", date: fact.date,
                                        severity: .warning))
            }
        }
        // overlapping-periods: stated totals of one unit and key that the greedy choice skips
        // because they overlap a chosen one without nesting.
        for u in units.all {
            for key in Self.statedFlowKeys {
                let choice = choose(statedTotals(u, key))
                for skipped in choice.skipped where choice.chosen.contains(where: { c in
                    let a = c.period, b = skipped.period
                    let overlap = a.from <= b.to && b.from <= a.to
                    let nested = (a.from <= b.from && b.to <= a.to) || (b.from <= a.from && a.to <= b.to)
                    return overlap && !nested
                }) {
                    out.append(CheckFinding(kind: "overlapping-periods", unit: u, figure: key, date: skipped.period.to,
                                            severity: .note))
                }
            }
        }
        return out.sorted()
    }

    /// The flow keys stated totals may have.
    public static let statedFlowKeys = ["admissions", "arrivals", "departures"] + FigureCatalogue.departureKeys
}
