import Foundation
import SocaiCore
import SocaiTestSupport
import Testing
@testable import SocaiCLI

/// Under `--lang vi` (or `SOCAI_LANG=vi`) a clerk meets no English: the `--help` of every command,
/// the errors the tests provoke, guided entry, and the reports and CSV socai prints, are scanned for
/// English words (`EnglishWords`) and for numbers and dates written the English way
/// (`EnglishNumbers`: 4,014; 15.2%; 2023-12-31); what is typed as it is (ids, option names, figure
/// keys, choice codes) is allowed. Exit 64 (bad input), 65 (a damaged journal) and 66 (no
/// journal) are all provoked. `CheckKindsTests` does the same for every kind of finding.
@Suite("Vietnamese all the way through")
struct VietnameseOutputTests {
    static let allowed = VietnameseOutput.allowedWords(unitIDs: ["son-la", "sop-cop", "muong-va", "muong-lan", "muong-moi", "x", "tester"])

    /// No English word, and no number or date written the English way (`EnglishNumbers`); CSV is
    /// read field by field.
    static func expectVietnamese(_ text: String, _ what: String, csv: Bool = false, allowedNumbers: Set<String> = [],
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let english = EnglishWords.find(in: text, allowed: allowed)
        #expect(english.isEmpty, "\(what): English \(english) in:\n\(text)", sourceLocation: sourceLocation)
        let numbers = csv ? ((try? EnglishNumbers.find(inCSV: text, allowed: allowedNumbers)) ?? ["not CSV"])
                          : EnglishNumbers.find(in: text, allowed: allowedNumbers)
        #expect(numbers.isEmpty, "\(what): English numbers or dates \(numbers) in:\n\(text)", sourceLocation: sourceLocation)
    }

    /// Every command path, from the root down (`record conference`, …).
    static var commandPaths: [[String]] {
        var paths: [[String]] = []
        func visit(_ spec: CommandSpec, _ path: [String]) {
            paths.append(path)
            for sub in spec.subcommands { visit(sub, path + [sub.word]) }
        }
        visit(SocaiCLI.commandTree, [])
        return paths + [["help"], ["__complete"]]
    }

    @Test(arguments: commandPaths)
    func helpOfEveryCommand(_ path: [String]) {
        let p = InProcess()
        // `--lang vi` after `--help`, before it, and SOCAI_LANG=vi give the same Vietnamese screen.
        let after = p.run(path + ["--help", "--lang", "vi"])
        #expect(after.status == 0)
        #expect(after.stdout.hasPrefix("TỔNG QUAN: "), "\(path): \(after.stdout)")
        Self.expectVietnamese(after.stdout, "socai \(path.joined(separator: " ")) --help --lang vi")
        #expect(p.run(["--lang", "vi"] + path + ["--help"]).stdout == after.stdout)
        #expect(p.run(path + ["-h"], environment: ["SOCAI_LANG": "vi"]).stdout == after.stdout)
        #expect(p.run(path + ["--help", "--lang=vi"]).stdout == after.stdout)
        #expect(p.run(path + ["--help"]).stdout.hasPrefix("OVERVIEW: "), "English stays the default")
    }

    @Test(arguments: ["figures", "units", "dates", "terms", "percentages"])
    func helpTopics(_ topic: String) {
        let outcome = InProcess().run(["help", topic, "--lang", "vi"])
        #expect(outcome.status == 0)
        Self.expectVietnamese(outcome.stdout, "help \(topic)")
    }

