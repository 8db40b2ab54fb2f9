import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// Every field of every JSON shape in CONTRACT.md, read with its value from the built binary.
///
/// `coverage` walks the shapes of the contract's "JSON output" section (Fixtures/contract-json-
/// output.md, a copy checked against shared/CONTRACT.md whenever that file is beside the
/// repository) and fails on a field that no expectation below reads. Each expectation is a path
/// into one command's output and the JSON value it must have there, on one small journal.
@Suite("CONTRACT.md JSON fields, end to end")
struct ContractJSONFieldsTests {
    /// One command run on the scenario journal and the values it must print.
    struct Run: Sendable {
        var arguments: [String]
        var status: Int32
        /// Path (`units[id=cb-a].figures.members`, `entries[seq=8].delta`, `events[-1].seq`) → JSON text.
        var expect: [(path: String, json: String)]
        /// Damage the journal first (a count changed in line 8 without re-hashing).
        var damaged = false
    }

    /// The expectations, by the command names the contract uses.
    static let runs: [String: [Run]] = [
        "replay": [
            Run(arguments: ["replay", "--to", "2022-06-30"], status: 0, expect: [
                ("to", #""2022-06-30""#), ("knownAt", "null"),
                ("units[0].id", #""huyen""#), ("units[id=huyen].parent", "null"), ("units[id=huyen].status", #""active""#),
                ("units[id=huyen].mergedInto", "null"),
                ("units[id=cb-b].name", #""Chi bộ B""#), ("units[id=cb-b].kind", #""cell""#), ("units[id=cb-b].parent", #""xa-a""#),
                ("units[id=cb-b].status", #""merged""#), ("units[id=cb-b].mergedInto", #""cb-a""#),
                // A closed unit has no figures.
                ("units[id=cb-b].figures", "{}"), ("units[id=cb-b].provenance", "{}"),
                // 60 reported, +4 admitted (5 corrected to 4), +40 with the merged cell.
                ("units[id=cb-a].figures.members", "104"), ("units[id=cb-a].provenance.members", #""derived""#),
                ("units[id=xa-a].figures.members", "104"), ("units[id=xa-a].provenance.members", #""rolled-up""#),
            ]),
            Run(arguments: ["replay", "--to", "2021-06-30", "--known-at", "2024-06-05", "--unit", "xa-a"], status: 0, expect: [
                ("to", #""2021-06-30""#),
                // The end of 5 June in Vietnam (UTC+7), as an instant.
                ("knownAt", #""2024-06-05T16:59:59.999Z""#),
                ("units[0].id", #""xa-a""#), ("units[id=xa-a].parent", #""huyen""#),
                // Before the correction of 10 June: the admission still counts 5.
                ("units[id=cb-a].figures.members", "65"), ("units[id=cb-b].status", #""active""#),
                ("units[id=cb-b].mergedInto", "null"), ("units[id=xa-a].figures.members", "105"),
            ]),
            Run(arguments: ["replay", "--to", "2021-12-31", "--unit", "huyen"], status: 0, expect: [
                ("units[id=huyen].figures.members", "104"), ("units[id=huyen].provenance.members", #""reported""#),
            ]),
        ],
        "term": [
            Run(arguments: ["term", "--unit", "huyen", "--term", "2020-2025"], status: 0, expect: [
                ("unit", #""huyen""#), ("term", #""2020-2025""#), ("from", #""2020-10-01""#),
                // Running on 1 June 2024 (the clock): answered up to that day.
                ("to", #""2024-06-01""#),
                ("figures.members.start", "100"), ("figures.members.end", "104"), ("figures.members.change", "4"),
                ("figures.members.percentChange", "4.00"),
                ("figures.cells.start", "2"), ("figures.cells.end", "1"), ("figures.cells.change", "-1"),
                ("figures.cells.percentChange", "-50.00"),
                ("flows.admissions", "4"),
                ("targets.admissions.target", "20"), ("targets.admissions.actual", "4"), ("targets.admissions.percent", "20.00"),
                ("ratings.2021.organizations.excellent", "1"), ("ratings.2021.organizations.good", "3"),
                ("ratings.2021.organizations.completed", "1"), ("ratings.2021.organizations.failed", "0"),
                ("ratings.2021.organizations.rated", "5"),
                ("ratings.2021.organizations.percent.excellent", "20.00"), ("ratings.2021.organizations.percent.good", "60.00"),
                ("ratings.2021.organizations.percent.completed", "20.00"), ("ratings.2021.organizations.percent.failed", "0.00"),
                // Over the printed 6, not the tiers' 5: 4/6 = 66.666… → 66.67, 1/6 = 16.666… → 16.67.
                ("ratings.2022.organizations.rated", "6"), ("ratings.2022.organizations.percent.good", "66.67"),
                ("ratings.2022.organizations.percent.completed", "16.67"),
            ]),
        ],
        "audit": [
            Run(arguments: ["audit", "--unit", "huyen", "--figure", "members"], status: 0, expect: [
                ("unit", #""huyen""#), ("figure", #""members""#),
                ("entries[0].seq", "5"), ("entries[0].id", #""01a2c000-0000-7000-8000-0000000000c5""#),
                ("entries[0].type", #""vn.socai.conference.v1""#), ("entries[0].date", #""2020-10-01""#),
                ("entries[0].recordedTime", #""2024-06-01T08:00:00.000Z""#), ("entries[0].delta", "null"),
                ("entries[0].reported", "100"), ("entries[0].unexplained", "null"), ("entries[0].value", "100"),
                ("entries[0].source", #""Nghị quyết Đại hội""#), ("entries[0].corrected", "false"),
                ("entries[1].seq", "8"), ("entries[1].id", #""01a2c000-0000-7000-8000-0000000000aa""#),
                ("entries[1].type", #""vn.socai.admission.v1""#), ("entries[1].date", #""2021-03-01""#),
                ("entries[1].delta", "4"), ("entries[1].reported", "null"), ("entries[1].value", "104"),
                ("entries[1].source", #""QĐ 12""#), ("entries[1].corrected", "true"),
                ("entries[2].seq", "10"), ("entries[2].reported", "104"), ("entries[2].unexplained", "0"),
                ("entries[2].value", "104"), ("entries[2].source", "null"),
            ]),
            Run(arguments: ["audit", "--unit", "huyen", "--figure", "members", "--known-at", "2024-06-05"], status: 0, expect: [
                ("entries[seq=8].delta", "5"), ("entries[seq=8].value", "105"), ("entries[seq=8].corrected", "false"),
                // The report of 104 against 100 + 5: one member unexplained.
                ("entries[seq=10].unexplained", "-1"), ("entries[seq=10].value", "104"),
            ]),
        ],
        "check": [
            Run(arguments: ["check"], status: 1, expect: [
                ("ok", "false"),
                ("findings[kind=tier-sum].unit", #""huyen""#), ("findings[kind=tier-sum].date", #""2022-12-31""#),
                ("findings[kind=tier-sum].figure", #""rating 2022 organizations""#),
                ("findings[kind=tier-sum].stated", #""6""#), ("findings[kind=tier-sum].derived", #""5""#),
                ("findings[kind=tier-sum].severity", #""error""#),
                ("findings[kind=tier-sum].message", #""the tiers add up to 5, not the 6 rated the document states""#),
                ("findings[kind=excellence-cap].date", #""2021-12-31""#), ("findings[kind=excellence-cap].severity", #""warning""#),
            ]),
            Run(arguments: ["check", "--unit", "xa-a"], status: 0, expect: [("ok", "true"), ("findings", "[]")]),
        ],
        "log": [
            Run(arguments: ["log"], status: 0, expect: [
                ("events[0].seq", "1"), ("events[0].type", #""vn.socai.unit.established.v1""#), ("events[0].subject", #""huyen""#),
                ("events[-1].seq", "13"), ("events[-1].type", #""vn.socai.correction.v1""#),
            ]),
        ],
        "verify": [
            Run(arguments: ["verify"], status: 0, expect: [("ok", "true"), ("events", "13"), ("problems", "[]")]),
            Run(arguments: ["verify"], status: 1, expect: [
                // The damaged line is not counted among the events.
                ("ok", "false"), ("events", "12"),
                ("problems[0].segment", #""segment-00000001.jsonl""#), ("problems[0].line", "8"),
                ("problems[0].message", #""the chain hash does not match the line's bytes and the line before it""#),
            ], damaged: true),
        ],
    ]

    /// The journal every run reads: a district, a commune, two cells; a congress with a target, a
    /// report, an admission later corrected, two ratings (the second's tiers do not add up), a merger.
    static func scenario() -> ScratchJournal {
        let journal = ScratchJournal()
        func record(_ arguments: [String], at now: String = SocaiProcess.fixedNow) {
            let result = journal.run(["record"] + arguments, environment: ["SOCAI_NOW": now])
            #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)")
        }
        record(["unit", "--id", "huyen", "--name", "Huyện ủy H", "--kind", "district", "--date", "2019-01-01"])
        record(["unit", "--id", "xa-a", "--name", "Đảng ủy xã A", "--kind", "base-committee", "--parent", "huyen", "--date", "2019-01-01"])
        record(["unit", "--id", "cb-a", "--name", "Chi bộ A", "--kind", "cell", "--parent", "xa-a", "--date", "2019-01-01"])
        record(["unit", "--id", "cb-b", "--name", "Chi bộ B", "--kind", "cell", "--parent", "xa-a", "--date", "2019-01-01"])
        record(["conference", "--unit", "huyen", "--date", "2020-10-01", "--title", "Đại hội", "--kind", "congress", "--term", "2020-2025",
                "--figure", "members=100", "--target", "admissions=20", "--source", "Nghị quyết Đại hội",
                "--event-id", "01a2c000-0000-7000-8000-0000000000c5"])
        record(["conference", "--unit", "cb-a", "--date", "2020-10-01", "--title", "Báo cáo", "--figure", "members=60"])
        record(["conference", "--unit", "cb-b", "--date", "2020-10-01", "--title", "Báo cáo", "--figure", "members=40"])
        record(["admission", "--unit", "cb-a", "--date", "2021-03-01", "--count", "5", "--source", "QĐ 12",
                "--event-id", "01a2c000-0000-7000-8000-0000000000aa"])
        record(["rating", "--unit", "huyen", "--year", "2021", "--of", "organizations", "--excellent", "1", "--good", "3",
                "--completed", "1", "--failed", "0", "--rated", "5"])
        record(["conference", "--unit", "huyen", "--date", "2021-12-31", "--title", "Tổng kết", "--figure", "members=104"])
        record(["merger", "--from", "cb-b", "--into", "cb-a", "--date", "2022-01-01"])
        record(["rating", "--unit", "huyen", "--year", "2022", "--of", "organizations", "--excellent", "0", "--good", "4",
                "--completed", "1", "--failed", "0", "--rated", "6"])
        record(["correction", "--event", "01a2c000-0000-7000-8000-0000000000aa", "--set", "count=4", "--reason", "sai số"],
               at: "2024-06-10T08:00:00Z")
        return journal
    }

    static func contractSection() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "contract-json-output", withExtension: "md", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("the fixture is CONTRACT.md's JSON output section, word for word (when shared/ is beside the repository)")
    func fixtureMatchesContract() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let contract = root.deletingLastPathComponent().appendingPathComponent("shared/CONTRACT.md")
        guard let text = try? String(contentsOf: contract, encoding: .utf8) else { return }
        let start = try #require(text.range(of: "## JSON output"))
        let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        let trimmed = { (s: Substring) in s.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(trimmed(text[start.lowerBound..<end]) == trimmed(Substring(try Self.contractSection())),
                "CONTRACT.md's JSON output section changed: copy it to Tests/SocaiEndToEndTests/Fixtures/contract-json-output.md and add expectations for new fields")
    }

    @Test("the contract's shapes are read: six commands, their fields as paths")
    func shapesParse() throws {
        let shapes = ContractJSONShape.parse(section: try Self.contractSection())
        #expect(shapes.map(\.command) == ["replay", "term", "audit", "check", "log", "verify"])
        let replay = shapes.first { $0.command == "replay" }?.paths ?? []
        #expect(replay == ["to", "knownAt", "units[].id", "units[].name", "units[].kind", "units[].parent", "units[].status",
                           "units[].mergedInto", "units[].figures.*", "units[].provenance.*"])
        let term = shapes.first { $0.command == "term" }?.paths ?? []
        #expect(term.contains("ratings.*.*.percent.failed") && term.contains("figures.*.percentChange") && term.count == 21)
        #expect(shapes.first { $0.command == "log" }?.paths == ["events[]"])
    }

    @Test("every field of every shape is read by an expectation, and every expectation is a contract field")
    func coverage() throws {
        for (command, fields) in ContractJSONShape.parse(section: try Self.contractSection()) {
            let asserted = (Self.runs[command] ?? []).flatMap { $0.expect.map(\.path) }
            for field in fields where !asserted.contains(where: { ContractJSONShape.reads($0, field) }) {
                Issue.record("`\(command)` field \(field) is read by no end-to-end test")
            }
            for path in asserted where !fields.contains(where: { ContractJSONShape.reads(path, $0) }) {
                Issue.record("`\(command)` expectation \(path) is not a field of the contract's shape")
            }
        }
    }

    @Test("each command prints the values its shape promises", arguments: ["replay", "term", "audit", "check", "log", "verify"])
    func values(command: String) throws {
        let journal = Self.scenario()
        for run in Self.runs[command] ?? [] {
            if run.damaged { try Self.damage(journal) }
            let result = journal.run(run.arguments + ["--json"])
            #expect(result.status == run.status, "\(run.arguments): \(result)")
            let output = try JSONParser.parse(result.stdout)
            for (path, json) in run.expect {
                let expected = try JSONParser.parse(json)
                let actual = ContractJSONShape.resolve(path, in: output)
                #expect(actual == expected, "\(run.arguments.joined(separator: " ")): \(path)")
            }
        }
    }

    @Test("`log --json` holds the stored CloudEvents as in the journal, line for line")
    func logEventsAreTheStoredLines() throws {
        let journal = Self.scenario()
        let result = journal.run(["log", "--json"])
        let events = try #require(try JSONParser.parse(result.stdout).object?["events"]?.array)
        let stored = try String(decoding: journal.journalBytes, as: UTF8.self).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(events.count == 13 && events == stored)
    }

    /// `"count":5` of line 8 (the admission) made 6, without re-hashing.
    static func damage(_ journal: ScratchJournal) throws {
        let name = try #require(journal.segmentNames.first)
        let text = String(decoding: journal.journalFileBytes(name), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[7].contains(#""count":5"#))
        lines[7] = lines[7].replacingOccurrences(of: #""count":5"#, with: #""count":6"#)
        try journal.setJournalFileBytes(name, Array(lines.joined(separator: "\n").utf8))
    }
}
