import SocaiCore
import SocaiTestSupport
import Testing

/// SEMANTICS.md §2 and §4, example by example.
@Suite("Level figures at a date")
struct LevelSemanticsTests {
    /// District H: report 1,200; 25 admissions at a cell under it; 3 deaths; report 1,260.
    static func districtH() -> LedgerBuilder {
        var b = LedgerBuilder()
        b.must("unit", [("id", "h"), ("name", "Huyện H"), ("kind", "district"), ("date", "2020-01-01")])
        b.must("unit", [("id", "c"), ("name", "Chi bộ C"), ("kind", "cell"), ("parent", "h"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "h"), ("date", "2021-01-10"), ("title", "Báo cáo"), ("figure", "members=1200")])
        b.must("admission", [("unit", "c"), ("date", "2021-03-01"), ("count", "25")])
        b.must("departure", [("unit", "h"), ("date", "2021-04-01"), ("count", "3"), ("reason", "death")])
        b.must("conference", [("unit", "h"), ("date", "2021-12-31"), ("title", "Tổng kết"), ("figure", "members=1260")])
        return b
    }

    @Test func reportPlusFlowsSinceWithProvenance() {
        let b = Self.districtH()
        let view = b.view
        let h = view.registry.index(of: UnitID("h")!)!
        let before = view.levels.value(h, "members", at: CalendarDate("2021-02-01"))
        #expect(before?.count == 1200)
        #expect(before?.provenance == .derived)
        let middle = view.levels.value(h, "members", at: CalendarDate("2021-06-30"))
        #expect(middle?.count == 1222)
        #expect(middle?.provenance == .derived)
        let reported = view.levels.value(h, "members", at: CalendarDate("2021-12-31"))
        #expect(reported?.count == 1260)
        #expect(reported?.provenance == .reported)
        #expect(view.levels.value(h, "members", at: CalendarDate("2021-01-09")) == nil, "no baseline yet: flows never invent a level")
    }