    /// Command lines that fail, one per kind of error the other tests provoke.
    static let failing: [[String]] = [
        ["record", "admission", "--cout", "3"], ["record", "admission", "--unit"], ["record", "admission", "--dry-run=yes"],
        ["record", "admission", "--unit", "a", "--unit", "b", "--date", "2024-01-01", "--count", "1"], ["record", "admission"],
        ["record", "admission", "--unit", "sop-cop", "--date", "2024-01-01", "--count", "1", "extra"], ["import"], ["import", "a", "b"],
        ["replai"], ["record", "xyzzy"], ["-x"], ["replay", "-unit", "x"], ["replay", "--format", "html"], ["replay", "--format", "xml"],
        ["replay", "--to", "2024-13-01"], ["replay", "--to", "23/1"], ["replay", "--known-at", "soon"], ["log", "--from-seq", "x"],
        ["log", "--type", "admision"], ["log", "--unit", "muong"], ["log", "--unit", "xyz"], ["term", "--unit", "sop-cop", "--term", "2020"],
        ["audit", "--unit", "sop-cop", "--figure", "membrs"], ["audit", "--unit", "nowhere", "--figure", "members"],
        ["check", "--unit", "muong"], ["export"], ["export", "--format", "csv"], ["export", "--format", "html", "--term", "x"],
        ["completion", "tcsh"], ["completion"], ["help", "budgets"], ["init"], ["init", "--segment-bytes", "100"],
        ["record", "admission", "--unit", "muong thnah", "--date", "2025-13-01", "--count", "2,5"],
        ["record", "admission", "--unit", "sop-cop", "--date", "2024-07-01", "--count", "-1"],
        ["record", "admission", "--unit", "sop-cop", "--date", "2010-01-01", "--count", "1", "--since", "2011-01-01"],
        ["record", "departure", "--unit", "sop-cop", "--date", "2024-01-01", "--count", "1", "--reason", "xyz"],
        ["record", "departure", "--unit", "sop-cop", "--date", "2024-01-01", "--count", "1", "--reason", "transfer"],
        ["record", "conference", "--unit", "sop-cop", "--date", "2024-01-23", "--title", "Họp", "--kind", "meeting", "--term", "2020"],
        ["record", "conference", "--unit", "sop-cop", "--date", "2024-01-23", "--title", "Họp", "--kind", "congress"],
        ["record", "conference", "--unit", "sop-cop", "--date", "2024-01-23", "--title", "Họp", "--figure", "membrs=3",
         "--figure", "members=-5", "--figure", "admissions=4@2023-12-31", "--figure", "deaths=3", "--figure", "members=40,5",
         "--figure", "cells=nhiều", "--target", "admisions=5", "--target", "admissions=abc", "--printed", "foo=1",
         "--printed", "admissions-attainment=abc", "--as-of", "2024-02-01"],
        ["record", "conference", "--unit", "sop-cop", "--date", "2024-01-23"],
        ["record", "unit", "--id", "Bad Id", "--name", "X", "--kind", "celll", "--setting", "comune", "--date", "2024-01-01"],
        ["record", "unit", "--id", "sop-cop", "--name", "X", "--kind", "cell", "--date", "2024-01-01"],
        ["record", "rename", "--unit", "sop-cop", "--date", "2024-01-01"],
        ["record", "move", "--unit", "son-la", "--parent", "sop-cop", "--date", "2024-01-01"],
        ["record", "dissolve", "--unit", "sop-cop", "--date", "2023-01-01"],
        ["record", "rating", "--unit", "sop-cop", "--year", "1900", "--of", "people"],
        ["record", "rating", "--unit", "sop-cop", "--year", "2024", "--of", "members", "--excellent", "x"],
        ["record", "merger", "--from", "sop-cop", "--into", "sop-cop", "--date", "2024-01-01"],
        ["record", "merger", "--from", "muong-va,muong-va", "--into", "sop-cop", "--kind", "cell", "--date", "2024-01-01"],
        ["record", "merger", "--in", "sop-cop", "--of", "village", "--before", "3", "--after", "5", "--date", "2024-01-01",
         "--since", "2024-02-01"],
        ["record", "correction", "--event", "12345", "--reason", "x", "--retract"],
        ["record", "correction", "--event", "01900000-0000-7000-8000-0000000000ff", "--reason", "x", "--retract"],
        ["record", "admission", "--unit", "sop-cop", "--date", "2024-01-01", "--count", "1", "--event-id", "x"],
        ["record", "admission", "--unit", "sop-cop", "--date", "2024-01-01", "--count", "1", "--expect-seq", "1"],
    ]

