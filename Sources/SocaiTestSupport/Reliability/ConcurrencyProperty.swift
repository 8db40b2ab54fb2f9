#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore

/// Property 2: concurrent writers never lose, mix or reorder what they write.
///
/// `writers` bash loops append at once, each `eventsPerWriter` events: most in `socai import`
/// batches of `batchSize`, `singles` of them one `socai record` at a time, interleaved. Then:
/// every command exited 0, `verify` is clean with no warnings, seq runs 1…N with no gap, every id
/// appears once at the seq its writer was told, each writer's events keep its order, every batch
/// sits on consecutive lines, and no quarantine file appeared (no torn write). Then `races` rounds
/// of `--expect-seq` races: `writers` processes started together with the same expected seq;
/// exactly one must win (exit 0) and the others exit 75 having written nothing.
public enum ConcurrencyProperty {
    public static func run(_ env: ReliabilityEnvironment, writers: Int, eventsPerWriter: Int, batchSize: Int,
                           singles: Int, races: Int) -> PropertyReport {
        let report = PropertyReport("2 concurrent writers")
        let root = env.directory("concurrency")
        let journal = root + "/Journal"
        let socai = Runner(env.socai, scratch: root)
        guard socai.run(["--journal", journal, "init"]).status == 0,
              socai.run(["--journal", journal, "record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell",
                         "--date", "2020-01-01"]).status == 0 else {
            report.fail("could not create the journal")
            return report
        }
        let imports = (eventsPerWriter - singles) / batchSize
        precondition(imports * batchSize + singles == eventsPerWriter, "eventsPerWriter - singles must be a multiple of batchSize")
        var rng = SeededGenerator(seed: env.seed ^ 0xC0C0)

        // Each writer's plan: `imports` imports and `singles` records, shuffled; the files made beforehand.
        var children: [(writer: Int, child: Spawned)] = []
        var importIDs: [Int: [Int: [EventID]]] = [:]
        for writer in 1...writers {
            var steps = Array(repeating: true, count: imports) + Array(repeating: false, count: singles)
            steps.shuffle(using: &rng)
            var script = "J=\(shellQuote(journal))\n"
            for (offset, isImport) in steps.enumerated() {
                let iteration = offset + 1
                if isImport {
                    let ids = (1...batchSize).map { WriterScripts.eventID(writer: writer, iteration: iteration, line: $0) }
                    importIDs[writer, default: [:]][iteration] = ids
                    let file = root + "/w\(writer)-\(iteration).jsonl"
                    Files.writeText(file, admissionLines(ids))
                    script += "echo \"BATCH \(iteration)\"; \"$SOCAI\" --journal \"$J\" import \(shellQuote(file)); echo \"EXIT \(iteration) $?\"\n"
                } else {
                    let id = WriterScripts.eventID(writer: writer, iteration: iteration, line: 0)
                    script += "\"$SOCAI\" --journal \"$J\" record admission --unit u1 --date 2021-03-01 --count 1 --event-id \(id.rawValue); echo \"EXIT \(iteration) $?\"\n"
                }
            }
            let scriptPath = root + "/writer-\(writer).sh"
            Files.writeText(scriptPath, script)
            guard let child = try? Spawned("/bin/bash", [scriptPath], environment: ["SOCAI": env.socai],
                                           stdout: root + "/out-\(writer).txt", stderr: root + "/err-\(writer).txt") else {
                report.fail("could not start writer \(writer)")
                return report
            }
            children.append((writer, child))
        }
        let started = Date()
        var acked: [Int: WriterScripts.Acknowledgements] = [:]
        for (writer, child) in children {
            let end = child.wait(timeout: 3600)
            report.check(end == .exited(0), "writer \(writer) ended with \(end)")
            acked[writer] = WriterScripts.acknowledgements(Files.text(root + "/out-\(writer).txt"), writer: writer, batchSize: batchSize)
        }
        let seconds = Date().timeIntervalSince(started)
        report.note(String(format: "%d writers appended %d events in %.1f s", writers, writers * eventsPerWriter, seconds))

        let state = JournalState(journal)
        let expected = 1 + writers * eventsPerWriter
        if let error = state.error { report.fail("the journal cannot be read: \(error)"); return report }
        report.check(state.verify?.ok == true && state.verify?.warnings.isEmpty == true,
                     "verify: \(state.verify?.problems.prefix(3).map(\.description) ?? []) \(state.verify?.warnings.map(\.en) ?? [])")
        report.check(state.events.count == expected, "\(state.events.count) events, expected \(expected)")
        report.check(state.events.map(\.seq) == Array(1...Int64(state.events.count)), "seq is not contiguous")
        report.check(Set(state.events.map(\.id)).count == state.events.count, "an event id appears twice")
        report.check(Files.quarantines(journal).isEmpty, "quarantine files appeared: \(Files.quarantines(journal))")
        var stored: [EventID: Int64] = [:]
        for event in state.events { stored[event.id] = event.seq }
        var acknowledged = 0
        for (writer, ack) in acked.sorted(by: { $0.key < $1.key }) {
            report.check(ack.unparsed.isEmpty, "writer \(writer) printed what was not understood: \(ack.unparsed.prefix(3))")
            report.check(ack.exitStatuses.count == imports + singles && ack.exitStatuses.allSatisfy { $0 == 0 },
                         "writer \(writer): \(ack.exitStatuses.filter { $0 != 0 }.count) commands failed: \(Files.text(root + "/err-\(writer).txt").prefix(500))")
            report.check(ack.events.count == eventsPerWriter, "writer \(writer): \(ack.events.count) acknowledged, expected \(eventsPerWriter)")
            acknowledged += ack.events.count
            let misplaced = ack.events.filter { stored[$0.key] != $0.value }.count
            report.check(misplaced == 0, "writer \(writer): \(misplaced) acknowledged events missing or at another seq")
            let mine = state.events.filter { $0.id.rawValue.hasPrefix(String(format: "0190c8a0-%04x-", writer)) }
            report.check(mine.map(\.id.rawValue) == mine.map(\.id.rawValue).sorted(), "writer \(writer): its events are out of its order")
        }
        // Batches whole and uninterrupted: marks 1…n on consecutive seqs.
        var open: BatchMark?
        var batches = 0
        for event in state.events {
            if let mark = open {
                report.check(event.batch?.index == mark.index + 1 && event.batch?.count == mark.count, "seq \(event.seq) interrupts a batch")
            } else if let mark = event.batch {
                report.check(mark.index == 1, "seq \(event.seq) starts a batch at \(mark)")
                batches += 1
            }
            open = event.batch.flatMap { $0.index < $0.count ? $0 : nil }
        }
        report.check(open == nil, "the journal ends inside a batch")
        let owners = state.events.map { $0.id.rawValue.dropFirst(9).prefix(4) }
        let switches = zip(owners, owners.dropFirst()).filter { $0 != $1 }.count
        report.add("writers", writers)
        report.add("events", state.events.count - 1)
        report.add("imports", writers * imports)
        report.add("singles", writers * singles)
        report.add("acknowledged", acknowledged)
        report.add("writer switches along seq", switches)

        // --expect-seq races.
        var ids = EventIDs(tag: 0xC2)
        for round in 1...max(1, races) where races > 0 {
            let head = Int64(JournalState(journal, verify: false).events.count)
            let roundIDs = ids.take(writers)
            let racers: [Spawned] = roundIDs.enumerated().compactMap { n, id in
                try? Spawned(env.socai, ["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1",
                                         "--expect-seq", String(head), "--event-id", id.rawValue],
                             stdout: root + "/race-out-\(n)", stderr: root + "/race-err-\(n)")
            }
            let ends = racers.map { $0.wait(timeout: 120) }
            let codes = ends.map { $0.code ?? -1 }
            report.check(codes.filter { $0 == 0 }.count == 1 && codes.filter { $0 == 75 }.count == writers - 1,
                         "race \(round): exits \(codes)")
            for (n, code) in codes.enumerated() where code == 75 {
                report.check(Files.text(root + "/race-err-\(n)").contains("nothing was written"), "race \(round): a loser did not say nothing was written")
            }
            let after = JournalState(journal, verify: false).events
            report.check(after.count == Int(head) + 1, "race \(round): the journal grew by \(after.count - Int(head)), expected 1")
            if let winner = codes.firstIndex(of: 0) {
                report.check(after.last?.id == roundIDs[winner], "race \(round): the last event is not the winner's")
            }
            report.add("expect-seq races")
            report.add("race winners", codes.filter { $0 == 0 }.count)
            report.add("race losers (exit 75)", codes.filter { $0 == 75 }.count)
        }
        let final = socai.run(["--journal", journal, "verify"])
        report.check(final.status == 0 && final.stdout.contains("chain intact"), "final socai verify: \(final)")
        return report
    }
}

/// `'text'` for bash.
public func shellQuote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
