import SocaiCore
import SocaiTestSupport
import Testing

/// `audit --boundaries` (DECISIONS R8, "audit --boundaries"): the register of a unit restated in
/// the units of a later date; its running value is the restated value `replay --boundaries` gives.
@Suite("Audit restated in the units of a later date")
struct RestatedAuditTests {
    /// Issue 17's example: P; D1 (a, b), D2 (e, f), D3 (g, k); a 1,000, b 800, e 500, f 300 and D3
    /// 4,014 on 2023-12-31; a +10, e +5 in 2024; on 2025-07-01 a+b → X, e+f → Y, g+k → Z under P,
    /// D1 and D2 dissolved, D3 dissolved with successor Z.
    static func issueExample() -> LedgerBuilder {
        var b = LedgerBuilder()
        b.now = Instant.parseRFC3339("2025-07-02T08:00:00Z")!
        b.must("unit", [("id", "p"), ("name", "P"), ("kind", "province"), ("date", "2015-01-01")])
        for (district, communes) in [("d1", ["a", "b"]), ("d2", ["e", "f"]), ("d3", ["g", "k"])] {
            b.must("unit", [("id", district), ("name", district.uppercased()), ("kind", "district"), ("parent", "p"), ("date", "2015-01-01")])
            for c in communes {
                b.must("unit", [("id", c), ("name", "Xã \(c)"), ("kind", "base-committee"), ("parent", district), ("date", "2015-01-01")])
            }
        }
        for (unit, members) in [("a", 1000), ("b", 800), ("e", 500), ("f", 300), ("d3", 4014)] {
            b.must("conference", [("unit", unit), ("date", "2023-12-31"), ("title", "Báo cáo"), ("figure", "members=\(members)")])
        }
        b.must("admission", [("unit", "a"), ("date", "2024-03-01"), ("count", "10")])
        b.must("admission", [("unit", "e"), ("date", "2024-04-01"), ("count", "5")])
        for (sources, target) in [("a,b", "x"), ("e,f", "y"), ("g,k", "z")] {
            b.must("merger", [("from", sources), ("into", target), ("name", "Xã \(target.uppercased())"), ("kind", "base-committee"),
                              ("parent", "p"), ("date", "2025-07-01")])
        }
        b.must("dissolve", [("unit", "d1"), ("date", "2025-07-01")])
        b.must("dissolve", [("unit", "d2"), ("date", "2025-07-01")])
        b.must("dissolve", [("unit", "d3"), ("date", "2025-07-01"), ("successor", "z")])
        return b
    }

    static let boundaries = CalendarDate("2025-07-01")

