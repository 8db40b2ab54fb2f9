import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// A province's journal and two districts' journals read as one (issue 19, docs/FEDERATION.md):
/// the districts hang under the province's unit (`init --reports-to`), figures roll up across
/// journals, a report forwarded upward counts once, and what the journals disagree on (two
/// reports of one figure, an event about another journal's unit) is a `check` error naming both.
@Suite("Several journals read as one")
struct JournalUnionTests {
    /// Three committees' journals side by side in one directory, each recorded at its own times
    /// (the union orders by recorded time).
    final class Committees: @unchecked Sendable {
        let directory = TemporaryDirectory()
        static let union = ["--journal", "tinh", "--journal", "sop-cop", "--journal", "muong-la"]

        @discardableResult
        func run(_ arguments: [String], at now: String = SocaiProcess.fixedNow, environment: [String: String] = [:],
                 stdin: String? = nil) -> SocaiResult {
            SocaiProcess.run(arguments, in: directory.path, environment: environment, stdin: stdin, now: now)
        }

        func record(_ journal: String, at now: String, _ records: [[String]], sourceLocation: SourceLocation = #_sourceLocation) {
            for arguments in records {
                let result = run(["--journal", journal, "record"] + arguments, at: now)
                #expect(result.status == 0, "\(journal): record \(arguments): \(result)", sourceLocation: sourceLocation)
            }
        }

        /// One journal's lines, from `fromSeq`, taken into another (`export`/`import --format cloudevents-lines`).
        func forward(from: String, to: String, fromSeq: Int, unit: String? = nil, at now: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
            let lines = run(["--journal", from, "export", "--format", "cloudevents-lines", "--from-seq", String(fromSeq)]
                            + (unit.map { ["--unit", $0] } ?? []), at: now)
            #expect(lines.status == 0, "\(lines)", sourceLocation: sourceLocation)
            let imported = run(["--journal", to, "import", "--format", "cloudevents-lines", "-"], at: now, stdin: lines.stdout)
            #expect(imported.status == 0, "\(imported)", sourceLocation: sourceLocation)
        }

        /// Members of each unit at the end of 2021, as the union (or one journal) answers.
        func members(_ journals: [String] = Committees.union, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Int64] {
            let result = run(journals + ["replay", "--json", "--to", "2021-12-31"])
            #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
            let units = try #require(try JSONParser.parse(result.stdout).object?["units"]?.array, sourceLocation: sourceLocation)
            var members: [String: Int64] = [:]
            for unit in units {
                let id = try #require(unit.object?["id"]?.string, sourceLocation: sourceLocation)
                #expect(members[id] == nil, "\(id) listed twice", sourceLocation: sourceLocation)
                members[id] = unit.object?["figures"]?.object?["members"]?.integer ?? -1
            }
            return members
        }

        /// The union's `check --json` findings as (kind, unit, journal, message).
        func findings(sourceLocation: SourceLocation = #_sourceLocation) throws -> (status: Int32, [(kind: String, unit: String, journal: String?, message: String)]) {
            let result = run(Committees.union + ["check", "--json"])
            let findings = try #require(try JSONParser.parse(result.stdout).object?["findings"]?.array, "\(result)", sourceLocation: sourceLocation)
            return (result.status, findings.map { f in
                (f.object?["kind"]?.string ?? "?", f.object?["unit"]?.string ?? "?", f.object?["journal"]?.string, f.object?["message"]?.string ?? "?")
            })
        }
    }

