import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Issue 16 through the binary, one test per finding: damage found wherever a read starts, nothing
/// socai writes can destroy the journal, and no dead end without a way forward.
/// `DamageProperty` (reliability suite, "9 damage") runs each class over many cases.
@Suite("Damage and dead ends through the binary")
struct DamageTests {
    /// A journal with unit u1 and `admissions` single admissions.
    static func journal(admissions: Int = 4, segmentBytes: Int? = nil) -> ScratchJournal {
        let scratch = ScratchJournal(initialise: false)
        scratch.run(["init"] + (segmentBytes.map { ["--segment-bytes", String($0)] } ?? []))
        scratch.recordUnit()
        for _ in 0..<admissions { scratch.recordAdmission() }
        return scratch
    }

    /// Line `line` (1-based) of the first segment with its admission count changed in place.
    static func damage(_ scratch: ScratchJournal, line: Int) throws {
        var lines = scratch.journalFileBytes("segment-00000001.jsonl").split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let at = try #require(lines[line - 1].firstRange(of: Array(#""count":1"#.utf8))).upperBound - 1
        lines[line - 1][at] = UInt8(ascii: "2")
        try scratch.setJournalFileBytes("segment-00000001.jsonl", Array(lines.joined(separator: [0x0A])))
    }

    @Test("log --from-seq 3 with line 2 changed: 65 naming line 2 (the link into the first line read is checked)")
    func midJournalStart() throws {
        let scratch = Self.journal()
        try Self.damage(scratch, line: 2)
        let result = scratch.run(["log", "--from-seq", "3"])
        #expect(result.status == 65 && result.stderr.contains("segment-00000001.jsonl:2"), "\(result)")
        #expect(scratch.run(["log", "--from-seq", "4"]).status == 0, "a line two before the start is not read: only a full read and verify check it")
    }

    /// An image records what identifies each segment it covers; a question checks those in
    /// O(segments) and refuses (65, naming the segment) a journal changed under the image, instead
    /// of answering from the image (docs/JOURNAL.md, "Which damage a question finds").
    @Test("with an image: a covered segment truncated, emptied, removed or renamed is 65 naming it", arguments: ["truncated", "emptied", "removed", "renamed"])
    func segmentChangedUnderTheImage(change: String) throws {
        let scratch = Self.journal(admissions: 24, segmentBytes: 4096)
        let segments = scratch.segmentNames
        try #require(segments.count >= 3, "\(segments)")
        #expect(scratch.run(["snapshot"]).status == 0)
        #expect(scratch.run(["replay", "--json"]).status == 0)
        let first = segments[0], last = segments[segments.count - 1]
        switch change {
        case "truncated":
            let bytes = scratch.journalFileBytes(first)
            let lines = bytes.split(separator: 0x0A)
            try scratch.setJournalFileBytes(first, Array(bytes.prefix(bytes.count - lines.last!.count - 1)))
        case "emptied":
            try scratch.setJournalFileBytes(first, [])
        case "removed":
            try FileManager.default.removeItem(atPath: scratch.journalFile(last))
        default:
            try FileManager.default.moveItem(atPath: scratch.journalFile(last), toPath: scratch.journalFile(last + ".bak"))
        }
        let named = change == "removed" || change == "renamed" ? last : first
        for arguments in [["replay", "--json"], ["term", "--unit", "u1", "--term", "2020-2025"]] {
            let result = scratch.run(arguments)
            #expect(result.status == 65 && result.stderr.contains(named), "\(change): \(arguments): \(result)")
        }
    }

    @Test("export --out onto a segment, journal.json or into the snapshots refuses (64) and changes nothing")
    func exportOutProtected() throws {
        let scratch = Self.journal()
        #expect(scratch.run(["snapshot"]).status == 0)
        let before = scratch.journalBytes
        let metadata = scratch.journalFileBytes("journal.json")
        try FileManager.default.linkItem(atPath: scratch.journalFile("segment-00000001.jsonl"), toPath: scratch.directory.file("linked.html"))
        for out in ["Journal/segment-00000001.jsonl", "Journal/journal.json", "Journal/report.html", "Snapshots/report.html",
                    "./Journal/../Journal/segment-00000001.jsonl", "linked.html"] {
            let result = scratch.run(["export", "--format", "html", "--out", out])
            #expect(result.status == 64 && result.stderr.contains("nothing was written"), "\(out): \(result)")
        }
        #expect(scratch.journalBytes == before && scratch.journalFileBytes("journal.json") == metadata)
        #expect(scratch.run(["verify"]).status == 0)
        #expect(scratch.run(["export", "--format", "html", "--out", "report.html"]).status == 0)
    }

