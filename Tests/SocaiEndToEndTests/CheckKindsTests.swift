import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// `socai check --json`, one small journal per finding kind, every finding asserted whole: kind,
/// severity, stated and derived, figure, date and message, with `ok` and the exit code.
///
/// These pin the rules as they are before the read-path redesign, so that a rule the redesign
/// changes shows here as a changed expectation, on purpose, rather than passing unnoticed.
@Suite("check --json: one scenario per finding kind")
struct CheckKindsTests {
    /// One finding as `check --json` prints it (`stated`/`derived` are null when there is none).
    struct Finding: Equatable, CustomStringConvertible {
        var kind: String
        var severity: String
        var stated: String?
        var derived: String?
        var figure: String
        var date: String
        var unit: String
        var message: String

        var description: String {
            "\(kind) \(severity) \(unit) \(date) \(figure) stated \(stated ?? "null") derived \(derived ?? "null"): \(message)"
        }
    }

    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        /// `record` arguments, after the two units every scenario has: `huyen` (a district,
        /// 2010-01-01) and `cb` (a cell under it, event id …0cb).
        var records: [[String]]
        var checkArguments: [String] = []
        var status: Int32
        var findings: [Finding]
        /// A second journal, `Other`, read with the first as one (`--journal Journal --journal
        /// Other`, issue 19): made with `init --reports-to huyen`, it takes the first journal's
        /// lines from seq `forwardFrom` (`export`/`import --format cloudevents-lines`), then these records.
        var other: [[String]]? = nil
        var forwardFrom: Int? = nil
        /// `record` arguments for the first journal after `Other` was made: a fact that `record`
        /// refuses when the other journal's events are in the same journal (R7: a closing or a
        /// retraction that would strand events) meets them only in the union.
        var later: [[String]] = []
        var description: String { name }
    }

    static func finding(_ kind: String, _ severity: String, stated: String?, derived: String?, figure: String,
                        date: String, unit: String = "huyen", _ message: String) -> Finding {
        Finding(kind: kind, severity: severity, stated: stated, derived: derived, figure: figure, date: date, unit: unit, message: message)
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "tier-sum: tiers of 41 against 42 rated", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "1", "--good", "20",
             "--completed", "15", "--failed", "5", "--rated", "42"],
        ], status: 1, findings: [
            finding("tier-sum", "error", stated: "42", derived: "41", figure: "rating 2021 organizations", date: "2021-12-31",
                    "the tiers add up to 41, not the 42 rated the document states"),
        ]),
        Scenario(name: "tier-sum: a good-or-better count stands for excellent + good", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "1", "--good-or-better", "10",
             "--completed", "5", "--failed", "1", "--rated", "20"],
        ], status: 1, findings: [
            finding("tier-sum", "error", stated: "20", derived: "16", figure: "rating 2021 organizations", date: "2021-12-31",
                    "the tiers add up to 16, not the 20 rated the document states"),
        ]),
        Scenario(name: "composition: 10 grassroots organisations, 4 committees + 5 cells", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "grassroots-orgs=10",
             "--figure", "base-committees=4", "--figure", "base-cells=5"],
        ], status: 1, findings: [
            finding("composition", "error", stated: "10", derived: "9", figure: "grassroots-orgs", date: "2021-12-31",
                    "10 grassroots organisations ≠ 4 committees + 5 cells"),
        ]),
        Scenario(name: "composition: 9 = 4 committees + 5 cells is no finding", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "grassroots-orgs=9",
             "--figure", "base-committees=4", "--figure", "base-cells=5"],
        ], status: 0, findings: []),
        Scenario(name: "flow-report: an exact total against the events is a warning", records: [
            ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "3"],
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--term", "2020-2025", "--figure", "admissions=5"],
        ], status: 0, findings: [
            finding("flow-report", "warning", stated: "5", derived: "3", figure: "admissions", date: "2021-12-31",
                    "reported 5 for 2020-01-01..2021-12-31 but the recorded events add up to 3"),
        ]),
        Scenario(name: "flow-report: an approximate total is a note", records: [
            ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "3"],
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--term", "2020-2025", "--figure", "admissions=~5"],
        ], status: 0, findings: [
            finding("flow-report", "note", stated: "~5", derived: "3", figure: "admissions", date: "2021-12-31",
                    "reported 5 for 2020-01-01..2021-12-31 but the recorded events add up to 3"),
        ]),
        Scenario(name: "flow-report: a total the events match is no finding", records: [
            ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "5"],
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--term", "2020-2025", "--figure", "admissions=5"],
        ], status: 0, findings: []),
        Scenario(name: "flow-report: no events in the reported period is nothing to reconcile", records: [
            ["admission", "--unit", "cb", "--date", "2019-03-01", "--count", "3"],
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--term", "2020-2025", "--figure", "admissions=5"],
        ], status: 0, findings: []),
        Scenario(name: "printed-percent: rounded, a note", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "0", "--good", "87",
             "--completed", "8", "--failed", "0", "--rated", "95", "--printed", "good-share=91,58"],
        ], status: 0, findings: [
            finding("printed-percent", "note", stated: "91.58", derived: "91.58", figure: "good-share", date: "2021-12-31",
                    "91.58% = 87/95 = 91.5789…%, rounded"),
        ]),
        Scenario(name: "printed-percent: truncated, a note", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "0", "--good", "87",
             "--completed", "8", "--failed", "0", "--rated", "95", "--printed", "good-share=91,57"],
        ], status: 0, findings: [
            finding("printed-percent", "note", stated: "91.57", derived: "91.58", figure: "good-share", date: "2021-12-31",
                    "91.57% = 87/95 = 91.5789…%, truncated (rounding gives 91.58%)"),
        ]),
        Scenario(name: "printed-percent: rounded twice, a note", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "0", "--good", "10",
             "--completed", "71", "--failed", "0", "--rated", "81", "--printed", "good-share=12,4"],
        ], status: 0, findings: [
            finding("printed-percent", "note", stated: "12.4", derived: "12.35", figure: "good-share", date: "2021-12-31",
                    "12.4% = 10/81 = 12.3457…% only when rounded twice (12.35 → 12.4); rounded once it is 12.3%"),
        ]),
        Scenario(name: "printed-percent: inconsistent, an error", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "6", "--good", "30",
             "--completed", "5", "--failed", "0", "--rated", "41", "--printed", "excellent-share=15,2"],
        ], status: 1, findings: [
            finding("printed-percent", "error", stated: "15.2", derived: "14.63", figure: "excellent-share", date: "2021-12-31",
                    "printed 15.2% but 6/41 = 14.6341…%; no count out of 41 gives 15.2%"),
        ]),
        Scenario(name: "printed-percent: its counts are not recorded, a warning", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--printed", "admissions-attainment=50"],
        ], status: 0, findings: [
            finding("printed-percent", "warning", stated: "50", derived: nil, figure: "admissions-attainment", date: "2021-12-31",
                    "cannot recompute 50%: the counts it is computed from are not recorded"),
        ]),
        Scenario(name: "printed-percent: an attainment against a target of 0 cannot be recomputed", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--kind", "congress", "--term", "2020-2025",
             "--target", "admissions=0", "--printed", "admissions-attainment=50", "--figure", "admissions=5"],
        ], status: 0, findings: [
            finding("printed-percent", "warning", stated: "50", derived: nil, figure: "admissions-attainment", date: "2021-12-31",
                    "cannot recompute 50%: the counts it is computed from are not recorded (the target is 0, and no share of 0 can be computed)"),
        ]),
        Scenario(name: "roll-up: a report against its only child's", records: [
            ["conference", "--unit", "cb", "--date", "2021-12-31", "--title", "T", "--figure", "members=30"],
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "members=50"],
        ], status: 0, findings: [
            finding("roll-up", "warning", stated: "50", derived: "30", figure: "members", date: "2021-12-31",
                    "reported 50, but its 1 units add up to 30"),
        ]),
        Scenario(name: "unexplained: a warning", records: Self.unexplained, status: 0, findings: [Self.unexplainedFinding("warning")]),
        Scenario(name: "unexplained with --strict: an error", records: Self.unexplained, checkArguments: ["--strict"], status: 1,
                 findings: [Self.unexplainedFinding("error")]),
        Scenario(name: "unexplained: flows on the day of the earlier report are in that report", records: [
            ["conference", "--unit", "cb", "--date", "2020-01-01", "--title", "T", "--figure", "members=30"],
            ["admission", "--unit", "cb", "--date", "2020-01-01", "--count", "5"],
            ["conference", "--unit", "cb", "--date", "2021-01-01", "--title", "T", "--figure", "members=30"],
        ], status: 0, findings: []),
        Scenario(name: "excellence-cap: 5 excellent of 20 good", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "5", "--good", "20",
             "--completed", "10", "--failed", "0", "--rated", "35"],
        ], status: 0, findings: [
            finding("excellence-cap", "warning", stated: "5/20", derived: "25.00%", figure: "rating 2021 organizations", date: "2021-12-31",
                    "excellent is 25.00% of good, over the 20% cap (the rule applies per grassroots organisation, so a total over it is a warning)"),
        ]),
        Scenario(name: "excellence-cap: exactly 20% is within it", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "4", "--good", "20",
             "--completed", "10", "--failed", "0", "--rated", "34"],
        ], status: 0, findings: []),
        // 20% of no good organisation is none: any excellent is over the cap (DECISIONS.md, the projection
        // rules), and no share is printed for it.
        Scenario(name: "excellence-cap: excellent with no good organisation (0 good) is over the cap, with no share", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "1", "--good", "0",
             "--completed", "5", "--failed", "0", "--rated", "6"],
        ], status: 0, findings: [
            finding("excellence-cap", "warning", stated: "1/0", derived: nil, figure: "rating 2021 organizations", date: "2021-12-31",
                    "excellent is given with no good tier (1/0), over the 20% cap (the rule applies per grassroots organisation, so a total over it is a warning)"),
        ]),
        Scenario(name: "possible-duplicate: the same admission recorded twice on one day", records: [
            ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "2"],
            ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "2"],
        ], status: 0, findings: [
            finding("possible-duplicate", "warning", stated: "2", derived: nil, figure: "admissions", date: "2021-03-01", unit: "cb",
                    "admission of 2 on 2021-03-01 recorded twice: seq 3 and seq 4; if it happened once, retract one (socai record correction --event 4 --retract --reason …)"),
        ]),
        Scenario(name: "duplicate-rating: a second rating of the same year and subject", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "1", "--good", "10",
             "--completed", "5", "--failed", "0", "--rated", "16"],
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "1", "--good", "10",
             "--completed", "5", "--failed", "0", "--rated", "16"],
        ], status: 0, findings: [
            finding("duplicate-rating", "warning", stated: nil, derived: nil, figure: "rating 2021 organizations", date: "2021-12-31",
                    "two ratings of 2021 organisations: seq 3 and seq 4; the later recorded one counts — correct the first instead of recording another"),
        ]),
        // `record dissolve` refuses to strand a recorded admission (R7); a union of two journals,
        // one recording the admission and the other the dissolution, still can.
        Scenario(name: "inactive-unit: an admission dated after its unit was dissolved (two journals)", records: [], status: 1, findings: [
            finding("inactive-unit", "error", stated: nil, derived: nil, figure: "-", date: "2021-03-01", unit: "cb",
                    "admission seq 4 is dated 2021-03-01, after it closed on 2020-01-01; correct its date or its unit"),
        ], other: [["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "2"]], forwardFrom: 2,
                 later: [["dissolve", "--unit", "cb", "--date", "2020-01-01"]]),
        // R1: a unit is active until the day before it closes (mutant r7-inactive-unit/flip-comparison.2).
        Scenario(name: "inactive-unit: an admission dated the day its unit was dissolved (two journals)", records: [], status: 1, findings: [
            finding("inactive-unit", "error", stated: nil, derived: nil, figure: "-", date: "2021-03-01", unit: "cb",
                    "admission seq 4 is dated 2021-03-01, after it closed on 2021-03-01; correct its date or its unit"),
        ], other: [["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "2"]], forwardFrom: 2,
                 later: [["dissolve", "--unit", "cb", "--date", "2021-03-01"]]),
        // R1: a unit is active from its establishment day (r7-inactive-unit/flip-comparison.1).
        Scenario(name: "inactive-unit: an admission dated the day its unit was established is no finding", records: [
            ["admission", "--unit", "cb", "--date", "2010-01-01", "--count", "2"],
        ], status: 0, findings: []),
        // R4: terms follow each other; a congress for an earlier term held after one for a later
        // term leaves the earlier term no day and the one before it over the later's days.
        Scenario(name: "congress-order: the congress for 2015-2020 held after the congress for 2020-2025", records: [
            ["conference", "--unit", "huyen", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025"],
            ["conference", "--unit", "huyen", "--date", "2020-11-01", "--title", "Đại hội", "--kind", "congress", "--term", "2015-2020"],
            // On the same day is out of order too (a term of no day).
            ["conference", "--unit", "cb", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2015-2020"],
            ["conference", "--unit", "cb", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025"],
        ], status: 1, findings: [
            finding("congress-order", "error", stated: "2015-2020", derived: "2020-2025", figure: "term 2015-2020", date: "2020-10-01", unit: "cb",
                    "the congress for 2015-2020 (seq 5, 2020-10-01) is on or after the congress for 2020-2025 (seq 6, 2020-10-01): term 2015-2020 has no day for cb and the term before it runs over 2020-2025's days; correct the date or the term of the one that is wrong (socai record correction --event 5 --set date=…)"),
            finding("congress-order", "error", stated: "2015-2020", derived: "2020-2025", figure: "term 2015-2020", date: "2020-11-01",
                    "the congress for 2015-2020 (seq 4, 2020-11-01) is on or after the congress for 2020-2025 (seq 3, 2020-10-01): term 2015-2020 has no day for huyen and the term before it runs over 2020-2025's days; correct the date or the term of the one that is wrong (socai record correction --event 4 --set date=…)"),
        ]),
        // The same congress held again for one term is no finding (R4: the first opens the term).
        Scenario(name: "congress-order: two congresses for one term, and terms in order, are no finding", records: [
            ["conference", "--unit", "huyen", "--date", "2015-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2015-2020"],
            ["conference", "--unit", "huyen", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025"],
            ["conference", "--unit", "huyen", "--date", "2020-12-01", "--title", "Đại hội lại", "--kind", "congress", "--term", "2020-2025"],
        ], status: 0, findings: []),
        Scenario(name: "dissolved-with-members: a cell dissolved holding 12, no successor named", records: [
            ["conference", "--unit", "cb", "--date", "2020-01-01", "--title", "T", "--figure", "members=12"],
            ["dissolve", "--unit", "cb", "--date", "2022-01-01"],
        ], status: 0, findings: [
            finding("dissolved-with-members", "warning", stated: nil, derived: "12", figure: "members", date: "2022-01-01", unit: "cb",
                    "Chi bộ C was dissolved holding 12 members with no successor; Huyện ủy H keeps them. Record the dissolution with --successor if they went elsewhere"),
        ]),
        // The note is about the total R3 skips (the earlier-ending), dated at the end of its period.
        Scenario(name: "overlapping-periods: two stated totals whose periods overlap without nesting", records: [
            ["conference", "--unit", "cb", "--date", "2021-01-01", "--title", "T", "--figure", "admissions=5@2018-01-01..2020-06-30"],
            ["conference", "--unit", "cb", "--date", "2022-01-01", "--title", "T2", "--figure", "admissions=6@2019-01-01..2021-06-30"],
        ], status: 0, findings: [
            finding("overlapping-periods", "note", stated: "5@2018-01-01..2020-06-30 / 6@2019-01-01..2021-06-30", derived: nil,
                    figure: "admissions", date: "2020-06-30", unit: "cb",
                    "stated totals over overlapping periods (2018-01-01..2020-06-30: 5, seq 3; 2019-01-01..2021-06-30: 6, seq 4): a total over both uses the later-ending one and the events outside it"),
        ]),
        Scenario(name: "impossible-level: 3 members reported, 5 departures after", records: [
            ["conference", "--unit", "cb", "--date", "2020-01-01", "--title", "T", "--figure", "members=3"],
            ["departure", "--unit", "cb", "--date", "2020-06-01", "--count", "5", "--reason", "death"],
        ], status: 1, findings: [
            finding("impossible-level", "error", stated: "3", derived: "-2", figure: "members", date: "2020-06-01", unit: "cb",
                    "Chi bộ C's members would be -2 on 2020-06-01: 3 reported on 2020-01-01 (seq 3) and the events since take it below zero, that day by seq 4; correct the event that is wrong (socai record correction --event 4 …; socai audit --unit cb --figure members shows every step)"),
        ]),
        // R2 "below zero": a value exactly at its floor is no finding and stays exact (r2-floor).
        Scenario(name: "impossible-level: 4 members reported, 4 departures after: 0 is no finding", records: [
            ["conference", "--unit", "cb", "--date", "2020-01-01", "--title", "T", "--figure", "members=4"],
            ["departure", "--unit", "cb", "--date", "2020-06-01", "--count", "4", "--reason", "death"],
        ], status: 0, findings: []),
        Scenario(name: "printed-sum: shares that add up to 95%", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "10%", "--good", "60%",
             "--completed", "20%", "--failed", "5%"],
        ], status: 0, findings: [
            finding("printed-sum", "warning", stated: "95%", derived: "100%", figure: "rating 2021 organizations", date: "2021-12-31",
                    "the printed shares add up to 95%"),
        ]),
        Scenario(name: "printed-sum: 98% from four whole percentages is within their rounding (half a unit each)", records: [
            ["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "10%", "--good", "60%",
             "--completed", "20%", "--failed", "8%"],
        ], status: 0, findings: []),
        Scenario(name: "implausible-change: a stated change against the figures at both ends", records: [
            ["conference", "--unit", "huyen", "--date", "2020-01-01", "--title", "T", "--figure", "members=90"],
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "members=100",
             "--figure", "members-change=30@2020-01-01..2021-12-31"],
        ], status: 0, findings: [
            finding("implausible-change", "warning", stated: "30", derived: "10", figure: "members-change", date: "2021-12-31",
                    "stated change 30 but members went 90 → 100"),
            finding("unexplained", "warning", stated: "100", derived: "90", figure: "members", date: "2021-12-31",
                    "reported 100, but 90 on 2020-01-01 and the events since give 90: +10 unexplained (no recorded event accounts for it)"),
        ]),
        Scenario(name: "implausible-change: no start figure, a change over a quarter of the end", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "members=100",
             "--figure", "members-change=30@2021-01-01..2021-12-31"],
        ], status: 0, findings: [
            finding("implausible-change", "warning", stated: "30", derived: nil, figure: "members-change", date: "2021-12-31",
                    "a change of 30 is 30.00% of the 100 at the end, and there is no members figure at the start to check it against"),
        ]),
        Scenario(name: "implausible-change: no start figure, a change of exactly a quarter of the end is no finding", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "members=100",
             "--figure", "members-change=25@2021-01-01..2021-12-31"],
        ], status: 0, findings: []),
        Scenario(name: "implausible-change: no start figure and 0 at the end is no finding", records: [
            ["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "T", "--figure", "villages-without-members=0",
             "--figure", "villages-without-members-change=-3@2021-01-01..2021-12-31"],
        ], status: 0, findings: []),
        Scenario(name: "per-year-divisor and target: a reduction per year over 5.34 years, against its target", records: [
            ["conference", "--unit", "huyen", "--date", "2020-10-01", "--title", "T", "--figure", "villages-without-members=40@2015-06-01",
             "--figure", "villages-without-members=20", "--printed", "villages-without-members-reduction-per-year=10",
             "--target", "villages-without-members-reduction-per-year=8"],
        ], status: 0, findings: [
            finding("per-year-divisor", "note", stated: "5", derived: "5.34", figure: "villages-without-members-reduction-per-year",
                    date: "2020-10-01", "the average per year divides by 5 whole years; 2015-06-01..2020-10-01 is 5.34 years"),
            finding("printed-percent", "note", stated: "10", derived: "10.00", figure: "villages-without-members-reduction-per-year",
                    date: "2020-10-01", "10% = (40 − 20)/40/5 = 10.00%, rounded"),
            finding("target", "note", stated: "10", derived: "8", figure: "villages-without-members-reduction-per-year",
                    date: "2020-10-01", "10% a year against a target of 8: exceeded"),
        ]),
        Scenario(name: "union-conflict: one unit registered differently in two journals", records: [], status: 1, findings: [
            finding("union-conflict", "error", stated: nil, derived: nil, figure: "-", date: "2010-01-01", unit: "cb",
                    "unit cb is registered differently in Journal (Journal:2: vn.socai.unit.established.v1 cb 2010-01-01 {\"id\":\"cb\",\"name\":\"Chi bộ C\",\"kind\":\"cell\",\"parent\":\"huyen\"}) and in Other (Other:1: vn.socai.unit.established.v1 cb 2010-01-01 {\"id\":\"cb\",\"name\":\"Chi bộ Cê\",\"kind\":\"cell\",\"parent\":\"huyen\"}); the union keeps Journal's registration and leaves out the other with its corrections"),
        ], other: [
            ["unit", "--id", "cb", "--name", "Chi bộ Cê", "--kind", "cell", "--parent", "huyen", "--date", "2010-01-01"],
        ]),
        Scenario(name: "union-conflict: one event id with two different facts in two journals", records: [], status: 1, findings: [
            finding("union-conflict", "error", stated: nil, derived: nil, figure: "-", date: "2010-01-01", unit: "cb",
                    "event 01a2c000-0000-7000-8000-0000000000cb is Journal:2 and Other:1 with different facts: Journal says vn.socai.unit.established.v1 cb 2010-01-01 {\"id\":\"cb\",\"name\":\"Chi bộ C\",\"kind\":\"cell\",\"parent\":\"huyen\"}; Other says vn.socai.unit.established.v1 cx 2010-01-01 {\"id\":\"cx\",\"name\":\"Chi bộ X\",\"kind\":\"cell\",\"parent\":\"huyen\"}; the union counts Journal's"),
        ], other: [
            ["unit", "--id", "cx", "--name", "Chi bộ X", "--kind", "cell", "--parent", "huyen", "--date", "2010-01-01",
             "--event-id", "01a2c000-0000-7000-8000-0000000000cb"],
        ]),
        Scenario(name: "union-conflict: two reports of one figure, unit and date that differ, from two journals", records: [
            ["conference", "--unit", "cb", "--date", "2021-12-31", "--title", "T", "--figure", "members=30"],
        ], status: 1, findings: [
            // The union folds both reports; the later one is also an unexplained +1 against the first.
            finding("unexplained", "warning", stated: "31", derived: "30", figure: "members", date: "2021-12-31", unit: "cb",
                    "reported 31, but 30 on 2021-12-31 and the events since give 30: +1 unexplained (no recorded event accounts for it)"),
            finding("union-conflict", "error", stated: "31", derived: nil, figure: "members", date: "2021-12-31", unit: "cb",
                    "members of cb on 2021-12-31: 30 in Journal (Journal:3), 31 in Other (Other:2); correct the one that is wrong"),
        ], other: [
            ["unit", "--id", "cb", "--name", "Chi bộ C", "--kind", "cell", "--parent", "huyen", "--date", "2010-01-01"],
            ["conference", "--unit", "cb", "--date", "2021-12-31", "--title", "T", "--figure", "members=31"],
        ]),
        Scenario(name: "outside-subtree: a journal holding an event about another journal's unit", records: [
            ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "3"],
        ], status: 1, findings: [
            finding("outside-subtree", "error", stated: nil, derived: nil, figure: "-", date: "2021-03-01", unit: "cb",
                    "Other holds events about cb (the first: Other:1), which is outside Other's subtree (the units it registers and those under them); it is registered in Journal; record it in the journal that keeps that unit"),
        ], other: [
            ["unit", "--id", "cz", "--name", "Chi bộ Z", "--kind", "cell", "--parent", "huyen", "--date", "2010-01-01"],
        ], forwardFrom: 3),
        // `record correction --retract` refuses to strand cb's admission (R7); in a union it can.
        Scenario(name: "integrity: events of a unit whose establishment was retracted (two journals)", records: [], status: 1, findings: [
            finding("integrity", "error", stated: nil, derived: nil, figure: "-", date: "2010-01-01", unit: "cb",
                    "events refer to unit cb, which is not established (or its establishment was retracted)"),
        ], other: [["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "3"]], forwardFrom: 2,
                 later: [["correction", "--event", "01a2c000-0000-7000-8000-0000000000cb", "--retract", "--reason", "không có"]]),
    ]

    static let unexplained: [[String]] = [
        ["conference", "--unit", "cb", "--date", "2020-01-01", "--title", "T", "--figure", "members=30"],
        ["admission", "--unit", "cb", "--date", "2020-06-01", "--count", "5"],
        ["conference", "--unit", "cb", "--date", "2021-01-01", "--title", "T", "--figure", "members=40"],
    ]

    static func unexplainedFinding(_ severity: String) -> Finding {
        finding("unexplained", severity, stated: "40", derived: "35", figure: "members", date: "2021-01-01", unit: "cb",
                "reported 40, but 30 on 2020-01-01 and the events since give 35: +5 unexplained (no recorded event accounts for it)")
    }

    @Test("the finding kinds of today's check, each with its scenario", arguments: scenarios)
    func scenario(_ scenario: Scenario) throws {
        let journal = ScratchJournal()
        let base: [[String]] = [
            ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
            ["unit", "--id", "cb", "--name", "Chi bộ C", "--kind", "cell", "--parent", "huyen", "--date", "2010-01-01",
             "--event-id", "01a2c000-0000-7000-8000-0000000000cb"],
        ]
        for arguments in base + scenario.records {
            let result = journal.run(["record"] + arguments)
            #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)")
        }
        var journals: [String] = []
        if let other = scenario.other {
            #expect(journal.run(["--journal", "Other", "init", "--reports-to", "huyen"]).status == 0)
            if let seq = scenario.forwardFrom {
                let lines = journal.run(["export", "--format", "cloudevents-lines", "--from-seq", String(seq)])
                #expect(journal.run(["--journal", "Other", "import", "--format", "cloudevents-lines", "-"], stdin: lines.stdout).status == 0)
            }
            for arguments in other {
                let result = journal.run(["--journal", "Other", "record"] + arguments)
                #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)")
            }
            journals = ["--journal", "Journal", "--journal", "Other"]
        }
        for arguments in scenario.later {
            let result = journal.run(["record"] + arguments)
            #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)")
        }
        let result = journal.run(journals + ["check", "--json"] + scenario.checkArguments)
        #expect(result.status == scenario.status, "\(result)")
        let output = try #require(try JSONParser.parse(result.stdout).object)
        #expect(output["ok"] == .bool(scenario.status == 0))
        let findings = (output["findings"]?.array ?? []).compactMap(\.object).map { f in
            Finding(kind: f["kind"]?.string ?? "?", severity: f["severity"]?.string ?? "?",
                    stated: f["stated"]?.string, derived: f["derived"]?.string, figure: f["figure"]?.string ?? "?",
                    date: f["date"]?.string ?? "?", unit: f["unit"]?.string ?? "?", message: f["message"]?.string ?? "?")
        }
        #expect(findings == scenario.findings)
        // A finding without a stated or derived value says so with null, not by leaving the field out.
        for f in output["findings"]?.array ?? [] {
            #expect(f.object?["stated"] != nil && f.object?["derived"] != nil, "\(f)")
        }
        // A Vietnamese reader meets no English: each kind by its title, ratings in words, "số" for seq.
        let allowed = VietnameseOutput.allowedWords(unitIDs: ["huyen", "cb", "cx", "cz", "Journal", "Other"])
        for arguments in [["check", "--lang", "vi", "--notes"], ["check", "--lang", "vi", "--format", "csv"]] {
            let vi = journal.run(journals + arguments + scenario.checkArguments)
            #expect(vi.status == scenario.status, "\(vi)")
            let english = EnglishWords.find(in: vi.stdout + vi.stderr, allowed: allowed)
            #expect(english.isEmpty, "\(arguments): English \(english) in:\n\(vi.stdout)\(vi.stderr)")
            // Numbers and dates as a Vietnamese reader writes them (15,2%; 4.014; 31/12/2023), CSV cells too.
            let numbers = try (arguments.contains("csv") ? EnglishNumbers.find(inCSV: vi.stdout) : EnglishNumbers.find(in: vi.stdout))
                + EnglishNumbers.find(in: vi.stderr)
            #expect(numbers.isEmpty, "\(arguments): English numbers or dates \(numbers) in:\n\(vi.stdout)\(vi.stderr)")
            for kind in Set(findings.map(\.kind)) {
                #expect(vi.stdout.contains(CheckKindTitle.of(kind).vi) && !vi.stdout.contains(kind), "\(arguments): \(kind)")
            }
        }
    }

    /// Every kind the checks can report: each `kind: "…"` in Sources/SocaiCore/Checks.
    static func kindsInSources() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/SocaiCore/Checks")
        var kinds = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for part in text.components(separatedBy: "kind: \"").dropFirst() {
                kinds.insert(String(part.prefix { $0 != "\"" }))
            }
        }
        return kinds
    }

    @Test("every kind the checks can report (each `kind: \"…\"` in Sources/SocaiCore/Checks) has a scenario here")
    func everyKindHasAScenario() throws {
        let kinds = try Self.kindsInSources()
        #expect(kinds.count >= 12)
        let covered = Set(Self.scenarios.flatMap { $0.findings.map(\.kind) })
        #expect(kinds.subtracting(covered).isEmpty, "kinds without a scenario: \(kinds.subtracting(covered).sorted())")
        // …and a title in both languages, shown beside the code in text and HTML.
        let untitled = kinds.filter { CheckKindTitle(rawValue: $0) == nil }
        #expect(untitled.isEmpty, "kinds without a CheckKindTitle: \(untitled.sorted())")
    }

    @Test("every kind the checks can report has a title in both languages (CheckKindTitle)")
    func everyKindHasATitle() throws {
        let kinds = try Self.kindsInSources()
        #expect(kinds.count >= 18)
        for kind in kinds.sorted() {
            let title = try #require(CheckKindTitle(rawValue: kind), "\(kind) has no CheckKindTitle")
            #expect(!title.text.en.isEmpty && !title.text.vi.isEmpty && title.text.en != title.text.vi, "\(kind): \(title.text)")
        }
        #expect(Set(CheckKindTitle.allCases.map(\.rawValue)) == kinds, "titles of kinds no check reports")
    }
}
