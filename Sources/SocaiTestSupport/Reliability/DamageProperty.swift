#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore

/// Property 9: damage is found wherever a read starts, nothing socai writes can destroy the
/// journal, and every dead end says how to go on (issue 16). Each class counts its cases:
///
/// - **mid-journal starts**: a line changed at `damagedLines` random places of a generated journal
///   (small sealed segments, batches); reads from the line before it, the line itself, the line
///   after it (the link) must find the damage, a read from two lines after must deliver exactly
///   the events from there; every fifth through the binary (`log --from-seq`, 65 naming the line).
/// - **lost final newline**: the last line of a single record, of a batch, of a batch in a new segment,
///   cut of its `\n` only: read and counted by readers and `verify` (a warning), the next `record`
///   adds the newline back and says so, seq is not reused, nothing is quarantined.
/// - **export --out**: every file of the journal and the snapshots, the directories, new names in
///   them, `..` and absolute spellings, symbolic and hard links to a segment, a symbolic link to
///   the journal directory: 64, every byte as before; a path outside: 0.
/// - **arguments not UTF-8**: invalid sequences (a lone continuation byte, 0xFF, cut 2- and 3-byte
///   sequences, an overlong form, a surrogate) in option values, `--opt=value`, a file name and
///   `--journal`: 64 naming the argument, nothing written.
/// - **text bounds**: `--source`, `--by`, `--name`, `--title`, `--decision` and an event's whole
///   text at their bound (recorded, the journal reads and verifies) and one above (64, nothing
///   written), by `record` and by `import`.
/// - **dead ends**: each with its exit and the words that say how to go on.
/// - **bidi controls**: each of U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 in a name:
///   absent from text and CSV output of replay, log and check.
/// - **clock ahead**: a writer warns when the journal's last recorded time is ahead of the clock by
///   more than a minute, and only then.
public enum DamageProperty {
    public static let bidiControls: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    public static func run(_ env: ReliabilityEnvironment, events: Int, damagedLines: Int) -> PropertyReport {
        let report = PropertyReport("9 damage")
        let root = env.directory("damage")
        let socai = Runner(env.socai, scratch: root, environment: ["SOCAI_NOW": "2024-06-01T08:00:00Z"])
        var rng = SeededGenerator(seed: env.seed ^ 0xDA4A)
        midJournalStarts(env, report, socai, root: root, events: events, damaged: damagedLines, rng: &rng)
        lostNewline(report, socai, root: root)
        exportOut(report, socai, root: root)
        argumentsNotUTF8(report, socai, root: root)
        textBounds(report, socai, root: root)
        deadEnds(report, socai, root: root)
        bidi(report, socai, root: root)
        clockAhead(report, socai, root: root)
        return report
    }

