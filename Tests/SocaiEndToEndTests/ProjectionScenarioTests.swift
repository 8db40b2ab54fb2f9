import Foundation
import SocaiTestSupport
import Testing

/// Issues "Projections" and "Audit": scenarios built with `socai record`, answered by `replay`,
/// `term`, `audit` and `check` as a user would run them.
@Suite("Projection and audit scenarios")
struct ProjectionScenarioTests {
    /// A journal and a `record` that must succeed, recorded at `now` (RFC 3339).
    final class Scenario: @unchecked Sendable {
        let journal = ScratchJournal()

        func record(_ arguments: [String], at now: String = "2024-06-01T08:00:00Z", sourceLocation: SourceLocation = #_sourceLocation) {
            let result = journal.run(["record"] + arguments, environment: ["SOCAI_NOW": now])
            #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        }

        func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
            let result = journal.run(arguments + ["--json"])
            #expect(result.status == 0 || result.status == 1, "\(arguments): \(result)", sourceLocation: sourceLocation)
            return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        }

        func unit(_ id: String, _ replay: [String: Any]) -> [String: Any]? {
            (replay["units"] as? [[String: Any]])?.first { $0["id"] as? String == id }
        }

        func figure(_ id: String, _ key: String, _ arguments: [String]) -> Int? {
            ((unit(id, json(["replay"] + arguments))?["figures"] as? [String: Any])?[key] as? NSNumber)?.intValue
        }
    }

    static func tree() -> Scenario {
        let s = Scenario()
        s.record(["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2020-01-01"])
        for (commune, cell) in [("xa-a", "cb-a"), ("xa-b", "cb-b")] {
            s.record(["unit", "--id", commune, "--name", "Đảng ủy \(commune)", "--kind", "base-committee", "--parent", "huyen", "--date", "2020-01-01"])
            s.record(["unit", "--id", cell, "--name", "Chi bộ \(cell)", "--kind", "cell", "--parent", commune, "--date", "2020-01-01"])
        }
        s.record(["conference", "--unit", "cb-a", "--date", "2021-01-01", "--title", "Báo cáo", "--figure", "members=30"])
        s.record(["conference", "--unit", "cb-b", "--date", "2021-01-01", "--title", "Báo cáo", "--figure", "members=20"])
        return s
    }

    @Test func asOfBeforeAndAfterAMerger() {
        let s = Self.tree()
        s.record(["admission", "--unit", "cb-a", "--date", "2022-03-01", "--count", "5"])
        s.record(["merger", "--from", "cb-a", "--into", "cb-b", "--date", "2022-05-01"])
        #expect(s.figure("cb-b", "members", ["--to", "2022-04-30"]) == 20)
        #expect(s.figure("xa-a", "members", ["--to", "2022-04-30"]) == 35, "rolled up from its cell")
        #expect(s.figure("cb-b", "members", ["--to", "2022-05-01"]) == 55, "the merged cell's 35 members moved with it")
        #expect(s.figure("xa-a", "members", ["--to", "2022-05-01"]) == nil)
        #expect(s.figure("huyen", "members", ["--to", "2022-05-01"]) == 55)
        let closed = s.unit("cb-a", s.json(["replay", "--to", "2022-06-01", "--unit", "cb-a"]))
        #expect(closed?["status"] as? String == "merged" && closed?["mergedInto"] as? String == "cb-b")
        #expect((closed?["figures"] as? [String: Any])?.isEmpty == true)
        // The successor's term includes its predecessor's admissions.
        let term = s.json(["term", "--unit", "cb-b", "--term", "2020-2025"])
        #expect(((term["flows"] as? [String: Any])?["admissions"] as? NSNumber)?.intValue == 5)
        // The successor's audit shows the members arriving with the merger.
        let audit = s.json(["audit", "--unit", "cb-b", "--figure", "members", "--to", "2022-12-31"])
        let entries = audit["entries"] as? [[String: Any]] ?? []
        #expect(entries.map { ($0["value"] as? NSNumber)?.intValue } == [20, 55])
        #expect((audit["predecessors"] as? [[String: Any]])?.first?["unit"] as? String == "cb-a")
    }

