import SocaiCore
import SocaiTestSupport
import Testing

/// SEMANTICS.md §5: term boundaries, flows in a term, targets and attainment.
@Suite("Terms")
struct TermSemanticsTests {
    static func province(congress: Bool) -> LedgerBuilder {
        var b = LedgerBuilder()
        b.must("unit", [("id", "p"), ("name", "Tỉnh P"), ("kind", "province"), ("date", "2014-01-01")])
        b.must("unit", [("id", "d"), ("name", "Huyện D"), ("kind", "district"), ("parent", "p"), ("date", "2014-01-01")])
        if congress {
            b.must("conference", [("unit", "p"), ("date", "2015-10-12"), ("title", "Đại hội XIII"), ("kind", "congress"),
                                  ("term", "2015-2020"), ("target", "admissions-per-year=90")])
            b.must("conference", [("unit", "p"), ("date", "2020-10-10"), ("title", "Đại hội XIV"), ("kind", "congress"),
                                  ("term", "2020-2025"), ("target", "admissions=400")])
        }
        b.must("admission", [("unit", "d"), ("date", "2015-06-01"), ("count", "10")])
        b.must("admission", [("unit", "d"), ("date", "2018-06-01"), ("count", "300")])
        b.must("admission", [("unit", "d"), ("date", "2020-06-01"), ("count", "159")])
        return b
    }

    @Test func defaultBoundariesAreCalendarYears() {
        let view = Self.province(congress: false).view
        let d = view.registry.index(of: UnitID("d")!)!
        let span = view.terms.span(d, TermLabel("2015-2020")!)
        #expect(span.period == ClosedPeriod(from: CalendarDate("2015-01-01"), to: CalendarDate("2019-12-31")))
        #expect(span.source == .calendar)
        let term = view.term(d, TermLabel("2015-2020")!, today: CalendarDate("2024-01-01"))
        #expect(term.flows.first { $0.key == "admissions" }?.total.value == 310)
    }

    @Test func congressDatesOfAnAncestorSetTheBoundaries() {
        let view = Self.province(congress: true).view
        let d = view.registry.index(of: UnitID("d")!)!
        let span = view.terms.span(d, TermLabel("2015-2020")!)
        #expect(span.period == ClosedPeriod(from: CalendarDate("2015-10-12"), to: CalendarDate("2020-10-09")))
        #expect(span.source == .ancestorCongress)
        let term = view.term(d, TermLabel("2015-2020")!, today: CalendarDate("2024-01-01"))
        #expect(term.flows.first { $0.key == "admissions" }?.total.value == 459, "the June 2015 admissions fall before the congress")
        #expect(view.terms.current(d, on: CalendarDate("2020-09-01")) == TermLabel("2015-2020")!)
        #expect(view.terms.current(d, on: CalendarDate("2020-11-01")) == TermLabel("2020-2025")!)
    }

    @Test func attainmentOfPerYearAndTermTargets() {
        var b = Self.province(congress: true)
        let p = b.view.registry.index(of: UnitID("p")!)!
        // Closed term: 90 a year × 5 years = 450; 459 / 450 = 102.00 %.
        let closed = b.view.term(p, TermLabel("2015-2020")!, today: CalendarDate("2024-01-01"))
        let perYear = closed.targets.first { $0.key == "admissions-per-year" }
        #expect(perYear?.effectiveAmount == FixedDecimal(integer: 450) && perYear?.actual == 459)
        #expect(perYear?.percent == FixedDecimal(units: 10200, scale: 2) && perYear?.status == .above)
        // The seed arithmetic: 469 / 400 = 117.25 %, rounded half away from zero.
        b.must("admission", [("unit", "d"), ("date", "2022-03-01"), ("count", "469")])
        let running = b.view.term(p, TermLabel("2020-2025")!, today: CalendarDate("2023-12-31"))
        #expect(running.isRunning && running.to == CalendarDate("2023-12-31"))
        let total = running.targets.first { $0.key == "admissions" }
        #expect(total?.actual == 469 && total?.percent == FixedDecimal(units: 11725, scale: 2))
    }

    @Test func reductionRatesAsTheSeedsComputeThem() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "p"), ("name", "P"), ("kind", "province"), ("date", "2016-01-01")])
        b.must("conference", [("unit", "p"), ("date", "2019-11-20"), ("title", "Tổng kết"),
                              ("figure", "villages-without-members=95@2016-05-23"), ("figure", "villages-without-members=8"),
                              ("printed", "villages-without-members-reduction=91,57"),
                              ("printed", "villages-without-members-reduction-per-year=30,52")])
        let findings = b.view.check().findings
        let reduction = findings.first { $0.figure == "villages-without-members-reduction" && $0.kind == "printed-percent" }
        #expect(reduction?.severity == .note && reduction?.message.en.contains("truncated") == true)
        let perYear = findings.first { $0.figure == "villages-without-members-reduction-per-year" && $0.kind == "printed-percent" }
        #expect(perYear?.message.en.contains("91.57/3") == true && perYear?.message.en.contains("rounded") == true)
        #expect(findings.contains { $0.kind == "per-year-divisor" && $0.derived == "3.49" })
    }

    @Test func percentChangeOfALevelOverTheTerm() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "d"), ("name", "D"), ("kind", "district"), ("date", "2020-01-01")])
        b.must("conference", [("unit", "d"), ("date", "2024-01-23"), ("as-of", "2023-12-31"), ("title", "r"), ("term", "2020-2025"),
                              ("figure", "villages=128@2020-01-01"), ("figure", "villages=101")])
        let d = b.view.registry.index(of: UnitID("d")!)!
        let term = b.view.term(d, TermLabel("2020-2025")!, today: CalendarDate("2026-01-01"))
        let villages = term.figures.first { $0.key == "villages" }
        #expect(villages?.start?.count == 128 && villages?.end?.count == 101 && villages?.change == -27)
        #expect(villages?.percentChange == FixedDecimal(units: -2109, scale: 2))
    }
}
