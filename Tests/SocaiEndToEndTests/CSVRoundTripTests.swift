import Foundation
import SocaiTestSupport
import Testing

/// CSV that other programs read back as written: Python's `csv` module (what a clerk's script
/// would use) parses socai's output into the same fields, Vietnamese text, commas and quotes
/// included, with and without the byte order mark Excel wants.
@Suite("CSV read back by Python", .enabled(if: ExternalTool.python3 != nil, "python3 is not installed"))
struct CSVRoundTripTests {
    /// Parses `file` with `csv.reader` (opened with `encoding`) and returns the rows.
    static func pythonRows(_ file: String, encoding: String) throws -> [[String]] {
        let result = ExternalTool.run(ExternalTool.python3!, ["-c", """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:
                print(json.dumps(list(csv.reader(f, strict=True)), ensure_ascii=True))
            """, file, encoding])
        #expect(result.status == 0, "python: \(result.stderr)")
        let data = Data(result.stdout.utf8)
        return (try JSONSerialization.jsonObject(with: data) as? [[String]]) ?? []
    }

    static func journal() -> ScratchJournal {
        let j = ScratchJournal()
        for arguments in [
            ["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
            ["unit", "--id", "muong-va", "--name", "Đảng ủy xã \"Mường Và\", Sốp Cộp", "--kind", "base-committee", "--parent", "son-la",
             "--date", "2015-01-01"],
            ["unit", "--id", "eq", "--name", "=HYPERLINK(\"http://x\")", "--kind", "cell", "--parent", "muong-va", "--date", "2015-01-01"],
            ["conference", "--unit", "muong-va", "--date", "2023-12-31", "--title", "Báo cáo \"tổng kết\", năm 2023", "--figure", "members=541"],
            ["admission", "--unit", "muong-va", "--date", "2024-02-01", "--count", "3", "--source", "Nghị quyết số 12-NQ/ĐU, ngày 01/02/2024"],
        ] {
            let result = j.run(["record"] + arguments)
            precondition(result.status == 0, "\(arguments): \(result)")
        }
        return j
    }

    @Test func replayCSVReadsBackFieldForField() throws {
        let j = Self.journal()
        let result = j.run(["replay", "--to", "2024-06-01", "--format", "csv", "--lang", "vi"])
        #expect(result.status == 0)
        j.directory.write("replay.csv", result.stdout)
        let rows = try Self.pythonRows(j.directory.file("replay.csv"), encoding: "utf-8")
        #expect(rows.first == ["date", "unit", "name", "kind", "parent", "status", "merged_into", "figure", "value", "qualifier",
                               "provenance", "basis"])
        let members = rows.first { $0.count > 8 && $0[1] == "muong-va" && $0[7] == "members" }
        #expect(members?[2] == "Đảng ủy xã \"Mường Và\", Sốp Cộp")
        #expect(members?[8] == "544")
        #expect(members?[10] == "derived")
        // A name that looks like a formula is neutralised, and still reads back as one field.
        #expect(rows.contains { $0.count > 2 && $0[1] == "eq" && $0[2] == "'=HYPERLINK(\"http://x\")" })
        #expect(rows.dropFirst().allSatisfy { $0.count == 12 })
    }

    @Test func logCSVWithByteOrderMark() throws {
        let j = Self.journal()
        let result = j.run(["log", "--format", "csv", "--bom"])
        #expect(result.status == 0)
        #expect(Array(result.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        j.directory.write("log.csv", result.stdout)
        // Read as Excel would (the mark is the encoding's signature) …
        let rows = try Self.pythonRows(j.directory.file("log.csv"), encoding: "utf-8-sig")
        #expect(rows.first?.first == "seq")
        #expect(rows.count == 6)
        let conference = rows.first { $0.count > 2 && $0[2] == "conference" }
        #expect(conference?.last?.contains("Báo cáo \"tổng kết\", năm 2023") == true, "\(String(describing: conference))")
        let admission = rows.first { $0.count > 2 && $0[2] == "admission" }
        #expect(admission?[7] == "Nghị quyết số 12-NQ/ĐU, ngày 01/02/2024")
        // … and the mark is really there: read as plain UTF-8 it is part of the first field.
        let raw = try Self.pythonRows(j.directory.file("log.csv"), encoding: "utf-8")
        #expect(raw.first?.first == "\u{FEFF}seq")
    }
}
