import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// What a user sees of rules that mutants broke without any test noticing, asserted through the
/// built binary: issue 22's M1 (the window of a moved unit's flows) and M3 (a correction of one
/// entry of an object), and the survivors of the first catalogue run (a reported count of cells
/// after a cell moves away or is dissolved; a per-year target while a term runs and on its last
/// day; a term still running on 1 January; a count of cells changed the day after its report and
/// by a merger of cells; flow totals rolled up from reports below; a target met exactly, a target
/// percentage rounded). Tools/mutate/sites.txt names the
/// mutants (`m1-window`, `m3-correction-start`, `structural-move-counted`, `structural-dissolution`,
/// `term-elapsed`, `term-running`, `term-previous-label`, `levels-structural-start`,
/// `structural-merger-net`, `flows-rolled-up`, `term-target-percent`, `term-status-below`).
@Suite("Rules the mutation run found untested")
struct MutationSurvivorTests {
    static func record(_ journal: ScratchJournal, _ records: [[String]], at now: String = SocaiProcess.fixedNow) {
        for arguments in records {
            let result = journal.run(["record"] + arguments, environment: ["SOCAI_NOW": now])
            #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)")
        }
    }

    /// A province `p` and its districts `d1` and `d2`, from 2010.
    static let twoDistricts: [[String]] = [
            ["unit", "--id", "p", "--name", "Tỉnh P", "--kind", "province", "--date", "2010-01-01"],
            ["unit", "--id", "d1", "--name", "Huyện 1", "--kind", "district", "--parent", "p", "--date", "2010-01-01"],
            ["unit", "--id", "d2", "--name", "Huyện 2", "--kind", "district", "--parent", "p", "--date", "2010-01-01"],
    ]

    /// Cells `c1`, `c2`, `c3` under `parent`, from 2010.
    static func threeCells(under parent: String) -> [[String]] {
        (1...3).map { ["unit", "--id", "c\($0)", "--name", "Chi bộ \($0)", "--kind", "cell", "--parent", parent, "--date", "2010-01-01"] }
    }

