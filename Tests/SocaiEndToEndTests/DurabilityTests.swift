import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// An append returns (and socai prints its acknowledgement) only after its bytes are fsync'd, and
/// for a new segment after its directory is fsync'd too; recovery makes the quarantine copy durable
/// before cutting the segment. Observed on the real binary with strace (skipped without it).
@Suite("Durability order", .enabled(if: SyscallTrace.isAvailable, "needs /usr/bin/strace"))
struct DurabilityTests {
    /// Runs `socai ARGS` under strace in the scratch directory and returns the trace and stdout path.
    static func traced(_ scratch: ScratchJournal, _ arguments: String, label: String) throws -> (SyscallTrace, String) {
        let trace = scratch.directory.file("\(label).strace"), out = scratch.directory.file("\(label).out")
        let child = try ChildProcess(bash: SyscallTrace.prefix(output: trace) + #" "$SOCAI_BIN" "# + arguments,
                                     in: scratch.directory.path, stdoutPath: out, stderrPath: scratch.directory.file("\(label).err"))
        #expect(child.wait() == 0, "\(scratch.directory.read("\(label).err"))")
        return (try SyscallTrace(file: trace), out)
    }

    /// Checks: lock, then write to `segment`, its fsync, [the directory's fsync], unlock, then the
    /// acknowledgement on stdout.
    static func checkAppendOrder(_ trace: SyscallTrace, segment: String, journalDirectory: String, stdout: String,
                                 expectDirectorySync: Bool) throws {
        let lock = try #require(trace.first("flock") { $0.path.hasSuffix("/journal.json") && $0.line.contains("LOCK_EX") }, "\(trace.calls)")
        let write = try #require(trace.first("write", after: lock) { $0.path.hasSuffix("/" + segment) }, "\(trace.calls)")
        let sync = try #require(trace.first("fsync", after: write) { $0.path.hasSuffix("/" + segment) }, "no fsync of \(segment)")
        let unlock = try #require(trace.first("flock", after: sync) { $0.line.contains("LOCK_UN") })
        let acknowledge = try #require(trace.first("write") { $0.path == stdout && $0.line.contains("recorded") }, "\(trace.calls)")
        #expect(sync < acknowledge && unlock < acknowledge)
        // No write to the segment after its fsync.
        #expect(trace.calls[(sync + 1)...].allSatisfy { !($0.name == "write" && $0.path.hasSuffix("/" + segment)) })
        let directorySync = trace.first("fsync", after: write) { $0.path == journalDirectory }
        if expectDirectorySync {
            let directorySync = try #require(directorySync, "no fsync of the journal directory after creating \(segment)")
            #expect(directorySync < acknowledge && directorySync < unlock)
        }
    }

    @Test("record into an existing segment: write, fsync, unlock, then 'recorded'")
    func existingSegment() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let (trace, out) = try Self.traced(scratch, "record admission --unit u1 --date 2021-03-01 --count 1", label: "record")
        try Self.checkAppendOrder(trace, segment: JournalFixtures.segmentName(1), journalDirectory: scratch.journalPath,
                                  stdout: out, expectDirectorySync: false)
    }

    @Test("an import that starts a new segment: its directory entry is fsync'd before 'recorded'")
    func newSegment() throws {
        let scratch = ScratchJournal(initialise: false)
        #expect(scratch.run(["init", "--segment-bytes", "4096"]).status == 0)
        #expect(scratch.recordUnit().status == 0)
        scratch.directory.write("ten.jsonl", String(repeating: #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1}"# + "\n", count: 10))
        let (trace, out) = try Self.traced(scratch, "import ten.jsonl", label: "import")
        let created = try #require(trace.first("openat") { $0.path.hasSuffix(JournalFixtures.segmentName(2)) && $0.line.contains("O_CREAT") })
        #expect(trace.calls[created].line.contains("O_EXCL"))
        try Self.checkAppendOrder(trace, segment: JournalFixtures.segmentName(2), journalDirectory: scratch.journalPath,
                                  stdout: out, expectDirectorySync: true)
    }

    @Test("an empty segment left by a crash (created, never synced): the writer that fills it fsyncs the directory")
    func emptySegmentLeftByACrash() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        _ = FileManager.default.createFile(atPath: scratch.journalFile(JournalFixtures.segmentName(2)), contents: Data())
        let (trace, out) = try Self.traced(scratch, "record admission --unit u1 --date 2021-03-01 --count 1", label: "fill")
        try Self.checkAppendOrder(trace, segment: JournalFixtures.segmentName(2), journalDirectory: scratch.journalPath,
                                  stdout: out, expectDirectorySync: true)
    }

    @Test("recovery: the quarantine copy and its directory entry are durable before the segment is cut")
    func recoveryOrder() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let segment = JournalFixtures.segmentName(1)
        try scratch.setJournalFileBytes(segment, scratch.journalFileBytes(segment) + Array(#"{"specversion":"1.0","id":"01"#.utf8))
        let (trace, out) = try Self.traced(scratch, "record admission --unit u1 --date 2021-03-01 --count 1", label: "recover")
        let lock = try #require(trace.first("flock") { $0.line.contains("LOCK_EX") })
        let create = try #require(trace.first("openat", after: lock) { $0.path.contains(".quarantine-") && $0.line.contains("O_EXCL") }, "\(trace.calls)")
        let copy = try #require(trace.first("write", after: create) { $0.path.contains(".quarantine-") })
        let copySync = try #require(trace.first("fsync", after: copy) { $0.path.contains(".quarantine-") })
        let directorySync = try #require(trace.first("fsync", after: copySync) { $0.path == scratch.journalPath })
        let cut = try #require(trace.first("ftruncate", after: directorySync) { $0.path.hasSuffix("/" + segment) })
        let cutSync = try #require(trace.first("fsync", after: cut) { $0.path.hasSuffix("/" + segment) })
        let write = try #require(trace.first("write", after: cutSync) { $0.path.hasSuffix("/" + segment) })
        #expect(trace.first("ftruncate") { $0.path.hasSuffix("/" + segment) } == cut, "the segment is cut only after the copy is durable")
        let acknowledge = try #require(trace.first("write") { $0.path == out && $0.line.contains("recorded") })
        #expect(write < acknowledge)
        try Self.checkAppendOrder(trace, segment: segment, journalDirectory: scratch.journalPath, stdout: out, expectDirectorySync: false)
    }
}
