import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// Corrections read back through `replay`, `audit` and `log`, not only as stored lines: a retracted
/// report and a retracted admission no longer count, a moved date counts on its new day, and the
/// originals stay visible as known before the corrections.
@Suite("Corrections read back")
struct CorrectionReadBackTests {
    /// A cell reporting 30 (2020) and 50 (2021), admissions of 5 (March 2021) and 2 (June 2021);
    /// then, recorded a day later: the 5 retracted, the 2 moved to September, the 50 retracted.
    static func journal() -> ScratchJournal {
        let journal = ScratchJournal()
        let records: [(String, [String])] = [
            (SocaiProcess.fixedNow, ["unit", "--id", "cb", "--name", "Chi bộ C", "--kind", "cell", "--date", "2010-01-01"]),
            (SocaiProcess.fixedNow, ["conference", "--unit", "cb", "--date", "2020-01-01", "--title", "T", "--figure", "members=30"]),
            (SocaiProcess.fixedNow, ["conference", "--unit", "cb", "--date", "2021-01-01", "--title", "T", "--figure", "members=50",
                                     "--event-id", "01a2c000-0000-7000-8000-0000000000c2"]),
            (SocaiProcess.fixedNow, ["admission", "--unit", "cb", "--date", "2021-03-01", "--count", "5",
                                     "--event-id", "01a2c000-0000-7000-8000-0000000000a1"]),
            (SocaiProcess.fixedNow, ["admission", "--unit", "cb", "--date", "2021-06-01", "--count", "2",
                                     "--event-id", "01a2c000-0000-7000-8000-0000000000a2"]),
            ("2024-06-02T08:00:00Z", ["correction", "--event", "01a2c000-0000-7000-8000-0000000000a1", "--retract", "--reason", "trùng"]),
            ("2024-06-02T08:00:00Z", ["correction", "--event", "01a2c000-0000-7000-8000-0000000000a2", "--set", "date=2021-09-01",
                                      "--reason", "sai ngày"]),
            ("2024-06-02T08:00:00Z", ["correction", "--event", "01a2c000-0000-7000-8000-0000000000c2", "--retract", "--reason", "báo cáo sai"]),
        ]
        for (now, arguments) in records {
            let result = journal.run(["record"] + arguments, environment: ["SOCAI_NOW": now])
            #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)")
        }
        return journal
    }

    static func json(_ journal: ScratchJournal, _ arguments: [String]) throws -> JSONValue {
        let result = journal.run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result)")
        return try JSONParser.parse(result.stdout)
    }

    static func members(_ journal: ScratchJournal, to date: String, knownAt: String? = nil) throws -> JSONValue? {
        let arguments = ["replay", "--to", date] + (knownAt.map { ["--known-at", $0] } ?? [])
        return try json(journal, arguments).object?["units"]?.array?.first?.object?["figures"]?.object?["members"]
    }

    @Test("replay: the retracted report and admission no longer count; the moved admission counts from its new date")
    func replayAfterCorrections() throws {
        let journal = Self.journal()
        #expect(try Self.members(journal, to: "2021-05-01") == .integer(30), "not the retracted 50, not the retracted 5")
        #expect(try Self.members(journal, to: "2021-07-01") == .integer(30), "the 2 moved from June to September")
        #expect(try Self.members(journal, to: "2021-12-31") == .integer(32))
        // As known before the corrections were recorded: the report of 50, then +5 and +2.
        #expect(try Self.members(journal, to: "2021-05-01", knownAt: "2024-06-01T12:00:00Z") == .integer(55))
        #expect(try Self.members(journal, to: "2021-07-01", knownAt: "2024-06-01T12:00:00Z") == .integer(57))
    }

    @Test("audit: corrected entries are marked, retracted ones carry no value, the moved one its new date")
    func auditAfterCorrections() throws {
        let journal = Self.journal()
        let audit = try Self.json(journal, ["audit", "--unit", "cb", "--figure", "members", "--to", "2021-12-31"])
        let entries = audit.object?["entries"]?.array?.compactMap(\.object) ?? []
        #expect(entries.map { $0["seq"] } == [.integer(2), .integer(3), .integer(4), .integer(5)])
        #expect(entries.map { $0["corrected"] } == [.bool(false), .bool(true), .bool(true), .bool(true)])
        #expect(entries.map { $0["value"] } == [.integer(30), .null, .null, .integer(32)])
        #expect(entries.last?["date"] == .string("2021-09-01") && entries.last?["delta"] == .integer(2))
    }

    @Test("log: each correction with the event it corrects and what it changes")
    func logAfterCorrections() throws {
        let journal = Self.journal()
        let log = try Self.json(journal, ["log", "--from-seq", "6"])
        let data = log.object?["events"]?.array?.compactMap { $0.object?["data"]?.object } ?? []
        #expect(data.map { $0["eventseq"] } == [.integer(4), .integer(5), .integer(3)])
        #expect(data.map { $0["retract"] } == [.bool(true), nil, .bool(true)])
        #expect(data[1]["set"]?.object?["date"] == .string("2021-09-01"))
    }
}
