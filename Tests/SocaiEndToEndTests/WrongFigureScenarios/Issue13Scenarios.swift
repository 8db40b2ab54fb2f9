import Foundation
import SocaiTestSupport
import Testing

/// Issue 13, "No silently wrong figure": each trial as the issue states it, asserting the answers
/// it expects. Each failed before its fix, inside `withKnownIssue`; the wrappers came off as the
/// fixes landed, and the comments name the rule (docs/DECISIONS.md) each answer follows.
@Suite("Issue 13: no silently wrong figure")
struct Issue13Scenarios {
    @Test("item 1: members survive a chain of mergers")
    func membersSurviveAChainOfMergers() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.units(under: "c", "village", "x", "y")
        t.report("x", "2016-01-01", "members=40")
        t.record(["merger", "--from", "x,y", "--into", "y", "--date", "2017-01-01"])
        t.record(["merger", "--from", "y", "--into", "w", "--name", "W", "--kind", "village", "--parent", "c", "--date", "2018-01-01"])
        #expect(t.figure("y", "members", at: "2017-06-30") == 40)
        let w = t.replayed("w", at: "2018-06-30")
        #expect(w?.int("figures", "members") == 40)
        #expect(w?.string("provenance", "members") == "derived")
        #expect(t.figure("c", "members", at: "2018-06-30") == 40)
    }

    @Test("item 2: a count of units below zero is a finding")
    func aCountBelowZeroIsAFinding() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.report("c", "2016-01-01", "villages=0")
        t.unit("v1", "village", parent: "c", date: "2017-01-01")
        t.unit("v2", "village", parent: "c", date: "2017-01-01")
        t.record(["merger", "--from", "v1,v2", "--into", "w", "--name", "W", "--kind", "village", "--parent", "c", "--date", "2018-01-01"])
        // R2 "Below zero": shown as 0, "at least"; the `impossible-level` finding gives the unit,
        // the figure, the date and the events involved (seq 5 is the merger that takes it below).
        // (On 2017-01-01 the 0 reported is also below the 2 villages registered under c: a warning.)
        let findings = t.findings().filter { $0.string("unit") == "c" && $0.string("figure") == "villages" }
        #expect(findings.contains { $0.string("date") == "2017-01-01" && $0.string("severity") == "warning" })
        let finding = findings.first { $0.string("severity") == "error" }
        #expect(finding != nil, "check says nothing about villages = -1")
        #expect(finding?.string("date") == "2018-01-01")
        #expect(finding?.string("message")?.contains("seq 5") == true)
    }

    @Test("a departure below zero at a unit holding what a merger handed over is warned")
    func aDepartureBelowZeroOfAHolding() {
        let t = Trial()
        t.unit("d", "district")
        t.units(under: "d", "base-committee", "p", "q")
        t.report("q", "2020-01-01", "members=5")
        t.record(["merger", "--from", "q,p", "--into", "p", "--date", "2021-01-01"])
        let departure = t.run(["record", "departure", "--unit", "p", "--date", "2021-06-01", "--count", "10", "--reason", "transfer-out"])
        #expect(departure.status == 0, "\(departure)")
        #expect(departure.stderr.contains("members of") && departure.stderr.contains("would be"), "no warning: \(departure.stderr)")
    }

    @Test("item 3: the term of a closed unit ends when it closed")
    func theTermOfAClosedUnit() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.units(under: "c", "cell", "x", "y")
        t.report("x", "2020-03-01", "members=40")
        t.record(["merger", "--from", "x", "--into", "y", "--date", "2021-01-01"])
        let text = t.run(["term", "--unit", "x", "--term", "2020-2025"]).stdout
        #expect(text.contains("y") && text.contains("2021-01-01"), "the text says where it went and when")
        let term = t.term("x", "2020-2025")
        #expect(term.string("to") == "2020-12-31")
        #expect(term.int("figures", "members", "end") == 40)
    }

    @Test("item 3, a term a unit has no day of: closed before it, established after it, not begun; never a term of one day")
    func aTermTheUnitHasNoDayOf() {
        let t = Trial(now: "2024-06-01T08:00:00Z")
        t.unit("c", "base-committee", date: "2010-01-01")
        t.unit("x", "village", parent: "c", date: "2010-01-01")
        t.unit("y", "village", parent: "c", date: "2010-01-01")
        t.report("x", "2014-05-01", "members=12")
        t.congress("c", "2015-06-01", term: "2015-2020")
        t.record(["merger", "--from", "x,y", "--into", "y", "--date", "2015-03-01"])
        t.congress("c", "2020-06-01", term: "2020-2025")
        t.unit("k", "base-cell", parent: "c", date: "2020-07-04")
        t.report("k", "2020-11-01", "members=9", "admissions=2", extra: ["--term", "2015-2020"])

        // Merged in March 2015, before c's congress opened 2015-2020 on 1 June: no day of it
        // (it answered 2015-06-01 – 2015-06-01 before, with its last figures).
        let closed = t.term("x", "2015-2020")
        #expect(closed.string("noDays", "reason") == "closed-before" && closed.string("noDays", "date") == "2015-03-01")
        #expect(closed.object("figures")?.dictionary.isEmpty == true && (closed.value(["running"]) as? Bool) == false)
        #expect(closed.string("from") == "2015-06-01" && closed.string("to") == "2015-05-31", "an empty span, not one day")
        let text = t.run(["term", "--unit", "x", "--term", "2015-2020"]).stdout
        #expect(text.contains("No day of this term for this unit: it closed on 2015-03-01, before the term began on 2015-06-01"), "\(text)")
        #expect(text.contains("Merged into") && !text.contains("Figures"), "\(text)")
        let vi = t.run(["term", "--unit", "x", "--term", "2015-2020", "--lang", "vi"]).stdout
        #expect(vi.contains("Đơn vị không có ngày nào trong nhiệm kỳ này: đơn vị kết thúc hoạt động ngày 01/03/2015"), "\(vi)")
        // Without --term, a closed unit answers the term of its last day, not today's.
        #expect(t.term("x", "2010-2015").string("to") == "2015-02-28")
        #expect(t.run(["term", "--unit", "x"]).stdout.contains("term 2010-2015"))

        // Established on 2020-07-04, after c's congress opened 2020-2025: its report labelled
        // 2015-2020 is listed, and counts for no day (seed 6267).
        let late = t.term("k", "2015-2020")
        #expect(late.string("noDays", "reason") == "established-after" && late.string("noDays", "term") == "2020-2025")
        #expect(late.object("flows")?.dictionary.isEmpty == true && late.object("figures")?.dictionary.isEmpty == true)
        #expect(late.objects("conferences").count == 1)
        let lateText = t.run(["term", "--unit", "k", "--term", "2015-2020", "--lang", "vi"]).stdout
        #expect(lateText.contains("đơn vị được thành lập ngày 04/07/2020, trong nhiệm kỳ 2020-2025"), "\(lateText)")
        #expect(t.term("k", "2020-2025").string("from") == "2020-07-04", "its own term is unchanged")

        // A term that has not begun answers no figures "to 2030-01-01".
        let future = t.term("c", "2030-2035")
        #expect(future.string("noDays", "reason") == "not-begun" && future.object("figures")?.dictionary.isEmpty == true)
        #expect(t.run(["term", "--unit", "c", "--term", "2030-2035"]).stdout.contains("The term has not begun: it begins on 2030-01-01"))
        // On its first day a term has begun (one day, running); the day before it has not (the
        // mutation run's survivor `term-not-begun`: `today < from` → `today <= from`).
        let firstDay = t.term("c", "2020-2025", now: "2020-06-01T08:00:00Z")
        #expect(firstDay.object("noDays") == nil && firstDay.string("to") == "2020-06-01" && (firstDay.value(["running"]) as? Bool) == true)
        #expect(t.term("c", "2020-2025", now: "2020-05-31T08:00:00Z").string("noDays", "reason") == "not-begun")
    }

    @Test("item 4: the 20 % cap holds when good is 0")
    func theExcellenceCapWhenGoodIsZero() {
        let t = Trial()
        t.unit("c", "base-committee")
        let recorded = t.record(["rating", "--unit", "c", "--year", "2023", "--of", "members",
                                 "--excellent", "4", "--good", "0", "--completed", "36", "--failed", "35"])
        #expect(recorded.stderr.contains("20%"), "a warning at record time, as with --good 1")
        #expect(t.findings().contains { $0.string("kind") == "excellence-cap" && $0.string("unit") == "c" })
        // No excellent over no good is no breach (the mutation run's survivor
        // `check-cap-good/flip-comparison.2`: `e > 0` → `e >= 0` reported "0/0").
        t.unit("d", "base-committee")
        let none = t.record(["rating", "--unit", "d", "--year", "2023", "--of", "members",
                             "--excellent", "0", "--good", "0", "--completed", "36", "--failed", "35"])
        #expect(!none.stderr.contains("20%"), "\(none)")
        #expect(!t.findings().contains { $0.string("kind") == "excellence-cap" && $0.string("unit") == "d" })
    }

    @Test("a level pushed below zero: a warning at record time and a finding")
    func aLevelPushedBelowZero() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.report("c", "2023-12-31", "members=4014")
        let recorded = t.record(["departure", "--unit", "c", "--date", "2024-03-01", "--count", "4102", "--reason", "transfer-out"])
        // R7: the warning gives the resulting value (−88) and the fix (a correction of its count).
        #expect(recorded.stderr.contains("88"), "the warning gives the resulting value")
        #expect(recorded.stderr.contains("record correction"), "the warning gives the fix")
        let finding = t.findings().first { $0.string("unit") == "c" && $0.string("figure") == "members" }
        #expect(finding?.string("date") == "2024-03-01")
    }

    @Test("the same fact twice: recorded, warned, and a possible-duplicate finding")
    func theSameFactTwice() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.record(["admission", "--unit", "c", "--date", "2024-04-01", "--count", "2"])
        let again = t.record(["admission", "--unit", "c", "--date", "2024-04-01", "--count", "2"])
        #expect(again.stdout.hasPrefix("recorded seq 3 "), "it may be genuine: it is recorded")
        #expect(again.stderr.contains("seq 2"), "the warning names the earlier event's seq")
        let duplicate = t.findings().first { $0.string("kind") == "possible-duplicate" }
        #expect(duplicate?.string("severity") == "warning")
        #expect(duplicate?.string("unit") == "c")
    }

    @Test("the same file imported twice records nothing the second time")
    func theSameFileImportedTwice() {
        let t = Trial()
        t.unit("c", "base-committee")
        let file = """
            {"type":"admission","unit":"c","date":"2024-05-01","count":1}
            {"type":"admission","unit":"c","date":"2024-05-02","count":1}

            """
        #expect(t.journal.importing("admissions.jsonl", file).status == 0)
        let before = t.journal.journalBytes
        let second = t.journal.importing("admissions.jsonl", file)
        let unchanged = t.journal.journalBytes == before
        #expect(unchanged, "nothing is recorded the second time: \(second.stdout)")
        // DECISIONS "The same file imported twice": ids derived from the file, and it says so.
        let said = second.stdout + second.stderr
        #expect(said.contains("0 new") && said.contains("2 already recorded"), "\(second)")
    }

    @Test("a second rating for the same unit, year and subject is never a silent no-op")
    func aSecondRating() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.record(["rating", "--unit", "c", "--year", "2022", "--of", "cells", "--excellent", "1", "--good", "5",
                  "--completed", "1", "--failed", "0", "--date", "2023-01-15"])
        let second = t.run(["record", "rating", "--unit", "c", "--year", "2022", "--of", "cells", "--excellent", "1", "--good", "4",
                            "--completed", "2", "--failed", "0", "--date", "2023-02-20"])
        // R6 (chosen between refusing and superseding): recorded, superseding the first, with a
        // warning naming it and the correction that keeps one rating; term and check show which counts.
        #expect(second.status == 0)
        #expect(second.stderr.contains("seq 2"), "the warning names the rating it supersedes")
        #expect(second.stderr.contains("record correction --event 2"), "and how to correct the first instead")
        #expect(t.term("c", "2020-2025").int("ratings", "2022", "cells", "good") == 4, "the later rating counts")
        #expect(t.run(["term", "--unit", "c", "--term", "2020-2025"]).stdout.contains("seq 3 counts; it supersedes seq 2"))
        #expect(t.findings().contains { $0.string("kind") == "duplicate-rating" && $0.string("message")?.contains("the later recorded one counts") == true })
    }

    @Test("a correction names its event by seq, and log text fits a terminal")
    func correctionBySeqAndLogWidth() throws {
        let t = Trial()
        t.unit("c", "base-committee")
        t.record(["admission", "--unit", "c", "--date", "2024-04-01", "--count", "3"])
        let shipped = try Trial.shippedJournal()
        let log = SocaiProcess.run(["log"], in: shipped.path)
        let json = SocaiProcess.run(["log", "--json"], in: shipped.path)
        #expect(log.status == 0 && log.stdout.contains("seq"), "log text shows seq")
        let corrected = t.run(["record", "correction", "--event", "2", "--set", "count=2", "--reason", "nhầm"])
        #expect(corrected.status == 0, "\(corrected)")
        #expect(t.audit("c", "admissions").last?.int("value") == 2, "the correction applies")
        let widest = log.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 160, "log text is \(widest) columns wide")
        // Whole in --json: the longest title of the shipped journal is not cut there.
        #expect(json.stdout.contains("Hội nghị Tổng kết Nghị quyết số 04-NQ/TU ngày 23/5/2016 của BCH Đảng bộ tỉnh, giai đoạn 2016–2020"))
    }

    @Test("a rating printed as good-or-better shows the disjoint good count")
    func goodOrBetterShowsTheDisjointGoodCount() {
        let t = Trial()
        t.unit("c", "base-committee")
        t.record(["rating", "--unit", "c", "--year", "2021", "--of", "members", "--excellent", "10", "--good-or-better", "50",
                  "--completed", "9", "--failed", "1", "--rated", "60"])
        let term = t.term("c", "2020-2025")
        #expect(term.double("ratings", "2021", "members", "percent", "good") == 66.67)
        #expect(term.int("ratings", "2021", "members", "good") == 40)
        // R6: the share belongs beside 40; the cumulative count is labelled as such, in text and HTML.
        let text = t.run(["term", "--unit", "c", "--term", "2020-2025"]).stdout
        #expect(!text.contains("50 (good or better) (66.67%)"))
        #expect(text.contains("40 (66.67%) [good or better, cumulative: 50]"))
        let html = t.run(["export", "--format", "html", "--unit", "c", "--to", "2024-12-31"]).stdout
        #expect(html.contains("2021 · good: 40 (66.67%) [good or better, cumulative: 50]"))
    }

    @Test("tier shares over 100 % are warned like tier counts over the number rated")
    func tierSharesOverOneHundredPercent() {
        let t = Trial()
        t.unit("c", "base-committee")
        let recorded = t.record(["rating", "--unit", "c", "--year", "2020", "--of", "members",
                                 "--excellent", "20%", "--good", "80%", "--completed", "10%"])
        #expect(t.findings().contains { $0.string("unit") == "c" && $0.string("stated") == "110%" }, "check reports the sum")
        #expect(recorded.stderr.contains("110"), "warned at record time, like tiers over --rated: \(recorded.stderr)")
    }

    @Test("the admissions chart draws a period total, never zero years")
    func theAdmissionsChartDrawsPeriodTotals() throws {
        let work = try Trial.shippedJournal()
        let html = SocaiProcess.run(["export", "--format", "html", "--unit", "sop-cop", "--to", "2023-12-31", "--term", "2020-2025"],
                                    in: work.path, now: "2026-11-23T10:00:00Z").stdout
        let chart = Self.admissionsChart(html)
        #expect(!chart.isEmpty, "the report has an admissions chart")
        #expect(!chart.contains(#"data-value="0""#), "no year drawn as zero")
        // One bar across 2020–2023 at its yearly average, labelled with its total and period.
        let drawn = chart.contains("469")
        #expect(drawn, "Sốp Cộp's 469 admissions over 2020–2023 are drawn")
        #expect(chart.contains(#"data-from="2020-01-01" data-to="2023-12-31" data-value="469""#))
        #expect(chart.contains("469 (2020–2023, ≈ 117 a year)"))
        // With no data at all: no axis with ticks, but a sentence.
        let t = Trial()
        t.unit("c", "base-committee")
        let empty = t.run(["export", "--format", "html", "--unit", "c", "--to", "2024-12-31"]).stdout
        #expect(Self.admissionsChart(empty).isEmpty && empty.contains("No admissions recorded in the term."))
    }

    /// The `<svg>` of the admissions chart, or "".
    static func admissionsChart(_ html: String) -> String {
        guard let start = html.range(of: "admissions-chart"), let end = html[start.upperBound...].range(of: "</svg>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
