#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore

/// Property 1: a crash at any point loses nothing acknowledged and damages nothing.
///
/// Three ways to crash, mixed at random over one journal:
/// - **sigkill**: a real `socai record` or `socai import` (2–60 events) killed with SIGKILL at a
///   random moment of its run (the window is calibrated on unkilled runs first);
/// - **truncate**: an append runs to completion, then the segment is cut at a random byte inside
///   what it wrote, as a power cut before the data reached the disk would leave it (the append
///   then counts as never acknowledged);
/// - **torn-writer**: `socai-reliability torn-writer` takes the journal's lock like a writer,
///   writes a random prefix of the next encoded lines in small `write`s, and SIGKILLs itself.
///
/// After every run: readers do not fail, `verify` finds no problem, every acknowledged event is
/// there exactly once at the seq it was acknowledged with, the bytes after the last committed line
/// are exactly the crash's leftovers; the next `socai record` succeeds, moves exactly those bytes
/// to one new quarantine file and says so; then the journal has no torn tail and verifies clean.
public enum CrashProperty {
    public static func run(_ env: ReliabilityEnvironment, runs: Int, segmentBytes: Int = 1 << 20,
                           maxBatch: Int = 60) -> PropertyReport {
        let report = PropertyReport("1 crash at any point")
        let root = env.directory("crash")
        let journal = root + "/Journal"
        let socai = Runner(env.socai, scratch: root)
        var rng = SeededGenerator(seed: env.seed ^ 0xC0A5)
        var ids = EventIDs(tag: 0xC1)
        var acked: [EventID: Int64] = [:]

        guard socai.run(["--journal", journal, "init", "--segment-bytes", String(segmentBytes)]).status == 0,
              socai.run(["--journal", journal, "record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell",
                         "--date", "2020-01-01"]).status == 0 else {
            report.fail("could not create the journal")
            return report
        }

        func recordArgs(_ id: EventID) -> [String] {
            ["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1", "--event-id", id.rawValue]
        }
        func importFile(_ batch: [EventID]) -> String {
            let path = root + "/batch.jsonl"
            Files.writeText(path, admissionLines(batch))
            return path
        }

        // Calibration: how long an unkilled record and import take here, so kills land anywhere in a run.
        var recordTimes: [Double] = [], importTimes: [Double] = []
        for _ in 0..<3 {
            let id = ids.take()
            let r = socai.run(recordArgs(id))
            report.check(r.status == 0, "calibration record failed: \(r)")
            acked.merge(Acknowledgement.parse(r.stdout)) { $1 }
            recordTimes.append(r.seconds)
            let batch = ids.take(maxBatch / 2)
            let i = socai.run(["--journal", journal, "import", importFile(batch)])
            report.check(i.status == 0, "calibration import failed: \(i)")
            acked.merge(Acknowledgement.parse(i.stdout, importIDs: batch)) { $1 }
            importTimes.append(i.seconds)
        }
        let recordWindow = 1.3 * recordTimes.sorted()[1], importWindow = 1.3 * importTimes.sorted()[1]
        report.note(String(format: "kill windows: record 0–%.0f ms, import 0–%.0f ms", recordWindow * 1000, importWindow * 1000))

        enum Mechanism: String, CaseIterable { case sigkill, truncate, tornWriter = "torn-writer" }
        var plan: [Mechanism] = []
        plan += Array(repeating: .sigkill, count: runs - 2 * (runs / 4))
        plan += Array(repeating: .truncate, count: runs / 4)
        plan += Array(repeating: .tornWriter, count: runs / 4)
        plan.shuffle(using: &rng)

        for (index, mechanism) in plan.enumerated() {
            let run = index + 1
            report.add("runs")
            report.add("\(mechanism.rawValue) runs")
            let segmentsBefore = Files.segments(journal)
            let lastBefore = segmentsBefore.last
            let sizeBefore = lastBefore.map { Files.size(journal + "/" + $0) } ?? 0
            var expectedLeftover: [UInt8]?? = .none   // .some(nil): none expected; .some(bytes): exactly these
            var restoresNewline = false               // all written but the final newline: the next writer adds it
            var writtenIDs: [EventID] = []

            switch mechanism {
            case .sigkill:
                let isImport = rng.chance(60)
                let batch = isImport ? ids.take(rng.int(2...maxBatch)) : [ids.take()]
                writtenIDs = batch
                let arguments = isImport ? ["--journal", journal, "import", importFile(batch)] : recordArgs(batch[0])
                let out = root + "/kill-out", err = root + "/kill-err"
                guard let child = try? Spawned(env.socai, arguments, stdout: out, stderr: err) else {
                    report.fail("run \(run): could not start socai")
                    continue
                }
                let window = isImport ? importWindow : recordWindow
                usleep(UInt32(Double.random(in: 0...window, using: &rng) * 1_000_000))
                child.signal(SIGKILL)
                let end = child.wait(timeout: 60)
                let stdout = Files.text(out)
                switch end {
                case .signalled(SIGKILL):
                    report.add("sigkill: killed")
                case .exited(0):
                    report.add("sigkill: finished before the kill")
                default:
                    report.fail("run \(run): socai ended with \(end) before the kill: \(Files.text(err))")
                }
                let acks = Acknowledgement.parse(stdout, importIDs: batch)
                if !acks.isEmpty, end != .exited(0) { report.add("sigkill: killed after acknowledging") }
                acked.merge(acks) { $1 }

            case .truncate:
                let isImport = rng.chance(60)
                let batch = isImport ? ids.take(rng.int(2...maxBatch)) : [ids.take()]
                writtenIDs = batch
                let r = socai.run(isImport ? ["--journal", journal, "import", importFile(batch)] : recordArgs(batch[0]))
                guard report.check(r.status == 0, "run \(run): append before the cut failed: \(r)") else { continue }
                let segments = Files.segments(journal)
                guard let last = segments.last else { continue }
                let isNew = last != lastBefore
                let start = isNew ? 0 : sizeBefore
                let path = journal + "/" + last
                let after = Files.bytes(path)
                // Anywhere inside what the append wrote, but not all of it (then it would be complete).
                let cut = rng.int((isNew ? 0 : start + 1)...(after.count - 1))
                Files.truncate(path, to: cut)
                // All of it but the final newline: the last line is whole and kept (MissingNewline).
                restoresNewline = cut == after.count - 1
                expectedLeftover = .some(cut > start && !restoresNewline ? Array(after[start..<cut]) : nil)
                // The crash came before the acknowledgement: these events were never promised.
                for id in batch { acked[id] = nil }

            case .tornWriter:
                let count = rng.chance(40) ? 1 : rng.int(2...20)
                let batch = ids.take(count)
                writtenIDs = batch
                let out = root + "/torn-out", err = root + "/torn-err"
                let arguments = ["torn-writer", "--journal", journal, "--seed", String(rng.next())] + batch.flatMap { ["--id", $0.rawValue] }
                guard let child = try? Spawned(env.helper, arguments, stdout: out, stderr: err) else {
                    report.fail("run \(run): could not start the torn writer \(env.helper)")
                    continue
                }
                let end = child.wait(timeout: 60)
                report.check(end == .signalled(SIGKILL), "run \(run): the torn writer ended with \(end): \(Files.text(err))")
                let segments = Files.segments(journal)
                if let last = segments.last {
                    let start = last == lastBefore ? sizeBefore : 0
                    let bytes = Files.bytes(journal + "/" + last)
                    let written = Array(bytes[min(start, bytes.count)...])
                    // All of it written is complete lines (a finished append that was never acknowledged): none left over.
                    let complete = !written.isEmpty && written.last == 0x0A
                        && written.split(separator: 0x0A, omittingEmptySubsequences: true).count == count
                    // All of it but the final newline (the writer printed how many bytes it meant to write).
                    restoresNewline = Int(Files.text(out).split(whereSeparator: \.isWhitespace).last ?? "") == written.count + 1
                    expectedLeftover = .some(complete || restoresNewline || written.isEmpty ? nil : written)
                    if complete { report.add("torn-writer: wrote every line (unacknowledged)") }
                }
            }

            // What a reader and verify see straight after the crash.
            let state = JournalState(journal)
            if let error = state.error {
                report.fail("run \(run) (\(mechanism.rawValue)): the journal cannot be read after the crash: \(error)")
                continue
            }
            report.check(state.verify?.problems.isEmpty == true,
                         "run \(run) (\(mechanism.rawValue)): verify found problems: \(state.verify?.problems.prefix(3).map(\.description) ?? [])")
            report.check(state.events.map(\.seq) == Array(1...Int64(state.events.count)),
                         "run \(run): seq is not contiguous from 1")
            var stored: [EventID: Int64] = [:]
            var duplicates = 0
            for event in state.events {
                if stored[event.id] != nil { duplicates += 1 }
                stored[event.id] = event.seq
            }
            report.check(duplicates == 0, "run \(run): \(duplicates) event ids appear twice")
            var lost = 0
            for (id, seq) in acked where stored[id] != seq { lost += 1 }
            report.check(lost == 0, "run \(run) (\(mechanism.rawValue)): \(lost) acknowledged events missing or moved")
            let presentUnacked = writtenIDs.filter { stored[$0] != nil && acked[$0] == nil }.count
            if presentUnacked > 0 { report.add("events written but never acknowledged (kept)", presentUnacked) }

            var leftover: [UInt8]?
            if let (segment, offset) = state.leftover {
                let bytes = Files.bytes(journal + "/" + segment)
                leftover = Array(bytes[offset...])
                if state.report?.tornTail != nil { report.add("\(mechanism.rawValue): torn tails") }
                if state.report?.incompleteBatch != nil { report.add("\(mechanism.rawValue): unfinished batches") }
            }
            report.check(restoresNewline == (state.report?.missingNewline != nil) || mechanism == .sigkill,
                         "run \(run) (\(mechanism.rawValue)): all but the final newline written, yet the last line is \(restoresNewline ? "not kept" : "kept")")
            if case .some(let expected) = expectedLeftover {
                report.check(leftover == expected,
                             "run \(run) (\(mechanism.rawValue)): the reader's leftover (\(leftover?.count ?? 0) bytes) is not the \(expected?.count ?? 0) bytes the crash left")
            }

            // The next append succeeds, quarantines exactly the leftovers and says so.
            let quarantinesBefore = Set(Files.quarantines(journal))
            let nextID = ids.take()
            let next = socai.run(recordArgs(nextID))
            guard report.check(next.status == 0, "run \(run) (\(mechanism.rawValue)): the next append failed: \(next)") else { continue }
            acked.merge(Acknowledgement.parse(next.stdout)) { $1 }
            report.check(acked[nextID] != nil, "run \(run): the next append printed no acknowledgement: \(next.stdout)")
            let newQuarantines = Files.quarantines(journal).filter { !quarantinesBefore.contains($0) }
            if let leftover {
                report.add("quarantine files")
                report.check(newQuarantines.count == 1, "run \(run): \(newQuarantines.count) new quarantine files, expected 1")
                if let name = newQuarantines.first {
                    report.check(Files.bytes(journal + "/" + name) == leftover, "run \(run): \(name) does not hold exactly the torn bytes")
                    report.check(next.stderr.contains(name) && next.stderr.contains("quarantine"),
                                 "run \(run): the writer did not say it quarantined: \(next.stderr)")
                }
            } else if state.report?.missingNewline != nil {
                report.add("\(mechanism.rawValue): last line kept, newline restored")
                report.check(newQuarantines.isEmpty && next.stderr.contains("added it back"),
                             "run \(run): the writer did not restore the missing newline: \(next.stderr)")
            } else {
                report.check(newQuarantines.isEmpty && next.stderr.isEmpty, "run \(run): unexpected recovery: \(next.stderr)")
            }
            let clean = JournalState(journal)
            report.check(clean.error == nil && clean.verify?.ok == true && clean.verify?.warnings.isEmpty == true
                         && clean.report?.tornTail == nil && clean.report?.incompleteBatch == nil,
                         "run \(run): not clean after recovery: \(clean.error ?? "") \(clean.verify?.problems.prefix(2).map(\.description) ?? [])")
            if run % 100 == 0 { env.log("crash: \(run)/\(runs) runs") }
        }

        let verify = socai.run(["--journal", journal, "verify"])
        report.check(verify.status == 0 && verify.stdout.contains("chain intact"), "final socai verify: \(verify)")
        let final = JournalState(journal)
        report.set("acknowledged events", acked.count)
        report.set("events in the journal", final.events.count)
        report.set("segments", Files.segments(journal).count)
        return report
    }
}

