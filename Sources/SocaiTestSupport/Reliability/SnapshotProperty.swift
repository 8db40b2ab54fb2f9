import Foundation
import SocaiCore
import SocaiStore

/// Property 6: a snapshot that does not match the journal is ignored with a warning, and the
/// answer is always the one a full replay gives.
///
/// On a generated journal with a snapshot: `corruptions` snapshots with 1–8 random bytes changed,
/// `truncations` cut at a random length, a snapshot ahead of its journal (the journal restored from
/// an older copy), a snapshot of a journal with the same id but another history, a foreign
/// snapshot (another journal's, under this journal's name), and an older valid snapshot with a
/// damaged newer one beside it. Each answer (`replay --json`, `check --json`) must equal the
/// `--no-snapshot` answer, with "ignored" on stderr whenever a snapshot was not used. `crafted`
/// cases also change bytes and then fix the checksum up: socai may use or ignore such a snapshot,
/// but must not crash.
public enum SnapshotProperty {
    public static func run(_ env: ReliabilityEnvironment, events: Int, corruptions: Int, truncations: Int, crafted: Int) -> PropertyReport {
        let report = PropertyReport("6 snapshots")
        let root = env.directory("snapshots")
        let journal = root + "/Journal", snapshots = root + "/Snapshots"
        let socai = Runner(env.socai, scratch: root, environment: ["SOCAI_NOW": "2026-01-01T00:00:00Z"])
        let generated = Runner(env.generator, scratch: root).run(["--events", String(events), "--seed", String(env.seed % 1000 + 3),
                                                                   "--out", journal])
        guard generated.status == 0, let opened = try? FileJournal.open(at: journal) else {
            report.fail("could not generate the journal: \(generated)")
            return report
        }
        let id = opened.metadata.id
        let queries: [[String]] = [["replay", "--json", "--to", "2025-12-31"], ["check", "--json"]]
        func answers(_ extra: [String], journal path: String = journal) -> [RunResult] {
            queries.map { socai.run(["--journal", path, "--snapshots", snapshots] + extra + $0) }
        }
        func baseline(_ path: String = journal) -> [String] {
            answers(["--no-snapshot"], journal: path).map { "\($0.status)\n" + $0.stdout }
        }
        /// Runs the queries with snapshots and compares them with `expected`; `ignored` says whether a warning must appear.
        func expectAnswers(_ label: String, _ expected: [String], ignored: Bool, journal path: String = journal) {
            for (query, result) in zip(queries, answers([], journal: path)) {
                report.check(result.termination.code != nil && result.status != 65 && result.status != 74,
                             "\(label): \(query[0]) ended with \(result.termination): \(result.stderr.prefix(300))")
                let got = "\(result.status)\n" + result.stdout
                report.check(got == expected[queries.firstIndex(of: query)!], "\(label): \(query[0]) differs from a full replay")
                let warned = result.stderr.contains("ignored")
                if ignored {
                    report.check(warned, "\(label): \(query[0]) gave no warning that the snapshot was ignored: \(result.stderr.prefix(300))")
                } else {
                    report.check(!warned, "\(label): \(query[0]) ignored a valid snapshot: \(result.stderr.prefix(300))")
                }
                report.add("answers compared with a full replay")
            }
        }

        let full = baseline()
        let made = socai.run(["--journal", journal, "--snapshots", snapshots, "snapshot"])
        guard report.check(made.status == 0, "socai snapshot failed: \(made)") else { return report }
        let folder = snapshots + "/" + id
        guard let name = Files.list(folder).first(where: { $0.hasSuffix(".img") }) else {
            report.fail("no snapshot file in \(folder)")
            return report
        }
        let path = folder + "/" + name
        let original = Files.bytes(path)
        report.check(Files.permissions(path) == 0o640, "the snapshot file is \(String(Files.permissions(path), radix: 8)), not 640")
        expectAnswers("valid snapshot", full, ignored: false)
        report.add("valid snapshot used")
        var rng = SeededGenerator(seed: env.seed ^ 0x5A95)

        for n in 1...max(1, corruptions) where corruptions > 0 {
            var bytes = original
            for _ in 0..<rng.int(1...8) { bytes[rng.int(0...(bytes.count - 1))] ^= UInt8(rng.int(1...255)) }
            Files.write(path, bytes)
            expectAnswers("corruption \(n)", full, ignored: bytes != original)
            report.add("corrupted snapshots")
        }
        for n in 1...max(1, truncations) where truncations > 0 {
            Files.write(path, Array(original[0..<rng.int(0...(original.count - 1))]))
            expectAnswers("truncation \(n)", full, ignored: true)
            report.add("truncated snapshots")
        }
        for n in 1...max(1, crafted) where crafted > 0 {
            // Bytes changed and the checksum fixed up: not something a crash or a bad disk does, but
            // socai must still not crash on it.
            var bytes = original
            for _ in 0..<rng.int(1...4) { bytes[rng.int(ImageFormat.headerLengthOffset...(bytes.count - 1))] ^= UInt8(rng.int(1...255)) }
            let sum = XXHash64.hash(Array(bytes[ImageFormat.headerLengthOffset...]))
            withUnsafeBytes(of: sum.littleEndian) {
                bytes.replaceSubrange(ImageFormat.checksumOffset..<(ImageFormat.checksumOffset + 8), with: $0)
            }
            Files.write(path, bytes)
            for (query, result) in zip(queries, answers([])) {
                report.check(result.termination.code != nil, "crafted \(n): \(query[0]) ended with \(result.termination)")
                report.add(result.stderr.contains("ignored") ? "crafted snapshots ignored" : "crafted snapshots used")
            }
        }
        Files.write(path, original)

        // Ahead of its journal: the journal put back to an older copy (its last lines gone).
        let segments = Files.segments(journal)
        if let last = segments.last {
            let segmentPath = journal + "/" + last
            let bytes = Files.bytes(segmentPath)
            let map = LineMap(bytes)
            let keep = max(1, map.lines.count - rng.int(1...min(50, map.lines.count - 1)))
            Files.write(segmentPath, Array(bytes[0..<map.range(ofLine: keep).upperBound]))
            // A cut in the middle of a batch would be an unfinished batch; the reader handles it either way.
            expectAnswers("journal older than the snapshot", baseline(), ignored: true)
            report.add("snapshots ahead of the journal")
            Files.write(segmentPath, bytes)
        }

        // Same id, another history: a snapshot of the first history on the second.
        let twin = root + "/Twin"
        let twinID = "0190c8a0-0000-7000-8000-0000000051ab"
        let first = root + "/twin-1.jsonl", second = root + "/twin-2.jsonl"
        let unit = #"{"type":"unit","id":"u1","name":"Chi bộ 1","kind":"cell","date":"2020-01-01"}"# + "\n"
        Files.writeText(first, unit + String(repeating: #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1}"# + "\n", count: 5))
        Files.writeText(second, unit + String(repeating: #"{"type":"admission","unit":"u1","date":"2021-03-01","count":2}"# + "\n", count: 5))
        socai.run(["--journal", twin, "init", "--journal-id", twinID])
        socai.run(["--journal", twin, "import", first])
        report.check(socai.run(["--journal", twin, "--snapshots", snapshots, "snapshot"]).status == 0, "twin: snapshot failed")
        Files.remove(twin)
        socai.run(["--journal", twin, "init", "--journal-id", twinID])
        socai.run(["--journal", twin, "import", second])
        expectAnswers("same id, another history", baseline(twin), ignored: true, journal: twin)
        report.add("snapshots of a rewritten journal")

        // Foreign: the twin's snapshot put under this journal's name.
        if let twinSnapshot = Files.list(snapshots + "/" + twinID).first(where: { $0.hasSuffix(".img") }) {
            Files.remove(path)
            Files.write(path, Files.bytes(snapshots + "/" + twinID + "/" + twinSnapshot))
            expectAnswers("foreign snapshot", full, ignored: true)
            report.add("foreign snapshots")
            Files.remove(path)
            Files.write(path, original)
        }

        // An older valid snapshot, a newer damaged one, events after both.
        let more = root + "/more.jsonl"
        // Admissions like the journal's last one: a unit and a date the journal already accepted.
        if let last = JournalState(journal, verify: false).events.last(where: { $0.type == .admission }) {
            let line = #"{"type":"admission","unit":""# + last.subject.rawValue + #"","date":""# + last.effectiveDate.iso + #"","count":1}"#
            Files.writeText(more, String(repeating: line + "\n", count: 30))
            let appended = socai.run(["--journal", journal, "import", more])
            report.check(appended.status == 0, "could not append after the snapshot: \(appended)")
            report.check(socai.run(["--journal", journal, "--snapshots", snapshots, "snapshot"]).status == 0, "second snapshot failed")
            let newest = Files.list(folder).filter { $0.hasSuffix(".img") }.sorted().last!
            let newestPath = folder + "/" + newest
            var bytes = Files.bytes(newestPath)
            bytes[bytes.count / 2] ^= 0x5A
            Files.write(newestPath, bytes)
            expectAnswers("older valid snapshot, newer damaged", baseline(), ignored: true)
            report.add("older snapshot used after a damaged newer one")
        }
        return report
    }
}