    /// The province (tinh) registered its districts before they kept journals; each district now
    /// keeps its own, reporting to son-la, and registers itself again as the province has it.
    static func committees() -> Committees {
        let c = Committees()
        #expect(c.run(["--journal", "tinh", "init"], at: "2024-06-01T08:00:00Z").status == 0)
        c.record("tinh", at: "2024-06-01T08:00:00Z", [
            ["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
            ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la", "--date", "2015-01-01"],
        ])
        let initialised = c.run(["--journal", "sop-cop", "init", "--reports-to", "son-la"], at: "2024-06-01T09:00:00Z")
        #expect(initialised.status == 0 && initialised.stdout.contains("it reports to son-la"), "\(initialised)")
        c.record("sop-cop", at: "2024-06-01T09:00:00Z", [
            ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la", "--date", "2015-01-01"],
            ["unit", "--id", "muong-lan", "--name", "Đảng ủy xã Mường Lạn", "--kind", "base-committee", "--parent", "sop-cop",
             "--date", "2015-01-01"],
            ["conference", "--unit", "sop-cop", "--date", "2020-12-31", "--title", "Đại hội", "--figure", "members=1200"],
            ["admission", "--unit", "muong-lan", "--date", "2021-03-01", "--count", "25"],
        ])
        #expect(c.run(["--journal", "muong-la", "init", "--reports-to", "son-la"], at: "2024-06-01T10:00:00Z").status == 0)
        c.record("muong-la", at: "2024-06-01T10:00:00Z", [
            ["unit", "--id", "muong-la", "--name", "Huyện ủy Mường La", "--kind", "district", "--parent", "son-la", "--date", "2015-01-01"],
            ["unit", "--id", "xa-a", "--name", "Đảng ủy xã A", "--kind", "base-committee", "--parent", "muong-la", "--date", "2015-01-01"],
            ["conference", "--unit", "muong-la", "--date", "2020-12-31", "--title", "Đại hội", "--figure", "members=800"],
            ["admission", "--unit", "xa-a", "--date", "2021-03-01", "--count", "4"],
        ])
        // Sốp Cộp's new cell, report and admission forwarded to the province (a broker or a file carried them).
        c.forward(from: "sop-cop", to: "tinh", fromSeq: 2, unit: "sop-cop", at: "2024-06-01T11:00:00Z")
        return c
    }

    @Test func theDistrictsRollUpUnderTheProvinceAndAForwardedReportCountsOnce() throws {
        let c = Self.committees()
        // Each journal alone is whole: verified, checked, its tree answered (the district's root
        // names son-la, which it does not hold).
        for journal in ["tinh", "sop-cop", "muong-la"] {
            #expect(c.run(["--journal", journal, "verify"]).status == 0)
            let check = c.run(["--journal", journal, "check"])
            #expect(check.status == 0, "\(journal): \(check)")
        }
        #expect(try c.members(["--journal", "muong-la"]) == ["muong-la": 804, "xa-a": -1])
        // The province alone holds the forwarded copies: Sốp Cộp's figures, not Mường La's.
        #expect(try c.members(["--journal", "tinh"]) == ["son-la": 1225, "sop-cop": 1225, "muong-lan": -1])

        // Read as one: one tree, each district under son-la, the forwarded admission counted once
        // (twice would give sop-cop 1250), and sop-cop registered in two journals is one unit.
        let members = try c.members()
        #expect(members == ["son-la": 2029, "sop-cop": 1225, "muong-lan": -1, "muong-la": 804, "xa-a": -1], "\(members)")
        let (status, findings) = try c.findings()
        #expect(status == 0 && findings.isEmpty, "\(findings)")

        // $SOCAI_JOURNAL lists the same journals, separated by ':'.
        let listed = c.run(["replay", "--json", "--to", "2021-12-31"], environment: ["SOCAI_JOURNAL": "tinh:sop-cop:muong-la"])
        #expect(listed.status == 0 && listed.stdout == c.run(Committees.union + ["replay", "--json", "--to", "2021-12-31"]).stdout)

        // `log` lists each event once, with the journal it came from: the forwarded admission is
        // the district's (recorded there first), not the province's copy.
        let log = c.run(Committees.union + ["log", "--json"])
        #expect(log.status == 0, "\(log)")
        let events = try #require(try JSONParser.parse(log.stdout).object?["events"]?.array)
        #expect(events.count == 2 + 3 + 4, "tinh's 2 units, Sốp Cộp's 3 events besides its registration, Mường La's 4")
        let origins = events.map { "\($0.object?["journal"]?.string ?? "?"):\($0.object?["seq"]?.integer ?? 0)" }
        #expect(origins == ["tinh:1", "tinh:2", "sop-cop:2", "sop-cop:3", "sop-cop:4", "muong-la:1", "muong-la:2", "muong-la:3", "muong-la:4"],
                "sop-cop:1 registers sop-cop as tinh:2 does; tinh:3…5 are the forwarded copies")
        #expect(events.map { $0.object?["unionseq"]?.integer ?? 0 } == Array(1...Int64(events.count)))
        let admission = events.filter { $0.object?["type"]?.string == "vn.socai.admission.v1" && $0.object?["subject"]?.string == "muong-lan" }
        #expect(admission.count == 1 && admission.first?.object?["journal"]?.string == "sop-cop", "\(admission)")

        // `audit` names the journal and seq of each event beside the union's seq.
        let audit = c.run(Committees.union + ["audit", "--unit", "sop-cop", "--figure", "members", "--to", "2021-12-31", "--json"])
        #expect(audit.status == 0, "\(audit)")
        let entries = try #require(try JSONParser.parse(audit.stdout).object?["entries"]?.array)
        #expect(entries.map { "\($0.object?["journal"]?.string ?? "?"):\($0.object?["journalSeq"]?.integer ?? 0)" } == ["sop-cop:3", "sop-cop:4"])

        // `record` writes to the first journal given, and says so.
        let recorded = c.run(["--journal", "muong-la", "--journal", "tinh", "record", "departure", "--unit", "xa-a",
                              "--date", "2021-06-01", "--count", "1", "--reason", "death"], at: "2024-06-01T12:00:00Z")
        #expect(recorded.status == 0 && recorded.stderr.contains("recording in muong-la, the first of the 2 journals given"), "\(recorded)")
        let verified = try JSONParser.parse(c.run(["--journal", "muong-la", "verify", "--json"]).stdout)
        #expect(verified.object?["events"]?.integer == 5)
        #expect(try JSONParser.parse(c.run(["--journal", "tinh", "verify", "--json"]).stdout).object?["events"]?.integer == 5)
        #expect(try c.members()["son-la"] == 2028)
    }

