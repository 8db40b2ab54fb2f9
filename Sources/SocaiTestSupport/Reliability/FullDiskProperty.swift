#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore

/// Property 4: when the system refuses a write, socai says so (exit 74), leaves no partial line,
/// and the journal stays verifiable; a read-only journal refuses writes and still serves reads.
///
/// - **file size limit**: `limitTrials` appends (imports of 2–60 events, some single records) under
///   `ulimit -f` set a little past the segment's end, so the kernel writes part of the batch and then
///   refuses (EFBIG; SIGXFSZ ignored); some into a new segment.
/// - **full disk**: a tmpfs of 256 KiB (needs root; skipped with a note otherwise) filled by imports
///   and records until the disk is full, then a torn tail that cannot be quarantined for lack of space.
/// - **read-only**: a read-only bind mount of the journal (root), and a journal directory and files
///   without write permission (`chmod`, run as `nobody` when we are root).
public enum FullDiskProperty {
    public static func run(_ env: ReliabilityEnvironment, limitTrials: Int) -> PropertyReport {
        let report = PropertyReport("4 full disk and I/O errors")
        let root = env.directory("fulldisk")
        _ = chmod(env.work, 0o755)
        _ = chmod(root, 0o755)
        let socai = Runner(env.socai, scratch: root)
        var rng = SeededGenerator(seed: env.seed ^ 0xD15C)
        var ids = EventIDs(tag: 0xD1)

        fileSizeLimit(env, report, socai, root: root, trials: limitTrials, rng: &rng, ids: &ids)
        fullTmpfs(env, report, socai, root: root, rng: &rng, ids: &ids)
        readOnly(env, report, socai, root: root, ids: &ids)
        return report
    }

