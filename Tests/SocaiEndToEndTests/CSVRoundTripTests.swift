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
        let result = j.run(["replay", "--to", "2024-06-01", "--format", "csv"])
        #expect(result.status == 0)
        j.directory.write("replay.csv", result.stdout)
        let rows = try Self.pythonRows(j.directory.file("replay.csv"), encoding: "utf-8")
        // Without --lang: the stable machine headers, ISO dates and codes scripts read.
        #expect(rows.first == ["date", "unit", "name", "kind", "parent", "status", "merged_into", "figure", "value", "qualifier",
                               "provenance", "basis"])
        #expect(rows.dropFirst().first?.first == "2024-06-01")
        let members = rows.first { $0.count > 8 && $0[1] == "muong-va" && $0[7] == "members" }
        #expect(members?[2] == "Đảng ủy xã \"Mường Và\", Sốp Cộp")
        #expect(members?[8] == "544")
        #expect(members?[10] == "derived")
        // A name that looks like a formula is neutralised, and still reads back as one field.
        #expect(rows.contains { $0.count > 2 && $0[1] == "eq" && $0[2] == "'=HYPERLINK(\"http://x\")" })
        #expect(rows.dropFirst().allSatisfy { $0.count == 12 })
    }

    /// With --lang vi, a clerk's spreadsheet: Vietnamese headers with their diacritics, dates as
    /// 31/12/2023, kinds and provenances by their Vietnamese names, decimal commas; read back as
    /// Excel would, byte order mark and all.
    @Test func vietnameseCSVForASpreadsheet() throws {
        let j = Self.journal()
        let replay = j.run(["replay", "--to", "2024-06-01", "--format", "csv", "--lang", "vi", "--bom"])
        #expect(replay.status == 0)
        #expect(Array(replay.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        j.directory.write("replay-vi.csv", replay.stdout)
        let rows = try Self.pythonRows(j.directory.file("replay-vi.csv"), encoding: "utf-8-sig")
        #expect(rows.first == ["ngày", "đơn vị", "tên", "loại", "cấp trên", "tình trạng", "sáp nhập vào", "số liệu", "giá trị", "hạn định",
                               "nguồn gốc", "từ báo cáo ngày"])
        let members = rows.first { $0.count > 8 && $0[1] == "muong-va" && $0[7] == "members" }
        #expect(members?[0] == "01/06/2024")
        #expect(members?[3] == "Đảng bộ cơ sở")
        #expect(members?[5] == "đang hoạt động")
        #expect(members?[8] == "544", "numbers are not grouped, so the spreadsheet reads them")
        #expect(members?[10] == "tính toán")
        #expect(members?[11] == "31/12/2023")

        let log = j.run(["log", "--format", "csv", "--lang", "vi", "--bom"])
        j.directory.write("log-vi.csv", log.stdout)
        let logRows = try Self.pythonRows(j.directory.file("log-vi.csv"), encoding: "utf-8-sig")
        #expect(logRows.first == ["số thứ tự", "mã sự kiện", "loại sự kiện", "đơn vị", "ngày", "thời điểm ghi (UTC)", "người ghi", "nguồn",
                                  "tóm tắt"])
        let admission = logRows.first { $0.count > 2 && $0[2] == "kết nạp" }
        #expect(admission?[4] == "01/02/2024")
        #expect(admission?[5] == "01/06/2024 08:00:00")
        #expect(admission?[7] == "Nghị quyết số 12-NQ/ĐU, ngày 01/02/2024")
        // Every row has the header's nine fields.
        #expect(logRows.dropFirst().allSatisfy { $0.count == 9 })
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
