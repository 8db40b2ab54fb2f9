import SocaiCore
import SocaiTestSupport
import Testing

/// The reference fold itself, on the worked examples of the issues, so that it cannot drift from
/// the rules' text unnoticed (it is what the engine is measured against).
@Suite("Reference fold: the issues' worked examples")
struct ReferenceFoldTests {
    /// Records a history through `EventBuilder`, failing on any refused request.
    struct Script {
        var history = RecordedHistory(seed: 0)
        var rng = SeededGenerator(seed: 99)

        mutating func callAsFunction(_ type: String, _ options: (String, String)...) {
            let ok = history.record(type, options, id: EventID.version7(at: RecordedHistory.sessionTime(0), using: &rng))
            #expect(ok, "refused: \(type) \(options)")
        }

        var fold: ReferenceFold { ReferenceFold(history.events) }
    }

    static func d(_ iso: String) -> CalendarDate { CalendarDate(iso) }

    static func tree(_ s: inout Script) {
        s("unit", ("id", "p"), ("name", "P"), ("kind", "province"), ("date", "2015-01-01"))
        s("unit", ("id", "c"), ("name", "C"), ("kind", "base-committee"), ("parent", "p"), ("date", "2015-01-01"))
    }

    @Test("issue 13 item 1: a merger chain keeps its members")
    func mergerChain() {
        var s = Script()
        Self.tree(&s)
        s("unit", ("id", "x"), ("name", "X"), ("kind", "village"), ("parent", "c"), ("date", "2015-01-01"))
        s("unit", ("id", "y"), ("name", "Y"), ("kind", "village"), ("parent", "c"), ("date", "2015-01-01"))
        s("conference", ("unit", "x"), ("date", "2016-01-01"), ("title", "r"), ("figure", "members=40"))
        s("merger", ("from", "x,y"), ("into", "y"), ("date", "2017-01-01"))
        s("merger", ("from", "y"), ("into", "w"), ("name", "W"), ("kind", "village"), ("parent", "c"), ("date", "2018-01-01"))
        let fold = s.fold
        #expect(fold.level(UnitID("y")!, "members", Self.d("2017-06-30"))?.value == 40)
        #expect(fold.level(UnitID("w")!, "members", Self.d("2018-06-30"))?.value == 40)
        #expect(fold.level(UnitID("w")!, "members", Self.d("2018-06-30"))?.provenance == "derived")
        #expect(fold.level(UnitID("c")!, "members", Self.d("2018-06-30"))?.value == 40)
    }

    @Test("issue 13 item 2: a count never goes below its floor silently")
    func countBelowFloor() {
        var s = Script()
        Self.tree(&s)
        s("conference", ("unit", "c"), ("date", "2016-01-01"), ("title", "r"), ("figure", "villages=0"))
        s("unit", ("id", "v1"), ("name", "V1"), ("kind", "village"), ("parent", "c"), ("date", "2017-01-01"))
        s("unit", ("id", "v2"), ("name", "V2"), ("kind", "village"), ("parent", "c"), ("date", "2017-01-01"))
        s("merger", ("from", "v1,v2"), ("into", "w"), ("name", "W"), ("kind", "village"), ("parent", "c"), ("date", "2018-01-01"))
        let fold = s.fold
        let v = fold.level(UnitID("c")!, "villages", Self.d("2018-06-30"))
        #expect(v?.value == 1 && v?.qualifier == .atLeast && v?.belowFloor == true && v?.derived == -1)
        let findings = fold.checks(levelKeys: ["villages"]).filter { $0.kind == "impossible-level" }
        // Below the 2 registered villages from their registration (a warning), below zero from the merger (an error).
        #expect(findings.map(\.unit) == [UnitID("c")!, UnitID("c")!])
        #expect(findings.map(\.date) == [Self.d("2017-01-01"), Self.d("2018-01-01")])
        #expect(findings.map(\.severity) == [.warning, .error])
    }

