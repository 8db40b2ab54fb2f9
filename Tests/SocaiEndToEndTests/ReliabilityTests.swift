import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// The reliability suite's properties (Sources/SocaiTestSupport/Reliability) with small counts:
/// `Tools/reliability` runs the same code with the full counts (RELIABILITY.md). Serialized: the
/// crash property times its kills, and the full-disk one mounts file systems.
@Suite("Reliability suite (short)", .serialized)
struct ReliabilityTests {
    static func expectPassed(_ report: PropertyReport) {
        print(report.line)
        #expect(report.passed, "\(report.details)")
    }

    @Test("1 crash at any point: SIGKILL, a cut inside the last write, a writer killed half-way through a line")
    func crash() {
        let directory = TemporaryDirectory("socai-reliability")
        let report = CrashProperty.run(.forTests(directory, seed: 11), runs: 16, segmentBytes: 16 * 1024, maxBatch: 12)
        Self.expectPassed(report)
        #expect(report.count("quarantine files") >= 4, "too few torn tails to mean anything")
    }

    @Test("2 concurrent writers: four processes of imports and records, and --expect-seq races")
    func concurrency() {
        let directory = TemporaryDirectory("socai-reliability")
        Self.expectPassed(ConcurrencyProperty.run(.forTests(directory, seed: 12), writers: 4, eventsPerWriter: 30, batchSize: 10,
                                                  singles: 10, races: 3))
    }

    @Test("3 corruption: single-byte changes at random places, a cut, a missing segment, swapped lines")
    func corruption() {
        let directory = TemporaryDirectory("socai-reliability")
        Self.expectPassed(CorruptionProperty.run(.forTests(directory, seed: 13), events: 300, segmentBytes: 32 * 1024, positions: 12,
                                                 cliEvery: 12, structural: 1))
    }

    @Test("4 full disk and I/O errors: ulimit -f, a full tmpfs (root), a read-only journal")
    func fullDisk() {
        let directory = TemporaryDirectory("socai-reliability")
        Self.expectPassed(FullDiskProperty.run(.forTests(directory, seed: 14), limitTrials: 6))
    }

    @Test("5 hostile input: seeded mutations of lines, dates, numbers, unit names, arguments and imports")
    func hostileInput() {
        let directory = TemporaryDirectory("socai-reliability")
        Self.expectPassed(HostileInputProperty.run(.forTests(directory, seed: 15), cases: 1200, binaryEvery: 400))
    }

    @Test("6 snapshots: corrupted, truncated, stale, foreign and crafted snapshots")
    func snapshots() {
        let directory = TemporaryDirectory("socai-reliability")
        Self.expectPassed(SnapshotProperty.run(.forTests(directory, seed: 16), events: 300, corruptions: 4, truncations: 2, crafted: 2))
    }

    @Test("7 security: file modes, CSV and HTML escaping, nothing run or used as a path, hostile journal ids")
    func security() {
        let directory = TemporaryDirectory("socai-reliability")
        let report = SecurityProperty.run(.forTests(directory, seed: 17))
        Self.expectPassed(report)
    }

    @Test("9 damage: mid-journal starts, lost newlines, export --out, arguments not UTF-8, text bounds, dead ends, bidi, clock")
    func damage() {
        let directory = TemporaryDirectory("socai-reliability")
        Self.expectPassed(DamageProperty.run(.forTests(directory, seed: 19), events: 300, damagedLines: 4))
    }

    // Regression tests for what the suite found.