    @Test func auditShowsTheDerivedValueAndTheUnexplainedRemainder() {
        let view = Self.districtH().view
        let h = view.registry.index(of: UnitID("h")!)!
        let audit = view.audit(h, "members", from: nil, to: CalendarDate("2021-12-31"), knownAt: nil)
        #expect(audit.entries.map(\.value) == [1200, 1225, 1222, 1260])
        #expect(audit.entries.last?.unexplained == 38)
        #expect(audit.entries.last?.explanation == AuditReport.Explanation(previous: 1200, admissions: 25, arrivals: 0, departures: 3,
                                                                          transfers: 0, derived: 1222))
        #expect(audit.entries[1].unit == UnitID("c")!, "the admission happened at the cell under H")
        #expect(audit.value?.count == view.levels.value(h, "members", at: CalendarDate("2021-12-31"))?.count)
        let check = view.check()
        let finding = check.findings.first { $0.kind == "unexplained" }
        #expect(finding?.stated == "1260" && finding?.derived == "1222" && finding?.severity == .warning)
        #expect(view.check(strict: true).findings.first { $0.kind == "unexplained" }?.severity == .error)
    }

    @Test func flowsOnTheReportDateComeBeforeTheReport() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "u"), ("name", "U"), ("kind", "base-committee"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "u"), ("date", "2021-05-01"), ("title", "r"), ("figure", "members=50")])
        b.must("admission", [("unit", "u"), ("date", "2021-05-01"), ("count", "4")])
        let view = b.view
        let u = view.registry.index(of: UnitID("u")!)!
        #expect(view.levels.value(u, "members", at: CalendarDate("2021-05-01"))?.count == 50, "the report states the end of its day")
        #expect(view.levels.value(u, "members", at: CalendarDate("2021-05-02"))?.count == 50)
    }

    @Test func rollUpWithAndWithoutAParentReport() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "p"), ("name", "P"), ("kind", "district"), ("date", "2020-01-01")])
        b.must("unit", [("id", "a"), ("name", "A"), ("kind", "base-committee"), ("parent", "p"), ("date", "2020-01-01")])
        b.must("unit", [("id", "b"), ("name", "B"), ("kind", "base-committee"), ("parent", "p"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "a"), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=100")])
        b.must("conference", [("unit", "b"), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=40")])
        var view = b.view
        let p = view.registry.index(of: UnitID("p")!)!
        #expect(view.levels.value(p, "members", at: CalendarDate("2021-06-01")) == .count(140, .rolledUp))
        b.must("conference", [("unit", "p"), ("date", "2021-06-01"), ("title", "r"), ("figure", "members=150")])
        view = b.view
        let own = view.levels.value(p, "members", at: CalendarDate("2021-06-01"))
        #expect(own?.count == 150 && own?.provenance == .reported, "a parent's own report wins over its children's sum")
        let finding = view.check().findings.first { $0.kind == "roll-up" }
        #expect(finding?.stated == "150" && finding?.derived == "140")
    }

    /// SEMANTICS §4: B1+B2+B3 into a new B7, B4+B5 into B4: six villages become three.
    @Test func mergersChangeCountsOfUnits() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "x"), ("name", "Xã X"), ("kind", "base-committee"), ("setting", "commune"), ("date", "2020-01-01")])
        for i in 1...6 {
            b.must("unit", [("id", "b\(i)"), ("name", "Bản \(i)"), ("kind", "village"), ("parent", "x"), ("date", "2020-01-01")])
        }
        b.must("merger", [("from", "b1,b2,b3"), ("into", "b7"), ("name", "Bản 7"), ("kind", "village"), ("parent", "x"), ("date", "2022-05-01")])
        b.must("merger", [("from", "b4,b5"), ("into", "b4"), ("date", "2022-05-01")])
        let view = b.view
        let x = view.registry.index(of: UnitID("x")!)!
        #expect(view.levels.value(x, "villages", at: CalendarDate("2022-04-30"))?.count == 6)
        #expect(view.levels.value(x, "villages", at: CalendarDate("2022-05-01"))?.count == 3)
        let replay = view.replay(at: CalendarDate("2022-05-01"))
        let b1 = replay.units.first { $0.id == UnitID("b1")! }
        #expect(b1?.status == .merged && b1?.mergedInto == UnitID("b7")! && b1?.figures.isEmpty == true)
        #expect(replay.units.first { $0.id == UnitID("b5")! }?.mergedInto == UnitID("b4")!)
        #expect(replay.units.first { $0.id == UnitID("b4")! }?.status == .active)
    }

    @Test func reportedCountsOfUnitsAreAdjustedByMergersSince() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "d"), ("name", "Huyện D"), ("kind", "district"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "d"), ("date", "2020-01-01"), ("title", "r"), ("figure", "villages=128")])
        b.must("merger", [("in", "d"), ("of", "village"), ("before", "128"), ("after", "101"), ("rounds", "3"), ("date", "2023-12-31")])
        let view = b.view
        let d = view.registry.index(of: UnitID("d")!)!
        #expect(view.levels.value(d, "villages", at: CalendarDate("2023-12-30"))?.count == 128)
        #expect(view.levels.value(d, "villages", at: CalendarDate("2023-12-31")) == .count(101, .derived, basis: CalendarDate("2020-01-01")))
    }

    /// A cell's flows count toward a district's reconciliation only while the cell is under it.
    @Test func checkCountsACellsFlowsOnlyWhileItIsUnderTheDistrict() {
        var b = LedgerBuilder()
        for district in ["d1", "d2"] {
            b.must("unit", [("id", district), ("name", district), ("kind", "district"), ("date", "2020-01-01")])
            b.must("conference", [("unit", district), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=100")])
        }
        b.must("unit", [("id", "c"), ("name", "C"), ("kind", "cell"), ("parent", "d1"), ("date", "2020-01-01")])
        b.must("admission", [("unit", "c"), ("date", "2021-03-01"), ("count", "4")])
        b.must("move", [("unit", "c"), ("parent", "d2"), ("date", "2021-06-01")])
        b.must("admission", [("unit", "c"), ("date", "2021-09-01"), ("count", "7")])
        b.must("admission", [("unit", "d2"), ("date", "2021-09-02"), ("count", "1")])
        // d1 gained 4 while C was under it; d2 the 7 after the move and 1 of its own. The members
        // who came with C on the move are a structural change the reports must show themselves.
        b.must("conference", [("unit", "d1"), ("date", "2021-12-31"), ("title", "r"), ("figure", "members=104")])
        b.must("conference", [("unit", "d2"), ("date", "2021-12-31"), ("title", "r"), ("figure", "members=110")])
        let findings = b.view.check().findings.filter { $0.kind == "unexplained" }
        #expect(!findings.contains { $0.unit == UnitID("d1")! }, "104 = 100 + 4: the 7 after the move are not d1's")
        let d2 = findings.first { $0.unit == UnitID("d2")! }
        #expect(d2?.derived == "108" && d2?.stated == "110", "100 + 7 + 1 = 108; the 4 admitted before the move are not d2's")
    }

    @Test func membersMoveWithMergedUnitsAcrossDistricts() {
        var b = LedgerBuilder()
        for district in ["d1", "d2"] {
            b.must("unit", [("id", district), ("name", district), ("kind", "district"), ("date", "2020-01-01")])
            b.must("conference", [("unit", district), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=1000")])
        }
        b.must("unit", [("id", "s"), ("name", "S"), ("kind", "base-committee"), ("parent", "d1"), ("date", "2020-01-01")])
        b.must("unit", [("id", "t"), ("name", "T"), ("kind", "base-committee"), ("parent", "d2"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "s"), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=60")])
        b.must("admission", [("unit", "s"), ("date", "2021-02-01"), ("count", "5")])
        b.must("merger", [("from", "s"), ("into", "t"), ("date", "2021-06-01")])
        let view = b.view
        func members(_ id: String, _ date: String) -> Int? {
            view.levels.value(view.registry.index(of: UnitID(id)!)!, "members", at: CalendarDate(date))?.count
        }
        #expect(members("d1", "2021-05-31") == 1005)
        #expect(members("d1", "2021-06-01") == 940, "65 members left with S")
        #expect(members("d2", "2021-06-01") == 1065)
        #expect(members("t", "2021-06-01") == 65, "T had no report: its sources' values are its baseline")
        #expect(members("s", "2021-06-01") == nil, "a closed unit has no figures")
        // The term of T includes S's admissions before the merger (lineage).
        let t = view.registry.index(of: UnitID("t")!)!
        #expect(view.flows.total(t, "admissions", over: ClosedPeriod(from: CalendarDate("2021-01-01"), to: CalendarDate("2021-12-31")))?.value == 5)
    }

    @Test func knownAtBeforeAndAfterACorrection() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "u"), ("name", "U"), ("kind", "base-committee"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "u"), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=100")])
        let wrong = b.must("admission", [("unit", "u"), ("date", "2021-03-01"), ("count", "25")])
        let beforeCorrection = b.now
        b.now = Instant(millisecondsSinceEpoch: b.now.millisecondsSinceEpoch + 86_400_000)
        b.must("correction", [("event", wrong.id.rawValue), ("set", "count=20"), ("reason", "typo")])
        let u = b.view.registry.index(of: UnitID("u")!)!
        let date = CalendarDate("2021-12-31")
        #expect(b.known(at: beforeCorrection).levels.value(u, "members", at: date)?.count == 125)
        #expect(b.prefix(at: beforeCorrection).levels.value(u, "members", at: date)?.count == 125)
        #expect(b.view.levels.value(u, "members", at: date)?.count == 120)
        let audit = b.view.audit(u, "members", from: nil, to: date, knownAt: nil)
        let corrected = audit.entries.first { $0.seq == wrong.seq }
        #expect(corrected?.corrected == true && corrected?.delta == 20)
        #expect(corrected?.corrections.first?.reason == "typo")
        #expect(corrected?.corrections.first?.previous.contains("\"count\":25") == true)
    }

    @Test func retractedEventsAreShownButNotCounted() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "u"), ("name", "U"), ("kind", "base-committee"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "u"), ("date", "2021-01-01"), ("title", "r"), ("figure", "members=100")])
        let duplicate = b.must("admission", [("unit", "u"), ("date", "2021-03-01"), ("count", "5")])
        b.must("correction", [("event", duplicate.id.rawValue), ("retract", ""), ("reason", "recorded twice")])
        let view = b.view
        let u = view.registry.index(of: UnitID("u")!)!
        #expect(view.levels.value(u, "members", at: CalendarDate("2021-12-31"))?.count == 100)
        let entry = view.audit(u, "members", from: nil, to: CalendarDate("2021-12-31"), knownAt: nil).entries.first { $0.seq == duplicate.seq }
        #expect(entry?.retracted == true && entry?.delta == nil)
    }
}