    @Test("issue 13 item 3: the term of a closed unit ends the day before it closed")
    func closedUnitTerm() {
        var s = Script()
        Self.tree(&s)
        s("unit", ("id", "x"), ("name", "X"), ("kind", "cell"), ("parent", "c"), ("date", "2015-01-01"))
        s("unit", ("id", "y"), ("name", "Y"), ("kind", "cell"), ("parent", "c"), ("date", "2015-01-01"))
        s("conference", ("unit", "x"), ("date", "2020-03-01"), ("title", "r"), ("figure", "members=40"))
        s("merger", ("from", "x"), ("into", "y"), ("date", "2021-01-01"))
        let term = s.fold.term(UnitID("x")!, TermLabel("2020-2025")!, today: Self.d("2026-06-30"), levelKeys: ["members"], flowKeys: [])
        #expect(term?.to == Self.d("2020-12-31"))
        #expect(term?.figuresAtEnd["members"]?.value == 40)
        #expect(term?.isRunning == false)
    }

    @Test("issue 17: dissolved districts hand over to the province; restated history in 2025's units")
    func reorganisation() {
        var s = Script()
        s("unit", ("id", "p"), ("name", "P"), ("kind", "province"), ("date", "2015-01-01"))
        for (district, communes) in [("d1", ["a", "b"]), ("d2", ["e", "f"]), ("d3", ["g", "k"])] {
            s("unit", ("id", district), ("name", district), ("kind", "district"), ("parent", "p"), ("date", "2015-01-01"))
            for c in communes {
                s("unit", ("id", c), ("name", c), ("kind", "base-committee"), ("parent", district), ("date", "2015-01-01"))
            }
        }
        for (u, n) in [("a", 1000), ("b", 800), ("e", 500), ("f", 300), ("d3", 4014)] {
            s("conference", ("unit", u), ("date", "2023-12-31"), ("title", "r"), ("figure", "members=\(n)"))
        }
        s("admission", ("unit", "a"), ("date", "2024-03-01"), ("count", "10"))
        s("admission", ("unit", "e"), ("date", "2024-04-01"), ("count", "5"))
        for (from, into) in [("a,b", "x"), ("e,f", "y"), ("g,k", "z")] {
            s("merger", ("from", from), ("into", into), ("name", into), ("kind", "base-committee"), ("parent", "p"), ("date", "2025-07-01"))
        }
        for district in ["d1", "d2", "d3"] { s("dissolve", ("unit", district), ("date", "2025-07-01")) }
        let fold = s.fold
        let p = UnitID("p")!
        #expect(fold.level(p, "members", Self.d("2025-06-30"))?.value == 6629)
        #expect(fold.level(p, "members", Self.d("2025-07-01"))?.value == 6629, "D3's 4,014 stay in P (no successor)")
        #expect(fold.level(UnitID("x")!, "members", Self.d("2025-07-01"))?.value == 1810)
        #expect(fold.level(UnitID("y")!, "members", Self.d("2025-07-01"))?.value == 805)
        let b = Self.d("2025-07-01"), then = Self.d("2023-12-31")
        #expect(fold.restated(p, "members", then, boundaries: b)?.value == 6614)
        #expect(fold.restated(UnitID("x")!, "members", then, boundaries: b)?.value == 1800)
        #expect(fold.restated(UnitID("y")!, "members", then, boundaries: b)?.value == 800)
        #expect(fold.restated(UnitID("d1")!, "members", then, boundaries: b) == nil, "not active on B: not listed")
        let dissolved = fold.checks(levelKeys: ["members"]).filter { $0.kind == "dissolved-with-members" }
        #expect(dissolved.map(\.unit) == [UnitID("d3")!])
    }

