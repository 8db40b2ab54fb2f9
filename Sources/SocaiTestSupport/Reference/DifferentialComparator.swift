import SocaiCore

/// One answer that differs between the reference fold and the engine under test.
public struct Difference: Sendable, CustomStringConvertible {
    /// What kind of difference (`level.value[members]`, `term.to`, `check.impossible-level`…):
    /// the unit the allow-list of known differences works in.
    public var differenceClass: String
    /// The question, as a user would ask it.
    public var question: String
    public var expected: String
    public var observed: String

    public var description: String {
        "[\(differenceClass)] \(question): reference \(expected), \(observed.isEmpty ? "—" : observed)"
    }
}

/// What comparing one history gave.
public struct HistoryOutcome: Sendable {
    public var seed: UInt64
    public var questions = 0
    public var differences: [Difference] = []
    /// Questions the engine cannot answer, by class.
    public var unsupported: [String: Int] = [:]

    /// The first difference of each class, for reports.
    public var firstPerClass: [Difference] {
        var seen = Set<String>()
        return differences.filter { seen.insert($0.differenceClass).inserted }
    }
}

/// Asks the reference fold and an engine the same questions about a history and lists where
/// they differ. The questions are sampled deterministically from the history's seed: levels of
/// every unit and key at the days facts happen, flow totals over years, terms and targets,
/// audit running values, restated values, and the check kinds of the rules.
public struct DifferentialComparator {
    public static let levelKeys = ["members", "villages", "cells", "grassroots-orgs", "base-committees", "base-cells",
                                   "villages-without-members"]
    public static let flowKeys = ["admissions", "arrivals", "departures", "deaths"]
    public static let terms = [TermLabel("2015-2020")!, TermLabel("2020-2025")!, TermLabel("2025-2030")!]

    /// How many days, units… to sample per history (the swift-test suite keeps them small).
    public var days = 8
    public var flowUnits = 6
    public var termUnits = 5
    public var auditUnits = 3

    public init() {}

    static func group(_ key: String) -> String {
        if key == "members" { return "members" }
        if !(FigureCatalogue.definition(key)?.countsUnitKinds.isEmpty ?? true) { return "unit-count" }
        return "other-count"
    }

