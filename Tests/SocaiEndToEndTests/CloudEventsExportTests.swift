import Foundation
import SocaiTestSupport
import Testing

/// `socai export --format cloudevents`: the journal's stored events, byte for byte, as one JSON
/// array (application/cloudevents-batch+json).
@Suite("CloudEvents export")
struct CloudEventsExportTests {
    static func journal() -> ScratchJournal {
        let j = ScratchJournal()
        for arguments in [["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
                          ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la",
                           "--date", "2015-01-01"],
                          ["admission", "--unit", "sop-cop", "--date", "2021-03-01", "--count", "25", "--source", "Báo cáo \"quý I\", 2021"]] {
            #expect(j.run(["record"] + arguments).status == 0)
        }
        return j
    }

    /// The journal's lines, in order, as stored.
    static func storedLines(_ j: ScratchJournal) -> [String] {
        String(decoding: j.journalBytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func theBatchIsTheStoredLinesExactly() throws {
        let j = Self.journal()
        let result = j.run(["export", "--format", "cloudevents"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "[\n" + Self.storedLines(j).joined(separator: ",\n") + "\n]\n")
        let events = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(events?.count == 3)
        #expect(events?.allSatisfy { $0["specversion"] as? String == "1.0" } == true)
        #expect(events?.last?["type"] as? String == "vn.socai.admission.v1")
        #expect((events?.last?["data"] as? [String: Any])?["count"] as? Int == 25)
    }

    @Test func toAFileAndForOneUnit() throws {
        let j = Self.journal()
        let result = j.run(["export", "--out", "events.json", "--unit", "Sốp Cộp"])  // .json picks cloudevents
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "wrote events.json: 2 events (application/cloudevents-batch+json)\n")
        let lines = Self.storedLines(j)
        #expect(j.directory.read("events.json") == "[\n" + lines[1] + ",\n" + lines[2] + "\n]\n")
    }

    @Test func anEmptyJournalIsAnEmptyBatch() {
        let j = ScratchJournal()
        let result = j.run(["export", "--format", "cloudevents"])
        #expect(result.status == 0)
        #expect(result.stdout == "[]\n")
    }

    @Test func exportNeedsAFormatItCanWrite() {
        let j = Self.journal()
        let none = j.run(["export"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("--format html"))
        let csv = j.run(["export", "--format", "csv"])
        #expect(csv.status == 64)
        #expect(csv.stderr.contains("export does not write --format csv"))
        let elsewhere = j.run(["replay", "--format", "html"])
        #expect(elsewhere.status == 64)
        #expect(elsewhere.stderr.contains("--format html is written by export"))
        let empty = TemporaryDirectory()
        let noJournal = SocaiProcess.run(["export", "--format", "cloudevents"], in: empty.path)
        #expect(noJournal.status == 66)
    }
}
