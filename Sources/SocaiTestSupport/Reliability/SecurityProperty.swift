#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore

/// Property 7: files are private, output is escaped, and nothing in a journal is run or used as a path.
///
/// - Under `umask 000`, every file socai creates (journal.json, segments, seals, quarantine files,
///   snapshots, an exported report) is 0640.
/// - Units, sources and recorders named with spreadsheet formulas, HTML, shell commands, paths and
///   terminal escapes are stored as text (`log --json` gives them back byte for byte); every cell of
///   `--format csv` output of replay, log, check, term and audit that starts with `=`, `+`, `@`, TAB
///   or CR is neutralised, and one starting with `-` is a plain negative number; the HTML report
///   shows the markup as text; text output (replay, log, check) carries no terminal escape from a
///   name; no file appears outside the journal, snapshot and output paths.
/// - A unit id that is a path is refused (64).
/// - journal.json naming the journal `../x`, `..`, `/abs`, `a/../../b`: its snapshots stay inside
///   the snapshot directory.
public enum SecurityProperty {
    public static let hostile = [
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "../../etc/passwd", "$(touch /tmp/socai-pwned)",
        "`touch /tmp/socai-pwned`", "; rm -rf / #", "%s%n%x", "\u{1B}[2J\u{1B}]0;pwned\u{07}", "'; DROP TABLE units; --",
    ]

