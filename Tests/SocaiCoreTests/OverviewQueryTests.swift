import Testing
import SocaiCore
import SocaiTestSupport

/// The printed report's content (`LedgerView.overview`): what its charts and tables show is
/// computed here, from the fold, not in the renderer.
@Suite("Overview report")
struct OverviewQueryTests {
    /// Sơn La → Sốp Cộp: a congress with a target, admissions in 2021, a death in 2022, the
    /// 2023 review, and the 2023 ratings of organisations (counts) and members (printed shares).
    static func sopCop() -> LedgerBuilder {
        var b = LedgerBuilder()
        b.must("unit", [("id", "son-la"), ("name", "Tỉnh ủy Sơn La"), ("kind", "province"), ("date", "2015-01-01")])
        b.must("unit", [("id", "sop-cop"), ("name", "Huyện ủy Sốp Cộp"), ("kind", "district"), ("parent", "son-la"), ("date", "2015-01-01")])
        b.must("conference", [("unit", "sop-cop"), ("date", "2020-08-14"), ("title", "Đại hội IV"), ("kind", "congress"),
                              ("term", "2020-2025"), ("figure", "members=3545"), ("target", "admissions=400")])
        b.must("admission", [("unit", "sop-cop"), ("date", "2021-06-30"), ("since", "2021-01-01"), ("count", "66")])
        b.must("admission", [("unit", "sop-cop"), ("date", "2021-12-31"), ("since", "2021-07-01"), ("count", "72")])
        b.must("departure", [("unit", "sop-cop"), ("date", "2022-03-01"), ("count", "5"), ("reason", "death")])
        b.must("conference", [("unit", "sop-cop"), ("date", "2024-01-23"), ("as-of", "2023-12-31"), ("title", "Hội nghị đánh giá"),
                              ("term", "2020-2025"), ("figure", "members=4014"), ("figure", "villages=128@2020-01-01"),
                              ("figure", "villages=101")])
        b.must("rating", [("unit", "sop-cop"), ("year", "2023"), ("of", "organizations"), ("excellent", "6"), ("good", "32"),
                          ("completed", "3"), ("failed", "0"), ("rated", "41"), ("date", "2024-01-23")])
        b.must("rating", [("unit", "sop-cop"), ("year", "2023"), ("of", "members"), ("excellent", "15,2%"), ("good", "75,3%"),
                          ("completed", "8,5%"), ("failed", "1%"), ("date", "2024-01-23")])
        return b
    }

    static func overview(_ id: String, to: String = "2024-06-01", term: TermLabel? = nil) -> OverviewReport {
        let view = sopCop().view
        return view.overview(view.registry.index(of: UnitID(id)!)!, term: term, to: CalendarDate(to))
    }

    @Test func membersReportedAndDerived() {
        let r = Self.overview("sop-cop")
        #expect(r.members.reported.map(\.date) == [CalendarDate("2020-08-14"), CalendarDate("2023-12-31")])
        #expect(r.members.reported.map(\.value) == [3545, 4014])
        // Sampled at each report date (and the day before it), each flow date, and the report's date.
        let samples = r.members.derived.map { "\($0.date.iso)=\($0.value)" }
        #expect(samples == ["2020-08-14=3545", "2021-06-30=3611", "2021-12-31=3683", "2022-03-01=3678",
                            "2023-12-30=3678", "2023-12-31=4014", "2024-06-01=4014"])
    }

    @Test func aProvinceDrawsTheLevelRolledUpFromBelow() {
        let r = Self.overview("son-la")
        #expect(r.members.reported.isEmpty)
        #expect(r.members.derived.first?.date == CalendarDate("2020-08-14"))
        #expect(r.members.derived.last?.value == 4014)
        #expect(r.tree.map(\.unit.id.rawValue) == ["son-la", "sop-cop"])
        #expect(r.tree.map(\.unit.depth) == [0, 1])
        #expect(r.tree[0].figures["members"]?.provenance == .rolledUp)
        #expect(r.keyFigures == ["members", "villages"])
    }

    @Test func admissionsPerYearOfTheTermAgainstTheTarget() {
        let r = Self.overview("sop-cop")
        #expect(r.term.term.description == "2020-2025")
        #expect(r.admissions.map(\.year) == [2020, 2021, 2022, 2023, 2024])
        #expect(r.admissions.map(\.actual) == [0, 138, 0, 0, 0])
        #expect(r.admissions.first?.period.from == CalendarDate("2020-08-14"))  // cut to the term
        #expect(r.admissions.last?.period.to == CalendarDate("2024-06-01"))     // and to the report's date
        let target = r.admissionTarget
        #expect(target?.isPerYear == false)
        #expect(target?.perYear == FixedDecimal(integer: 80))  // 400 over the 5 years of 2020-2025
        #expect(target?.actual == 138)
        #expect(target?.percent?.description == "34.50")
        #expect(target?.status == .below)
    }

    @Test func ratingsAsStacksOfTierShares() {
        let r = Self.overview("sop-cop", to: "2023-12-31")  // decided on 23/01/2024, but they are 2023's
        #expect(r.ratings.map { "\($0.year) \($0.subject.rawValue)" } == ["2023 organizations", "2023 members"])
        let organisations = r.ratings[0]
        #expect(organisations.segments.map(\.tier) == [.excellent, .good, .completed, .failed])
        #expect(organisations.segments.map(\.count) == [6, 32, 3, 0])
        #expect(organisations.segments.map { $0.share?.description } == ["14.63", "78.05", "7.32", "0.00"])
        #expect(organisations.rated == 41)
        let members = r.ratings[1]
        #expect(members.segments.map(\.count) == [nil, nil, nil, nil])
        #expect(members.segments.map { $0.share?.description } == ["15.2", "75.3", "8.5", "1"])
        #expect(Self.overview("sop-cop", to: "2022-12-31").ratings.isEmpty)
    }

    @Test func findingsAreTheChecksOfTheSubtree() {
        let view = Self.sopCop().view
        let unit = view.registry.index(of: UnitID("sop-cop")!)!
        let r = view.overview(unit, to: CalendarDate("2024-06-01"))
        #expect(r.findings.findings == view.check(scope: unit).findings)
        #expect(r.findings.findings.contains { $0.kind == "unexplained" && $0.figure == "members" })
    }

    @Test func topUnitsAreThoseWithoutAnActiveParent() {
        let view = Self.sopCop().view
        #expect(view.registry.topUnits(at: CalendarDate("2024-06-01")).map { view.registry[$0].id.rawValue } == ["son-la"])
        #expect(view.registry.topUnits(at: CalendarDate("2010-01-01")).isEmpty)
    }

    /// Hundreds of flow days are sampled at month ends (and report dates), not one by one.
    @Test func manyFlowDaysAreSampledMonthly() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "xa"), ("name", "Đảng ủy xã A"), ("kind", "base-committee"), ("date", "2015-01-01")])
        b.must("conference", [("unit", "xa"), ("date", "2022-01-01"), ("title", "Báo cáo"), ("figure", "members=100")])
        var day = CalendarDate("2022-01-02")
        for _ in 0..<300 {
            b.must("admission", [("unit", "xa"), ("date", day.iso), ("count", "1")])
            day = day.adding(days: 1)
        }
        let view = b.view
        let r = view.overview(view.registry.index(of: UnitID("xa")!)!, to: CalendarDate("2022-12-31"))
        #expect(r.members.derived.count <= 16)
        #expect(r.members.derived.first?.date == CalendarDate("2022-01-01"))
        #expect(r.members.derived.last?.value == 400)
    }
}
