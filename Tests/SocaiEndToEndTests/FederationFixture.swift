import Foundation
import SocaiTestSupport
import Testing

/// Journals of committees for the federation tests: a district journal with units, reports,
/// flows and a correction, and helpers to compare what journals answer.
enum FederationFixture {
    /// A province journal holding two districts' units and facts.
    static func district(segmentBytes: Int? = nil, journalID: String = "0190c8a0-0000-7000-8000-0000000000d1") -> ScratchJournal {
        let j = ScratchJournal(initialise: false)
        var initArguments = ["init", "--journal-id", journalID]
        if let segmentBytes { initArguments += ["--segment-bytes", String(segmentBytes)] }
        #expect(j.run(initArguments).status == 0)
        for arguments in [
            ["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
            ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la", "--date", "2015-01-01"],
            ["unit", "--id", "muong-lan", "--name", "Đảng ủy xã Mường Lạn", "--kind", "base-committee", "--parent", "sop-cop",
             "--date", "2015-01-01"],
            ["unit", "--id", "muong-la", "--name", "Huyện ủy Mường La", "--kind", "district", "--parent", "son-la", "--date", "2015-01-01"],
            ["unit", "--id", "xa-a", "--name", "Đảng ủy xã A", "--kind", "base-committee", "--parent", "muong-la", "--date", "2015-01-01"],
            ["conference", "--unit", "sop-cop", "--date", "2020-12-31", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025",
             "--figure", "members=1200", "--target", "admissions=400", "--source", "Nghị quyết \"Đại hội\""],
            ["conference", "--unit", "muong-la", "--date", "2020-12-31", "--title", "Đại hội", "--figure", "members=800"],
            ["admission", "--unit", "muong-lan", "--date", "2021-03-01", "--count", "25"],
            ["admission", "--unit", "xa-a", "--date", "2021-03-01", "--count", "4"],
            ["departure", "--unit", "sop-cop", "--date", "2021-04-01", "--count", "3", "--reason", "death"],
        ] {
            let result = j.run(["record"] + arguments)
            #expect(result.status == 0, "\(result)")
        }
        let admission = lines(j).first { $0.contains("\"subject\":\"muong-lan\"") && $0.contains("admission") }!
        let id = attribute("id", of: admission)!
        #expect(j.run(["record", "correction", "--event", id, "--set", "count=26", "--reason", "misread"]).status == 0)
        return j
    }

    /// The bytes of the journal's segments, in order (no quarantine files, no seals).
    static func segmentBytes(_ j: ScratchJournal) -> [UInt8] {
        j.segmentNames.flatMap { j.journalFileBytes($0) }
    }

    /// The journal's lines, in order, as stored (without their `\n`).
    static func lines(_ j: ScratchJournal) -> [String] {
        String(decoding: segmentBytes(j), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A string attribute of a stored line (its first occurrence).
    static func attribute(_ name: String, of line: String) -> String? {
        guard let range = line.range(of: "\"\(name)\":\"") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A line parsed.
    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// What a journal answers about the units at a date, without the seq it read to (each journal
    /// numbers its own lines).
    static func answers(_ j: ScratchJournal, _ extra: [String] = []) -> String {
        let result = j.run(["replay", "--json", "--to", "2021-12-31"] + extra)
        #expect(result.status == 0, "\(result)")
        return result.stdout.split(separator: "\n").filter { !$0.contains("\"throughSeq\"") }.joined(separator: "\n")
    }

    /// Waits (up to `seconds`) until `condition` holds.
    static func waitUntil(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}