    @Test func everyErrorIsInVietnamese() {
        let p = InProcess.sopCop()
        for arguments in Self.failing {
            for (line, environment) in [(arguments + ["--lang", "vi"], [String: String]()), (arguments, ["SOCAI_LANG": "vi"])] {
                let outcome = p.run(line, environment: environment)
                #expect(outcome.status != 0, "\(line) should fail")
                #expect(!outcome.stderr.isEmpty, "\(line) says why")
                Self.expectVietnamese(outcome.stdout + outcome.stderr, "socai \(line.joined(separator: " ")) \(environment)")
            }
        }
        // No journal at all.
        let none = InProcess().run(["replay", "--lang", "vi"])
        #expect(none.status == 66)
        Self.expectVietnamese(none.stderr, "no journal")
        // A system call that fails (exit 74): what socai was doing and why, both in Vietnamese.
        let file = p.directory.file("a-file")
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        for arguments in [["--journal", file + "/Journal", "init"], ["import", p.directory.file("missing.jsonl")],
                          ["export", "--format", "html", "--out", file + "/report.html"]] {
            let outcome = p.run(arguments + ["--lang", "vi"])
            #expect(outcome.status == 74, "\(arguments): \(outcome)")
            #expect(outcome.stderr.contains("thất bại: "), "\(outcome.stderr)")
            Self.expectVietnamese(outcome.stderr, "socai \(arguments.joined(separator: " "))")
        }
    }

