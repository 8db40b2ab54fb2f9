import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// The rules the read-path redesign added (DECISIONS R3, R5), asserted where a user meets them
/// (`term --json`): what the mutation run over the new rule code (Tools/mutate/sites.txt, `r3-…`,
/// `r5-…`) found no test for. Each test names the mutant it kills.
extension MutationSurvivorTests {
    /// `flows` of `unit`'s term 2020–2025 (to SOCAI_NOW, 2024-06-01).
    static func termFlows(_ journal: ScratchJournal, _ unit: String) throws -> JSONObject? {
        try json(journal, ["term", "--unit", unit, "--term", "2020-2025"]).object?["flows"]?.object
    }

    /// A district `huyen` and a cell `cb` under it, from 2010.
    static let districtAndCell: [[String]] = [
        ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
        ["unit", "--id", "cb", "--name", "Chi bộ C", "--kind", "cell", "--parent", "huyen", "--date", "2010-01-01"],
    ]

    /// A district `huyen` and communes under it from 2010, each reporting its members on 2020-01-01.
    static func communes(_ members: [(id: String, members: Int)]) -> [[String]] {
        [["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"]] + members.flatMap { unit, members in [
            ["unit", "--id", unit, "--name", "Xã \(unit)", "--kind", "base-committee", "--parent", "huyen", "--date", "2010-01-01"],
            ["conference", "--unit", unit, "--date", "2020-01-01", "--title", "T", "--figure", "members=\(members)"],
        ] }
    }