    @Test("issue 20: stated totals replace only their own period, and a parent is at least its children")
    func statedTotals() {
        var s = Script()
        Self.tree(&s)
        s("unit", ("id", "a"), ("name", "A"), ("kind", "cell"), ("parent", "c"), ("date", "2015-01-01"))
        s("unit", ("id", "b"), ("name", "B"), ("kind", "cell"), ("parent", "c"), ("date", "2015-01-01"))
        for day in ["2021-02-01", "2021-03-01", "2021-04-01", "2021-05-01", "2021-06-01"] {
            s("admission", ("unit", "a"), ("date", day), ("count", "1"))
        }
        s("admission", ("unit", "a"), ("date", "2022-02-01"), ("count", "4"))
        s("conference", ("unit", "a"), ("date", "2022-01-10"), ("title", "r"), ("figure", "admissions=12@2021-01-01..2021-12-31"))
        s("conference", ("unit", "b"), ("date", "2022-01-10"), ("title", "r"), ("figure", "admissions=20@2021-01-01..2021-12-31"))
        let fold = s.fold
        let y2021 = ClosedPeriod(from: Self.d("2021-01-01"), to: Self.d("2021-12-31"))
        let both = ClosedPeriod(from: Self.d("2021-01-01"), to: Self.d("2022-12-31"))
        #expect(fold.flowTotal(UnitID("a")!, "admissions", y2021)?.value == 12)
        #expect(fold.flowTotal(UnitID("a")!, "admissions", both)?.value == 16, "12 stated for 2021, 4 recorded in 2022")
        #expect(fold.flowTotal(UnitID("c")!, "admissions", y2021)?.value == 32)
        #expect(fold.flowTotal(UnitID("c")!, "admissions", both)?.value == 36)
        // Overlapping stated periods: the later-ending is chosen, the other skipped and noted.
        s("conference", ("unit", "c"), ("date", "2023-01-05"), ("title", "r"), ("figure", "admissions=100@2021-01-01..2022-12-31"))
        s("conference", ("unit", "c"), ("date", "2024-01-05"), ("title", "r"), ("figure", "admissions=150@2022-01-01..2023-12-31"))
        let later = s.fold
        let three = ClosedPeriod(from: Self.d("2021-01-01"), to: Self.d("2023-12-31"))
        #expect(later.flowTotal(UnitID("c")!, "admissions", three)?.value == 150 + 32)
        #expect(later.checks(levelKeys: []).filter { $0.kind == "overlapping-periods" }.map(\.date) == [Self.d("2022-12-31")],
                "dated at the end of the skipped total's period")
    }

    @Test("issue 20: departures at least their reasons; a per-year range multiplied by the term's years")
    func departuresAndTargets() {
        var s = Script()
        Self.tree(&s)
        s("unit", ("id", "a"), ("name", "A"), ("kind", "cell"), ("parent", "c"), ("date", "2015-01-01"))
        for day in ["2021-02-01", "2021-03-01", "2021-04-01"] {
            s("departure", ("unit", "a"), ("date", day), ("count", "1"), ("reason", "death"))
        }
        s("conference", ("unit", "c"), ("date", "2022-01-10"), ("title", "r"), ("figure", "deaths=4@2021-01-01..2021-12-31"))
        s("departure", ("unit", "a"), ("date", "2022-03-01"), ("count", "2"), ("reason", "death"))
        s("conference", ("unit", "c"), ("date", "2020-03-01"), ("title", "Đại hội"), ("kind", "congress"), ("term", "2020-2025"),
          ("target", "admissions-per-year=10..12"))
        for (year, n) in [(2020, 9), (2021, 12), (2022, 14), (2023, 11), (2024, 5)] {
            s("admission", ("unit", "c"), ("date", "\(year)-12-31"), ("count", String(n)), ("since", "\(year)-01-01"))
        }
        s("conference", ("unit", "c"), ("date", "2025-03-01"), ("title", "Đại hội"), ("kind", "congress"), ("term", "2025-2030"))
        let fold = s.fold
        let period = ClosedPeriod(from: Self.d("2021-01-01"), to: Self.d("2022-12-31"))
        #expect(fold.flowTotal(UnitID("c")!, "deaths", period)?.value == 6)
        #expect(fold.flowTotal(UnitID("c")!, "departures", period)?.value == 6)
        let term = fold.term(UnitID("c")!, TermLabel("2020-2025")!, today: Self.d("2026-06-30"), levelKeys: [], flowKeys: ["admissions"])
        #expect(term?.from == Self.d("2020-03-01") && term?.to == Self.d("2025-02-28"))
        let target = term?.targets["admissions-per-year"]
        #expect(target?.target == Ratio(integer: 50) && target?.upper == Ratio(integer: 60))
        #expect(target?.actual == 51 && target?.percent == FixedDecimal(units: 10200, scale: 2))
        #expect(target?.years[2022]?.actual == 14 && target?.years[2022]?.partYear == false)
        #expect(target?.years[2020]?.partYear == true && target?.years[2025]?.actual == 0)
    }

    @Test("R0: known at a seq, corrections applied in seq order")
    func knownAt() {
        var s = Script()
        Self.tree(&s)
        s("conference", ("unit", "c"), ("date", "2016-01-01"), ("title", "r"), ("figure", "members=40"))
        s("admission", ("unit", "c"), ("date", "2016-02-01"), ("count", "5"))
        let admission = s.history.events.last!
        s("correction", ("event", admission.id.rawValue), ("reason", "typo"), ("set", "count=7"))
        s("correction", ("event", admission.id.rawValue), ("reason", "wrong day"), ("set", "date=2016-03-01"))
        let events = s.history.events
        let day = Self.d("2016-02-15")
        #expect(ReferenceFold(events, knownAtSeq: admission.seq).level(UnitID("c")!, "members", day)?.value == 45)
        #expect(ReferenceFold(events, knownAtSeq: admission.seq + 1).level(UnitID("c")!, "members", day)?.value == 47)
        #expect(ReferenceFold(events).level(UnitID("c")!, "members", day)?.value == 40)
        #expect(ReferenceFold(events).level(UnitID("c")!, "members", Self.d("2016-03-01"))?.value == 47)
    }

    /// The differential's seed 424, shrunk: a cell handed to a base-cell with its commune's merger,
    /// that base-cell dissolved into another one that had reported its members earlier. What crosses
    /// the boundary is the dissolved unit's residual and every child it held, the cell it received
    /// included (R2): 175 + 406 = 581. The reference used to carry only the children recorded under
    /// the dissolved unit itself (175); the engine always said 581.
    @Test func aHandoverCarriesTheChildrenItsUnitReceivedEarlier() {
        var b = LedgerBuilder()
        for (id, kind, parent, date) in [("p", "province", nil, "2015-01-01"), ("d1", "district", "p", "2015-01-01"),
                                         ("d1c1", "base-committee", "d1", "2015-01-01"), ("d1c1k1", "cell", "d1c1", "2015-01-01"),
                                         ("d1c2", "base-cell", "d1", "2020-01-07"), ("d2", "district", "p", "2015-01-01"),
                                         ("d2c3", "base-cell", "d2", "2015-01-01")] as [(String, String, String?, String)] {
            b.must("unit", [("id", id), ("name", id.uppercased()), ("kind", kind), ("date", date)] + (parent.map { [("parent", $0)] } ?? []))
        }
        b.must("merger", [("from", "d1c1"), ("into", "d2c3"), ("date", "2020-04-11")])
        b.must("conference", [("unit", "d1c1k1"), ("date", "2018-02-06"), ("title", "r"), ("figure", "members=406")])
        b.must("dissolve", [("unit", "d2c3"), ("date", "2023-09-21"), ("successor", "d1c2")])
        b.must("conference", [("unit", "d1c2"), ("date", "2021-06-02"), ("title", "r"), ("figure", "members=175")])
        let day = Self.d("2023-09-21")
        let reference = ReferenceFold(b.events)
        let view = b.view
        for id in ["d1c2", "d1", "p"] {
            #expect(reference.level(UnitID(id)!, "members", day)?.value == 581, "reference \(id)")
            #expect(view.levels.value(view.registry.index(of: UnitID(id)!)!, "members", at: day)?.count == 581, "engine \(id)")
        }
    }
}
