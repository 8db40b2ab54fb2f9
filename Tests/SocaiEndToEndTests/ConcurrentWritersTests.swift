import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Several `socai` processes appending at once: the lock keeps seq contiguous, batches whole and
/// lines unmixed; `--expect-seq` and `--event-id` hold under the race.
@Suite("Concurrent writers")
struct ConcurrentWritersTests {
    /// Runs the appender script as `writers` processes at once and waits for all of them.
    static func runWriters(_ scratch: ScratchJournal, writers: [Int], iterations: Int, batchEvery: Int, batchSize: Int = 10)
        throws -> [Int: WriterScripts.Acknowledgements] {
        let children = try writers.map { writer in
            (writer, try ChildProcess(bash: WriterScripts.appender(writer: writer, iterations: iterations, batchEvery: batchEvery, batchSize: batchSize),
                                      in: scratch.directory.path, stdoutPath: scratch.directory.file("out-\(writer).txt"),
                                      stderrPath: scratch.directory.file("err-\(writer).txt")))
        }
        var acks: [Int: WriterScripts.Acknowledgements] = [:]
        for (writer, child) in children {
            #expect(child.wait() == 0)
            acks[writer] = WriterScripts.acknowledgements(scratch.directory.read("out-\(writer).txt"), writer: writer, batchSize: batchSize)
        }
        return acks
    }

    /// The checks every concurrent run must pass: clean verify, seq 1…N, each acknowledged event
    /// at its seq, each writer's events in its own order, each batch on consecutive lines.
    static func checkJournal(_ scratch: ScratchJournal, _ acks: [Int: WriterScripts.Acknowledgements], expectedEvents: Int,
                             batchSize: Int) throws {
        let snapshot = try JournalSnapshot(path: scratch.journalPath)
        #expect(snapshot.verify.ok && snapshot.verify.warnings.isEmpty, "\(snapshot.verify.problems)")
        #expect(snapshot.events.count == expectedEvents)
        #expect(snapshot.events.map(\.seq) == Array(1...Int64(expectedEvents)))
        #expect(Set(snapshot.events.map(\.id)).count == expectedEvents)
        let stored = snapshot.seqByID
        for (writer, ack) in acks {
            #expect(ack.unparsed.isEmpty && ack.exitStatuses.allSatisfy { $0 == 0 }, "writer \(writer): \(ack.unparsed) \(ack.exitStatuses)")
            for (id, seq) in ack.events { #expect(stored[id] == seq, "writer \(writer): \(id)") }
            // A writer's own events keep its order.
            let mine = snapshot.events.filter { $0.id.rawValue.hasPrefix(String(format: "0190c8a0-%04x-", writer)) }
            #expect(mine.map(\.id.rawValue) == mine.map(\.id.rawValue).sorted(), "writer \(writer) out of order")
        }
        // Batches are whole and uninterrupted: i/n marks run 1…n on consecutive seqs.
        var open: BatchMark?
        for event in snapshot.events {
            if let mark = open {
                #expect(event.batch?.index == mark.index + 1 && event.batch?.count == mark.count, "seq \(event.seq) interrupts a batch")
            } else if let mark = event.batch {
                #expect(mark.index == 1, "seq \(event.seq) starts a batch at \(mark)")
            }
            open = event.batch.flatMap { $0.index < $0.count ? $0 : nil }
        }
        #expect(open == nil)
        // How often the writer changes along seq: how much the two really overlapped.
        let writers = snapshot.events.map { $0.id.rawValue.dropFirst(9).prefix(4) }
        let switches = zip(writers, writers.dropFirst()).filter { $0 != $1 }.count
        print("CONCURRENCY: \(expectedEvents) events, the writer changes \(switches) times along seq")
        if batchSize > 1 { #expect(snapshot.events.contains { $0.batch?.count == batchSize }) }
    }

    @Test("two processes × 500 events, in imports of 10: 1,000 events, seq contiguous, batches whole, chain valid")
    func twoImporters() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let acks = try Self.runWriters(scratch, writers: [1, 2], iterations: 50, batchEvery: 1)
        #expect(acks.values.map(\.events.count) == [500, 500])
        // The unit (seq 1) and the 1,000 admissions.
        try Self.checkJournal(scratch, acks, expectedEvents: 1001, batchSize: 10)
        let admissions = try JournalSnapshot(path: scratch.journalPath).events.dropFirst()
        #expect(admissions.map(\.seq) == Array(2...1001))
        let verify = scratch.run(["verify", "--json"])
        #expect(verify.status == 0 && verify.stdout.contains("1001"), "\(verify)")
    }

    @Test("two processes × 50 single records: seq contiguous, every acknowledgement kept")
    func twoRecorders() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let acks = try Self.runWriters(scratch, writers: [3, 4], iterations: 50, batchEvery: 0)
        #expect(acks.values.map(\.events.count) == [50, 50])
        try Self.checkJournal(scratch, acks, expectedEvents: 101, batchSize: 1)
    }

