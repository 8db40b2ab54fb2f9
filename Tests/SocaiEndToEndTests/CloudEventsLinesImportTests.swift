import Foundation
import SocaiTestSupport
import Testing

/// `socai import --format cloudevents-lines`: another journal's lines taken in with their ids,
/// dates and data, where they came from recorded, idempotent, all or nothing.
@Suite("CloudEvents lines import")
struct CloudEventsLinesImportTests {
    typealias F = FederationFixture

    /// The district's lines from `export` in a file of `into`'s directory.
    static func exported(_ from: ScratchJournal, to into: ScratchJournal, _ name: String = "in.jsonl", _ extra: [String] = []) -> String {
        let result = from.run(["export", "--format", "cloudevents-lines"] + extra)
        #expect(result.status == 0, "\(result)")
        into.directory.write(name, result.stdout)
        return result.stdout
    }

    @Test("the events keep their ids, dates and data; origin attributes say where they were recorded")
    func roundTrip() throws {
        let district = F.district()
        let province = ScratchJournal()
        province.now = "2024-07-01T09:30:00Z"
        _ = Self.exported(district, to: province)
        let count = F.lines(district).count
        let dryRun = province.run(["import", "--format", "cloudevents-lines", "--dry-run", "in.jsonl"])
        #expect(dryRun.stdout == "valid (dry run, nothing written): \(count) new events, 0 already recorded\n", "\(dryRun)")
        #expect(province.journalBytes.isEmpty)
        let result = province.run(["import", "--input-format", "cloudevents-lines", "in.jsonl"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "recorded \(count) events, seq 1–\(count)\n")
        #expect(province.run(["verify"]).status == 0)
        let source = try #require(F.attribute("source", of: F.lines(district)[0]))
        for (original, imported) in zip(F.lines(district), F.lines(province)) {
            let o = try F.object(original), i = try F.object(imported)
            for key in ["id", "type", "subject", "time", "recordedby"] { #expect(i[key] as? String == o[key] as? String, "\(key)") }
            #expect(i["originsource"] as? String == source)
            #expect(i["originseq"] as? Int == o["seq"] as? Int)
            #expect(i["origintime"] as? String == o["recordedtime"] as? String)
            #expect(i["recordedtime"] as? String == "2024-07-01T09:30:00.000Z")
            #expect(i["source"] as? String != source)
            if (o["type"] as? String)?.contains("correction") != true {
                #expect(NSDictionary(dictionary: i["data"] as! [String: Any]) == NSDictionary(dictionary: o["data"] as! [String: Any]))
            }
        }
        #expect(F.answers(province) == F.answers(district))
        #expect(F.answers(province, ["--unit", "sop-cop"]).contains("\"members\": 1223"), "1200 + 26 − 3, the correction applied")
        let term = ["term", "--unit", "sop-cop", "--term", "2020-2025", "--json", "--today", "2021-12-31"]
        let districtTerm = district.run(term)
        #expect(districtTerm.status == 0 && districtTerm.stdout.contains("\"admissions\": 26"), "\(districtTerm)")
        #expect(province.run(term).stdout == districtTerm.stdout)
    }

    @Test("a correction names the seq its target has in this journal")
    func correctionsPointAtThisJournalsSeqs() throws {
        let district = F.district()
        let province = ScratchJournal()
        #expect(province.recordUnit().status == 0)  // the province's seqs are one ahead of the district's
        _ = Self.exported(district, to: province)
        #expect(province.run(["import", "--format", "cloudevents-lines", "in.jsonl"]).status == 0)
        let lines = F.lines(province)
        let correction = try F.object(try #require(lines.last))
        let data = try #require(correction["data"] as? [String: Any])
        let target = try #require(lines.first { F.attribute("id", of: $0) == data["event"] as? String })
        #expect(data["eventseq"] as? Int == (try F.object(target))["seq"] as? Int)
        #expect(data["eventseq"] as? Int == 9)  // 8 in the district
        #expect(province.run(["audit", "--unit", "muong-lan", "--figure", "admissions", "--json"]).stdout.contains("\"delta\": 26"))

        // Without the event it corrects, the correction cannot be placed: refused, named.
        let other = ScratchJournal()
        _ = Self.exported(district, to: other, "tail.jsonl", ["--from-seq", String(lines.count - 1)])
        let refused = other.run(["import", "--format", "cloudevents-lines", "tail.jsonl"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("line 1: corrects event"), "\(refused)")
        #expect(other.journalBytes.isEmpty)
    }

    @Test("importing again, or an overlapping stream, records nothing twice")
    func idempotent() {
        let district = F.district()
        let province = ScratchJournal()
        _ = Self.exported(district, to: province, "first.jsonl", ["--unit", "sop-cop"])
        #expect(province.run(["import", "--format", "cloudevents-lines", "first.jsonl"]).status == 0)
        let after = province.journalBytes
        let again = province.run(["import", "--format", "cloudevents-lines", "first.jsonl"])
        #expect(again.status == 0)
        #expect(again.stdout == "nothing new (nothing written)\n6 events already recorded (skipped)\n")
        #expect(province.journalBytes == after)
        // The whole stream: the 6 already here are skipped, the rest recorded, once each.
        let all = Self.exported(district, to: province, "all.jsonl")
        let doubled = all + all  // a broker delivering everything twice
        let result = province.run(["import", "--format", "cloudevents-lines", "-"], stdin: doubled)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "recorded 5 events, seq 7–11\n6 events already recorded (skipped)\n")
        #expect(F.answers(province) == F.answers(district))
    }

    @Test("an id already here with another event is a conflict: 75, every such line named, nothing written")
    func conflictingIDs() {
        let district = F.district()
        let province = ScratchJournal()
        let stored = F.lines(district)
        let id = F.attribute("id", of: stored[0])!
        #expect(province.run(["record", "unit", "--id", "other", "--name", "Khác", "--kind", "province", "--date", "2015-01-01",
                              "--event-id", id]).status == 0)
        let before = province.journalBytes
        _ = Self.exported(district, to: province)
        let result = province.run(["import", "--format", "cloudevents-lines", "in.jsonl"])
        #expect(result.status == 75)
        #expect(result.stderr.contains("line 1: event id \(id) is already used here by a different event (seq 1)"), "\(result)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(province.journalBytes == before)
    }

