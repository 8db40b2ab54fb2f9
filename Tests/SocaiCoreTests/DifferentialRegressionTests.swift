import SocaiCore
import SocaiTestSupport
import Testing

/// Histories the differential test shrank (Tools/differential --shrink) that found an engine bug,
/// each asked the question that differed from the reference fold (docs/DECISIONS.md R2, R3).
@Suite("Differential regressions: shrunk histories that found engine bugs")
struct DifferentialRegressionTests {
    static func unit(_ b: inout LedgerBuilder, _ id: String, _ kind: String, parent: String? = nil, date: String = "2015-01-01") {
        var options = [("id", id), ("name", id.uppercased()), ("kind", kind), ("date", date)]
        if let parent { options.append(("parent", parent)) }
        b.must("unit", options)
    }

    static func index(_ view: Rules, _ id: String) -> Int32 { view.registry.index(of: UnitID(id)!)! }

    /// Province p with districts d1 and d2, a commune under each (d1c1, d2c1) and a cell under d2c1,
    /// the communes and the cell registered on the days given.
    static func twoDistricts(d1c1: String = "2015-01-01", d2c1: String = "2015-01-01") -> LedgerBuilder {
        var b = LedgerBuilder()
        unit(&b, "p", "province")
        unit(&b, "d1", "district", parent: "p")
        unit(&b, "d1c1", "base-committee", parent: "d1", date: d1c1)
        unit(&b, "d2", "district", parent: "p")
        unit(&b, "d2c1", "base-committee", parent: "d2", date: d2c1)
        unit(&b, "d2c1k1", "cell", parent: "d2c1", date: d2c1)
        return b
    }

    // MARK: audit.members: the running value is the level on every row

    /// A flow at a unit with no value, under a unit that only holds what a dissolution handed
    /// over, adds to no level (R2: a holding takes the flows recorded at its own unit): audit
    /// used to count the arrival (64 while the level is 58).
    @Test func auditOfAFlowUnderAHoldingThatDoesNotTakeIt() {
        var b = LedgerBuilder()
        Self.unit(&b, "p", "province")
        Self.unit(&b, "d1", "district", parent: "p")
        Self.unit(&b, "d1c1", "base-committee", parent: "d1", date: "2017-01-23")
        Self.unit(&b, "d1c1k1", "cell", parent: "d1c1", date: "2017-01-23")
        Self.unit(&b, "d1c1k2", "cell", parent: "d1c1", date: "2017-01-23")
        Self.unit(&b, "d2", "district", parent: "p")
        b.must("dissolve", [("unit", "d1"), ("date", "2023-09-18"), ("successor", "d2")])
        b.must("conference", [("unit", "d1c1k1"), ("date", "2019-04-22"), ("title", "r"), ("figure", "members=58")])
        b.must("arrival", [("unit", "d1c1k2"), ("date", "2023-09-18"), ("count", "6")])
        let view = b.view
        let p = Self.index(view, "p")
        let day = CalendarDate("2023-09-18")
        #expect(view.levels.value(p, "members", at: day)?.count == 58)
        let audit = view.audit(p, "members", from: nil, to: day, knownAt: nil)
        #expect(audit.entries.last?.value == 58, "the running value is the level")
    }