    @Test func knownAtBeforeAndAfterACorrection() {
        let s = Self.tree()
        s.record(["admission", "--unit", "cb-a", "--date", "2021-03-01", "--count", "25", "--event-id", "01a2c000-0000-7000-8000-0000000000aa"],
                 at: "2024-06-01T08:00:00Z")
        s.record(["correction", "--event", "01a2c000-0000-7000-8000-0000000000aa", "--set", "count=20", "--reason", "typo"],
                 at: "2024-06-10T08:00:00Z")
        #expect(s.figure("cb-a", "members", ["--to", "2021-12-31", "--known-at", "2024-06-05"]) == 55)
        #expect(s.figure("cb-a", "members", ["--to", "2021-12-31", "--known-at", "2024-06-10T09:00:00+07:00"]) == 55,
                "09:00 in Vietnam is 02:00 UTC, before the correction")
        #expect(s.figure("cb-a", "members", ["--to", "2021-12-31", "--known-at", "2024-06-10T08:00:00Z"]) == 50)
        #expect(s.figure("cb-a", "members", ["--to", "2021-12-31"]) == 50)
        let before = s.json(["audit", "--unit", "cb-a", "--figure", "members", "--to", "2021-12-31", "--known-at", "2024-06-05"])
        let after = s.json(["audit", "--unit", "cb-a", "--figure", "members", "--to", "2021-12-31"])
        let old = (before["entries"] as? [[String: Any]])?.last
        let new = (after["entries"] as? [[String: Any]])?.last
        #expect((old?["delta"] as? NSNumber)?.intValue == 25 && old?["corrected"] as? Bool == false)
        #expect((new?["delta"] as? NSNumber)?.intValue == 20 && new?["corrected"] as? Bool == true)
        #expect(((new?["corrections"] as? [[String: Any]])?.first?["reason"] as? String) == "typo")
    }

    @Test func rollUpWithAndWithoutAParentReport() {
        let s = Self.tree()
        let rolled = s.unit("huyen", s.json(["replay", "--to", "2021-06-30"]))
        #expect(((rolled?["figures"] as? [String: Any])?["members"] as? NSNumber)?.intValue == 50)
        #expect((rolled?["provenance"] as? [String: Any])?["members"] as? String == "rolled-up")
        s.record(["conference", "--unit", "huyen", "--date", "2021-06-30", "--title", "Sơ kết", "--figure", "members=52"])
        let own = s.unit("huyen", s.json(["replay", "--to", "2021-06-30"]))
        #expect(((own?["figures"] as? [String: Any])?["members"] as? NSNumber)?.intValue == 52)
        #expect((own?["provenance"] as? [String: Any])?["members"] as? String == "reported")
        let findings = s.json(["check"])["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["kind"] as? String == "roll-up" && $0["stated"] as? String == "52" && $0["derived"] as? String == "50" })
    }

    @Test func termWithCongressDatesAndByDefault() {
        let s = Self.tree()
        s.record(["admission", "--unit", "cb-a", "--date", "2020-03-01", "--count", "10"])
        s.record(["admission", "--unit", "cb-b", "--date", "2023-03-01", "--count", "459"])
        var term = s.json(["term", "--unit", "huyen", "--term", "2020-2025"])
        #expect(term["from"] as? String == "2020-01-01" && term["boundary"] as? String == "calendar")
        #expect(((term["flows"] as? [String: Any])?["admissions"] as? NSNumber)?.intValue == 469)
        s.record(["conference", "--unit", "huyen", "--date", "2020-07-15", "--title", "Đại hội", "--kind", "congress",
                  "--term", "2020-2025", "--target", "admissions=400"])
        term = s.json(["term", "--unit", "huyen", "--term", "2020-2025"])
        #expect(term["from"] as? String == "2020-07-15" && term["boundary"] as? String == "congress")
        #expect(((term["flows"] as? [String: Any])?["admissions"] as? NSNumber)?.intValue == 459, "March 2020 is before the congress")
        let cell = s.json(["term", "--unit", "cb-b", "--term", "2020-2025"])
        #expect(cell["boundary"] as? String == "ancestor-congress")
        let previous = s.json(["term", "--unit", "huyen", "--term", "2015-2020"])
        #expect(previous["to"] as? String == "2020-07-14")
        let target = (term["targets"] as? [String: Any])?["admissions"] as? [String: Any]
        #expect((target?["actual"] as? NSNumber)?.intValue == 459)
        #expect((target?["percent"] as? NSNumber)?.doubleValue == 114.75)
    }

    @Test func attainmentAndReductionRatesAsTheSeedsComputeThem() {
        let s = Self.tree()
        s.record(["conference", "--unit", "huyen", "--date", "2024-01-23", "--as-of", "2023-12-31", "--title", "Đánh giá", "--term", "2020-2025",
                  "--figure", "admissions=469", "--target", "admissions=400", "--printed", "admissions-attainment=117,3",
                  "--figure", "villages-without-members=95@2020-05-23", "--figure", "villages-without-members=8",
                  "--printed", "villages-without-members-reduction=91,57", "--printed", "villages-without-members-reduction-per-year=30,52"])
        let term = s.json(["term", "--unit", "huyen", "--term", "2020-2025"])
        let target = (term["targets"] as? [String: Any])?["admissions"] as? [String: Any]
        #expect((target?["percent"] as? NSNumber)?.doubleValue == 117.25)
        let findings = s.json(["check", "--notes"])["findings"] as? [[String: Any]] ?? []
        func message(_ figure: String) -> String {
            findings.first { $0["figure"] as? String == figure && $0["kind"] as? String == "printed-percent" }?["message"] as? String ?? ""
        }
        #expect(message("admissions-attainment").contains("117.25%, rounded"))
        #expect(message("villages-without-members-reduction").contains("truncated (rounding gives 91.58%)"))
        #expect(message("villages-without-members-reduction-per-year").contains("91.57/3"))
    }

    @Test func auditExplainsAnUnexplainedRemainderWithoutInventingFlows() {
        let s = Scenario()
        s.record(["unit", "--id", "h", "--name", "Huyện H", "--kind", "district", "--date", "2020-01-01"])
        s.record(["unit", "--id", "c", "--name", "Chi bộ C", "--kind", "cell", "--parent", "h", "--date", "2020-01-01"])
        s.record(["conference", "--unit", "h", "--date", "2021-01-10", "--title", "Báo cáo", "--figure", "members=1200"])
        s.record(["admission", "--unit", "c", "--date", "2021-03-01", "--count", "25"])
        s.record(["departure", "--unit", "h", "--date", "2021-04-01", "--count", "3", "--reason", "death"])
        s.record(["conference", "--unit", "h", "--date", "2021-12-31", "--title", "Tổng kết", "--figure", "members=1260"])
        let audit = s.json(["audit", "--unit", "h", "--figure", "members", "--to", "2021-12-31"])
        let entries = audit["entries"] as? [[String: Any]] ?? []
        #expect(entries.map { ($0["value"] as? NSNumber)?.intValue } == [1200, 1225, 1222, 1260])
        #expect((entries.last?["unexplained"] as? NSNumber)?.intValue == 38)
        #expect(entries.count == 4, "no invented flow for the 38")
        let text = s.journal.run(["audit", "--unit", "h", "--figure", "members", "--to", "2021-12-31"]).stdout
        #expect(text.contains("1,200 + 25 admitted − 3 left = 1,222 derived; reported 1,260: +38 unexplained"))
        let check = s.journal.run(["check"])
        #expect(check.status == 0, "an unexplained remainder is a warning")
        #expect(s.journal.run(["check", "--strict"]).status == 1)
    }
}