    @Test("a journal id that is a path (../x, /abs, ..) names a snapshot folder inside the snapshot directory")
    func hostileJournalIDStaysInside() throws {
        let directory = TemporaryDirectory("socai-reliability")
        for id in ["../x", "..", ".", "/etc", "a/../../b", ".hidden", "0190c8a0-0000-7000-8000-0000000000aa"] {
            let journal = try FileJournal.create(at: directory.file("J-\(id.hashValue)"), id: id, now: JournalFixtures.now)
            let store = SnapshotStore(directory: directory.file("Snapshots"), journal: journal)
            let folder = String(store.directory.dropFirst(directory.file("Snapshots/").count))
            #expect(!folder.isEmpty && !folder.contains("/") && !folder.hasPrefix("."), "\(id) → \(store.directory)")
            if id.hasPrefix("0190") { #expect(folder == id, "a UUID id keeps its folder name") }
        }
    }

    @Test("a quarantine copy the file system cuts short (EFBIG) is removed: exit 74, the torn tail stays, nothing else changes")
    func failedQuarantineLeavesNoFile() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let segment = try #require(scratch.segmentNames.first)
        // 3,000 torn bytes: more than the 1 KiB the limit below lets a new file hold.
        let torn = Array(#"{"specversion":"1.0","id":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 3000)
        try scratch.setJournalFileBytes(segment, scratch.journalFileBytes(segment) + torn)
        let before = scratch.journalBytes
        let child = try ChildProcess(bash: #"ulimit -f 1; "$SOCAI_BIN" record admission --unit u1 --date 2021-03-01 --count 1"#,
                                     in: scratch.directory.path, stdoutPath: scratch.directory.file("out.txt"),
                                     stderrPath: scratch.directory.file("err.txt"))
        #expect(child.wait() == 74, "\(scratch.directory.read("err.txt"))")
        #expect(scratch.directory.read("err.txt").contains("file size limit"))
        #expect(scratch.quarantineNames.isEmpty, "a partial quarantine copy was left: \(scratch.quarantineNames)")
        #expect(scratch.journalBytes == before)
        let retry = scratch.recordAdmission()
        #expect(retry.status == 0 && retry.stderr.contains("quarantine"), "\(retry)")
        #expect(scratch.journalFileBytes(try #require(scratch.quarantineNames.first)) == torn)
    }

    @Test("a seal whose fields are damaged (its checksum still matching the segment) is ignored: readers answer, verify is clean")
    func damagedSealFieldsAreNotDamage() throws {
        // Before the fix readers refused such a journal (65, "the segment and its seal disagree")
        // while `socai verify` called it intact.
        let scratch = ScratchJournal(initialise: false)
        #expect(scratch.run(["init", "--segment-bytes", "4096"]).status == 0)
        #expect(scratch.recordUnit().status == 0)
        for _ in 0..<14 { #expect(scratch.recordAdmission().status == 0) }
        let seal = "segment-00000001.jsonl.seal"
        let original = scratch.journalFileBytes(seal)
        #expect(!original.isEmpty, "the first segment was sealed when the journal rolled over")
        let expected = scratch.run(["--no-snapshot", "replay", "--json"])
        #expect(expected.status == 0)
        for (field, replacement) in [(#""lines":"#, #""lines":1"#), (#""lastseq":"#, #""lastseq":9"#), (#""chainhash":""#, #""chainhash":"0"#)] {
            let text = String(decoding: original, as: UTF8.self)
            let damaged = text.replacingOccurrences(of: field, with: replacement)
            try scratch.setJournalFileBytes(seal, Array(damaged.utf8))
            let replay = scratch.run(["--no-snapshot", "replay", "--json"])
            #expect(replay.status == 0 && replay.stdout == expected.stdout, "seal with \(replacement): \(replay)")
            #expect(scratch.run(["verify"]).status == 0)
        }
        try scratch.setJournalFileBytes(seal, original)
    }

    @Test("a line claiming seq 9223372036854775807 (or any seq past 2^53 − 1) is damage, named; readers and verify do not crash",
          arguments: ["9223372036854775807", "9007199254740992", "999999999999999999"])
    func hugeSeqIsDamage(seq: String) throws {
        // Found by the hostile-input property: every reader computed seq + 1 and trapped on overflow.
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 3)
        let segment = JournalFixtures.segmentName(1)
        let text = String(decoding: scratch.bytes(segment), as: UTF8.self)
        try scratch.write(segment, Array(text.replacingOccurrences(of: #""seq":2,"#, with: #""seq":"# + seq + ",").utf8))
        let expected = JournalLocation(segment: segment, line: 2)
        do {
            _ = try scratch.events()
            Issue.record("a reader accepted seq \(seq)")
        } catch JournalError.damaged(let location, let reason) {
            #expect(location == expected && reason.en.contains("seq"), "\(location): \(reason)")
        }
        #expect(try scratch.journal.verify().problems.first?.location == expected)
        #expect(throws: JournalError.self) { try scratch.journal.read(ReadOptions(verifyHashes: false)) { _ in true } }
    }

    @Test("an import file that is not UTF-8 is bad input (64), not an I/O error (74)")
    func importNotUTF8() {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        _ = FileManager.default.createFile(atPath: scratch.directory.file("latin1.csv"),
                                       contents: Data("type,unit,date,count\nadmission,u1,2021-03-01,1\n".utf8 + [0xE9, 0x0A]))
        let result = scratch.run(["import", "latin1.csv"])
        #expect(result.status == 64 && result.stderr.contains("not UTF-8") && result.stderr.contains("nothing was written"), "\(result)")
    }
}