    @Test("a stated total replaces the events inside its period up to its last day; an event the day after counts (r3-gap-after)")
    func statedTotalCoversItsLastDay() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.districtAndCell + [
            ["admission", "--unit", "cb", "--date", "2021-06-30", "--count", "2"],
            ["admission", "--unit", "cb", "--date", "2021-07-01", "--count", "1"],
            ["conference", "--unit", "cb", "--date", "2021-07-05", "--title", "Sơ kết", "--figure", "admissions=5@2021-01-01..2021-06-30"],
        ])
        // 5 stated for the first half (the 2 of its last day among them) + the 1 of 1 July.
        #expect(try Self.termFlows(journal, "cb")?["admissions"] == .integer(6))
        #expect(try Self.termFlows(journal, "huyen")?["admissions"] == .integer(6))
    }

    @Test("stated totals sharing one day overlap: the later-ending one is used, the other skipped, never both (r3-overlap)")
    func statedTotalsSharingADay() throws {
        // The first ends on the day the second starts.
        let touching = ScratchJournal()
        Self.record(touching, Self.districtAndCell + [
            ["conference", "--unit", "cb", "--date", "2021-07-01", "--title", "T1", "--figure", "admissions=3@2021-01-01..2021-06-30"],
            ["conference", "--unit", "cb", "--date", "2022-01-05", "--title", "T2", "--figure", "admissions=4@2021-06-30..2021-12-31"],
        ])
        #expect(try Self.termFlows(touching, "cb")?["admissions"] == .integer(4), "T2 ends later; T1 shares 30 June with it")
        // A one-day total on the last day of a longer one with the same end: the longer is used.
        let nested = ScratchJournal()
        Self.record(nested, Self.districtAndCell + [
            ["conference", "--unit", "cb", "--date", "2022-01-05", "--title", "T1", "--figure", "admissions=4@2021-01-01..2021-12-31"],
            ["conference", "--unit", "cb", "--date", "2022-01-06", "--title", "T2", "--figure", "admissions=1@2021-12-31..2021-12-31"],
        ])
        #expect(try Self.termFlows(nested, "cb")?["admissions"] == .integer(4), "the one-day total lies inside the year's")
    }

    @Test("a merger chain on one day: a merged into b and b into c on the same day, c keeps the members of both (r1-chain)")
    func mergerChainOnOneDay() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.communes([("a", 10), ("b", 20), ("c", 30)]) + [
            ["merger", "--from", "a", "--into", "b", "--date", "2021-01-01"],
            ["merger", "--from", "b", "--into", "c", "--date", "2021-01-01"],
        ])
        let figures = try Self.figures(journal, to: "2021-06-30")
        #expect(figures["c"]?["members"] == .integer(60) && figures["huyen"]?["members"] == .integer(60), "\(figures)")
        // check lists where each went: a's members passed on through b, which closed that day, to c.
        let reorganisation = try Self.json(journal, ["check"]).object?["reorganisation"]?.array?.compactMap(\.object) ?? []
        #expect(reorganisation.map { [$0["unit"], $0["receiver"], $0["held"]] }
                == [[.string("a"), .string("c"), .integer(10)], [.string("b"), .string("c"), .integer(20)]], "\(reorganisation)")
    }

    @Test("a unit made by a merger holds what was handed over plus its own flows from the merger day through the date asked (r2-holding-flows)")
    func holdingOfANewMergerTarget() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.communes([("a", 10), ("b", 20)]) + [
            ["merger", "--from", "a,b", "--into", "w", "--name", "Xã W", "--kind", "base-committee", "--parent", "huyen", "--date", "2021-01-01"],
            ["admission", "--unit", "w", "--date", "2021-01-01", "--count", "2"],
            ["admission", "--unit", "w", "--date", "2021-03-01", "--count", "5"],
        ])
        for (date, members) in [("2021-01-01", 32), ("2021-02-28", 32), ("2021-03-01", 37)] {
            let w = try Self.figures(journal, to: date)["w"]
            #expect(w?["members"] == .integer(Int64(members)), "\(date): \(w.map { "\($0)" } ?? "no w")")
        }
    }

    @Test("a cell moved, then merged: its flows count in the receiver's term once, each in the part of the cell's history it fell in (r1-handover-window)")
    func flowsOfAPredecessorThatMovedBeforeItsMerger() throws {
        let journal = ScratchJournal()
        Self.record(journal, Self.twoDistricts + [
            ["unit", "--id", "x", "--name", "Chi bộ X", "--kind", "cell", "--parent", "d1", "--date", "2010-01-01"],
            ["unit", "--id", "y", "--name", "Chi bộ Y", "--kind", "cell", "--parent", "d2", "--date", "2010-01-01"],
            ["admission", "--unit", "x", "--date", "2020-06-01", "--count", "3"],
            ["move", "--unit", "x", "--parent", "d2", "--date", "2021-01-01"],
            ["admission", "--unit", "x", "--date", "2021-06-01", "--count", "4"],
            ["merger", "--from", "x", "--into", "y", "--date", "2022-01-01"],
            ["admission", "--unit", "y", "--date", "2023-03-01", "--count", "1"],
        ])
        // y: 3 + 4 of its predecessor x (under d1, then under d2) + its own 1; the province counts each once.
        // d2 counts x's 4 while x is its child and x's 3 through y's lineage, never the 4 again
        // (the run at 93b170e: with the window widened to the handover, d2 showed 12).
        for (unit, admissions) in [("y", 8), ("d1", 3), ("d2", 8), ("p", 8)] {
            #expect(try Self.termFlows(journal, unit)?["admissions"] == .integer(Int64(admissions)), "\(unit)")
        }
    }

    @Test("departures stated with their reasons: equal, the stated departures stand (reported); the reasons more, their sum (derived) (r3-departures-reasons)")
    func departuresAndTheirReasons() throws {
        let journal = ScratchJournal()
        Self.record(journal, [
            ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
            ["conference", "--unit", "huyen", "--date", "2022-01-05", "--title", "T",
             "--figure", "departures=3@2021-01-01..2021-12-31", "--figure", "deaths=3@2021-01-01..2021-12-31"],
        ])
        func departures() throws -> [JSONValue?] {
            let term = try Self.json(journal, ["term", "--unit", "huyen", "--term", "2020-2025"]).object
            return [term?["flows"]?.object?["departures"], term?["flowProvenance"]?.object?["departures"]]
        }
        #expect(try departures() == [.integer(3), .string("reported")])
        Self.record(journal, [["conference", "--unit", "huyen", "--date", "2023-01-05", "--title", "T",
                               "--figure", "departures=2@2022-01-01..2022-12-31", "--figure", "deaths=3@2022-01-01..2022-12-31"]])
        #expect(try departures() == [.integer(6), .string("derived")], "2022's 3 deaths are more than its 2 departures")
    }

    @Test("a range target met at its upper bound is within it, one more is above (r5-range)")
    func rangeTargetAtItsUpperBound() throws {
        for (admitted, status) in [(60, "within"), (61, "above"), (49, "below")] {
            let journal = ScratchJournal()
            Self.record(journal, [
                ["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2010-01-01"],
                ["conference", "--unit", "huyen", "--date", "2020-01-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025",
                 "--target", "admissions-per-year=10..12"],
                ["admission", "--unit", "huyen", "--date", "2021-03-01", "--count", String(admitted)],
            ])
            // On the term's last day (no congress of 2025 recorded: it ends 2024-12-31) the target is 5 × 10..12 = 50..60.
            let result = journal.run(["term", "--unit", "huyen", "--term", "2020-2025", "--json"],
                                     environment: ["SOCAI_NOW": "2024-12-31T08:00:00Z"])
            let attainment = try JSONParser.parse(result.stdout).object?["targets"]?.object?["admissions-per-year"]?.object
            #expect(attainment?["actual"] == .integer(Int64(admitted)) && attainment?["status"] == .string(status),
                    "\(admitted): \(attainment.map { "\($0)" } ?? "no target")")
        }
    }
}
