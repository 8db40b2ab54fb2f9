import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// A writer killed with SIGKILL at arbitrary moments never loses what it acknowledged, and never
/// leaves the journal damaged: at worst a torn tail, which the next writer quarantines.
@Suite("SIGKILL during appends")
struct KillTests {
    @Test("20 rounds of a bash loop of socai record/import killed with SIGKILL at seeded random moments")
    func killedWriterKeepsEveryAcknowledgedEvent() throws {
        let scratch = ScratchJournal()
        #expect(scratch.run(["record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell", "--date", "2020-01-01"]).status == 0)
        var generator = SeededGenerator(seed: 0x50C_A1)
        var acknowledged: [EventID: Int64] = [:]
        var recoveries = 0
        var unacknowledgedButPresent = 0
        let rounds = 20

        for round in 1...rounds {
            let out = scratch.directory.file("acks-\(round).txt"), err = scratch.directory.file("err-\(round).txt")
            let child = try ChildProcess(bash: WriterScripts.appender(writer: round), in: scratch.directory.path,
                                         stdoutPath: out, stderrPath: err)
            // Let 1–3 commands finish (however loaded the machine), then kill at a random moment
            // in what follows: mid-command, between commands, while acknowledging.
            let finished = Int.random(in: 1...3, using: &generator)
            let deadline = Date().addingTimeInterval(30)
            while scratch.directory.read("acks-\(round).txt").components(separatedBy: "EXIT ").count - 1 < finished && Date() < deadline {
                usleep(5_000)
            }
            usleep(UInt32.random(in: 0...150_000, using: &generator))
            child.killGroup(SIGKILL)
            #expect(child.wait() == 128 + SIGKILL)
            child.waitForGroupToExit()

            let acks = WriterScripts.acknowledgements(scratch.directory.read("acks-\(round).txt"), writer: round)
            #expect(acks.exitStatuses.allSatisfy { $0 == 0 }, "round \(round): a command failed before the kill: \(scratch.directory.read("err-\(round).txt"))")
            #expect(acks.unparsed.isEmpty, "round \(round): \(acks.unparsed)")
            acknowledged.merge(acks.events) { old, _ in old }

            // Straight after the kill: no damage, every acknowledged event there, at its seq.
            let after = try JournalSnapshot(path: scratch.journalPath)
            #expect(after.verify.problems.isEmpty, "round \(round): \(after.verify.problems)")
            #expect(after.events.map(\.seq) == Array(1...Int64(after.events.count)))
            let stored = after.seqByID
            // Written but killed before it could say so: allowed (never acknowledged), and counted.
            let writtenThisRound = after.events.filter { $0.id.rawValue.hasPrefix(String(format: "0190c8a0-%04x-", round)) }
            unacknowledgedButPresent += writtenThisRound.filter { acks.events[$0.id] == nil }.count
            for (id, seq) in acknowledged {
                #expect(stored[id] == seq, "round \(round): acknowledged \(id) at seq \(seq), journal has \(stored[id].map(String.init) ?? "nothing")")
            }

            // The next writer recovers whatever the kill left and says so; then all is clean.
            let leftovers = after.report.tornTail != nil || after.report.incompleteBatch != nil
            // A day of its own each round: the same admission again would be warned as a possible duplicate.
            let next = scratch.run(["record", "admission", "--unit", "u1", "--date", String(format: "2021-04-%02d", round), "--count", "1"])
            #expect(next.status == 0, "round \(round): \(next)")
            if leftovers {
                recoveries += 1
                #expect(next.stderr.contains("quarantine"), "round \(round): \(next.stderr)")
                let clean = try JournalSnapshot(path: scratch.journalPath)
                #expect(clean.verify.ok && clean.verify.warnings.isEmpty && clean.report.tornTail == nil && clean.report.incompleteBatch == nil)
            } else {
                #expect(next.stderr.isEmpty, "round \(round): \(next.stderr)")
            }
        }
        let verify = scratch.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("chain intact"), "\(verify)")
        let final = try JournalSnapshot(path: scratch.journalPath)
        #expect(acknowledged.count >= rounds, "too few acknowledgements to mean anything: \(acknowledged.count)")
        #expect(Set(final.events.map(\.id)).count == final.events.count)
        print("KILL summary: \(rounds) rounds, \(acknowledged.count) acknowledged events, \(final.events.count) events in the journal, "
              + "\(unacknowledgedButPresent) written but killed before acknowledging, \(recoveries) recoveries, quarantine files: \(try FileJournal.open(at: scratch.journalPath).quarantineFiles().count)")
    }

    @Test("a write the file system cuts short (file size limit, EFBIG) leaves nothing behind: exit 74, then appends continue",
          arguments: [false, true])
    func writeCutShortByFileSizeLimit(intoNewSegment: Bool) throws {
        let scratch = ScratchJournal(initialise: false)
        // With 4096-byte segments a batch of ten (about 4.4 kB) always starts a new segment.
        #expect(scratch.run(["init"] + (intoNewSegment ? ["--segment-bytes", "4096"] : [])).status == 0)
        #expect(scratch.run(["record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell", "--date", "2020-01-01"]).status == 0)
        for day in 1...3 {
            #expect(scratch.run(["record", "admission", "--unit", "u1", "--date", "2021-03-0\(day)", "--count", "1"]).status == 0)
        }
        let before = try JournalSnapshot(path: scratch.journalPath)
        let bytesBefore = scratch.journalBytes
        // Ten different admissions (the same one ten times would be warned as possible duplicates).
        scratch.directory.write("ten.jsonl", (10...19).map { #"{"type":"admission","unit":"u1","date":"2021-03-\#($0)","count":1}"# + "\n" }.joined())

        // A limit 1–2 KiB past where the batch starts: the kernel writes part of it, then refuses.
        let limitKiB = intoNewSegment ? 1 : bytesBefore.count / 1024 + 2
        let out = scratch.directory.file("out.txt"), err = scratch.directory.file("err.txt")
        let child = try ChildProcess(bash: #"ulimit -f "# + String(limitKiB) + #"; "$SOCAI_BIN" import ten.jsonl"#,
                                     in: scratch.directory.path, stdoutPath: out, stderrPath: err)
        #expect(child.wait() == 74, "\(scratch.directory.read("err.txt"))")
        #expect(scratch.directory.read("err.txt").contains("nothing was written"))
        #expect(scratch.directory.read("out.txt").isEmpty)

        #expect(scratch.journalBytes == bytesBefore, "no partial line, no new segment left behind")
        let after = try JournalSnapshot(path: scratch.journalPath)
        #expect(after.events == before.events && after.verify.ok && after.verify.warnings.isEmpty)
        #expect(scratch.segmentNames.count == 1, "a half-written new segment is removed")
        #expect(try FileJournal.open(at: scratch.journalPath).quarantineFiles().isEmpty)

        let retry = scratch.run(["import", "ten.jsonl"])
        #expect(retry.status == 0 && retry.stderr.isEmpty, "\(retry)")
        let final = try JournalSnapshot(path: scratch.journalPath)
        #expect(final.events.count == before.events.count + 10 && final.verify.ok)
        #expect(scratch.segmentNames.count == (intoNewSegment ? 2 : 1))
    }
}