    /// A journal with unit u1 and `admissions` single admissions, through the binary.
    static func smallJournal(_ socai: Runner, _ journal: String, admissions: Int, segmentBytes: Int = 4096) -> Bool {
        Files.remove(journal)
        var ok = socai.run(["--journal", journal, "init", "--segment-bytes", String(segmentBytes)]).status == 0
        ok = ok && socai.run(["--journal", journal, "record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell",
                              "--date", "2020-01-01"]).status == 0
        if admissions > 0 {
            let file = journal + ".jsonl"
            Files.writeText(file, String(repeating: #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1}"# + "\n", count: admissions))
            ok = ok && socai.run(["--journal", journal, "import", file]).status == 0
        }
        return ok
    }

    // MARK: - Mid-journal starts

    static func midJournalStarts(_ env: ReliabilityEnvironment, _ report: PropertyReport, _ socai: Runner, root: String, events: Int,
                                 damaged: Int, rng: inout SeededGenerator) {
        let journal = root + "/mid"
        let generated = Runner(env.generator, scratch: root).run(["--events", String(events), "--seed", String(env.seed % 1000 + 9),
                                                                   "--out", journal, "--segment-bytes", "65536", "--batch", "7"])
        guard generated.status == 0, let clean = try? FileJournal.open(at: journal).verify(), clean.ok else {
            report.fail("mid-journal: could not generate a clean journal: \(generated)")
            return
        }
        let names = Files.segments(journal)
        let originals = names.map { Files.bytes(journal + "/" + $0) }
        // seq → (segment index, line start offset, line end offset, line number in the segment)
        var places: [(Int, Int, Int, Int)] = []
        for (index, bytes) in originals.enumerated() {
            var start = 0
            var number = 0
            for (offset, byte) in bytes.enumerated() where byte == 0x0A {
                number += 1
                places.append((index, start, offset, number))
                start = offset + 1
            }
        }
        func location(_ seq: Int) -> JournalLocation { JournalLocation(segment: names[places[seq - 1].0], line: places[seq - 1].3) }
        let total = places.count
        for trial in 0..<damaged {
            let seq = rng.int(1...(total - 2))
            let (segment, start, end, _) = places[seq - 1]
            let path = journal + "/" + names[segment]
            var bytes = originals[segment]
            let at = rng.int(start...(end - 1))
            bytes[at] ^= UInt8(1) << UInt8(rng.int(0...6))
            if bytes[at] == 0x0A { bytes[at] ^= 0x01 }
            Files.write(path, bytes)
            for from in Set([max(2, seq - 1), max(2, seq), seq + 1, seq + 2, rng.int(2...total)]).sorted() {
                report.add("mid-journal starts checked")
                let label = "line \(seq) changed at byte \(at), read from \(from)"
                var delivered: [Int64] = []
                let outcome = Result { try FileJournal.open(at: journal).read(ReadOptions(fromSeq: Int64(from))) { delivered.append($0.seq); return true } }
                var place: JournalLocation?
                if case .failure(let error) = outcome, case .damaged(let found, _)? = error as? JournalError { place = found }
                if from <= seq + 1 {
                    guard case .failure(let error) = outcome else {
                        report.fail("\(label): read \(delivered.count) events without finding the damage")
                        continue
                    }
                    report.check(place == location(seq), "\(label): \(error), not at \(location(seq))")
                    report.add(from == seq + 1 ? "damage found through the link into the first line read" : "damage found on a line read")
                } else if case .failure(let error) = outcome {
                    // A read from further on may still meet the damage, and must then name it: when
                    // the changed line is the first of its segment (a read finds its segment by first
                    // lines), or when its stored hash changed (line `seq` + 1 chains from it).
                    let named = place == location(seq) || (from == seq + 2 && at >= end - 80 && place == location(seq + 1))
                    report.check(named, "\(label): \(error)")
                    report.add("reads from further on that meet the damage and name it")
                } else {
                    report.check(delivered == Array(Int64(from)...Int64(total)), "\(label): delivered \(delivered.first ?? 0)…\(delivered.last ?? 0)")
                }
            }
            if trial % 5 == 0 {
                let result = socai.run(["--journal", journal, "--no-snapshot", "log", "--from-seq", String(seq + 1), "--json"])
                report.check(result.status == 65 && result.stderr.contains(location(seq).description + ":"),
                             "\(location(seq)) (seq \(seq)) changed, log --from-seq \(seq + 1): \(result)")
                report.add("checked through the binary (log --from-seq, 65)")
            }
            Files.write(path, originals[segment])
        }
    }

    // MARK: - A last line without its newline

    static func lostNewline(_ report: PropertyReport, _ socai: Runner, root: String) {
        let journal = root + "/newline"
        let shapes: [(String, [String])] = [
            ("a single record", ["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"]),
            ("a batch of 5", ["import", root + "/five.jsonl"]),
            ("a batch that opened a new segment", ["import", root + "/many.jsonl"]),
        ]
        Files.writeText(root + "/five.jsonl", String(repeating: #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1}"# + "\n", count: 5))
        Files.writeText(root + "/many.jsonl", String(repeating: #"{"type":"arrival","unit":"u1","date":"2021-03-01","count":1,"source":"một bản tin khá dài"}"# + "\n", count: 30))
        for (shape, append) in shapes {
            guard smallJournal(socai, journal, admissions: 3) else { report.fail("newline: no journal"); return }
            let appended = socai.run(["--journal", journal] + append)
            guard report.check(appended.status == 0, "newline (\(shape)): \(appended)") else { continue }
            let last = Files.segments(journal).last!
            let path = journal + "/" + last
            let whole = Files.bytes(path)
            let events = JournalState(journal).events.count
            Files.truncate(path, to: whole.count - 1)
            let state = JournalState(journal)
            report.check(state.error == nil && state.events.count == events && state.report?.missingNewline != nil
                         && state.verify?.ok == true && state.verify?.warnings.count == 1,
                         "newline (\(shape)): read \(state.events.count) of \(events) events, \(state.error ?? "") \(state.verify?.problems.first?.description ?? "")")
            let replay = socai.run(["--journal", journal, "--no-snapshot", "replay", "--json"])
            report.check(replay.status == 0 && replay.stderr.contains("lost its final newline"), "newline (\(shape)): replay \(replay)")
            let next = socai.run(["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"])
            report.check(next.status == 0 && next.stdout.contains("recorded seq \(events + 1) ") && next.stderr.contains("added it back"),
                         "newline (\(shape)): the next record \(next)")
            report.check(Files.quarantines(journal).isEmpty && Array(Files.bytes(path).prefix(whole.count)) == whole,
                         "newline (\(shape)): the newline was not restored in place, or something was quarantined")
            let after = JournalState(journal)
            report.check(after.verify?.ok == true && after.verify?.warnings.isEmpty == true && after.events.count == events + 1,
                         "newline (\(shape)): not clean after the next record")
            report.add("last lines without their newline")
        }
    }

    // MARK: - export --out

    static func exportOut(_ report: PropertyReport, _ socai: Runner, root: String) {
        let base = root + "/export"
        Files.remove(base)
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let journal = base + "/J", snapshots = base + "/Snapshots"
        guard smallJournal(socai, journal, admissions: 40) else { report.fail("export: no journal"); return }
        socai.run(["--journal", journal, "--snapshots", snapshots, "snapshot"])
        let protected = Files.tree(journal).map { journal + "/" + $0 } + Files.tree(snapshots).map { snapshots + "/" + $0 }
        let segment = journal + "/" + Files.segments(journal)[0]
        symlink(segment, base + "/symlinked.html")
        link(segment, base + "/hardlinked.html")
        symlink(journal, base + "/L")
        var outs = protected + [journal, snapshots, journal + "/", journal + "/new.html", snapshots + "/new.html", journal + "/sub/new.html",
                                base + "/J/../J/" + Files.segments(journal)[0], base + "/./J/journal.json",
                                base + "/symlinked.html", base + "/hardlinked.html", base + "/L/new.html", base + "/L/journal.json"]
        outs += outs.filter { $0.hasPrefix(base + "/") }.map { String($0.dropFirst(base.count + 1)) }  // relative spellings
        let before = protected.map(Files.bytes)
        for out in outs {
            let format = out.count % 2 == 0 ? "html" : "cloudevents"
            let result = Runner(socai.executable, scratch: base, environment: socai.environment)
                .bash("cd \(shellQuote(base)) && \"$SOCAI\" --journal J --snapshots Snapshots export --format \(format) --out \(shellQuote(out))")
            report.check(result.status == 64 && result.stderr.contains("nothing was written"), "export --out \(out): \(result)")
            report.add("export --out refused (64)")
        }
        report.check(protected.map(Files.bytes) == before, "export --out changed a file of the journal or the snapshots")
        report.check(JournalState(journal).verify?.ok == true, "export --out: the journal does not verify")
        let outside = socai.run(["--journal", journal, "--snapshots", snapshots, "export", "--format", "html", "--out", base + "/report.html"])
        report.check(outside.status == 0 && Files.exists(base + "/report.html"), "export --out outside: \(outside)")
    }

    // MARK: - Arguments that are not UTF-8

    static func argumentsNotUTF8(_ report: PropertyReport, _ socai: Runner, root: String) {
        let journal = root + "/utf8"
        guard smallJournal(socai, journal, admissions: 1) else { report.fail("utf8: no journal"); return }
        let sequences = [#"\x80"#, #"\xff"#, #"\xc3"#, #"\xe1\xbb"#, #"\xc0\xaf"#, #"\xed\xa0\x80"#, #"\xf4\x90\x80\x80"#]
        // (arguments before, option named in the message, arguments after), with X where the bytes go.
        let placements: [(String, String)] = [
            ("record unit --id u9 --name $'Chi X' --kind cell --date 2020-01-01", "--name"),
            ("record unit --id u9 --name=$'Chi X' --kind cell --date 2020-01-01", "--name"),
            ("record admission --unit u1 --date 2021-03-01 --count 1 --source $'Báo X'", "--source"),
            ("record admission --unit u1 --date 2021-03-01 --count 1 --by $'X'", "--by"),
            ("replay --unit $'X'", "--unit"),
            ("import $'fileX.jsonl'", "argument 4"),
        ]
        let before = segmentsBytes(journal)
        for bytes in sequences {
            for (command, named) in placements {
                let script = "\"$SOCAI\" --journal \(shellQuote(journal)) " + command.replacingOccurrences(of: "X", with: bytes)
                let result = socai.bash(script)
                report.check(result.status == 64 && result.stderr.contains(named) && result.stderr.contains("not UTF-8"),
                             "\(script): \(result)")
                report.add("arguments not UTF-8 refused (64)")
            }
        }
        report.check(segmentsBytes(journal) == before, "an argument that is not UTF-8 wrote something")
    }

    static func segmentsBytes(_ journal: String) -> [[UInt8]] { Files.segments(journal).map { Files.bytes(journal + "/" + $0) } }

    // MARK: - Text bounds

    static func textBounds(_ report: PropertyReport, _ socai: Runner, root: String) {
        let journal = root + "/bounds"
        guard smallJournal(socai, journal, admissions: 0, segmentBytes: 1 << 20) else { report.fail("bounds: no journal"); return }
        func text(_ n: Int) -> String { String(repeating: "ễ", count: n) }
        let admission = ["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"]
        var unit = 0
        let cases: [(String, (Int) -> [String], Int)] = [
            ("--source", { admission + ["--source", text($0)] }, TextBounds.source),
            ("--by", { admission + ["--by", text($0)] }, TextBounds.recordedBy),
            ("--name", { n in unit += 1; return ["record", "unit", "--id", "b\(unit)", "--name", text(n), "--kind", "cell", "--date", "2020-01-01"] },
             TextBounds.name),
            ("--title", { ["record", "conference", "--unit", "u1", "--date", "2021-01-01", "--title", text($0)] }, TextBounds.name),
            ("--decision", { ["record", "conference", "--unit", "u1", "--date", "2021-01-02", "--title", "t", "--decision", text($0)] },
             TextBounds.decision),
            // Unit, date, title and recorder hold 14 characters; decisions fill the rest.
            ("an event's text", { n in ["record", "conference", "--unit", "u1", "--date", "2021-01-03", "--title", "t", "--by", "t"]
                + (0..<((n - 14) / TextBounds.decision)).flatMap { _ in ["--decision", text(TextBounds.decision)] }
                + ((n - 14) % TextBounds.decision == 0 ? [] : ["--decision", text((n - 14) % TextBounds.decision)]) }, TextBounds.event),
        ]
        for (field, arguments, bound) in cases {
            for length in [bound, bound + 1] {
                let before = segmentsBytes(journal)
                let result = socai.run(["--journal", journal] + arguments(length))
                if length <= bound {
                    report.check(result.status == 0, "\(field) at its bound (\(length)): \(result)")
                } else {
                    report.check(result.status == 64 && segmentsBytes(journal) == before, "\(field) above its bound (\(length)): \(result)")
                }
                report.add("text bounds checked")
            }
        }
        // Import: the same bounds per line.
        for (key, bound) in [("source", TextBounds.source), ("by", TextBounds.recordedBy)] {
            for length in [bound, bound + 1] {
                let file = root + "/bounds-\(key).jsonl"
                Files.writeText(file, #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1,""# + key + #"":""# + text(length) + "\"}\n")
                let result = socai.run(["--journal", journal, "import", file])
                report.check(result.status == (length <= bound ? 0 : 64), "import \(key) of \(length): \(result)")
                report.add("text bounds checked")
            }
        }
        for command in [["replay", "--json"], ["log", "--json"], ["verify"], ["check", "--json"]] {
            let result = socai.run(["--journal", journal, "--no-snapshot"] + command)
            report.check(result.status == 0 || (command[0] == "check" && result.status == 1), "lines at the bounds: \(command[0]) \(result)")
        }
    }

    // MARK: - Dead ends

    static func deadEnds(_ report: PropertyReport, _ socai: Runner, root: String) {
        let journal = root + "/dead"
        struct Case { var label: String; var damage: (String) -> Void; var arguments: [String]; var status: Int32; var says: String }
        let cases: [Case] = [
            Case(label: "journal.json deleted", damage: { Files.remove($0 + "/journal.json") }, arguments: ["replay"], status: 65, says: "init --recover"),
            Case(label: "journal.json deleted, init", damage: { Files.remove($0 + "/journal.json") }, arguments: ["init"], status: 65, says: "init --recover"),
            Case(label: "init --recover", damage: { Files.remove($0 + "/journal.json") }, arguments: ["init", "--recover"], status: 0, says: "verified: 13 events"),
            Case(label: "segmentbytes invalid", damage: { Files.writeText($0 + "/journal.json", Files.text($0 + "/journal.json")
                .replacingOccurrences(of: #""segmentbytes":4096"#, with: #""segmentbytes":-1"#)) }, arguments: ["log"], status: 65, says: "\"segmentbytes\" is -1"),
            Case(label: "a trailing blank line", damage: { path in
                let last = path + "/" + Files.segments(path).last!
                Files.write(last, Files.bytes(last) + [0x0A]) }, arguments: ["replay"], status: 65, says: "delete that empty line"),
            Case(label: "Windows line endings", damage: { path in
                let last = path + "/" + Files.segments(path).last!
                Files.write(last, Files.bytes(last).split(separator: 0x0A).flatMap { Array($0) + [0x0D, 0x0A] }) },
                 arguments: ["replay"], status: 65, says: "Windows line endings"),
            Case(label: "last segment renamed", damage: { path in
                let last = path + "/" + Files.segments(path).last!
                rename(last, last + ".bak") }, arguments: ["verify"], status: 1, says: "rename it back"),
            Case(label: "last segment renamed, replay", damage: { path in
                let last = path + "/" + Files.segments(path).last!
                rename(last, last + ".old") }, arguments: ["replay"], status: 65, says: "is sealed"),
            Case(label: "last segment removed", damage: { path in Files.remove(path + "/" + Files.segments(path).last!) },
                 arguments: ["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"], status: 65, says: "is missing"),
            Case(label: "audit --from after --to", damage: { _ in }, arguments: ["audit", "--unit", "u1", "--figure", "members", "--from",
                 "2024-01-01", "--to", "2023-12-31"], status: 64, says: "is after --to"),
            Case(label: "replay --unit unknown", damage: { _ in }, arguments: ["replay", "--unit", "nowhere"], status: 64, says: "no unit"),
            Case(label: "term --unit unknown", damage: { _ in }, arguments: ["term", "--unit", "nowhere", "--term", "2020-2025"], status: 64, says: "no unit"),
            Case(label: "audit --figure unknown", damage: { _ in }, arguments: ["audit", "--unit", "u1", "--figure", "membrs"], status: 64, says: "did you mean"),
            Case(label: "init --journal FILE", damage: { _ in }, arguments: ["--journal", root + "/dead-file", "init"], status: 64, says: "is a file"),
            Case(label: "replay --journal FILE", damage: { _ in }, arguments: ["--journal", root + "/dead-file", "replay"], status: 64, says: "is a file"),
            Case(label: "JSON Lines with a byte order mark", damage: { _ in
                Files.writeText(root + "/bom.jsonl", "\u{FEFF}" + #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1}"# + "\n") },
                 arguments: ["import", root + "/bom.jsonl"], status: 0, says: "recorded"),
            Case(label: "CSV with ; separators", damage: { _ in
                Files.writeText(root + "/semi.csv", "type;unit;date;count;source\r\nadmission;u1;01/03/2021;2;\"Báo cáo; 2,9%\"\r\n") },
                 arguments: ["import", root + "/semi.csv"], status: 0, says: "recorded"),
        ]
        Files.writeText(root + "/dead-file", "not a journal\n")
        for item in cases {
            guard smallJournal(socai, journal, admissions: 12) else { report.fail("dead ends: no journal"); return }
            item.damage(journal)
            let arguments = item.arguments.first == "--journal" ? item.arguments : ["--journal", journal] + item.arguments
            let result = socai.run(arguments)
            let said = result.stdout + result.stderr
            report.check(result.status == item.status && said.contains(item.says), "\(item.label): expected exit \(item.status) saying \(item.says): \(result)")
            if item.status != 0 && !item.arguments.contains(where: { ["record", "import", "init"].contains($0) }) {
                report.check(!said.contains("nothing was written"), "\(item.label): a read command says nothing was written")
            }
            report.add("dead ends checked")
        }
        // Unreadable: 74 "Permission denied", not "no journal" (as nobody when we are root).
        guard smallJournal(socai, journal, admissions: 1) else { return }
        let asUser = getuid() == 0 ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        if getuid() == 0 && !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            report.note("unreadable journal: not run (root without setpriv)")
            return
        }
        chmod(journal, 0)
        let result = socai.bash("cd / && \(asUser)\"$SOCAI\" --journal \(shellQuote(journal)) replay")
        chmod(journal, 0o750)
        report.check(result.status == 74 && result.stderr.contains("Permission denied"), "unreadable journal: \(result)")
        report.add("dead ends checked")
    }

    // MARK: - Bidi controls

    static func bidi(_ report: PropertyReport, _ socai: Runner, root: String) {
        let journal = root + "/bidi"
        guard smallJournal(socai, journal, admissions: 0) else { report.fail("bidi: no journal"); return }
        for (n, control) in bidiControls.enumerated() {
            let name = "Bản \(Character(Unicode.Scalar(control)!))Lìa \(n)"
            let result = socai.run(["--journal", journal, "record", "unit", "--id", "r\(n)", "--name", name, "--kind", "cell", "--parent", "u1",
                                    "--date", "2020-01-01", "--source", "nguồn " + name])
            report.check(result.status == 0, "a name with U+\(String(control, radix: 16)): \(result)")
        }
        for command in [["replay"], ["log"], ["check", "--notes"], ["--format", "csv", "replay"], ["--format", "csv", "log"]] {
            let result = socai.run(["--journal", journal, "--no-snapshot"] + command)
            let found = result.stdout.unicodeScalars.filter { bidiControls.contains($0.value) }
            // (check names a unit only in a finding: there may be none.)
            report.check(found.isEmpty && (command.contains("check") || result.stdout.contains("Bản \u{FFFD}Lìa")),
                         "\(command.joined(separator: " ")): \(found.count) bidi controls in the output")
            report.add("outputs checked for bidi controls")
        }
    }

    // MARK: - A clock behind the journal

    static func clockAhead(_ report: PropertyReport, _ socai: Runner, root: String) {
        let journal = root + "/clock"
        guard smallJournal(socai, journal, admissions: 1) else { report.fail("clock: no journal"); return }
        // The journal was stamped 2024-06-01T08:00:00Z.
        for (now, warns) in [("2024-06-01T07:59:01Z", false), ("2024-06-01T07:58:59Z", true), ("2024-05-01T00:00:00Z", true),
                             ("2024-06-01T08:00:00Z", false)] {
            let result = socai.run(["--journal", journal, "record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"],
                                   environment: ["SOCAI_NOW": now])
            report.check(result.status == 0 && result.stderr.contains("ahead of this computer's clock") == warns, "clock at \(now): \(result)")
            report.add("clock cases checked")
        }
    }
}