    public func compare(_ history: RecordedHistory, reference: ReferenceFold, engine: any ProjectionUnderTest,
                        knownAtSeq: Int64? = nil) -> HistoryOutcome {
        var outcome = HistoryOutcome(seed: history.seed)
        var rng = SeededGenerator(seed: history.seed &+ UInt64(knownAtSeq ?? 0) &* 31)
        func sample<T>(_ items: [T], _ n: Int) -> [T] {
            guard items.count > n else { return items }
            var pool = items
            var out: [T] = []
            for _ in 0..<n { out.append(pool.remove(at: Int(rng.next() % UInt64(pool.count)))) }
            return out
        }
        let known = knownAtSeq.map { " (known at seq \($0))" } ?? ""
        let today = RecordedHistory.today
        let expectedFindings = reference.checks(levelKeys: Self.levelKeys)
        // The rules do not say how the fold treats events at a unit on a day it did not exist
        // (R7 refuses them and makes them a check error): differences in such histories get a
        // class of their own, so they do not hide the others.
        let stranded = expectedFindings.contains { $0.kind == "inactive-unit" } ? "[stranded]" : ""
        func differ(_ cls: String, _ question: String, _ expected: String, _ observed: String) {
            let cls = cls.hasPrefix("check.") ? cls : cls + stranded
            outcome.differences.append(Difference(differenceClass: cls, question: question + known, expected: expected,
                                                  observed: observed))
        }
        func unsupported(_ cls: String) { outcome.unsupported[cls, default: 0] += 1 }
        let units = reference.units.all
        var days = sample(reference.breakpoints, days)
        days += days.map { $0.adding(days: -1) } + [today]

        // Levels (R2).
        for day in Set(days).sorted() {
            for u in units where reference.units.isActive(u, day) {
                for key in Self.levelKeys {
                    outcome.questions += 1
                    let question = "replay --to \(day.iso): \(key) of \(u)"
                    let expected = reference.level(u, key, day)
                    guard case .answered(let observed) = engine.level(u, key, day) else { unsupported("level"); continue }
                    compareLevel(expected, observed, key: key, question: question, differ)
                }
            }
        }
        // Flow totals (R3).
        let years = Array(2015...2026)
        for u in sample(units, flowUnits) {
            var periods = sample(years, 3).map {
                ClosedPeriod(from: CalendarDate(year: $0, month: 1, day: 1)!, to: CalendarDate(year: $0, month: 12, day: 31)!)
            }
            periods.append(ClosedPeriod(from: CalendarDate(year: 2015, month: 1, day: 1)!, to: today))
            let a = sample(reference.breakpoints, 2).sorted()
            if a.count == 2 { periods.append(ClosedPeriod(from: a[0], to: a[1])) }
            for period in periods {
                for key in Self.flowKeys {
                    outcome.questions += 1
                    let question = "flow total \(key) of \(u) over \(period)"
                    let expected = reference.flowTotal(u, key, period)
                    guard case .answered(let observed) = engine.flowTotal(u, key, period) else { unsupported("flow"); continue }
                    if expected?.value != observed {
                        differ("flow.value[\(key == "departures" ? "departures" : "by-kind")]" + (expected?.usedStated == true ? "[stated]" : ""),
                               question, expected?.description ?? "—", observed.map(String.init) ?? "")
                    }
                }
            }
        }
        // Terms (R4, R5).
        for u in sample(units, termUnits) {
            for label in Self.terms {
                outcome.questions += 1
                let question = "term --unit \(u) --term \(label)"
                guard case .answered(let answer) = engine.term(u, label, today: today) else { unsupported("term"); continue }
                // A term the unit has no day of (closed before it, established after it, not begun):
                // the engine must say so, not answer a term of one day.
                guard let expected = reference.term(u, label, today: today, levelKeys: ["members"], flowKeys: ["admissions", "departures"])
                else {
                    if let observed = answer { differ("term.no-days", question, "no day of the term", "\(observed.from.iso)..\(observed.to.iso)") }
                    continue
                }
                guard let observed = answer else { differ("term.missing", question, "\(expected.from)..\(expected.to)", ""); continue }
                if expected.from != observed.from {
                    differ("term.from", question, expected.from.iso, observed.from.iso)
                    continue
                }
                if expected.to != observed.to {
                    differ("term.to", question, expected.to.iso, observed.to.iso)
                    continue
                }
                for key in ["members"] where expected.figuresAtStart[key]?.value != observed.figuresAtStart[key] {
                    let v = expected.figuresAtStart[key]
                    differ("term.figure-start", question + " figure \(key) at start", v?.description ?? "—",
                           observed.figuresAtStart[key].map(String.init) ?? "")
                }
                for key in ["members"] where expected.figuresAtEnd[key]?.value != observed.figuresAtEnd[key] {
                    let v = expected.figuresAtEnd[key]
                    differ("term.figure-end", question + " figure \(key) at end", v?.description ?? "—",
                           observed.figuresAtEnd[key].map(String.init) ?? "")
                }
                for key in ["admissions", "departures"] where expected.flows[key]?.value != observed.flows[key] {
                    let v = expected.flows[key]
                    differ("term.flow", question + " flow \(key)", v?.description ?? "—", observed.flows[key].map(String.init) ?? "")
                }
                for (key, t) in expected.targets {
                    outcome.questions += 1
                    let q = question + " target \(key)"
                    guard let o = observed.targets[key] else { differ("term.target-missing", q, "\(t.target)", ""); continue }
                    if let target = o.target, target != t.target {
                        differ(key.hasSuffix("-per-year") ? "term.target-per-year" : "term.target", q, "target \(t.target)", "target \(o.target.map { "\($0)" } ?? "—")")
                    } else if o.actual != t.actual {
                        differ("term.target-actual", q, "actual \(t.actual.map(String.init) ?? "—")", "actual \(o.actual.map(String.init) ?? "—")")
                    } else if o.percent != t.percent {
                        differ("term.target-percent", q, "\(t.percent?.description ?? "—")%", "\(o.percent?.description ?? "—")%")
                    }
                    if !t.years.isEmpty {
                        outcome.questions += 1
                        if let years = observed.years?[key] {
                            for (year, row) in t.years where years[year] != row.actual {
                                differ("term.per-year", q + " year \(year)", row.actual.map(String.init) ?? "—",
                                       (years[year] ?? nil).map(String.init) ?? "")
                            }
                        } else {
                            unsupported("term.per-year")
                        }
                    }
                }
                if let ratings = observed.ratings {
                    for (slot, seq) in expected.ratings where ratings[slot] != seq {
                        differ("term.rating", question + " rating \(slot)", "seq \(seq)", ratings[slot].map { "seq \($0)" } ?? "")
                    }
                }
            }
        }
        // Audit running values: members and a count of units (= the level) and a flow (= R3 from
        // the window's start).
        let auditFrom = CalendarDate(year: 2010, month: 1, day: 1)!
        for u in sample(units.filter { reference.units.isActive($0, today) }, auditUnits) {
            for key in ["members", "villages", "admissions"] {
                guard case .answered(let rows) = engine.audit(u, key, from: auditFrom, to: today) else { unsupported("audit"); continue }
                for row in rows {
                    outcome.questions += 1
                    let question = "audit --unit \(u) --figure \(key) --from \(auditFrom.iso): running value on \(row.date.iso)"
                    let expected: Int?
                    let isFlow = key == "admissions"
                    if !isFlow {
                        expected = reference.level(u, key, row.date)?.value
                    } else {
                        expected = reference.flowTotal(u, key, ClosedPeriod(from: auditFrom, to: row.date))?.value
                    }
                    if expected != row.value {
                        differ("audit.\(isFlow ? "flow" : key == "members" ? "members" : "unit-count")", question, expected.map(String.init) ?? "—",
                               row.value.map(String.init) ?? "")
                    }
                }
            }
        }
        // Restated (R8): in the units of a day after the last closing, at earlier days.
        if let lastClose = units.compactMap({ reference.units.closeDay($0) }).max() {
            for day in sample(days.filter { $0 < lastClose }, 2) {
                for u in units where reference.units.isActive(u, lastClose) {
                    outcome.questions += 1
                    let expected = reference.restated(u, "members", day, boundaries: lastClose)
                    guard case .answered(let observed) = engine.restated(u, "members", day, boundaries: lastClose) else {
                        unsupported("restated"); continue
                    }
                    if expected?.value != observed?.value {
                        differ("restated", "replay --to \(day.iso) --boundaries \(lastClose.iso): members of \(u)",
                               expected?.description ?? "—", observed?.description ?? "")
                    }
                }
            }
        }
        // Checks.
        let kinds = ReferenceFold.checkKinds
        let expected = expectedFindings
        outcome.questions += kinds.count
        if case .answered(let observed) = engine.findings(kinds: kinds) {
            for kind in kinds {
                let e = Set(expected.filter { $0.kind == kind }.map { "\($0.unit) \($0.figure)" + (kind == "impossible-level" ? "" : " \($0.date.iso)") })
                // A finding about no figure may name it "-" or "".
                let o = Set(observed.filter { $0.kind == kind }.map { "\($0.unit) \($0.figure == "-" ? "" : $0.figure)" + (kind == "impossible-level" ? "" : " \($0.date.iso)") })
                if e != o {
                    differ("check.\(kind)", "check: findings of kind \(kind)", e.sorted().joined(separator: "; ").ifEmpty("none"),
                           o.sorted().joined(separator: "; ").ifEmpty("none"))
                }
            }
        } else {
            unsupported("check")
        }
        return outcome
    }

    private func compareLevel(_ expected: ReferenceLevel?, _ observed: ObservedLevel?, key: String, question: String,
                              _ differ: (String, String, String, String) -> Void) {
        let group = Self.group(key)
        switch (expected, observed) {
        case (nil, nil): return
        case (let e?, nil): differ("level.missing[\(group)]", question, e.description, "")
        case (nil, let o?): differ("level.invented[\(group)]", question, "—", o.description)
        case (let e?, let o?):
            if e.value != o.value {
                differ(e.belowFloor ? "level.floor[\(group)]" : "level.value[\(group)]", question, e.description, o.description)
            } else if e.qualifier != o.qualifier {
                differ("level.qualifier", question, e.description, o.description)
            } else if e.provenance != o.provenance {
                differ("level.provenance", question, e.description, o.description)
            }
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