    public static func run(_ env: ReliabilityEnvironment) -> PropertyReport {
        let report = PropertyReport("7 security")
        let root = env.directory("security")
        let socai = Runner(env.socai, scratch: root, environment: ["SOCAI_NOW": "2024-06-01T08:00:00Z"])
        let canaries = ["/tmp/socai-pwned", root + "/socai-pwned", "/etc/socai-pwned"]
        for canary in canaries { Files.remove(canary) }

        // 1. File modes under umask 000.
        let modes = root + "/modes"
        try? FileManager.default.createDirectory(atPath: modes, withIntermediateDirectories: true)
        let script = """
        set -e
        cd \(shellQuote(modes))
        umask 000
        "$SOCAI" --journal J init --segment-bytes 4096 >/dev/null
        "$SOCAI" --journal J record unit --id u1 --name u1 --kind cell --date 2020-01-01 >/dev/null
        for i in 1 2 3 4 5 6 7 8 9 10 11 12; do "$SOCAI" --journal J record admission --unit u1 --date 2021-03-01 --count 1 >/dev/null; done
        last=$(ls J/segment-*.jsonl | tail -n 1)
        printf '{"specversion":"1.0"' >> "$last"
        "$SOCAI" --journal J record admission --unit u1 --date 2021-03-01 --count 1 >/dev/null 2>&1
        "$SOCAI" --journal J --snapshots S snapshot >/dev/null
        "$SOCAI" --journal J export --format html --out report.html --unit u1 >/dev/null
        """
        let made = socai.bash(script)
        report.check(made.status == 0, "modes: \(made)")
        var checkedFiles = 0
        for file in Files.tree(modes) where !file.hasSuffix("/") {
            let path = modes + "/" + file
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            checkedFiles += 1
            report.check(Files.permissions(path) == 0o640, "\(file) is \(String(Files.permissions(path), radix: 8)), not 640")
        }
        report.check(Files.tree(modes).contains { $0.hasSuffix(".img") } && Files.tree(modes).contains { $0.contains(".quarantine-") }
                     && Files.tree(modes).contains { $0.hasSuffix(".seal") }, "modes: not every kind of file was made: \(Files.tree(modes))")
        report.add("files checked 0640", checkedFiles)

        // 2. Hostile names, sources and recorders.
        let journal = root + "/Journal", snapshots = root + "/Snapshots"
        let before = Set(Files.tree(root))
        report.check(socai.run(["--journal", journal, "init"]).status == 0, "init failed")
        report.check(socai.run(["--journal", journal, "record", "unit", "--id", "p", "--name", "Tỉnh", "--kind", "province",
                                "--date", "2015-01-01"]).status == 0, "unit p failed")
        for path in ["../../etc/passwd", "/etc/passwd", "a/b", "..", "$(touch /tmp/socai-pwned)"] {
            let r = socai.run(["--journal", journal, "record", "unit", "--id", path, "--name", "x", "--kind", "cell", "--date", "2015-01-01"])
            report.check(r.status == 64, "unit id \(path): exit \(r.status)")
            // (Looked up before any unit is named like a path: names match too.)
            let lookup = socai.run(["--journal", journal, "replay", "--unit", path])
            report.check(lookup.status == 64, "--unit \(path): exit \(lookup.status)")
            report.add("path-like unit ids refused (64)")
        }

        var stored: [String] = []
        for (n, text) in hostile.enumerated() {
            let unit = "h\(n)"
            let r = socai.run(["--journal", journal, "record", "unit", "--id", unit, "--name", text, "--kind", "cell", "--parent", "p",
                               "--date", "2015-01-01", "--source", text, "--by", text])
            if r.status == 0 {
                stored.append(text)
                report.add("hostile names stored")
            } else {
                report.check(r.status == 64, "unit named \(text.debugDescription): exit \(r.status): \(r.stderr)")
                report.add("hostile names refused (64)")
                continue
            }
            let flows = socai.run(["--journal", journal, "record", "admission", "--unit", unit, "--date", "2021-03-01", "--count", "5",
                                   "--source", text, "--by", text])
            report.check(flows.status == 0, "admission with source \(text.debugDescription): \(flows)")
            socai.run(["--journal", journal, "record", "conference", "--unit", unit, "--date", "2021-05-01", "--title", text,
                       "--figure", "members=40", "--source", text])
        }
        // Stored as text: log --json gives every hostile string back.
        let log = socai.run(["--journal", journal, "--json", "log"])
        let texts = (try? JSONParser.parse(log.stdout))?.object?["events"]?.array?.flatMap { event -> [String] in
            let o = event.object
            return [o?["sourcedoc"]?.string, o?["recordedby"]?.string, o?["data"]?.object?["name"]?.string].compactMap { $0 }
        } ?? []
        for text in stored {
            report.check(texts.contains(text.precomposedStringWithCanonicalMapping), "\(text.debugDescription) is not stored as given")
        }

        // CSV: every cell safe to open in a spreadsheet.
        let csvCommands: [[String]] = [["replay", "--to", "2024-01-01"], ["log"], ["check"], ["term", "--unit", "h0", "--term", "2020-2025"],
                                       ["audit", "--unit", "h0", "--figure", "members"]]
        for command in csvCommands {
            let result = socai.run(["--journal", journal, "--snapshots", snapshots, "--format", "csv"] + command)
            guard report.check(result.status == 0 || result.status == 1, "\(command[0]) --format csv: \(result)") else { continue }
            guard let rows = try? CSVParser.parse(result.stdout) else {
                report.fail("\(command[0]) --format csv is not valid CSV")
                continue
            }
            for row in rows {
                for cell in row.fields {
                    report.add("csv cells checked")
                    guard let first = cell.unicodeScalars.first else { continue }
                    if cell.hasPrefix("'") && cell.count > 1 && "=+-@\t\r".unicodeScalars.contains(cell.unicodeScalars.dropFirst().first!) {
                        report.add("csv cells neutralised")
                    }
                    report.check(!"=+@\t\r".unicodeScalars.contains(first), "\(command[0]) csv: a cell starts with a formula character: \(cell.debugDescription)")
                    if first == "-" {
                        report.check(cell.dropFirst().allSatisfy { $0.isNumber || ".,% ".contains($0) },
                                     "\(command[0]) csv: a cell starting with '-' is not a number: \(cell.debugDescription)")
                    }
                }
            }
        }
        report.check(report.count("csv cells neutralised") > 0, "no hostile CSV cell was seen at all")

        // HTML: markup shown as text.
        let html = socai.run(["--journal", journal, "export", "--format", "html", "--unit", "p", "--to", "2024-01-01"])
        report.check(html.status == 0, "export --format html: \(html)")
        for raw in ["<script>alert(1)</script>", "<img src=x onerror", "\u{1B}[2J"] {
            report.check(!html.stdout.contains(raw), "the HTML report contains \(raw.debugDescription) unescaped")
        }
        report.check(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the HTML report does not show the script tag as text")
        report.add("html reports checked")

        // Text output: terminal escapes in names and sources are neutralised (TerminalText), so a
        // hostile name cannot clear the screen or retitle the reader's terminal.
        for command in [["replay", "--to", "2024-01-01"], ["log"], ["check"]] {
            let text = socai.run(["--journal", journal] + command)
            report.check(!text.stdout.contains("\u{1B}[2J") && !text.stdout.contains("\u{1B}]0;") && !text.stderr.contains("\u{1B}]0;"),
                         "\(command[0]) text output passes a terminal escape through")
            report.add("text outputs checked for terminal escapes")
        }

        // Nothing ran, nothing was written elsewhere.
        for canary in canaries { report.check(!Files.exists(canary), "\(canary) exists: something in the journal was executed") }
        let after = Set(Files.tree(root)).subtracting(before)
        let unexpected = after.filter { !$0.hasPrefix("Journal") && !$0.hasPrefix("Snapshots") && !$0.hasPrefix(".run-") && !$0.hasPrefix("modes") }
        report.check(unexpected.isEmpty, "files appeared outside the journal and snapshots: \(unexpected.sorted().prefix(10))")
        let journalFiles = Files.list(journal).filter { $0 != "journal.json" && $0 != JournalGitIgnore.fileName && !$0.hasPrefix("segment-") }
        report.check(journalFiles.isEmpty, "unexpected files in the journal: \(journalFiles)")

        // 3. A hostile journal id: snapshots stay in the snapshot directory.
        for (n, id) in ["../escape", "..", "/tmp/socai-abs-escape", "x/../../y", ".", "a/b"].enumerated() {
            let base = root + "/id-\(n)"
            let idJournal = base + "/Journal", idSnapshots = base + "/deep/Snapshots"
            Files.remove("/tmp/socai-abs-escape")
            do {
                let created = try FileJournal.create(at: idJournal, id: id, now: Instant(millisecondsSinceEpoch: 1_700_000_000_000))
                let unit = PendingEvent(id: EventID("0190c8a0-0000-7000-8000-00000000a001")!, subject: UnitID("u1")!,
                                        effectiveDate: CalendarDate(year: 2020, month: 1, day: 1)!, recordedBy: "t", sourceDocument: nil,
                                        payload: .unitEstablished(UnitEstablished(id: UnitID("u1")!, name: "u1", kind: .cell)))
                _ = try created.append([unit], now: Instant(millisecondsSinceEpoch: 1_700_000_000_000))
            } catch {
                report.fail("journal id \(id): could not create the journal: \(error)")
                continue
            }
            try? FileManager.default.createDirectory(atPath: idSnapshots, withIntermediateDirectories: true)
            let beforeTree = Set(Files.tree(base))
            let snap = socai.run(["--journal", idJournal, "--snapshots", idSnapshots, "snapshot"])
            let replay = socai.run(["--journal", idJournal, "--snapshots", idSnapshots, "replay", "--json"])
            report.check(replay.status == 0, "journal id \(id): replay failed: \(replay)")
            let created = Set(Files.tree(base)).subtracting(beforeTree)
            let outside = created.filter { !$0.hasPrefix("deep/Snapshots/") }
            report.check(outside.isEmpty && !Files.exists("/tmp/socai-abs-escape"),
                         "journal id \(id.debugDescription): snapshot written outside the snapshot directory: \(outside.sorted()) (\(snap.stdout))")
            report.add("hostile journal ids")
        }
        return report
    }
}