    static func json(_ journal: ScratchJournal, _ arguments: [String]) throws -> JSONValue {
        let result = journal.run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result)")
        return try JSONParser.parse(result.stdout)
    }

    /// `figures` of each unit in `replay --to date`.
    static func figures(_ journal: ScratchJournal, to date: String) throws -> [String: JSONObject] {
        var result: [String: JSONObject] = [:]
        for unit in try json(journal, ["replay", "--to", date]).object?["units"]?.array ?? [] {
            if let id = unit.object?["id"]?.string { result[id] = unit.object?["figures"]?.object ?? JSONObject() }
        }
        return result
    }

    @Test("a cell moved from one district to another: its flows count where it was on their dates, never in both (M1)")
    func movedCellFlows() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.twoDistricts + [
            ["unit", "--id", "c", "--name", "Chi bộ C", "--kind", "cell", "--parent", "d1", "--date", "2010-01-01"],
            ["conference", "--unit", "d1", "--date", "2020-01-01", "--title", "T", "--figure", "members=100"],
            ["conference", "--unit", "d2", "--date", "2020-01-01", "--title", "T", "--figure", "members=100"],
            ["admission", "--unit", "c", "--date", "2020-03-01", "--count", "4"],
            ["move", "--unit", "c", "--parent", "d2", "--date", "2020-06-01"],
            ["admission", "--unit", "c", "--date", "2020-09-01", "--count", "7"],
        ])
        let before = try Self.figures(journal, to: "2020-04-30")
        #expect(before["d1"]?["members"] == .integer(104) && before["d2"]?["members"] == .integer(100))
        let after = try Self.figures(journal, to: "2020-12-31")
        #expect(after["d1"]?["members"] == .integer(104), "the 4 admitted while under d1, not the 7 after it left")
        #expect(after["d2"]?["members"] == .integer(107), "the 7 admitted since it arrived, not the 4 before")
        #expect(after["p"]?["members"] == .integer(211))
        for (unit, admissions) in [("d1", 4), ("d2", 7)] {
            let term = try Self.json(journal, ["term", "--unit", unit, "--term", "2020-2025"])
            #expect(term.object?["flows"]?.object?["admissions"] == .integer(Int64(admissions)), "\(unit)")
        }
        // Reports agreeing with those values leave nothing unexplained.
        Self.record(journal, [
            ["conference", "--unit", "d1", "--date", "2020-12-31", "--title", "T", "--figure", "members=104"],
            ["conference", "--unit", "d2", "--date", "2020-12-31", "--title", "T", "--figure", "members=107"],
        ])
        let check = try Self.json(journal, ["check"])
        #expect(check.object?["findings"]?.array == [], "\(check)")
    }

    @Test("a correction of one figure of a conference keeps the others it stated (M3)")
    func correctionOfOneFigure() throws {
        let journal = ScratchJournal()
        Self.record(journal, [
            ["unit", "--id", "xa", "--name", "Đảng ủy xã X", "--kind", "base-committee", "--date", "2010-01-01"],
            ["conference", "--unit", "xa", "--date", "2021-12-31", "--title", "T", "--figure", "members=25",
             "--figure", "villages=10", "--event-id", "01a2c000-0000-7000-8000-0000000000c1"],
        ])
        Self.record(journal, [["correction", "--event", "01a2c000-0000-7000-8000-0000000000c1", "--set", "figures.members=26",
                               "--reason", "đếm lại"]], at: "2024-06-02T08:00:00Z")
        let figures = try Self.figures(journal, to: "2021-12-31")["xa"]
        #expect(figures?["members"] == .integer(26))
        #expect(figures?["villages"] == .integer(10), "the figure the correction did not name is kept")
        // As known before the correction: the figures as first recorded.
        let before = try Self.json(journal, ["replay", "--to", "2021-12-31", "--known-at", "2024-06-01T12:00:00Z"])
        let old = before.object?["units"]?.array?.first?.object?["figures"]?.object
        #expect(old?["members"] == .integer(25) && old?["villages"] == .integer(10))
        // The audit shows the corrected report and marks it corrected.
        let audit = try Self.json(journal, ["audit", "--unit", "xa", "--figure", "villages"])
        let entry = audit.object?["entries"]?.array?.last?.object
        #expect(entry?["reported"] == .integer(10) && entry?["corrected"] == .bool(true))
    }

    @Test("a district's reported count of cells follows a cell moved to another district and a cell dissolved")
    func countedUnitsMovedAndDissolved() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.twoDistricts + [
            ["unit", "--id", "x1", "--name", "Xã 1", "--kind", "base-committee", "--parent", "d1", "--date", "2010-01-01"],
        ] + Self.threeCells(under: "x1") + [
            ["conference", "--unit", "d1", "--date", "2020-01-01", "--title", "T", "--figure", "cells=12"],
            ["conference", "--unit", "d2", "--date", "2020-01-01", "--title", "T", "--figure", "cells=8"],
            ["move", "--unit", "c1", "--parent", "d2", "--date", "2021-03-01"],
            ["dissolve", "--unit", "c2", "--date", "2021-06-01"],
        ])
        func cells(_ date: String) throws -> [String: JSONValue?] {
            try Self.figures(journal, to: date).mapValues { $0["cells"] }
        }
        let before = try cells("2020-12-31")
        #expect(before["d1"] == .integer(12) && before["d2"] == .integer(8) && before["p"] == .integer(20))
        let moved = try cells("2021-04-01")
        #expect(moved["d1"] == .integer(11) && moved["d2"] == .integer(9), "the moved cell leaves d1's 12 and joins d2's 8")
        #expect(moved["p"] == .integer(20) && moved["x1"] == .integer(2))
        let dissolved = try cells("2021-12-31")
        #expect(dissolved["d1"] == .integer(10) && dissolved["d2"] == .integer(9) && dissolved["p"] == .integer(19))
        // The audit explains the same two steps.
        let audit = try Self.json(journal, ["audit", "--unit", "d1", "--figure", "cells", "--to", "2021-12-31"])
        let entries = audit.object?["entries"]?.array?.compactMap(\.object) ?? []
        #expect(entries.map { $0["delta"] } == [.null, .integer(-1), .integer(-1)])
        #expect(entries.map { $0["value"] } == [.integer(12), .integer(11), .integer(10)])
    }

    @Test("a per-year target while the term runs is per whole year elapsed (at least one); on the term's last day, the whole term")
    func perYearTargetOfARunningTerm() throws {
        let journal = ScratchJournal()
        Self.record(journal, [
            ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
            ["conference", "--unit", "huyen", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025",
             "--target", "admissions-per-year=10"],
            ["admission", "--unit", "huyen", "--date", "2021-03-01", "--count", "12"],
        ])
        // (today, running, target, actual, percent): 3 whole years since the congress on 1 June 2024; less than one
        // counts as one; the term (to 31/12/2024: no congress of 2025 recorded) is 5 years on its last day.
        for (today, running, target, actual, percent) in [("2024-06-01", true, 30, 12, "40.00"), ("2020-11-01", true, 10, 0, "0.00"),
                                                          ("2024-12-31", false, 50, 12, "24.00")] {
            let result = journal.run(["term", "--unit", "huyen", "--term", "2020-2025", "--json"],
                                     environment: ["SOCAI_NOW": today + "T08:00:00Z"])
            let term = try JSONParser.parse(result.stdout).object
            #expect(term?["running"] == .bool(running), "\(today)")
            let attainment = term?["targets"]?.object?["admissions-per-year"]?.object
            #expect(attainment?["target"] == .integer(Int64(target)) && attainment?["actual"] == .integer(Int64(actual))
                    && attainment?["percent"] == .decimal(percent), "\(today): \(attainment.map { "\($0)" } ?? "no target")")
        }
    }

    @Test("a report labelled with the previous term on 1 January: that term ran through the day, the next starts on the 2nd")
    func previousTermLabelOnTheFirstDay() throws {
        let journal = ScratchJournal()
        Self.record(journal, [
            ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
            ["conference", "--unit", "huyen", "--date", "2020-01-01", "--title", "Tổng kết", "--term", "2015-2020", "--figure", "members=50"],
        ])
        let next = try Self.json(journal, ["term", "--unit", "huyen", "--term", "2020-2025"]).object
        #expect(next?["from"] == .string("2020-01-02") && next?["boundary"] == .string("previous-term-label"))
        let previous = try Self.json(journal, ["term", "--unit", "huyen", "--term", "2015-2020"]).object
        #expect(previous?["to"] == .string("2020-01-01"))
    }

    @Test("a reported count of cells changed the day after the report and by a merger of cells; flows rolled up from communes' reports")
    func structuralChangesAfterAReportAndRolledUpFlows() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.twoDistricts + [
            ["unit", "--id", "x1", "--name", "Xã 1", "--kind", "base-committee", "--parent", "d1", "--date", "2010-01-01"],
            ["unit", "--id", "x2", "--name", "Xã 2", "--kind", "base-committee", "--parent", "d2", "--date", "2010-01-01"],
        ] + Self.threeCells(under: "x1") + [
            ["conference", "--unit", "d1", "--date", "2021-02-28", "--title", "T", "--figure", "cells=12"],
            ["move", "--unit", "c1", "--parent", "x2", "--date", "2021-03-01"],
            ["merger", "--from", "c2,c3", "--into", "c3", "--date", "2021-06-01"],
            ["conference", "--unit", "x1", "--date", "2021-12-31", "--title", "T", "--term", "2020-2025", "--figure", "admissions=3"],
            ["conference", "--unit", "x2", "--date", "2021-12-31", "--title", "T", "--term", "2020-2025", "--figure", "admissions=4"],
        ])
        // The move the day after the report counts (the report is the end of its own day); two cells merged into one: −1.
        let cells = try ["2021-02-28", "2021-03-01", "2021-06-01"].map { try Self.figures(journal, to: $0)["d1"]?["cells"] }
        #expect(cells == [.integer(12), .integer(11), .integer(10)])
        // No events anywhere: the term's admissions are the communes' reports, rolled up.
        for (unit, admissions) in [("d1", 3), ("p", 7)] {
            let term = try Self.json(journal, ["term", "--unit", unit, "--term", "2020-2025"]).object
            #expect(term?["flows"]?.object?["admissions"] == .integer(Int64(admissions)), "\(unit)")
            #expect(term?["flowProvenance"]?.object?["admissions"] == .string("rolled-up"), "\(unit)")
        }
    }

    @Test("a term's flow targets: met exactly is within it; the percentage is rounded, not cut (2 of 3 = 66.67)")
    func flowTargetsOfATerm() throws {
        let journal = ScratchJournal()
        Self.record(journal, [
            ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
            ["conference", "--unit", "huyen", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025",
             "--target", "admissions=12", "--target", "arrivals=3"],
            ["admission", "--unit", "huyen", "--date", "2021-03-01", "--count", "12"],
            ["arrival", "--unit", "huyen", "--date", "2021-04-01", "--count", "2"],
        ])
        let targets = try Self.json(journal, ["term", "--unit", "huyen", "--term", "2020-2025"]).object?["targets"]?.object
        let admissions = targets?["admissions"]?.object, arrivals = targets?["arrivals"]?.object
        #expect(admissions?["percent"] == .decimal("100.00") && admissions?["status"] == .string("within"))
        #expect(arrivals?["percent"] == .decimal("66.67") && arrivals?["status"] == .string("below"))
    }
}