    @Test func aConflictingReportAndAnEventOutsideItsSubtreeAreFoundNamingBothJournals() throws {
        let c = Self.committees()
        // The province also typed Sốp Cộp's congress report from paper, with another figure.
        c.record("tinh", at: "2024-06-01T13:00:00Z", [
            ["conference", "--unit", "sop-cop", "--date", "2020-12-31", "--title", "Báo cáo Đại hội (bản giấy)", "--figure", "members=1210"],
        ])
        // Mường La took Sốp Cộp's admission by mistake (an import of the wrong stream).
        c.forward(from: "sop-cop", to: "muong-la", fromSeq: 4, at: "2024-06-01T14:00:00Z")
        // Each journal alone still validates…
        for journal in ["tinh", "sop-cop"] { #expect(c.run(["--journal", journal, "check"]).status == 0, "\(journal)") }
        // …read as one, they disagree, and check says where.
        let (status, findings) = try c.findings()
        #expect(status == 1)
        let errors = findings.filter { $0.kind == "union-conflict" || $0.kind == "outside-subtree" }
        #expect(errors.count == 2, "\(findings)")
        let conflict = try #require(errors.first { $0.kind == "union-conflict" })
        #expect(conflict.unit == "sop-cop" && conflict.journal == "tinh", "\(conflict)")
        #expect(conflict.message == "members of sop-cop on 2020-12-31: 1200 in sop-cop (sop-cop:3), 1210 in tinh (tinh:6); correct the one that is wrong",
                "\(conflict.message)")
        let outside = try #require(errors.first { $0.kind == "outside-subtree" })
        #expect(outside.unit == "muong-lan" && outside.journal == "muong-la", "\(outside)")
        #expect(outside.message.hasPrefix("muong-la holds events about muong-lan (the first: muong-la:5), which is outside muong-la's subtree")
                && outside.message.contains("it is registered in tinh, sop-cop;"), "\(outside.message)")
        // The admission Mường La holds by mistake is the district's event: still counted once.
        #expect(try c.members()["sop-cop"] == 1225 + 10, "the later report (1210) plus 25 admitted after it")

        // In Vietnamese, both journals are named too.
        let vi = c.run(Committees.union + ["check"], environment: ["SOCAI_LANG": "vi"])
        #expect(vi.status == 1)
        #expect(vi.stdout.contains("1200 ở sổ sop-cop (sop-cop:3), 1210 ở sổ tinh (tinh:6)"), "\(vi.stdout)")
        #expect(vi.stdout.contains("sổ muong-la có sự kiện về muong-lan"), "\(vi.stdout)")

        // The printed report of the union lists the same findings as `check`.
        let html = c.run(Committees.union + ["export", "--format", "html", "--unit", "tinh", "--to", "2024-12-31"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("union-conflict") && html.stdout.contains("outside-subtree"), "the union's findings in the HTML report")
    }

    @Test func aDamagedMemberStopsEveryReaderNamingItsJournal() throws {
        let c = Self.committees()
        let segment = c.directory.file("muong-la/segment-00000001.jsonl")
        let text = try String(contentsOfFile: segment, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"count\":4", with: "\"count\":40").utf8).write(to: URL(fileURLWithPath: segment))
        let verify = c.run(Committees.union + ["verify"])
        #expect(verify.status == 1 && verify.stdout.contains("muong-la/segment-00000001.jsonl:4"), "\(verify)")
        for arguments in [["replay", "--to", "2021-12-31"], ["check"], ["log"], ["audit", "--unit", "son-la", "--figure", "members"]] {
            let result = c.run(Committees.union + arguments)
            #expect(result.status == 65, "\(arguments): \(result)")
            #expect(result.stderr.contains("muong-la/segment-00000001.jsonl:4"), "\(arguments): \(result)")
        }
    }

    @Test func aWriterOfOneJournalRefusesAUnion() {
        let c = Self.committees()
        for arguments in [["init"], ["snapshot"], ["export", "--format", "cloudevents-lines"]] {
            let result = c.run(Committees.union + arguments)
            #expect(result.status == 64 && result.stderr.contains("works on one journal; 3 were given"), "\(arguments): \(result)")
        }
        let twice = c.run(["--journal", "tinh", "--journal", "tinh", "replay"])
        #expect(twice.status == 64 && twice.stderr.contains("journal tinh is given twice"), "\(twice)")
    }
}
