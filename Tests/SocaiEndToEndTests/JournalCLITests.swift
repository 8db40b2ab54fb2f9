import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// The journal as users and scripts meet it through the binary: segments, torn tails and their
/// quarantine, damage and exit codes, idempotent ids, file modes.
@Suite("Journal through the CLI")
struct JournalCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `log --json`: the stored lines, parsed.
    static func logEvents(_ scratch: ScratchJournal, _ extra: [String] = []) throws -> (events: [[String: Any]], result: SocaiResult) {
        let result = scratch.run(["log", "--json"] + extra)
        let events = try #require(try json(result.stdout)["events"] as? [[String: Any]], "\(result)")
        return (events, result)
    }

    static func seqs(_ events: [[String: Any]]) -> [Int] { events.compactMap { $0["seq"] as? Int } }

    static func threeLines(_ n: Int) -> String {
        String(repeating: #"{"type":"admission","unit":"u1","date":"2021-04-\#(String(format: "%02d", n + 1))","count":1}"# + "\n", count: 3)
    }

    @Test("init --segment-bytes rolls segments over; log streams across them, from any seq, byte for byte")
    func segmentsThroughCLI() throws {
        let scratch = ScratchJournal(initialise: false)
        #expect(scratch.run(["init", "--segment-bytes", "100"]).status == 64)
        #expect(scratch.run(["init", "--segment-bytes", "4096", "--journal-id", "0190c8a0-0000-7000-8000-0000000000aa"]).status == 0)
        #expect(scratch.run(["init"]).status == 64, "a journal is never initialised twice")
        #expect(scratch.recordUnit().status == 0)
        for n in 0..<12 {
            // Each import another file: the same file again would record nothing (its lines' ids
            // derive from it).
            if n % 3 == 0 { scratch.directory.write("three.jsonl", Self.threeLines(n)) }
            let result = n % 3 == 0 ? scratch.run(["import", "three.jsonl"]) : scratch.recordAdmission()
            #expect(result.status == 0, "\(result)")
        }
        let segments = scratch.segmentNames
        #expect(segments.count >= 3)
        #expect(segments.allSatisfy { scratch.journalFileBytes($0).count <= 4096 })
        let stored = segments.flatMap { scratch.journalFileBytes($0) }

        let (all, _) = try Self.logEvents(scratch)
        let total = 1 + 4 * 3 + 8
        #expect(Self.seqs(all) == Array(1...total))
        let printed = scratch.run(["log", "--json"]).stdout
        // One stored line per output line, separated by commas.
        let lines = printed.split(separator: "\n").filter { $0.hasPrefix("{\"specversion\"") }
            .map { Array(($0.hasSuffix(",") ? $0.dropLast() : $0).utf8) + [0x0A] }
        #expect(lines.flatMap { $0 } == stored, "log --json prints the stored lines as they are")
        for from in 1...(total + 1) {
            #expect(try Self.seqs(Self.logEvents(scratch, ["--from-seq", String(from)]).events) == Array(from..<(total + 1)), "from \(from)")
        }
    }

    @Test("a torn tail: readers say so and ignore it, the next writer quarantines it and says so")
    func tornTailThroughCLI() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        for _ in 0..<3 { #expect(scratch.recordAdmission().status == 0) }
        let segment = try #require(scratch.segmentNames.first)
        let journal = try FileJournal.open(at: scratch.journalPath)
        let next = try JournalFixtures.nextLines(of: journal, [JournalFixtures.admission(1)])[0]
        let torn = Array(next[0..<200])
        try scratch.setJournalFileBytes(segment, scratch.journalFileBytes(segment) + torn)

        let (events, log) = try Self.logEvents(scratch)
        #expect(log.status == 0 && Self.seqs(events) == [1, 2, 3, 4])
        #expect(log.stderr.contains("200 bytes of an unfinished write"), "\(log.stderr)")
        let replay = scratch.run(["replay", "--json"])
        #expect(replay.status == 0 && replay.stderr.contains("unfinished write"))
        let verify = scratch.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("warning:") && verify.stdout.contains("ok: 4 events"), "\(verify)")

        let writer = scratch.recordAdmission()
        #expect(writer.status == 0 && writer.stdout.hasPrefix("recorded seq 5 "), "\(writer)")
        let quarantine = try #require(scratch.quarantineNames.first)
        #expect(quarantine.hasPrefix(segment + ".quarantine-"))
        #expect(writer.stderr.contains("moved 200 bytes") && writer.stderr.contains(quarantine), "\(writer.stderr)")
        #expect(scratch.journalFileBytes(quarantine) == torn)
        let after = scratch.run(["verify", "--json"])
        #expect(after.status == 0)
        #expect(try Self.json(after.stdout)["quarantine"] as? [String] == [quarantine])
        #expect(try Self.json(after.stdout)["warnings"] as? [String] == [])
    }

    @Test("an unfinished batch: never shown, quarantined whole by the next writer")
    func unfinishedBatchThroughCLI() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        #expect(scratch.recordAdmission().status == 0)
        let segment = try #require(scratch.segmentNames.first)
        let lines = try JournalFixtures.nextLines(of: FileJournal.open(at: scratch.journalPath), JournalFixtures.admissions(1, count: 4))
        let unfinished = lines[0] + lines[1] + lines[2]     // three of four lines, each complete
        try scratch.setJournalFileBytes(segment, scratch.journalFileBytes(segment) + unfinished)

        let (events, log) = try Self.logEvents(scratch)
        #expect(Self.seqs(events) == [1, 2] && log.stderr.contains("3 of 4 lines of an unfinished batch"), "\(log.stderr)")
        let writer = scratch.recordAdmission()
        #expect(writer.status == 0 && writer.stdout.hasPrefix("recorded seq 3 "), "\(writer)")
        #expect(writer.stderr.contains("3 lines of an unfinished batch of 4"), "\(writer.stderr)")
        #expect(scratch.journalFileBytes(try #require(scratch.quarantineNames.first)) == unfinished)
        #expect(scratch.run(["verify"]).status == 0)
    }

    @Test("a damaged complete line: writers refuse with 65 and quarantine nothing; verify names it, exit 1",
          arguments: ["middle line", "last line", "last newline"])
    func damageThroughCLI(where place: String) throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        for _ in 0..<3 { #expect(scratch.recordAdmission().status == 0) }
        let segment = try #require(scratch.segmentNames.first)
        var bytes = scratch.journalFileBytes(segment)
        let map = LineMap(bytes)
        let line: Int
        switch place {
        case "middle line": line = 2; bytes[map.range(ofLine: 2).lowerBound + 100] ^= 0x01
        case "last line": line = 4; bytes[map.range(ofLine: 4).lowerBound + 300] ^= 0x01
        default: line = 4; bytes[bytes.count - 1] = UInt8(ascii: " ")
        }
        try scratch.setJournalFileBytes(segment, bytes)

        let writer = scratch.recordAdmission()
        #expect(writer.status == 65, "\(writer)")
        #expect(writer.stderr.contains("\(segment):\(line)"), "\(writer.stderr)")
        #expect(scratch.quarantineNames.isEmpty && scratch.journalFileBytes(segment) == bytes, "nothing written, nothing moved")
        let importer = scratch.run(["import", "-"], stdin: Self.threeLines(0))
        #expect(importer.status == 65 && scratch.journalFileBytes(segment) == bytes)

        let verify = scratch.run(["verify"])
        #expect(verify.status == 1 && verify.stdout.hasPrefix("\(segment):\(line): "), "\(verify)")
        let report = try Self.json(scratch.run(["verify", "--json"]).stdout)
        #expect(report["ok"] as? Bool == false)
        let first = try #require((report["problems"] as? [[String: Any]])?.first)
        #expect(first["segment"] as? String == segment && first["line"] as? Int == line)
        #expect(scratch.run(["log"]).status == 65)
    }

    @Test("verify exit codes: 0 clean, 1 problems, 65 unreadable, 66 no journal")
    func verifyExitCodes() throws {
        let scratch = ScratchJournal()
        #expect(scratch.run(["verify"]).status == 0)
        #expect(scratch.recordUnit().status == 0)
        #expect(scratch.run(["verify"]).status == 0)
        let segment = try #require(scratch.segmentNames.first)
        var bytes = scratch.journalFileBytes(segment)
        bytes[10] ^= 0x01
        try scratch.setJournalFileBytes(segment, bytes)
        #expect(scratch.run(["verify"]).status == 1)
        try scratch.setJournalFileBytes("journal.json", Array("not json\n".utf8))
        #expect(scratch.run(["verify"]).status == 65)
        #expect(scratch.run(["--journal", scratch.directory.file("nowhere"), "verify"]).status == 66)
    }

    @Test("--event-id: a retry is 'already recorded' and writes nothing; the id on another event is refused (75)")
    func eventIDRetry() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let id = "0190C8A0-1111-7000-8000-000000000001"   // any case: stored lowercase
        let first = scratch.recordAdmission(["--event-id", id])
        #expect(first.status == 0 && first.stdout == "recorded seq 2 id \(id.lowercased())\n", "\(first)")
        let bytes = scratch.journalBytes
        for _ in 0..<2 {
            let retry = scratch.recordAdmission(["--event-id", id.lowercased()])
            #expect(retry.status == 0 && retry.stdout.hasPrefix("already recorded: seq 2 id \(id.lowercased())"), "\(retry)")
        }
        #expect(scratch.journalBytes == bytes)
        let other = scratch.run(["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "7", "--event-id", id])
        #expect(other.status == 75 && other.stderr.contains("already used by a different event"), "\(other)")
        #expect(scratch.journalBytes == bytes)

        // An import retried whole, and an import repeating an id on two lines.
        let lines = (1...3).map { #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1,"event-id":"0190c8a0-2222-7000-8000-00000000000\#($0)"}"# }
        scratch.directory.write("batch.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(scratch.run(["import", "batch.jsonl"]).stdout == "recorded 3 events, seq 3–5\n")
        let again = scratch.run(["import", "batch.jsonl"])
        #expect(again.status == 0 && again.stdout.split(separator: "\n").count == 3 && !again.stdout.contains("recorded 3"), "\(again)")
        scratch.directory.write("twice.jsonl", ([lines[0].replacingOccurrences(of: "-2222-", with: "-3333-")] * 2).joined(separator: "\n") + "\n")
        let twice = scratch.run(["import", "twice.jsonl"])
        #expect(twice.status == 0, "\(twice)")
        let snapshot = try JournalSnapshot(path: scratch.journalPath)
        #expect(snapshot.verify.ok, "\(snapshot.verify.problems)")
        #expect(snapshot.events.count == 6)
    }

    @Test("journal files are created 0640 even under umask 000")
    func fileModesUnderPermissiveUmask() throws {
        let scratch = ScratchJournal(initialise: false)
        let script = """
        umask 000
        "$SOCAI_BIN" init --segment-bytes 4096
        "$SOCAI_BIN" record unit --id u1 --name u1 --kind cell --date 2020-01-01
        for i in 1 2 3 4 5 6 7 8 9 10; do "$SOCAI_BIN" record admission --unit u1 --date 2021-03-01 --count 1; done
        last=$(ls Journal/segment-*.jsonl | tail -n 1)
        printf '{"specversion":"1.0"' >> "$last"
        "$SOCAI_BIN" record admission --unit u1 --date 2021-03-01 --count 1
        """
        let child = try ChildProcess(bash: script, in: scratch.directory.path, stdoutPath: scratch.directory.file("out.txt"),
                                     stderrPath: scratch.directory.file("err.txt"))
        #expect(child.wait() == 0, "\(scratch.directory.read("err.txt"))")
        let files = ["journal.json"] + scratch.segmentNames + scratch.quarantineNames
        #expect(scratch.segmentNames.count >= 2 && scratch.quarantineNames.count == 1, "\(files)")
        for name in files {
            let mode = FileModes.permissions(scratch.journalFile(name))
            #expect(mode == 0o640, "\(name) is \(FileModes.octal(mode))")
        }
    }
}

private func * (array: [String], times: Int) -> [String] { Array(repeating: array, count: times).flatMap { $0 } }