    @Test("two processes retrying the same 30 event ids at once: each recorded exactly once")
    func racingRetries() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        let script = WriterScripts.appender(writer: 9, iterations: 30, batchEvery: 5, batchSize: 4)
        let children = try (1...2).map { n in
            try ChildProcess(bash: script, in: scratch.directory.path, stdoutPath: scratch.directory.file("out-\(n).txt"),
                             stderrPath: scratch.directory.file("err-\(n).txt"))
        }
        for child in children { #expect(child.wait() == 0) }
        let snapshot = try JournalSnapshot(path: scratch.journalPath)
        #expect(snapshot.verify.ok)
        // 24 single records and 6 imports of 4: 48 ids, each once, plus the unit.
        #expect(snapshot.events.count == 49)
        #expect(Set(snapshot.events.map(\.id)).count == 49)
        for n in 1...2 {
            let exits = scratch.directory.read("out-\(n).txt").split(separator: "\n").filter { $0.hasPrefix("EXIT") }
            #expect(exits.count == 30 && exits.allSatisfy { $0.hasSuffix(" 0") }, "\(scratch.directory.read("err-\(n).txt"))")
        }
        // 96 attempts, 48 writes: every id the other process wrote first is "already recorded".
        let both = scratch.directory.read("out-1.txt") + scratch.directory.read("out-2.txt")
        #expect(both.split(separator: "\n").filter { $0.hasPrefix("already recorded") }.count == 48)
    }

    @Test("--expect-seq: a stale one is refused with 75 and writes nothing; of two racing writers exactly one wins")
    func expectSeq() throws {
        let scratch = ScratchJournal()
        #expect(scratch.recordUnit().status == 0)
        #expect(scratch.recordAdmission().status == 0)
        let bytes = scratch.journalBytes
        for stale in ["0", "1", "3", "10"] {
            let refused = scratch.recordAdmission(["--expect-seq", stale])
            #expect(refused.status == 75, "\(refused)")
            #expect(refused.stderr.contains("nothing was written"))
        }
        #expect(scratch.journalBytes == bytes)
        #expect(scratch.recordAdmission(["--expect-seq", "2"]).status == 0)

        for round in 0..<5 {
            let head = 3 + round
            let racers = try (1...2).map { n in
                try ChildProcess(bash: #""$SOCAI_BIN" record admission --unit u1 --date 2021-03-01 --count 1 --expect-seq "# + String(head),
                                 in: scratch.directory.path, stdoutPath: scratch.directory.file("race-\(round)-\(n).txt"),
                                 stderrPath: scratch.directory.file("race-\(round)-\(n).err"))
            }
            let statuses = racers.map { $0.wait() }.sorted()
            #expect(statuses == [0, 75], "round \(round): \(statuses)")
        }
        let snapshot = try JournalSnapshot(path: scratch.journalPath)
        #expect(snapshot.events.count == 8 && snapshot.verify.ok)
    }
}