    /// Every row's running value against `rules.restated` at its date: the last row of each day
    /// equals it (rows of one day add up to it), and the report's value equals it at `to`.
    static func expectRunningValuesRestated(_ rules: Rules, _ u: Int32, _ key: String, to: CalendarDate, boundaries: CalendarDate,
                                            _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        let report = rules.audit(u, key, from: nil, to: to, knownAt: nil, boundaries: boundaries)
        let entries = report.entries.filter { !$0.retracted }
        for (i, entry) in entries.enumerated() where i == entries.count - 1 || entries[i + 1].date != entry.date {
            let expected = rules.restated(key, at: entry.date, boundaries: boundaries)[u]?.count
            #expect(entry.value == expected, "\(context) \(rules.registry[u].id) \(key) row seq \(entry.seq) on \(entry.date.iso)",
                    sourceLocation: sourceLocation)
        }
        #expect(report.value?.count == rules.restated(key, at: to, boundaries: boundaries)[u]?.count,
                "\(context) \(rules.registry[u].id) \(key) at \(to.iso)", sourceLocation: sourceLocation)
        #expect(report.boundaries == boundaries, sourceLocation: sourceLocation)
    }

    @Test("the example: X's register lists a's and b's reports and a's admissions, running as replay --boundaries")
    func theNewCommuneCarriesItsPredecessorsRows() {
        let rules = Self.issueExample().view
        let x = rules.registry.index(of: UnitID("x")!)!
        let report = rules.audit(x, "members", from: nil, to: CalendarDate("2025-07-01"), knownAt: nil, boundaries: Self.boundaries)
        let rows = report.entries.map { "\($0.date.iso) \($0.unit) \($0.type.recordName) \($0.delta.map(String.init) ?? "·") \($0.value.map(String.init) ?? "—")" }
        #expect(rows == [
            "2023-12-31 a conference 1000 1000",
            "2023-12-31 b conference 800 1800",
            "2024-03-01 a admission 10 1810",
            "2025-07-01 a merger · 1810",
            "2025-07-01 b merger · 1810",
        ], "\(rows)")
        #expect(report.value?.count == 1810 && report.value?.provenance == .restated)
        Self.expectRunningValuesRestated(rules, x, "members", to: CalendarDate("2025-07-01"), boundaries: Self.boundaries)
    }

    @Test("the example: P, Y and Z restated; a district's own report goes to its successor")
    func everyUnitOfTheBoundaries() {
        let rules = Self.issueExample().view
        for id in ["p", "x", "y", "z"] {
            let u = rules.registry.index(of: UnitID(id)!)!
            Self.expectRunningValuesRestated(rules, u, "members", to: CalendarDate("2025-12-31"), boundaries: Self.boundaries)
        }
        let z = rules.registry.index(of: UnitID("z")!)!
        let zRows = rules.audit(z, "members", from: nil, to: CalendarDate("2024-12-31"), knownAt: nil, boundaries: Self.boundaries).entries
        #expect(zRows.map(\.unit) == [UnitID("d3")!] && zRows.first?.value == 4014, "D3's 4,014 is Z's history")
        let p = rules.registry.index(of: UnitID("p")!)!
        let pReport = rules.audit(p, "members", from: CalendarDate("2024-01-01"), to: CalendarDate("2025-07-01"), knownAt: nil,
                                  boundaries: Self.boundaries)
        #expect(pReport.entries.first?.value == 6624, "rows before --from count; the first listed carries them")
        #expect(pReport.value?.count == 6629 && pReport.value?.provenance == .rolledUp)
        #expect(pReport.components.map(\.unit.rawValue) == ["x", "y", "z"])
    }

    @Test("without --boundaries the register is the unit's own (X has none before it existed)")
    func withoutBoundariesNothingChanges() {
        let rules = Self.issueExample().view
        let x = rules.registry.index(of: UnitID("x")!)!
        let own = rules.audit(x, "members", from: nil, to: CalendarDate("2025-07-01"), knownAt: nil)
        #expect(own.boundaries == nil)
        #expect(own.entries.allSatisfy { $0.date == CalendarDate("2025-07-01") }, "\(own.entries.map(\.date.iso))")
        #expect(own.entries.last?.value == 1810)
    }

    /// Random valid histories (the differential test's generator) with the day of their last
    /// closing as the boundaries: the units of that day and the rules over the whole history.
    static func randomHistories(_ seeds: ClosedRange<UInt64>, _ body: (UInt64, Rules, CalendarDate) -> Void) {
        for seed in seeds {
            let history = HistoryGenerator(seed: seed, size: 20 + Int(seed % 20)).generate()
            let rules = Rules(LedgerBuilder.fold(history.events))
            guard let b = rules.registry.all.compactMap({ rules.registry[$0].closing?.date }).max() else { continue }
            body(seed, rules, b)
        }
    }

    @Test("restated within one unit equals the whole table, on random histories")
    func scopedRestatementIsTheSame() {
        var compared = 0
        Self.randomHistories(1...60) { seed, rules, b in
            for day in [b.adding(days: -400), b.adding(days: -1), b] {
                for key in ["members", "villages"] {
                    let table = rules.restated(key, at: day, boundaries: b)
                    for u in rules.registry.all where rules.registry.isActive(u, at: b) {
                        #expect(rules.restated(key, at: day, boundaries: b, within: u)[u] == table[u], "seed \(seed) \(rules.registry[u].id) \(key) \(day.iso)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 500)
    }

    @Test("random histories: every restated register runs as replay --boundaries")
    func randomHistories() {
        var registers = 0
        Self.randomHistories(1...60) { seed, rules, b in
            for u in rules.registry.all where rules.registry.isActive(u, at: b) {
                for key in ["members", "villages"] {
                    Self.expectRunningValuesRestated(rules, u, key, to: RecordedHistory.today, boundaries: b, "seed \(seed)")
                    registers += 1
                }
            }
        }
        #expect(registers > 100, "enough registers: \(registers)")
    }
}