/// `socai-reliability torn-writer`: a writer that dies half-way through a line. Takes the journal's
/// lock as `FileJournal.append` does, encodes the next lines (a batch when several ids are given),
/// writes a random prefix of them (1 byte up to all of them) in small `write`s, fsyncs, and kills
/// itself with SIGKILL while holding the lock.
public enum TornWriter {
    public static func main(journalPath: String, ids: [EventID], seed: UInt64) -> Never {
        var rng = SeededGenerator(seed: seed)
        func die(_ message: String) -> Never {
            FileHandle.standardError.write(Data(("torn-writer: " + message + "\n").utf8))
            exit(70)
        }
        let lock = open(journalPath + "/journal.json", O_RDONLY | O_CLOEXEC)
        guard lock >= 0, flock(lock, LOCK_EX) == 0 else { die("cannot lock the journal") }
        guard let journal = try? FileJournal.open(at: journalPath),
              let head = try? journal.read(ReadOptions(fromSeq: Int64.max), { _ in true }).head else { die("cannot read the journal") }
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let now = Instant(millisecondsSinceEpoch: Int64(clock.tv_sec) * 1000 + Int64(clock.tv_nsec) / 1_000_000)
        let recorded = max(now, head.recordedTime ?? now)
        var hash = head.hash
        var bytes: [UInt8] = []
        for (offset, id) in ids.enumerated() {
            let event = PendingEvent(id: id, subject: UnitID("u1")!, effectiveDate: CalendarDate(year: 2021, month: 3, day: 1)!,
                                     recordedBy: "torn-writer", sourceDocument: nil, payload: .flow(Flow(kind: .admission, count: 1)))
            let batch = ids.count > 1 ? BatchMark(index: offset + 1, count: ids.count) : nil
            let envelope = event.envelope(seq: head.seq + Int64(offset) + 1, recordedTime: recorded, batch: batch)
            let (line, lineHash) = JournalLineCodec.encode(envelope, source: journal.metadata.source, previousHash: hash)
            bytes += line
            hash = lineHash
        }
        // Where FileJournal.append would write: the last segment, or a new one past the size limit.
        let segments = Files.segments(journalPath)
        var name = segments.last ?? "segment-00000001.jsonl"
        let size = Files.size(journalPath + "/" + name)
        if segments.isEmpty || (size > 0 && size + bytes.count > journal.metadata.segmentBytes) {
            name = String(format: "segment-%08d.jsonl", segments.count + 1)
        }
        let fd = open(journalPath + "/" + name, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { die("cannot open \(name)") }
        let prefix = Int.random(in: 1...bytes.count, using: &rng)
        // What it means to write, for the property to tell "all but the final newline" (a whole line kept).
        FileHandle.standardOutput.write(Data("bytes \(bytes.count)\n".utf8))
        var written = 0
        while written < prefix {
            let chunk = min(prefix - written, Int.random(in: 1...512, using: &rng))
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, chunk) }
            if n <= 0 { die("write failed") }
            written += n
        }
        fsync(fd)
        kill(getpid(), SIGKILL)
        while true { pause() }
    }
}