    @Test("a last line that lost only its newline is read (members count it) and the next record adds the newline back")
    func lastLineWithoutNewline() throws {
        let scratch = Self.journal()
        let name = "segment-00000001.jsonl"
        let whole = scratch.journalFileBytes(name)
        try scratch.setJournalFileBytes(name, Array(whole.dropLast()))
        let log = scratch.run(["log", "--json"])
        #expect(log.status == 0 && log.stdout.contains("\"seq\":5") && log.stderr.contains("lost its final newline"), "\(log)")
        let record = scratch.recordAdmission()
        #expect(record.status == 0 && record.stdout.contains("recorded seq 6") && record.stderr.contains("added it back"), "\(record)")
        #expect(scratch.quarantineNames.isEmpty && Array(scratch.journalFileBytes(name).prefix(whole.count)) == whole)
        #expect(scratch.run(["verify"]).status == 0)
    }

    /// Runs the binary through bash, so arguments can hold bytes that are not UTF-8 (`$'\xff'`).
    static func bash(_ scratch: ScratchJournal, _ script: String) -> SocaiResult {
        SocaiProcess.run(["-c", script], in: scratch.directory.path, environment: ["SOCAI": SocaiProcess.binary], executable: "/bin/bash")
    }

    @Test("an argument that is not UTF-8 is refused (64) naming it, and nothing is written")
    func argumentNotUTF8() throws {
        let scratch = Self.journal(admissions: 0)
        let before = scratch.journalBytes
        let result = Self.bash(scratch, #""$SOCAI" record unit --id u2 --name $'Ch\xffi b\xe1' --kind cell --date 2020-01-01"#)
        #expect(result.status == 64 && result.stderr.contains("--name") && result.stderr.contains("\\xFF"), "\(result)")
        #expect(scratch.journalBytes == before)
    }

    @Test("--source, --by, names and an event's text have bounds: a line at the bound reads, one above is refused (64), import too")
    func textBounds() throws {
        let scratch = Self.journal(admissions: 0)
        let atBound = ["--source", String(repeating: "ộ", count: TextBounds.source), "--by", String(repeating: "b", count: TextBounds.recordedBy)]
        #expect(scratch.recordAdmission(atBound).status == 0)
        #expect(scratch.run(["record", "unit", "--id", "u2", "--name", String(repeating: "ễ", count: TextBounds.name), "--kind", "cell",
                             "--date", "2020-01-01", "--event-id", "0190c8a0-0000-7000-8000-0000000000b2"]).status == 0)
        #expect(scratch.run(["replay"]).status == 0 && scratch.run(["verify"]).status == 0)
        let before = scratch.journalBytes
        #expect(scratch.recordAdmission(["--source", String(repeating: "x", count: TextBounds.source + 1)]).status == 64)
        #expect(scratch.recordAdmission(["--by", String(repeating: "x", count: TextBounds.recordedBy + 1)]).status == 64)
        scratch.directory.write("big.jsonl", #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1,"source":""#
                                + String(repeating: "x", count: TextBounds.source + 1) + "\"}\n")
        #expect(scratch.run(["import", "big.jsonl"]).status == 64)
        let decisions = (0..<50).flatMap { _ in ["--decision", String(repeating: "d", count: TextBounds.decision)] }
        let many = scratch.run(["record", "conference", "--unit", "u1", "--date", "2021-01-01", "--title", "t"] + decisions)
        #expect(many.status == 64 && many.stderr.contains("\(TextBounds.event)"), "\(many)")
        let rename = ["record", "correction", "--event", "0190c8a0-0000-7000-8000-0000000000b2", "--reason", "sửa tên", "--set"]
        #expect(scratch.run(rename + ["name=" + String(repeating: "x", count: TextBounds.name + 1)]).status == 64, "a correction obeys the bound")
        #expect(scratch.journalBytes == before)
        #expect(scratch.run(rename + ["name=" + String(repeating: "x", count: TextBounds.name)]).status == 0)
    }

    @Test("dead ends: each says what happened and how to go on, with the right exit")
    func deadEnds() throws {
        let scratch = Self.journal(admissions: 12, segmentBytes: 4096)
        #expect(scratch.segmentNames.count == 2)
        let metadata = scratch.journalFileBytes("journal.json")
        // journal.json deleted: 65 and the way back, which works.
        try FileManager.default.removeItem(atPath: scratch.journalFile("journal.json"))
        let lost = scratch.run(["replay"])
        #expect(lost.status == 65 && lost.stderr.contains("init --recover"), "\(lost)")
        let recover = scratch.run(["init", "--recover"])
        #expect(recover.status == 0 && recover.stdout.contains("verified: 13 events"), "\(recover)")
        #expect(scratch.run(["verify"]).status == 0)
        // segmentbytes invalid: named.
        let text = String(decoding: metadata, as: UTF8.self).replacingOccurrences(of: #""segmentbytes":4096"#, with: #""segmentbytes":"4k""#)
        try scratch.setJournalFileBytes("journal.json", Array(text.utf8))
        #expect(scratch.run(["replay"]).stderr.contains("\"segmentbytes\""))
        try scratch.setJournalFileBytes("journal.json", metadata)
        // A trailing blank line: 65 with the fix.
        let last = scratch.segmentNames.last!
        let segment = scratch.journalFileBytes(last)
        try scratch.setJournalFileBytes(last, segment + [0x0A])
        let blank = scratch.run(["replay"])
        #expect(blank.status == 65 && blank.stderr.contains("delete that empty line"), "\(blank)")
        try scratch.setJournalFileBytes(last, segment)
        // The last segment renamed: the sealed one before it shows it existed.
        try FileManager.default.moveItem(atPath: scratch.journalFile(last), toPath: scratch.journalFile(last + ".bak"))
        let renamed = scratch.run(["verify"])
        #expect(renamed.status == 1 && renamed.stdout.contains("rename it back"), "\(renamed)")
        #expect(scratch.run(["replay"]).status == 65)
        try FileManager.default.moveItem(atPath: scratch.journalFile(last + ".bak"), toPath: scratch.journalFile(last))
        // audit --from after --to; a read command's unknown unit does not say "nothing was written".
        #expect(scratch.run(["audit", "--unit", "u1", "--figure", "members", "--from", "2024-01-01", "--to", "2023-01-01"]).status == 64)
        let unknown = scratch.run(["replay", "--unit", "nowhere"])
        #expect(unknown.status == 64 && !unknown.stderr.contains("nothing was written"), "\(unknown)")
        // init --journal FILE: 64.
        scratch.directory.write("file", "x")
        #expect(scratch.run(["--journal", "file", "init"]).status == 64)
        #expect(scratch.run(["--journal", "file", "replay"]).status == 64)
        // Imports: JSON Lines with a byte order mark, CSV with ; (a Vietnamese-locale spreadsheet).
        scratch.directory.write("bom.jsonl", "\u{FEFF}" + #"{"type":"admission","unit":"u1","date":"2021-03-01","count":1}"# + "\n")
        #expect(scratch.run(["import", "bom.jsonl"]).status == 0)
        scratch.directory.write("semi.csv", "type;unit;date;count;source\r\nadmission;u1;01/03/2021;2;\"Báo cáo; 2,9%\"\r\n")
        #expect(scratch.run(["import", "semi.csv"]).status == 0)
        #expect(scratch.run(["verify"]).status == 0)
    }

    @Test("an unreadable journal is 74 'Permission denied', not 'no journal' (66)")
    func unreadableJournal() throws {
        let scratch = Self.journal(admissions: 0)
        chmod(scratch.journalPath, 0)
        defer { chmod(scratch.journalPath, 0o750) }
        let asUser = getuid() == 0 ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        try #require(getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs setpriv as root")
        let result = Self.bash(scratch, "cd / && \(asUser)\"$SOCAI\" --journal \(scratch.journalPath) replay")
        #expect(result.status == 74 && result.stderr.contains("Permission denied") && !result.stderr.contains("socai init"), "\(result)")
    }

    @Test("bidi controls in a name are neutralised in text and CSV output")
    func bidiControls() throws {
        let scratch = Self.journal(admissions: 0)
        let name = "Bản \u{202E}Lìa\u{2066}x\u{200F}y\u{061C}"
        #expect(scratch.run(["record", "unit", "--id", "u2", "--name", name, "--kind", "cell", "--date", "2020-01-01"]).status == 0)
        for arguments in [["replay"], ["log"], ["--format", "csv", "log"], ["--format", "csv", "replay"]] {
            let output = scratch.run(arguments).stdout
            #expect(output.contains("Bản \u{FFFD}Lìa") && !output.unicodeScalars.contains { BidiControls.bidi.contains($0.value) },
                    "\(arguments): \(output.debugDescription)")
        }
        #expect(scratch.run(["--json", "log"]).stdout.contains("\\u202e") || scratch.run(["--json", "log"]).stdout.contains("\u{202E}"),
                "the journal keeps the name as given")
    }

    @Test("a journal whose last recorded time is ahead of the clock by more than a minute warns the writer")
    func clockAhead() throws {
        let scratch = Self.journal(admissions: 1)
        scratch.now = "2024-05-30T08:00:00Z"
        let behind = scratch.recordAdmission()
        #expect(behind.status == 0 && behind.stderr.contains("2 days ahead"), "\(behind)")
        scratch.now = "2024-06-01T07:59:30Z"
        // Another day's admission: the same fact again would be warned as a possible duplicate.
        let within = scratch.run(["record", "admission", "--unit", "u1", "--date", "2021-03-02", "--count", "1"])
        #expect(within.status == 0 && within.stderr.isEmpty, "within a minute: no warning: \(within)")
    }
}

/// The code points the issue lists as bidirectional controls, for checking output.
enum BidiControls {
    static let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
}