    /// The journal's segments as they are (seals left out: derived, and a roll-over may write one).
    static func segmentBytes(_ journal: String) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: Files.segments(journal).map { ($0, Files.bytes(journal + "/" + $0)) })
    }

    static func makeJournal(_ socai: Runner, _ journal: String, segmentBytes: Int? = nil) -> Bool {
        socai.run(["--journal", journal, "init"] + (segmentBytes.map { ["--segment-bytes", String($0)] } ?? [])).status == 0
            && socai.run(["--journal", journal, "record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell",
                          "--date", "2020-01-01"]).status == 0
    }

    /// Checks a refused write: exit 74, a message naming the cause, nothing printed as recorded,
    /// the segments unchanged, no quarantine or temporary file, and a clean verify.
    static func expectRefused(_ report: PropertyReport, _ label: String, _ result: RunResult, journal: String,
                              before: [String: [UInt8]], cause: String, allowWarnings: Bool = false,
                              quarantinesBefore: Set<String> = []) {
        report.check(result.status == 74, "\(label): exit \(result.termination), expected 74: \(result.stderr)")
        report.check(result.stderr.contains(cause), "\(label): the message does not say '\(cause)': \(result.stderr)")
        report.check(result.stderr.contains("nothing was written") || cause == "Read-only" || cause == "Permission denied",
                     "\(label): the message does not say nothing was written: \(result.stderr)")
        report.check(!result.stdout.contains("recorded"), "\(label): printed an acknowledgement: \(result.stdout)")
        report.check(segmentBytes(journal) == before, "\(label): the segments changed (a partial line or a new segment left behind)")
        let stray = Files.list(journal).filter { $0.contains(".tmp") }
        report.check(stray.isEmpty, "\(label): files left behind: \(stray)")
        report.check(Set(Files.quarantines(journal)) == quarantinesBefore,
                     "\(label): a quarantine file was left behind by the refused write: \(Set(Files.quarantines(journal)).subtracting(quarantinesBefore))")
        let state = JournalState(journal)
        report.check(state.error == nil && state.verify?.ok == true && (allowWarnings || state.verify?.warnings.isEmpty == true),
                     "\(label): the journal does not verify clean after the refusal: \(state.error ?? "") \(state.verify?.problems.prefix(2).map(\.description) ?? [])")
    }

    static func fileSizeLimit(_ env: ReliabilityEnvironment, _ report: PropertyReport, _ socai: Runner, root: String, trials: Int,
                              rng: inout SeededGenerator, ids: inout EventIDs) {
        let big = root + "/limit", small = root + "/limit-small"
        guard makeJournal(socai, big), makeJournal(socai, small, segmentBytes: 4096) else {
            report.fail("ulimit: could not create the journals")
            return
        }
        var acked: [String: [EventID: Int64]] = [big: [:], small: [:]]
        for trial in 1...max(1, trials) where trials > 0 {
            // Every fourth trial: a batch that must start a new 4096-byte segment.
            let newSegment = trial % 4 == 0
            let journal = newSegment ? small : big
            let single = !newSegment && rng.chance(20)
            let batch = single ? [ids.take()] : ids.take(rng.int((newSegment ? 10 : 2)...60))
            let file = root + "/limit.jsonl"
            Files.writeText(file, admissionLines(batch))
            let last = Files.segments(journal).last.map { journal + "/" + $0 }
            let size = last.map(Files.size) ?? 0
            // The limit (KiB) lands inside the write: the kernel takes part of it, then says EFBIG.
            let estimate = batch.count * 400
            let limit = newSegment ? rng.int(1...3) : (size + rng.int(1...max(1, estimate - 1))) / 1024 + (rng.chance(10) ? 0 : 1)
            let command = single
                ? "record admission --unit u1 --date 2021-03-01 --count 1 --event-id \(batch[0].rawValue)"
                : "import \(shellQuote(file))"
            let before = segmentBytes(journal)
            let result = socai.bash("ulimit -f \(limit); trap '' XFSZ; exec \"$SOCAI\" --journal \(shellQuote(journal)) \(command)")
            report.add("ulimit appends")
            if result.status == 0 {
                // The limit was past the end of this write: it simply fits.
                report.add("ulimit: fitted under the limit")
                acked[journal]!.merge(Acknowledgement.parse(result.stdout, importIDs: batch)) { $1 }
                continue
            }
            report.add(newSegment ? "ulimit: refused (new segment)" : "ulimit: refused (74)")
            expectRefused(report, "ulimit -f \(limit) trial \(trial)", result, journal: journal, before: before, cause: "file size limit")
            // Without the limit the same append goes through.
            let retry = socai.run(["--journal", journal] + (single
                ? ["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1", "--event-id", batch[0].rawValue]
                : ["import", file]))
            report.check(retry.status == 0 && retry.stderr.isEmpty, "trial \(trial): the retry without a limit failed: \(retry)")
            acked[journal]!.merge(Acknowledgement.parse(retry.stdout, importIDs: batch)) { $1 }
        }
        // Reading under a limit is unaffected.
        let read = socai.bash("ulimit -f 1; exec \"$SOCAI\" --journal \(shellQuote(big)) --no-snapshot replay --json")
        report.check(read.status == 0, "replay under ulimit -f 1: \(read)")
        for journal in [big, small] {
            let state = JournalState(journal)
            var stored: [EventID: Int64] = [:]
            for event in state.events { stored[event.id] = event.seq }
            let lost = acked[journal]!.filter { stored[$0.key] != $0.value }.count
            report.check(lost == 0 && state.verify?.ok == true && Files.quarantines(journal).isEmpty,
                         "\(journal): \(lost) acknowledged events lost, verify \(state.verify?.ok == true)")
        }
    }

    static func fullTmpfs(_ env: ReliabilityEnvironment, _ report: PropertyReport, _ socai: Runner, root: String,
                          rng: inout SeededGenerator, ids: inout EventIDs) {
        let mountPoint = root + "/tmpfs"
        try? FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = socai.bash("mount -t tmpfs -o size=256k,mode=0755 socai-reliability \(shellQuote(mountPoint))")
        guard mounted.status == 0 else {
            report.note("tmpfs: mount failed (\(mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines))): full-disk cases use ulimit only")
            report.set("tmpfs: not run (mount refused)", 1)
            return
        }
        defer { socai.bash("umount \(shellQuote(mountPoint))") }
        let journal = mountPoint + "/Journal"
        guard makeJournal(socai, journal, segmentBytes: 64 * 1024) else { report.fail("tmpfs: could not create the journal"); return }
        // Space held back, to free once the disk has been full.
        let filler = mountPoint + "/filler"
        Files.write(filler, [UInt8](repeating: 0x20, count: 64 * 1024))
        var acked: [EventID: Int64] = [:]
        var refusals = 0
        var appends = 0
        // Imports until the disk is full, then single records until even one line does not fit.
        for single in [false, true] {
            var failedInARow = 0
            while failedInARow < 3 && appends < 2000 {
                appends += 1
                let batch = single ? [ids.take()] : ids.take(rng.int(5...60))
                let file = root + "/tmpfs.jsonl"
                Files.writeText(file, admissionLines(batch))
                let before = segmentBytes(journal)
                let result = socai.run(["--journal", journal] + (single
                    ? ["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1", "--event-id", batch[0].rawValue]
                    : ["import", file]))
                if result.status == 0 {
                    acked.merge(Acknowledgement.parse(result.stdout, importIDs: batch)) { $1 }
                    failedInARow = 0
                    continue
                }
                refusals += 1
                failedInARow += 1
                expectRefused(report, "tmpfs append \(appends)", result, journal: journal, before: before, cause: "No space left on device")
            }
        }
        report.add("tmpfs appends", appends)
        report.add("tmpfs: refused, disk full (74)", refusals)
        report.check(refusals >= 3, "tmpfs: the disk never filled up")

        // A torn tail on a full disk: the writer cannot quarantine it, so it refuses and changes nothing.
        if let last = Files.segments(journal).last {
            let path = journal + "/" + last
            let bytes = Files.bytes(path)
            Files.truncate(path, to: bytes.count - 7)     // the last line loses its end: now a torn write
            // The cut write never happened as far as promises go: its events were never acknowledged.
            let visible = Int64(JournalState(journal, verify: false).events.count)
            for (id, seq) in acked where seq > visible { acked[id] = nil }
            let before = segmentBytes(journal)
            let quarantinesBefore = Set(Files.quarantines(journal))
            let id = ids.take()
            let result = socai.run(["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1",
                                    "--event-id", id.rawValue])
            if result.status == 0 {
                report.note("tmpfs: the torn tail could still be quarantined (space was left)")
                acked.merge(Acknowledgement.parse(result.stdout)) { $1 }
            } else {
                expectRefused(report, "tmpfs torn tail", result, journal: journal, before: before, cause: "No space left on device",
                              allowWarnings: true, quarantinesBefore: quarantinesBefore)
                report.check(JournalState(journal).report?.tornTail != nil, "tmpfs: the torn tail is no longer reported")
                report.add("tmpfs: torn tail kept, quarantine refused (74)")
            }
            Files.remove(filler)
            let freed = socai.run(["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1",
                                   "--event-id", ids.take().rawValue])
            report.check(freed.status == 0, "tmpfs: after freeing space the append failed: \(freed)")
            acked.merge(Acknowledgement.parse(freed.stdout)) { $1 }
        }
        let state = JournalState(journal)
        var stored: [EventID: Int64] = [:]
        for event in state.events { stored[event.id] = event.seq }
        let lost = acked.filter { stored[$0.key] != $0.value }.count
        report.check(lost == 0, "tmpfs: \(lost) acknowledged events lost")
        report.check(state.verify?.ok == true && state.verify?.warnings.isEmpty == true, "tmpfs: the journal does not verify clean at the end")
    }

    static func readOnly(_ env: ReliabilityEnvironment, _ report: PropertyReport, _ socai: Runner, root: String, ids: inout EventIDs) {
        let isRoot = geteuid() == 0
        // 1. A read-only bind mount (root only), with a torn tail the writer would have to quarantine.
        let mounted = root + "/ro-mount"
        let journal = mounted + "/Journal"
        try? FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        if makeJournal(socai, journal) {
            socai.run(["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"])
            if let last = Files.segments(journal).last {
                let path = journal + "/" + last
                Files.write(path, Files.bytes(path) + Array(#"{"specversion":"1.0","id":"0190"#.utf8))
            }
        }
        let bind = socai.bash("mount --bind \(shellQuote(mounted)) \(shellQuote(mounted)) && mount -o remount,ro,bind \(shellQuote(mounted))")
        if isRoot && bind.status == 0 {
            defer { socai.bash("umount \(shellQuote(mounted))") }
            checkReadOnly(report, socai, journal: journal, label: "read-only mount", cause: "Read-only", as: nil, ids: &ids)
            report.add("read-only mount: checked")
        } else {
            socai.bash("umount \(shellQuote(mounted)) 2>/dev/null; true")
            report.note("read-only bind mount not possible here (\(bind.stderr.trimmingCharacters(in: .whitespacesAndNewlines))): chmod only")
        }

        // 2. No write permission on the journal directory and files.
        let plain = root + "/ro-chmod/Journal"
        guard makeJournal(socai, plain) else { report.fail("chmod: could not create the journal"); return }
        socai.run(["--journal", plain, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"])
        var runAs: [String]? = nil
        if isRoot {
            // Root ignores permission bits: run socai as nobody, owning the journal.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                report.note("chmod case skipped: running as root and no setpriv to drop privileges")
                return
            }
            _ = chmod(root + "/ro-chmod", 0o755)
            socai.bash("chown -R 65534:65534 \(shellQuote(plain))")
            runAs = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        }
        socai.bash("chmod 0440 \(shellQuote(plain))/*; chmod 0550 \(shellQuote(plain))")
        checkReadOnly(report, socai, journal: plain, label: "chmod a-w" + (isRoot ? " (as nobody)" : ""), cause: "Permission denied",
                      as: runAs, ids: &ids)
        report.add("chmod a-w: checked")
        socai.bash("chmod -R u+w \(shellQuote(plain))")
    }

    /// `record` and `import` refuse with 74 and a clear message; `replay`, `log` and `verify` answer.
    static func checkReadOnly(_ report: PropertyReport, _ socai: Runner, journal: String, label: String, cause: String,
                              as prefix: [String]?, ids: inout EventIDs) {
        func run(_ arguments: [String]) -> RunResult {
            guard let prefix else { return socai.run(["--journal", journal] + arguments) }
            let quoted = (prefix + [socai.executable, "--journal", journal] + arguments).map(shellQuote).joined(separator: " ")
            return socai.bash("cd / && exec " + quoted)
        }
        let before = segmentBytes(journal)
        let record = run(["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1", "--event-id", ids.take().rawValue])
        expectRefused(report, "\(label): record", record, journal: journal, before: before, cause: cause, allowWarnings: true)
        let file = (journal as NSString).deletingLastPathComponent + "-" + String(label.filter(\.isLetter)) + ".jsonl"
        Files.writeText(file, admissionLines(ids.take(3)))
        _ = chmod(file, 0o644)
        let importing = run(["import", file])
        expectRefused(report, "\(label): import", importing, journal: journal, before: before, cause: cause, allowWarnings: true)
        for reading in [["--no-snapshot", "replay", "--json"], ["log", "--json"], ["verify"]] {
            let result = run(reading)
            report.check(result.status == 0 && !result.stdout.isEmpty, "\(label): \(reading.joined(separator: " ")) failed: \(result)")
            report.add("read-only: reads answered")
        }
        report.add("read-only: writes refused (74)", 2)
    }
}