    @Test func importErrorsAreInVietnamese() throws {
        let p = InProcess.sopCop()
        let lines = p.directory.file("bad.jsonl")
        try """
            {"type": "kết nạp", "unit": "sop-cop", "date": "2024-01-01", "count": 1}
            {"type": "admision", "unit": "sop-cop", "date": "2024-01-01", "count": 1}
            {"type": "từ trần", "unit": "sop-cop", "date": "2024-01-01", "count": 1}
            not json
            {"unit": "sop-cop"}
            {"type": "giảm", "unit": "sop-cop", "date": "2024-01-01", "count": 1, "reason": "chết", "colour": "red"}
            """.write(toFile: lines, atomically: true, encoding: .utf8)
        let outcome = p.run(["import", lines, "--lang", "vi"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("dòng 2: type 'admision': loại sự kiện không tồn tại; dùng kết nạp hoặc một trong: "),
                "\(outcome.stderr)")
        Self.expectVietnamese(outcome.stderr, "import")
        let csv = p.directory.file("bad.csv")
        try "unit,date,count\nsop-cop,2024-01-01,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        Self.expectVietnamese(p.run(["import", csv, "--lang", "vi"]).stderr, "import CSV")
    }

    /// Reports socai prints (not `check`'s findings): text and CSV.
    @Test func reportsAndOutcomesAreInVietnamese() {
        let p = InProcess.sopCop()
        let vi = ["--lang", "vi"]
        let runs: [[String]] = [
            ["record", "conference", "--unit", "sop-cop", "--date", "2023-12-31", "--title", "Báo cáo", "--kind", "báo cáo",
             "--figure", "members=4014", "--figure", "admissions=469@2020-01-01..2023-12-31", "--target", "admissions=400"],
            ["record", "admission", "--unit", "sop cop", "--date", "15/01/2024", "--count", "3"],
            ["record", "departure", "--unit", "sop-cop", "--date", "20/02/2024", "--count", "1", "--reason", "từ trần", "--dry-run"],
            ["record", "departure", "--unit", "sop-cop", "--date", "20/02/2024", "--count", "1", "--reason", "xoa ten"],
            ["record", "rating", "--unit", "sop-cop", "--year", "2023", "--of", "tổ chức", "--excellent", "6", "--good", "32",
             "--completed", "3", "--rated", "40"],
            ["replay", "--to", "2024-03-01"], ["replay", "--to", "2024-03-01", "--format", "csv"],
            ["term", "--unit", "sop-cop", "--term", "2020-2025"], ["term", "--unit", "sop-cop", "--term", "2020-2025", "--format", "csv"],
            ["audit", "--unit", "sop-cop", "--figure", "members"], ["audit", "--unit", "sop-cop", "--figure", "members", "--format", "csv"],
            ["log"], ["log", "--format", "csv"], ["log", "--type", "kết nạp"], ["verify"], ["snapshot"],
        ]
        for arguments in runs {
            let outcome = p.run(arguments + vi)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            if arguments.contains("csv") {
                Self.expectVietnamese(outcome.stdout, "socai \(arguments.joined(separator: " "))", csv: true)
                Self.expectVietnamese(outcome.stderr, "socai \(arguments.joined(separator: " "))")
            } else {
                Self.expectVietnamese(outcome.stdout + outcome.stderr, "socai \(arguments.joined(separator: " "))")
            }
        }
        let created = InProcess().run(["init", "--lang", "vi"])
        Self.expectVietnamese(created.stdout, "init")
    }

    /// `check`'s findings (text, with notes, CSV) and the HTML and CSV exports: numbers inside
    /// sentences, findings and chart labels as a Vietnamese reader writes them.
    @Test func checkAndExportsAreInVietnamese() throws {
        let p = InProcess.sopCop()
        for arguments in [["conference", "--unit", "sop-cop", "--date", "2020-08-14", "--title", "Đại hội", "--kind", "đại hội",
                           "--term", "2020-2025", "--figure", "members=3900"],
                          ["conference", "--unit", "sop-cop", "--date", "2023-12-31", "--title", "Báo cáo", "--kind", "báo cáo",
                           "--figure", "members=4014", "--figure", "admissions=469@2020-08-14..2023-12-31", "--target", "admissions=400",
                           "--printed", "admissions-attainment=117.3%"],
                          ["admission", "--unit", "sop-cop", "--date", "2024-01-15", "--count", "3"],
                          ["rating", "--unit", "sop-cop", "--year", "2023", "--of", "tổ chức", "--excellent", "6", "--good", "32",
                           "--completed", "3", "--rated", "41", "--printed", "excellent-share=15.2%"]] {
            let outcome = p.run(["record"] + arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        for arguments in [["check"], ["check", "--notes"], ["check", "--unit", "sop cop"]] {
            let outcome = p.run(arguments + ["--lang", "vi"])
            #expect(outcome.status == 1, "\(arguments): a printed share that does not match: \(outcome)")
            #expect(outcome.stdout.contains("15,2%"), "\(outcome.stdout)")
            Self.expectVietnamese(outcome.stdout + outcome.stderr, "socai \(arguments.joined(separator: " "))")
        }
        let csv = p.run(["check", "--format", "csv", "--lang", "vi"])
        #expect(csv.stdout.contains("\"15,2\",\"14,63\""), "\(csv.stdout)")
        Self.expectVietnamese(csv.stdout, "check --format csv", csv: true)
        let html = p.run(["export", "--format", "html", "--unit", "sop-cop", "--term", "2020-2025", "--lang", "vi"])
        #expect(html.status == 0, "\(html.stderr)")
        let text = HTMLText.visible(html.stdout)
        #expect(text.contains("14,63%") && text.contains("4.014") && text.contains("15,2%"), "\(text)")
        Self.expectVietnamese(text + "\n" + html.stderr, "export --format html", allowedNumbers: [SocaiCLI.version])
    }

    /// A damaged journal (exit 65) says what is wrong in Vietnamese, to every command that reads it,
    /// and `verify` lists each problem in Vietnamese.
    @Test func damageIsDescribedInVietnamese() throws {
        let damages: [(String, (String) throws -> Void)] = [
            ("a changed byte", { journal in
                let path = journal + "/segment-00000001.jsonl"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "Huyện ủy Sốp Cộp", with: "Huyện ủy Sốp Côp").write(toFile: path, atomically: true, encoding: .utf8)
            }),
            ("an empty line", { journal in
                let path = journal + "/segment-00000001.jsonl"
                var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
                lines.insert("", at: 2)
                try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }),
            ("a renamed segment", { journal in
                try FileManager.default.moveItem(atPath: journal + "/segment-00000001.jsonl", toPath: journal + "/segment-00000002.jsonl")
            }),
            ("a broken journal.json", { journal in
                try #"{"format": "socai-journal", "version": 99}"#.write(toFile: journal + "/journal.json", atomically: true, encoding: .utf8)
            }),
        ]
        for (what, damage) in damages {
            let p = InProcess.sopCop()
            try damage(p.journal)
            for arguments in [["replay"], ["log"], ["check"], ["verify"], ["export", "--format", "html"],
                              ["record", "admission", "--unit", "sop-cop", "--date", "01/02/2024", "--count", "1"]] {
                let outcome = p.run(arguments + ["--lang", "vi"])
                #expect(outcome.status == (arguments == ["verify"] && !what.hasSuffix("json") ? 1 : 65), "\(what), \(arguments): \(outcome)")
                #expect(!(outcome.stdout + outcome.stderr).isEmpty)
                Self.expectVietnamese(outcome.stdout + outcome.stderr, "\(what): socai \(arguments.joined(separator: " "))")
            }
        }
    }

    /// A name is found without its diacritics, in any case, and typed decomposed (NFD) as some
    /// keyboards send it; what socai prints of it is the name as recorded.
    @Test func namesAreFoundWithoutDiacritics() {
        let p = InProcess.sopCop()
        let name = "Chi bộ bản Nà Sài"
        #expect(p.run(["record", "unit", "--id", "cb-1", "--name", name.decomposedStringWithCanonicalMapping, "--kind", "chi bộ",
                       "--parent", "Sốp Cộp".decomposedStringWithCanonicalMapping, "--date", "01/01/2016"]).status == 0)
        for typed in ["ban na sai", "BẢN NÀ SÀI", "Nà Sài".decomposedStringWithCanonicalMapping, "chi bo ban na sai"] {
            let recorded = p.run(["record", "admission", "--unit", typed, "--date", "02/01/2016", "--count", "1", "--dry-run", "--lang", "vi"])
            #expect(recorded.status == 0 && recorded.stdout.contains(" cb-1 "), "\(typed): \(recorded)")
            let replay = p.run(["replay", "--unit", typed, "--lang", "vi"])
            #expect(replay.status == 0, "\(typed): \(replay.stderr)")
            #expect(Array(replay.stdout.utf8).firstRange(of: Array(name.utf8)) != nil, "the name as recorded (NFC), \(typed): \(replay.stdout)")
            Self.expectVietnamese(recorded.stdout + recorded.stderr + replay.stdout + replay.stderr, "--unit \(typed)")
        }
    }

    /// Guided entry in Vietnamese: Vietnamese answers accepted, every question, explanation and
    /// summary in Vietnamese, defaults as the reader writes them.
    @Test func guidedEntryInVietnamese() {
        let p = InProcess.sopCop()
        let sessions: [[String]] = [
            // A typo, `?` at several questions, an unknown unit, a date without a year, Vietnamese words.
            ["kết nap", "?", "kết nạp", "?", "xyz", "muong?", "sop cop", "23/1", "?", "", "", "?", "3", "?", "", "Báo cáo", "?", "có",
             // a refused event (before the unit existed) is asked again
             "kết nạp", "sop-cop", "01/01/2010", "2", "", "", "", "01/01/2020", "không", ""],
            ["giảm", "sop cop", "31/05/2024", "1", "tu tran", "", "", "c"],
            ["hội nghị", "sop-cop", "", "Hội nghị tổng kết năm 2023", "hội nghị", "2020-2025", "31/12/2023", "?", "members=4014", "",
             "?", "admissions=400", "", "", "", "Báo cáo tổng kết", "có"],
            ["xếp loại", "sop-cop", "", "tổ chức", "6", "32", "3", "0", "41", "", "", "", "có"],
            ["sáp nhập", "tổng số", "sop-cop", "", "10", "8", "2", "", "", "", "", "có"],
            ["sáp nhập", "đơn vị", "muong va, muong lan", "muong-moi", "Đảng ủy xã Mường Mới", "đảng bộ cơ sở", "sop cop", "", "", "", "có"],
            ["thành lập", "x", "Chi bộ X", "chi bộ", "sop-cop", "", "", "", "không"],
        ]
        for answers in sessions {
            let outcome = p.run(["record", "--lang", "vi"], answers: InProcess.Answers(answers + [""]))
            #expect(outcome.status == 0, "\(answers): \(outcome.stderr)")
            Self.expectVietnamese(outcome.stdout + outcome.stderr, "guided entry \(answers)")
        }
        let log = p.run(["log", "--json"]).stdout
        #expect(log.contains("\"reason\":\"death\""), "stored as the canonical code: \(log)")
        #expect(log.contains("\"kind\":\"review\""))
        #expect(log.contains("\"of\":\"organizations\""))
        #expect(log.contains("\"of\":\"village\""))
        #expect(log.contains("\"kind\":\"base-committee\""))
    }
}