    @Test("every bad line is named and nothing is written")
    func badLines() {
        let district = F.district()
        let province = ScratchJournal()
        var lines = F.lines(district)
        lines[1] = lines[1].replacingOccurrences(of: "Huyện ủy", with: "Huyện uỷ")  // changed, chain hash kept
        lines[3] = "{\"not\": \"an event\"}"
        lines[5] = lines[5].replacingOccurrences(of: "\"recordedby\"", with: "\"extra\":1,\"recordedby\"")
        lines.append(lines.remove(at: 8))  // seq 9 after seq 11: out of order
        province.directory.write("bad.jsonl", lines.joined(separator: "\n") + "\n")
        let result = province.run(["import", "--format", "cloudevents-lines", "bad.jsonl"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("line 2: the chain hash of seq 2"), "\(result)")
        #expect(result.stderr.contains("line 4: not a socai journal line"))
        #expect(result.stderr.contains("line 6: not a socai journal line: unknown attribute 'extra'"))
        #expect(result.stderr.contains("line 11: seq 9 of urn:socai:journal:"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(province.journalBytes.isEmpty)
        #expect(province.run(["import", "--format", "cloudevents-lines", "-"], stdin: "\n").status == 64)
    }

    @Test("a line naming this journal as its source must be one it holds; an event forwarded twice keeps its first origin")
    func ownLinesAndForwarding() throws {
        let district = F.district()
        let province = ScratchJournal(initialise: false)
        #expect(province.run(["init", "--journal-id", "0190c8a0-0000-7000-8000-0000000000f1"]).status == 0)
        _ = Self.exported(district, to: province)
        #expect(province.run(["import", "--format", "cloudevents-lines", "in.jsonl"]).status == 0)

        // The province's own lines come back: all already recorded.
        _ = Self.exported(province, to: province, "own.jsonl")
        #expect(province.run(["import", "--format", "cloudevents-lines", "own.jsonl"]).stdout.contains("11 events already recorded"))

        // The centre takes the province's lines: the district stays the origin.
        let centre = ScratchJournal()
        _ = Self.exported(province, to: centre)
        #expect(centre.run(["import", "--format", "cloudevents-lines", "in.jsonl"]).status == 0)
        let first = try F.object(F.lines(centre)[0])
        #expect(first["originsource"] as? String == F.attribute("source", of: F.lines(district)[0]))
        #expect(first["originseq"] as? Int == 1)
        #expect(F.answers(centre) == F.answers(district))

        // A copy of the province that went its own way: its new lines claim to be the province's.
        let copy = TemporaryDirectory()
        let copied = ExternalTool.run("/bin/cp", ["-R", province.journalPath, copy.file("Journal")])
        #expect(copied.status == 0)
        #expect(SocaiProcess.run(["record", "admission", "--unit", "xa-a", "--date", "2021-06-01", "--count", "1"], in: copy.path).status == 0)
        let fork = SocaiProcess.run(["export", "--format", "cloudevents-lines", "--from-seq", "12"], in: copy.path)
        province.directory.write("fork.jsonl", fork.stdout)
        let refused = province.run(["import", "--format", "cloudevents-lines", "fork.jsonl"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("line 1: names this journal as where it was recorded"), "\(refused)")
    }
}