    /// The differential's seeds 48 and 75, shrunk: a district reported ~297 members, then a cell of
    /// 377 moved out of it. The level is floored (at least 0, and `check` reports the impossible
    /// level); audit's running value went on to −80. It is the level: 0.
    @Test func auditOfALevelBelowItsFloorShowsTheFloor() {
        var b = Self.twoDistricts(d1c1: "2020-10-14")
        b.must("conference", [("unit", "d1"), ("date", "2023-07-01"), ("title", "r"), ("figure", "members=~297")])
        b.must("unit", [("id", "d1c1k1"), ("name", "K"), ("kind", "cell"), ("parent", "d1c1"), ("date", "2020-10-14")])
        b.must("conference", [("unit", "d1c1k1"), ("date", "2020-10-14"), ("title", "r"), ("figure", "members=377")])
        b.must("move", [("unit", "d1c1k1"), ("parent", "d2c1"), ("date", "2023-07-02")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        let day = CalendarDate("2023-07-02")
        let level = view.levels.value(d1, "members", at: day)
        #expect(level?.count == 0 && level?.belowFloor == -80, "\(String(describing: level))")
        let audit = view.audit(d1, "members", from: nil, to: day, knownAt: nil)
        #expect(audit.entries.last?.value == 0, "the running value is the level: \(audit.entries.map(\.value))")
        #expect(audit.entries.last?.delta == -377, "the change stays as recorded")
    }

    /// The differential's seed 75: the same district, about 297 members, loses a cell of 377 to
    /// the other district, then departures under it. The district is "at least 0" (whatever bounds
    /// the derivation had: "about −80" was shown "about 0"), and the province, the sum of its
    /// districts, counts it as 0: its audit's running value is the province's level (it went on
    /// as the sum of the recorded changes, 80 + 9 below the level).
    @Test func aParentOverAFlooredChildAuditsItsLevel() {
        var b = Self.twoDistricts(d1c1: "2020-10-14")
        b.must("conference", [("unit", "d1"), ("date", "2023-07-01"), ("title", "r"), ("figure", "members=~297")])
        b.must("unit", [("id", "d1c1k1"), ("name", "K"), ("kind", "cell"), ("parent", "d1c1"), ("date", "2020-10-14")])
        b.must("conference", [("unit", "d1c1k1"), ("date", "2020-10-14"), ("title", "r"), ("figure", "members=377")])
        b.must("conference", [("unit", "d2c1"), ("date", "2020-10-14"), ("title", "r"), ("figure", "members=100")])
        b.must("move", [("unit", "d1c1k1"), ("parent", "d2c1"), ("date", "2023-07-02")])
        b.must("departure", [("unit", "d1c1"), ("date", "2023-11-17"), ("count", "9"), ("reason", "death")])
        let view = b.view
        let d1 = Self.index(view, "d1"), p = Self.index(view, "p")
        let day = CalendarDate("2023-11-17")
        let district = view.levels.value(d1, "members", at: day)
        #expect(district?.count == 0 && district?.belowFloor == -89 && district?.qualifier == .atLeast, "\(String(describing: district))")
        let province = view.levels.value(p, "members", at: day)
        #expect(province?.count == 477, "\(String(describing: province))")
        let audit = view.audit(p, "members", from: nil, to: day, knownAt: nil)
        #expect(audit.entries.last?.value == 477, "the running value is the level: \(audit.entries.map(\.value))")
        #expect(audit.entries.last?.delta == -9, "the change stays as recorded")
    }

    /// The differential's seed 138: a district with no report of its own holds what a dissolved
    /// district handed over (its 5 villages); merger totals stated for it (5 → 3) change what it
    /// holds, as flows recorded at it do (R2.2 "Δ at U itself"). The level ignored them (5) while
    /// its audit listed them.
    @Test func mergerTotalsChangeWhatAUnitHolds() {
        var b = LedgerBuilder()
        Self.unit(&b, "p", "province")
        Self.unit(&b, "d1", "district", parent: "p")
        Self.unit(&b, "d2", "district", parent: "p")
        b.must("conference", [("unit", "d1"), ("date", "2020-01-01"), ("title", "r"), ("figure", "villages=5")])
        b.must("dissolve", [("unit", "d1"), ("date", "2021-01-21"), ("successor", "d2")])
        b.must("merger", [("in", "d2"), ("of", "village"), ("before", "5"), ("after", "3"), ("date", "2023-11-16")])
        let view = b.view
        let d2 = Self.index(view, "d2")
        #expect(view.levels.value(d2, "villages", at: CalendarDate("2022-12-31"))?.count == 5)
        #expect(view.levels.value(d2, "villages", at: CalendarDate("2023-12-31"))?.count == 3)
        #expect(view.audit(d2, "villages", from: nil, to: CalendarDate("2023-12-31"), knownAt: nil).entries.last?.value == 3)
    }

    /// The differential's seed 68: what leaves a unit takes its bounds with it. A district of 100
    /// loses a commune of "over 40": it has under 60 left (a minimum taken away leaves a maximum,
    /// R2 qualifiers), where it said "over 60".
    @Test func whatLeavesAUnitTakesItsBoundsWithIt() {
        var b = LedgerBuilder()
        Self.unit(&b, "d1", "district")
        Self.unit(&b, "d2", "district")
        Self.unit(&b, "c", "base-committee", parent: "d1")
        b.must("conference", [("unit", "d1"), ("date", "2016-01-01"), ("title", "r"), ("figure", "members=100")])
        b.must("conference", [("unit", "c"), ("date", "2016-01-01"), ("title", "r"), ("figure", "members=>40")])
        b.must("move", [("unit", "c"), ("parent", "d2"), ("date", "2017-01-01")])
        let view = b.view
        let left = view.levels.value(Self.index(view, "d1"), "members", at: CalendarDate("2017-01-01"))
        #expect(left?.count == 60 && left?.qualifier == .under, "\(String(describing: left))")
        let gained = view.levels.value(Self.index(view, "d2"), "members", at: CalendarDate("2017-01-01"))
        #expect(gained?.count == 40 && gained?.qualifier == .over, "\(String(describing: gained))")
    }

    // MARK: audit.unit-count: a count of units the registry gives is audited as the level

    /// The differential's seeds 7, 16, 42 and 50, asked about counts of units (the comparator
    /// audits `villages` since this round): a commune that never reports its villages counts its
    /// registered villages (R2.2), so each registration is a row of its register; merger totals
    /// stated for it change what it holds even with no handover (seed 16: the level ignored them,
    /// the register listed them; here they take it below the registered villages); a village registered and moved away on one day is the move's
    /// (seed 50: counted twice); a district that reports the count later has no running value
    /// before that report, whatever its parts report (seed 42).
    @Test func auditOfACountOfUnitsTheRegistryGives() {
        var b = LedgerBuilder()
        Self.unit(&b, "d", "district")
        Self.unit(&b, "d2", "district")
        Self.unit(&b, "c", "base-committee", parent: "d")
        Self.unit(&b, "c2", "base-committee", parent: "d2")
        Self.unit(&b, "c3", "base-committee", parent: "d")
        Self.unit(&b, "v1", "village", parent: "c")
        Self.unit(&b, "v2", "village", parent: "c", date: "2018-01-01")
        Self.unit(&b, "v3", "village", parent: "c", date: "2019-01-01")
        b.must("move", [("unit", "v3"), ("parent", "c2"), ("date", "2019-01-01")])
        b.must("merger", [("in", "c"), ("of", "village"), ("before", "2"), ("after", "1"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "c3"), ("date", "2016-01-01"), ("title", "r"), ("figure", "villages=3")])
        b.must("conference", [("unit", "d"), ("date", "2021-01-01"), ("title", "r"), ("figure", "villages=6")])
        let view = b.view
        let c = Self.index(view, "c"), d = Self.index(view, "d"), c2 = Self.index(view, "c2")
        let end = CalendarDate("2020-12-31")
        // v1 and v2, less the merger total's 1: below the 2 registered, so "at least 2" (R2 floor).
        let level = view.levels.value(c, "villages", at: end)
        #expect(level?.count == 2 && level?.belowFloor == 1 && level?.qualifier == .atLeast, "\(String(describing: level))")
        #expect(view.levels.value(c, "villages", at: CalendarDate("2019-12-31"))?.count == 2)
        let register = view.audit(c, "villages", from: nil, to: end, knownAt: nil).entries
        #expect(register.map(\.delta) == [1, 1, 1, -1, -1], "\(register.map(\.delta))")
        #expect(register.map(\.value) == [1, 2, 3, 2, 2], "\(register.map(\.value))")
        let moved = view.audit(c2, "villages", from: nil, to: end, knownAt: nil).entries
        #expect(moved.map(\.value) == [1] && view.levels.value(c2, "villages", at: end)?.count == 1, "\(moved.map(\.value))")
        #expect(view.levels.value(d, "villages", at: end) == nil, "d reports the count in 2021: none before")
        let district = view.audit(d, "villages", from: nil, to: CalendarDate("2021-01-01"), knownAt: nil).entries
        #expect(district.dropLast().allSatisfy { $0.value == nil } && district.last?.value == 6, "\(district.map(\.value))")
    }

    /// The differential's seed 1335: a cell of a commune merged into m, m merged into d1c1, the
    /// cell dissolved after without a successor: its parent, d1c1, keeps its 419 members (R1).
    /// d1c1 did not know the handover (found only from units merged into it directly, not from the
    /// units merged into those): 419 members vanished from the district and the province.
    @Test func aCellDissolvedAfterTwoMergersIsKeptByItsParent() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d2c1k1"), ("date", "2017-12-27"), ("title", "r"), ("figure", "members=419@2016-12-31")])
        b.must("merger", [("from", "d2c1"), ("into", "m"), ("name", "M"), ("kind", "base-committee"), ("parent", "d2"), ("date", "2017-07-19")])
        b.must("merger", [("from", "m"), ("into", "d1c1"), ("date", "2024-04-19")])
        b.must("dissolve", [("unit", "d2c1k1"), ("date", "2024-04-20")])
        let view = b.view
        for id in ["d1c1", "d1", "p"] {
            #expect(view.levels.value(Self.index(view, id), "members", at: CalendarDate("2024-04-20"))?.count == 419, "\(id)")
        }
    }

    /// The differential's seeds 216 and 230: a village registered under a commune that merges
    /// away that same day goes with it, not into the district's count; a commune moved into the
    /// district on the day one of its villages is dissolved brings the villages left at the end
    /// of the day (each event was counted from the day before: one village too many).
    @Test func auditOfACountOfUnitsOnDaysOfSeveralEvents() {
        var b = Self.twoDistricts()
        Self.unit(&b, "d1c2", "base-committee", parent: "d1")
        Self.unit(&b, "u", "village", parent: "d1c2")
        Self.unit(&b, "v1", "village", parent: "d2c1")
        Self.unit(&b, "v2", "village", parent: "d2c1")
        Self.unit(&b, "w", "village", parent: "d1c1", date: "2022-12-31")
        b.must("merger", [("from", "d1c1"), ("into", "m"), ("name", "M"), ("kind", "base-committee"), ("parent", "d2"), ("date", "2022-12-31")])
        b.must("move", [("unit", "d2c1"), ("parent", "d1"), ("date", "2023-09-24")])
        b.must("dissolve", [("unit", "v1"), ("date", "2023-09-24")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        for (day, expected) in [("2022-12-31", 1), ("2023-09-24", 2)] {
            #expect(view.levels.value(d1, "villages", at: CalendarDate(day))?.count == expected, "\(day)")
            let rows = view.audit(d1, "villages", from: nil, to: CalendarDate(day), knownAt: nil).entries
            #expect(rows.last?.value == expected, "\(day): \(rows.map(\.value))")
        }
    }

    /// The differential's seed 613: a count of units the district never reports, whose commune
    /// d1c1 reports it later (no count before, R2.3) and holds a village meanwhile. The district's
    /// last village is dissolved ("—": no part has a count), then a village is registered under
    /// its other commune: the sum is 1 and the floor 2, "at least 2" in replay and in audit.
    @Test func aCountOfUnitsStartingAgainUnderAFloor() {
        var b = Self.twoDistricts()
        Self.unit(&b, "d1c2", "base-committee", parent: "d1")
        Self.unit(&b, "old", "village", parent: "d1c2")
        Self.unit(&b, "a", "village", parent: "d1c1", date: "2021-09-26")
        b.must("dissolve", [("unit", "old"), ("date", "2021-09-26")])
        Self.unit(&b, "b", "village", parent: "d1c2", date: "2021-09-27")
        b.must("conference", [("unit", "d1c1"), ("date", "2024-05-01"), ("title", "r"), ("figure", "villages=1")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        let level = view.levels.value(d1, "villages", at: CalendarDate("2021-09-27"))
        #expect(level?.count == 2 && level?.qualifier == .atLeast, "\(String(describing: level))")
        let rows = view.audit(d1, "villages", from: nil, to: CalendarDate("2021-09-27"), knownAt: nil).entries
        #expect(rows.last?.value == 2, "\(rows.map(\.value))")
    }

    /// The differential's seed 763: while the floor binds (a district of "at least 3": 2 villages
    /// of a commune that never reports, 1 of a commune that reports later), the commune of 2
    /// moves away. What is left has no part with a count: "—", where the recorded changes
    /// alone (3 − 2) said 1.
    @Test func aCommuneLeavingAFlooredCount() {
        var b = Self.twoDistricts()
        Self.unit(&b, "v1", "village", parent: "d2c1")
        b.must("conference", [("unit", "d2c1"), ("date", "2024-05-01"), ("title", "r"), ("figure", "villages=5")])
        Self.unit(&b, "d2c2", "base-committee", parent: "d2")
        Self.unit(&b, "v2", "village", parent: "d2c2")
        Self.unit(&b, "v3", "village", parent: "d2c2")
        b.must("move", [("unit", "d2c2"), ("parent", "d1"), ("date", "2023-10-15")])
        let view = b.view
        let d2 = Self.index(view, "d2")
        #expect(view.levels.value(d2, "villages", at: CalendarDate("2023-10-14"))?.count == 3)
        #expect(view.levels.value(d2, "villages", at: CalendarDate("2023-10-15"))?.count == nil)
        let rows = view.audit(d2, "villages", from: nil, to: CalendarDate("2023-10-15"), knownAt: nil).entries
        #expect(rows.last?.value == nil, "\(rows.map(\.value))")
    }

    /// The differential's seed 2207 (the reference mended): a village registered and dissolved on
    /// the day its commune is merged into a commune of another district. Registered on the day it
    /// is dissolved, it is removed as if it had existed the day before under the parent its
    /// registration names (R2), where that parent stood the day before: the district reported 4,
    /// loses the village (1) and the commune with its 2 other villages: 1. (The reference removed
    /// it from nowhere, its parent being closed by the end of the day.)
    @Test func aUnitRegisteredAndDissolvedOnTheDayItsParentLeaves() {
        var b = Self.twoDistricts()
        Self.unit(&b, "v2", "village", parent: "d1c1")
        Self.unit(&b, "v3", "village", parent: "d1c1", date: "2020-06-17")
        b.must("conference", [("unit", "d1"), ("date", "2017-12-31"), ("title", "r"), ("figure", "villages=4")])
        Self.unit(&b, "v1", "village", parent: "d1c1", date: "2024-01-14")
        b.must("dissolve", [("unit", "v1"), ("successor", "v3"), ("date", "2024-01-14")])
        b.must("merger", [("from", "d2c1,d1c1"), ("into", "m"), ("name", "M"), ("kind", "base-committee"), ("parent", "d2"), ("date", "2024-01-14")])
        let view = b.view
        #expect(view.levels.value(Self.index(view, "d1"), "villages", at: CalendarDate("2024-01-14"))?.count == 1)
    }

    /// The differential's seed 3738: a district dissolved into its successor while one of its
    /// cells moves between two of its communes on the same day. The handover carries the district's
    /// value, the cell's 425 included; the move took the cell from where it stood the day before
    /// (outside the successor) and counted the 425 into the successor a second time: 950 where the
    /// successor's 100 and the district's 425 make 525 (replay, and nothing said by `check`).
    @Test func aMoveInsideAUnitHandedOverThatDay() {
        var b = Self.twoDistricts()
        Self.unit(&b, "c2", "base-committee", parent: "d1")
        Self.unit(&b, "k", "cell", parent: "d1c1")
        b.must("conference", [("unit", "k"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=425")])
        b.must("conference", [("unit", "d2"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=100")])
        b.must("dissolve", [("unit", "d1"), ("successor", "d2"), ("date", "2024-01-10")])
        b.must("move", [("unit", "k"), ("parent", "c2"), ("date", "2024-01-10")])
        let view = b.view
        #expect(view.levels.value(Self.index(view, "d2"), "members", at: CalendarDate("2024-01-10"))?.count == 525)
    }

    /// The same with the parent moving: commune d1c1 moves to d2 while its cell k moves out of it to
    /// c2 in d1, on one day. d1 reported 500 (the cell's 425 and 75 of its own): d1c1 takes what it
    /// held the day before (425) to d2, and k's move brings 425 back from d2 to d1: d1 keeps 500 and
    /// d2 (100) ends at 100. From where k stood the day before, d1 lost the 425 twice (75).
    @Test func aMoveOutOfAUnitMovedThatDay() {
        var b = Self.twoDistricts()
        Self.unit(&b, "c2", "base-committee", parent: "d1")
        Self.unit(&b, "k", "cell", parent: "d1c1")
        b.must("conference", [("unit", "k"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=425")])
        b.must("conference", [("unit", "d1"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=500")])
        b.must("conference", [("unit", "d2"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=100")])
        b.must("move", [("unit", "d1c1"), ("parent", "d2"), ("date", "2024-01-10")])
        b.must("move", [("unit", "k"), ("parent", "c2"), ("date", "2024-01-10")])
        let view = b.view
        #expect(view.levels.value(Self.index(view, "d1"), "members", at: CalendarDate("2024-01-10"))?.count == 500)
        #expect(view.levels.value(Self.index(view, "d2"), "members", at: CalendarDate("2024-01-10"))?.count == 100)
    }

    /// The differential's seed 6330: a cell merged away on the day its commune's district is
    /// dissolved into another district. The dissolution carries the district's value (the commune
    /// with the cell's 437 included) into the successor; the merger took the cell from where it
    /// stood the day before (outside the successor) and counted its 437 into the successor again.
    /// The cell leaves from where its commune ends the day (in the successor), and the district
    /// reported 100 ends at 100 + 437.
    @Test func aMergerInsideAUnitHandedOverThatDay() {
        var b = Self.twoDistricts()
        Self.unit(&b, "k", "cell", parent: "d1c1")
        b.must("conference", [("unit", "k"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=437")])
        b.must("conference", [("unit", "d2"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=100")])
        b.must("merger", [("from", "k,d2c1k1"), ("into", "m"), ("name", "M"), ("kind", "cell"), ("parent", "d2c1"), ("date", "2024-01-10")])
        b.must("dissolve", [("unit", "d1"), ("successor", "d2"), ("date", "2024-01-10")])
        let view = b.view
        #expect(view.levels.value(Self.index(view, "d2"), "members", at: CalendarDate("2024-01-10"))?.count == 537)
    }

    /// The differential's seed 6267: a cell established in July 2020, after term 2020–2025 had begun
    /// (its province's congress of June), states in November admissions=28 for term 2015–2020. The unit has no day of 2015–2020,
    /// so the total covers none (R4); the term's display clamped its end to its start, and the 28
    /// were counted as admissions of 2020–2025.
    @Test func aTotalForATermTheUnitHasNoDayOf() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "p"), ("date", "2020-06-01"), ("title", "Đại hội"), ("kind", "congress"), ("term", "2020-2025")])
        Self.unit(&b, "k", "cell", parent: "d1c1", date: "2020-07-04")
        b.must("conference", [("unit", "k"), ("date", "2020-11-21"), ("title", "r"), ("kind", "review"), ("term", "2015-2020"), ("figure", "admissions=28")])
        let view = b.view
        let term = view.term(Self.index(view, "k"), TermLabel("2020-2025")!, today: CalendarDate("2024-06-01"))
        #expect(!term.flows.contains { $0.key == "admissions" }, "\(term.flows.map(\.key))")
    }

    /// The differential's seed 4611 (the reference mended): a commune dissolved into a commune of
    /// another district while its village moves there the same day. The dissolution takes the
    /// village with it (a child still active that day) and the move takes it from there: either
    /// way the first district loses it, 7 → 6. (The reference's handover left the moving village
    /// behind and its move took it from the receiver: lost nowhere.)
    @Test func aVillageMovingOutOfACommuneDissolvedThatDay() {
        var b = Self.twoDistricts()
        Self.unit(&b, "v", "village", parent: "d2c1")
        b.must("conference", [("unit", "d2"), ("date", "2023-08-30"), ("title", "r"), ("figure", "villages=7")])
        b.must("dissolve", [("unit", "d2c1"), ("successor", "d1c1"), ("date", "2024-03-26")])
        b.must("move", [("unit", "v"), ("parent", "d1c1"), ("date", "2024-03-26")])
        let view = b.view
        #expect(view.levels.value(Self.index(view, "d2"), "villages", at: CalendarDate("2024-03-26"))?.count == 6)
    }

    /// The differential's seed 134: `impossible-level` read only members and counts of units. A
    /// district reporting 1 village without members loses a commune of 6: it is "at least 0" in
    /// replay, and `check` names it like any level derived below zero.
    @Test func anyReportedLevelBelowZeroIsAFinding() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d2"), ("date", "2017-10-30"), ("title", "r"), ("figure", "villages-without-members=1")])
        b.must("conference", [("unit", "d2c1"), ("date", "2018-01-01"), ("title", "r"), ("figure", "villages-without-members=6")])
        b.must("move", [("unit", "d2c1"), ("parent", "d1"), ("date", "2023-08-04")])
        let view = b.view
        let d2 = Self.index(view, "d2")
        #expect(view.levels.value(d2, "villages-without-members", at: CalendarDate("2023-08-04"))?.belowFloor == -5)
        #expect(view.check().findings.contains { $0.kind == "impossible-level" && $0.unit == UnitID("d2")! && $0.figure == "villages-without-members" },
                "\(view.check().findings.map { "\($0.kind) \($0.unit) \($0.figure ?? "")" })")
    }

    /// The differential's seed 261: a commune whose count is "at least 0" moves away; what it
    /// takes moves no village but its bounds: the district it left is "at most" its report.
    @Test func aMoveOfNothingButBoundsKeepsTheBounds() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d2"), ("date", "2016-09-30"), ("title", "r"), ("figure", "villages=3")])
        b.must("merger", [("in", "d2c1"), ("of", "village"), ("before", "3"), ("after", "2"), ("date", "2015-06-24")])
        b.must("move", [("unit", "d2c1"), ("parent", "d1"), ("date", "2018-12-13")])
        let view = b.view
        let moved = view.levels.value(Self.index(view, "d2c1"), "villages", at: CalendarDate("2018-12-12"))
        #expect(moved?.count == 0 && moved?.qualifier == .atLeast, "\(String(describing: moved))")
        let left = view.levels.value(Self.index(view, "d2"), "villages", at: CalendarDate("2019-01-01"))
        #expect(left?.count == 3 && left?.qualifier == .atMost, "\(String(describing: left))")
    }

    /// The differential's seed 184: a cell registered under d1's commune and moved to d2's on the
    /// same day leaves d1's reported count as a merger participant registered that day would
    /// (the count may already include it): 5 → 4.
    @Test func aUnitMovedOnItsRegistrationDayLeavesItsRegisteredParent() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d1"), ("date", "2017-12-31"), ("title", "r"), ("figure", "cells=5")])
        b.must("unit", [("id", "k"), ("name", "K"), ("kind", "cell"), ("parent", "d1c1"), ("date", "2023-02-12")])
        b.must("move", [("unit", "k"), ("parent", "d2c1"), ("date", "2023-02-12")])
        let view = b.view
        #expect(view.levels.value(Self.index(view, "d1"), "cells", at: CalendarDate("2023-02-12"))?.count == 4)
    }

    /// The differential's seed 67: a province that never reports its villages counts them from
    /// its parts; a merger of a village counted there with one under a commune that reports its
    /// count only later (so has none yet, R2.3) moves the province by less than the merger's
    /// step. Its audit's running value after the day is the province's level.
    @Test func auditOfARegistryCountFollowsItsLevel() {
        var b = Self.twoDistricts()
        for (id, parent) in [("v1", "d1c1"), ("v2", "d1c1"), ("v3", "d2c1"), ("v4", "d2c1")] {
            b.must("unit", [("id", id), ("name", id.uppercased()), ("kind", "village"), ("parent", parent), ("date", "2015-01-01")])
        }
        b.must("merger", [("from", "v2,v3"), ("into", "m"), ("name", "M"), ("kind", "village"), ("parent", "d1c1"), ("date", "2018-09-04")])
        b.must("dissolve", [("unit", "v4"), ("date", "2020-04-20"), ("successor", "v1")])
        b.must("conference", [("unit", "d2c1"), ("date", "2021-07-11"), ("title", "r"), ("figure", "villages=3")])
        let view = b.view
        let p = Self.index(view, "p")
        // v1 and m counted through d1; v4 registered under d2c1, which has no count yet: at least 3.
        for (day, expected) in [("2018-09-04", 3), ("2020-04-20", 2)] {
            let level = view.levels.value(p, "villages", at: CalendarDate(day))
            let audit = view.audit(p, "villages", from: nil, to: CalendarDate(day), knownAt: nil)
            #expect(level?.count == expected, "\(day): \(String(describing: level))")
            #expect(audit.entries.last?.value == expected, "\(day): \(audit.entries.map(\.value))")
        }
    }

    /// The differential's seed 69: a cell registered in 2018 states 70 admissions for 2016–2017
    /// and is later merged into a cell of the same district. A predecessor is asked about every
    /// day before its handover (R3), and before it existed it lay under no unit: the district's
    /// total over 2015–2019 counts the 70 (it counted neither route's share).
    @Test func aPredecessorsTotalFromBeforeItExisted() {
        var b = Self.twoDistricts()
        Self.unit(&b, "d1c1k1", "cell", parent: "d1c1")
        Self.unit(&b, "d1c2", "base-committee", parent: "d1", date: "2018-02-05")
        Self.unit(&b, "d1c2k1", "cell", parent: "d1c2", date: "2018-02-05")
        b.must("conference", [("unit", "d1c2k1"), ("date", "2018-02-06"), ("title", "r"), ("figure", "admissions=70@2016-01-01..2017-12-31")])
        b.must("admission", [("unit", "d1c1k1"), ("date", "2019-03-01"), ("count", "13")])
        b.must("merger", [("from", "d1c2k1,d1c1k1"), ("into", "d1c1k1"), ("date", "2021-03-04")])
        let view = b.view
        let term = ClosedPeriod(from: CalendarDate("2015-01-01"), to: CalendarDate("2019-12-31"))
        #expect(view.flows.total(Self.index(view, "d1"), "admissions", over: term)?.value == 83)
        #expect(view.flows.total(Self.index(view, "d1c1k1"), "admissions", over: term)?.value == 83)
    }

    /// The differential's seed 150: a commune held its 2025–2030 congress twice (15/03 and
    /// 06/10/2025); a village moved under it between the two starts its term at the second, the
    /// nearest congress it lay under (R4.2), not at its district's later one.
    @Test func aCongressHeldAgainStartsTheTermOfWhatMovedInBetween() {
        var b = Self.twoDistricts()
        b.now = Instant.parseRFC3339("2026-06-30T08:00:00Z")!
        Self.unit(&b, "v", "village", parent: "d1c1")
        for (unit, day) in [("d2c1", "2025-03-15"), ("d2c1", "2025-10-06"), ("d2", "2025-10-11")] {
            b.must("conference", [("unit", unit), ("date", day), ("title", "c"), ("kind", "congress"), ("term", "2025-2030")])
        }
        b.must("move", [("unit", "v"), ("parent", "d2c1"), ("date", "2025-08-19")])
        let view = b.view
        #expect(view.terms.start(Self.index(view, "v"), TermLabel("2025-2030")!).date == CalendarDate("2025-10-06"))
    }

    /// The differential's seed 506: a cell moved twice on one day (to a commune of the same
    /// district, then out of it) is one move, from where it stood the day before to where the day
    /// ends: its 148 members left the district once (each move was a step of −148: the district's
    /// audit, and any level derived from a report, lost them twice).
    @Test func twoMovesOnOneDayAreOne() {
        var b = Self.twoDistricts()
        Self.unit(&b, "d1c2", "base-committee", parent: "d1")
        Self.unit(&b, "k", "cell", parent: "d1c1")
        b.must("conference", [("unit", "k"), ("date", "2016-01-01"), ("title", "r"), ("figure", "members=148")])
        b.must("conference", [("unit", "d1"), ("date", "2017-01-01"), ("title", "r"), ("figure", "members=500")])
        b.must("move", [("unit", "k"), ("parent", "d1c2"), ("date", "2023-08-16")])
        b.must("move", [("unit", "k"), ("parent", "d2c1"), ("date", "2023-08-16")])
        let view = b.view
        let d1 = Self.index(view, "d1"), day = CalendarDate("2023-08-16")
        #expect(view.levels.value(d1, "members", at: day)?.count == 352)
        let audit = view.audit(d1, "members", from: nil, to: day, knownAt: nil)
        #expect(audit.entries.last?.value == 352 && audit.entries.filter { $0.type == .unitMoved }.count == 1, "\(audit.entries.map(\.value))")
        #expect(view.levels.value(Self.index(view, "d2"), "members", at: day)?.count == 148)
    }

    /// The differential's seed 776: a district that derived 129 loses a commune of 160 to its
    /// neighbour (a move inside the province: no row of the province's register), so it is "at
    /// least 0"; the province, the sum of its districts, goes on from its level, and its next row
    /// shows it (it showed the sum of the changes, 31 below, for good).
    @Test func aFloorLeftByAMoveBetweenParts() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d1c1"), ("date", "2015-06-06"), ("title", "r"), ("figure", "members=160")])
        b.must("conference", [("unit", "d1"), ("date", "2015-06-13"), ("title", "r"), ("figure", "members=129")])
        b.must("conference", [("unit", "d2c1"), ("date", "2017-04-11"), ("title", "r"), ("figure", "members=379")])
        b.must("move", [("unit", "d1c1"), ("parent", "d2"), ("date", "2022-06-16")])
        b.must("admission", [("unit", "d2c1"), ("date", "2022-08-29"), ("count", "10")])
        let view = b.view
        let p = Self.index(view, "p"), day = CalendarDate("2022-08-29")
        #expect(view.levels.value(Self.index(view, "d1"), "members", at: day)?.belowFloor == -31)
        #expect(view.levels.value(p, "members", at: day)?.count == 549)
        #expect(view.audit(p, "members", from: nil, to: day, knownAt: nil).entries.last?.value == 549)
    }

    /// The differential's seed 888: a flow's register put the day's total (R3) on the day's last
    /// row even when that row was retracted, and left the row that counts with the events so far
    /// (2 where the province had 71). A retracted row is shown with no running value.
    @Test func aRetractedRowOfAFlowRegisterHasNoRunningValue() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d1c1"), ("date", "2019-01-10"), ("title", "r"), ("figure", "admissions=69@2015-01-01..2018-12-31")])
        b.must("admission", [("unit", "d2c1"), ("date", "2019-06-11"), ("count", "2")])
        let twice = b.must("admission", [("unit", "d2c1"), ("date", "2019-06-11"), ("count", "2")])
        b.must("correction", [("event", twice.id.rawValue), ("retract", ""), ("reason", "twice")])
        let view = b.view
        let rows = view.audit(Self.index(view, "p"), "admissions", from: CalendarDate("2010-01-01"), to: CalendarDate("2019-06-11"), knownAt: nil).entries
        #expect(rows.filter { !$0.retracted }.last?.value == 71, "\(rows.map(\.value))")
        #expect(rows.filter(\.retracted).allSatisfy { $0.value == nil }, "\(rows.map(\.value))")
    }

    /// R7: a flow dated after its unit closed (only a union of journals, or a journal written by
    /// another tool, can hold one: `record` refuses it) counts nowhere, not in the level of the
    /// unit that held the closed one (the mutation run's survivor `r7-stranded-epochs`).
    @Test func aFlowDatedAfterItsUnitClosedCountsNowhere() {
        var b = LedgerBuilder()
        Self.unit(&b, "d", "district")
        Self.unit(&b, "c", "base-committee", parent: "d")
        b.must("conference", [("unit", "c"), ("date", "2020-01-01"), ("title", "r"), ("figure", "members=10")])
        b.must("conference", [("unit", "d"), ("date", "2020-06-01"), ("title", "r"), ("figure", "members=100")])
        b.must("dissolve", [("unit", "c"), ("date", "2021-01-01")])
        var events = b.events
        events.append(EventEnvelope(seq: Int64(events.count + 1), id: EventID("01900000-0000-7000-8000-0000000000cc")!,
                                    subject: UnitID("c")!, effectiveDate: CalendarDate("2021-06-01"), recordedTime: b.now,
                                    recordedBy: "other-tool", payload: .flow(Flow(kind: .admission, count: 5, since: nil, printed: []))))
        let view = Rules(LedgerBuilder.fold(events))
        let d = Self.index(view, "d")
        #expect(view.levels.value(d, "members", at: CalendarDate("2021-12-31"))?.count == 100)
        #expect(view.check().findings.contains { $0.kind == "inactive-unit" && $0.unit == UnitID("c")! })
    }

    /// Seed 8494: a district given a part's report on the day it took over a dissolved district
    /// is "at least 0" (R2's floor); the audit's rows happened to sum to 0 that day, so the floor
    /// went unnoticed, and an arrival of 4 later showed 4 where the level stays at least 0. Once
    /// the unit's own level has met its floor, every later day with a row shows the level.
    @Test func aFloorMetWhereTheRowsHappenToSumToIt() {
        var b = Self.twoDistricts()
        Self.unit(&b, "d2c1k2", "cell", parent: "d2c1")
        b.must("conference", [("unit", "d2"), ("date", "2019-06-08"), ("title", "r"), ("figure", "members=176")])
        b.must("conference", [("unit", "d2c1k2"), ("date", "2021-01-05"), ("title", "r"), ("as-of", "2020-12-31"), ("figure", "members=327")])
        b.must("dissolve", [("unit", "d2"), ("date", "2021-03-27"), ("successor", "d1")])
        b.must("conference", [("unit", "d2c1"), ("date", "2021-03-27"), ("title", "r"), ("figure", "members=129")])
        b.must("arrival", [("unit", "d1"), ("date", "2021-08-06"), ("count", "4")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        let rows = view.audit(d1, "members", from: CalendarDate("2010-01-01"), to: CalendarDate("2021-12-31"), knownAt: nil).entries
        #expect(!rows.isEmpty)
        var lastOfDay: [CalendarDate: Int?] = [:]
        for row in rows where !row.retracted { lastOfDay[row.date] = row.value }
        for (date, value) in lastOfDay {
            #expect(value == view.levels.value(d1, "members", at: date)?.count, "\(date): audit \(value.map(String.init) ?? "—")")
        }
        #expect(view.levels.value(d1, "members", at: CalendarDate("2021-08-06"))?.belowFloor != nil, "the history still meets the floor")
    }

    /// Seed 9267: a flow register reaches a predecessor's days before it existed, as R3 does. d1c2
    /// left d1 in 2018 and later took over d1c1, registered in 2018, which had taken over d3c1 of
    /// another district: R3 counts d3c1's 2015 admissions in d1 through that lineage (the rule
    /// `MutationSurvivorTests` "a cell moved, then merged" pins), but the audit's register did not
    /// walk d1c1's days before it existed, so it listed 4 where the total is 9.
    @Test func auditOfFlowsReachesAPredecessorsDaysBeforeItExisted() {
        var b = LedgerBuilder()
        Self.unit(&b, "p", "province")
        Self.unit(&b, "d1", "district", parent: "p")
        Self.unit(&b, "d3", "district", parent: "p")
        Self.unit(&b, "d1c2", "base-committee", parent: "d1")
        Self.unit(&b, "d3c1", "base-committee", parent: "d3")
        b.must("admission", [("unit", "d3c1"), ("date", "2015-09-20"), ("count", "5")])
        b.must("move", [("unit", "d1c2"), ("parent", "d3"), ("date", "2018-04-27")])
        Self.unit(&b, "d1c1", "base-committee", parent: "d1", date: "2018-04-28")
        Self.unit(&b, "d1c1k1", "cell", parent: "d1c1", date: "2018-04-28")
        b.must("admission", [("unit", "d1c1k1"), ("date", "2018-04-28"), ("count", "4")])
        b.must("dissolve", [("unit", "d3c1"), ("date", "2021-10-07"), ("successor", "d1c1")])
        b.must("merger", [("from", "d1c1,d1c2"), ("into", "d1c2"), ("date", "2021-10-08")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        let start = CalendarDate("2010-01-01")
        let rows = view.audit(d1, "admissions", from: start, to: CalendarDate("2019-12-31"), knownAt: nil).entries
        #expect(view.flows.total(d1, "admissions", over: ClosedPeriod(from: start, to: CalendarDate("2018-04-28")))?.value == 9)
        #expect(rows.map(\.seq).contains(6), "the 2015 admission of d3c1 is a row: \(rows.map(\.seq))")
        for row in rows where !row.retracted {
            #expect(row.value == view.flows.total(d1, "admissions", over: ClosedPeriod(from: start, to: row.date))?.value, "\(row.date)")
        }
    }

    /// Seed 15466: a count reported by the unit falls below the units registered under it when
    /// a commune with cells moves in (its own count reported only the next day, so the move
    /// carries none): `check` says so on the move day, as it does for a unit registered under it.
    @Test func aCountBelowTheUnitsThatMovedInIsAFinding() {
        var b = Self.twoDistricts()
        Self.unit(&b, "d2c1k2", "cell", parent: "d2c1")
        b.must("conference", [("unit", "d1"), ("date", "2015-01-25"), ("title", "r"), ("figure", "cells=1")])
        b.must("move", [("unit", "d2c1"), ("parent", "d1"), ("date", "2023-04-26")])
        b.must("conference", [("unit", "d2c1"), ("date", "2023-04-27"), ("title", "r"), ("figure", "cells=3")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        #expect(view.levels.value(d1, "cells", at: CalendarDate("2023-04-26"))?.belowFloor != nil)
        let findings = view.check().findings.filter { $0.kind == "impossible-level" && $0.unit == UnitID("d1")! }
        #expect(findings.map(\.date) == [CalendarDate("2023-04-26")], "\(findings.map(\.message.en))")
    }

    /// Seed 33285: a village merged in May 2020 lay under its district on its last day; the
    /// district's review labelled 2015–2020 in October ends the village's 2015–2020 only when it
    /// closes, so it has no day of 2020–2025 — though its commune moved to another district in June
    /// (the engine asked where the commune stood in October, and gave it 2020-01-01..2020-05-21).
    @Test func aClosedUnitTakesThePreviousTermLabelOfItsLastDaysAncestors() {
        var b = Self.twoDistricts()
        Self.unit(&b, "v", "village", parent: "d1c1")
        Self.unit(&b, "w", "village", parent: "d1c1")
        b.must("merger", [("from", "v,w"), ("into", "w"), ("date", "2020-05-22")])
        b.must("move", [("unit", "d1c1"), ("parent", "d2"), ("date", "2020-06-03")])
        b.must("conference", [("unit", "d1"), ("date", "2020-10-18"), ("title", "r"), ("kind", "review"), ("term", "2015-2020"),
                              ("figure", "admissions=5")])
        let view = b.view
        let v = Self.index(view, "v")
        #expect(view.term(v, TermLabel("2015-2020")!, today: CalendarDate("2024-06-01")).to == CalendarDate("2020-05-21"))
        #expect(view.term(v, TermLabel("2020-2025")!, today: CalendarDate("2024-06-01")).noDays?.reason == .closedBefore)
    }

    /// A unit with no value of its own: its flows show no running value (its parent's report
    /// does not give it one).
    @Test func auditOfAUnitWithNoValue() {
        var b = LedgerBuilder()
        Self.unit(&b, "d1", "district")
        Self.unit(&b, "d1c2", "base-committee", parent: "d1")
        Self.unit(&b, "d1c2k2", "cell", parent: "d1c2")
        b.must("conference", [("unit", "d1c2"), ("date", "2021-03-01"), ("title", "r"), ("as-of", "2020-12-31"), ("figure", "members=149")])
        b.must("admission", [("unit", "d1c2k2"), ("date", "2023-03-14"), ("count", "5")])
        let view = b.view
        let k = Self.index(view, "d1c2k2")
        #expect(view.levels.value(k, "members", at: CalendarDate("2023-03-14")) == nil)
        let audit = view.audit(k, "members", from: nil, to: CalendarDate("2023-03-14"), knownAt: nil)
        #expect(audit.entries.map { $0.value } == [nil])
    }

    /// A merger that creates a unit under d1 from a commune elsewhere brings a value under d1,
    /// which had none: audit showed "—" while the level was >70.
    @Test func auditOfAUnitGivenAValueByAMergerBelowIt() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d2c1k1"), ("date", "2022-03-28"), ("title", "r"), ("as-of", "2021-12-31"), ("figure", "members=>70")])
        b.must("merger", [("from", "d1c1,d2c1"), ("into", "m2"), ("name", "M2"), ("kind", "base-committee"), ("parent", "d1"),
                          ("date", "2022-07-06")])
        let view = b.view
        let d1 = Self.index(view, "d1")
        let day = CalendarDate("2022-07-06")
        #expect(view.levels.value(d1, "members", at: day)?.count == 70)
        let audit = view.audit(d1, "members", from: nil, to: day, knownAt: nil)
        #expect(audit.entries.last?.value == 70)
    }

    // MARK: flow.value, audit.flow: a child counts only while it exists (R3)

    /// A cell established in 2021 is not under its commune in 2018: the province has no
    /// admissions figure for 2018 (was 0), and a commune's stated total for a year before it
    /// existed is not its parents' (audit's running value was 51 where the total is 10).
    @Test func childrenCountOnlyWhileTheyExist() {
        var b = Self.twoDistricts(d1c1: "2016-08-06", d2c1: "2021-05-29")
        b.must("admission", [("unit", "d2c1k1"), ("date", "2022-02-09"), ("count", "2")])
        b.must("admission", [("unit", "d1c1"), ("date", "2021-07-10"), ("count", "10"), ("since", "2021-01-01")])
        b.must("conference", [("unit", "d1c1"), ("date", "2016-08-06"), ("title", "t"), ("kind", "review"),
                              ("figure", "admissions=41@2015-01-01..2015-12-31")])
        let view = b.view
        let p = Self.index(view, "p"), d2 = Self.index(view, "d2")
        let y2018 = ClosedPeriod(from: CalendarDate("2018-01-01"), to: CalendarDate("2018-12-31"))
        #expect(view.flows.total(d2, "admissions", over: y2018) == nil)
        let from = CalendarDate("2010-01-01"), day = CalendarDate("2021-07-10")
        #expect(view.flows.total(p, "admissions", over: ClosedPeriod(from: from, to: day))?.value == 10)
        let audit = view.audit(p, "admissions", from: from, to: day, knownAt: nil)
        #expect(audit.entries.last?.value == 10)
    }

    // MARK: level.provenance, level.floor, check.impossible-level

    /// A sum holding a child's value derived from its own report is rolled up (R2.2).
    @Test func aSumOfAChildDerivedFromItsReportIsRolledUp() {
        var b = LedgerBuilder()
        Self.unit(&b, "p", "province")
        Self.unit(&b, "d1", "district", parent: "p")
        b.must("conference", [("unit", "d1"), ("date", "2024-01-06"), ("title", "r"), ("as-of", "2023-12-31"), ("figure", "members=326")])
        let view = b.view
        let value = view.levels.value(Self.index(view, "p"), "members", at: CalendarDate("2024-01-05"))
        #expect(value?.count == 326)
        #expect(value?.provenance == .rolledUp)
    }

    /// A district that reports its count later has none before (R2.3): its parent's sum is
    /// partial, shown as at least the units registered (was 1 of 2), and no finding.
    @Test func aPartialSumIsShownAtLeastTheRegisteredUnits() {
        var b = Self.twoDistricts()
        b.must("conference", [("unit", "d1"), ("date", "2019-11-25"), ("title", "r"), ("figure", "base-committees=3")])
        let view = b.view
        let value = view.levels.value(Self.index(view, "p"), "base-committees", at: CalendarDate("2015-01-01"))
        #expect(value?.count == 2)
        #expect(value?.qualifier == .atLeast)
        #expect(!view.check().findings.contains { $0.kind == "impossible-level" })
    }

    /// A count reported below the units registered under it is derived as the floor from the
    /// next day even when nothing changes (was the report's 2), and `check` says so; a unit
    /// registered after the report raises the floor the same way.
    @Test func aReportBelowTheRegisteredUnitsIsFlooredTheNextDay() {
        var b = LedgerBuilder()
        Self.unit(&b, "p", "province")
        Self.unit(&b, "d1", "district", parent: "p")
        for i in 1...3 { Self.unit(&b, "d1c\(i)", "base-committee", parent: "d1") }
        Self.unit(&b, "d1c1v1", "village", parent: "d1c1")
        Self.unit(&b, "d1c1v2", "village", parent: "d1c1", date: "2023-01-01")
        b.must("conference", [("unit", "p"), ("date", "2017-04-04"), ("title", "r"), ("figure", "base-committees=2")])
        b.must("conference", [("unit", "d1"), ("date", "2022-06-10"), ("title", "r"), ("figure", "villages=1")])
        let view = b.view
        let p = Self.index(view, "p"), d1 = Self.index(view, "d1")
        #expect(view.levels.value(p, "base-committees", at: CalendarDate("2017-04-04"))?.count == 2, "reported as reported")
        let next = view.levels.value(p, "base-committees", at: CalendarDate("2017-04-05"))
        #expect(next?.count == 3 && next?.qualifier == .atLeast && next?.belowFloor == 2)
        #expect(view.levels.value(d1, "villages", at: CalendarDate("2022-12-31"))?.count == 1)
        #expect(view.levels.value(d1, "villages", at: CalendarDate("2023-01-01"))?.count == 2)
        let findings = Set(view.check().findings.filter { $0.kind == "impossible-level" }.map { "\($0.unit) \($0.figure) \($0.date.iso)" })
        #expect(findings == ["p base-committees 2017-04-05", "d1 villages 2023-01-01"])
    }
}
