import Foundation
import Testing
import SocaiCore
@testable import SocaiReports

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test func plainFieldsAndCrlfLineEnds() {
        var csv = CSVWriter(header: ["unit", "members"])
        csv.append(["sop-cop", "5275"])
        csv.append(["Huyện ủy Sốp Cộp", "12"])
        #expect(csv.text == "unit,members\r\nsop-cop,5275\r\nHuyện ủy Sốp Cộp,12\r\n")
    }

    @Test func quotingOfCommasQuotesAndLineBreaks() {
        var csv = CSVWriter(header: ["a", "b", "c", "d"])
        csv.append(["Sốp Cộp, Sơn La", "he said \"ok\"", "one\ntwo", "cr\rhere"])
        #expect(csv.text == "a,b,c,d\r\n\"Sốp Cộp, Sơn La\",\"he said \"\"ok\"\"\",\"one\ntwo\",\"cr\rhere\"\r\n")
    }

    @Test func shortRowsArePaddedAndALoneEmptyFieldIsQuoted() {
        var csv = CSVWriter(header: ["a", "b", "c"])
        csv.append(["x"])
        var single = CSVWriter(header: ["only"])
        single.append([""])
        #expect(csv.text == "a,b,c\r\nx,,\r\n")
        #expect(single.text == "only\r\n\"\"\r\n")
        #expect(CSVWriter(header: []).text == "")
    }

    @Test func byteOrderMarkIsOptional() {
        let withBOM = CSVWriter(header: ["tên"], byteOrderMark: true)
        #expect(Array(withBOM.text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(withBOM.text.utf8.dropFirst(3)) == Array("tên\r\n".utf8))
        let without = CSVWriter(header: ["tên"])
        #expect(Array(without.text.utf8.prefix(3)) == Array("tên".utf8.prefix(3)))
        #expect(without.text == "tên\r\n")
    }

    @Test func formulasAreNeutralised() {
        #expect(CSVWriter.encode("=SUM(A1:A9)") == "'=SUM(A1:A9)")
        #expect(CSVWriter.encode("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVWriter.encode("+5") == "'+5")
        #expect(CSVWriter.encode("@cmd") == "'@cmd")
        #expect(CSVWriter.encode("-x") == "'-x")
        #expect(CSVWriter.encode("-") == "'-")
        #expect(CSVWriter.encode("-1+1") == "'-1+1")
        #expect(CSVWriter.encode("-2,") == "\"'-2,\"")
        #expect(CSVWriter.encode("\tcmd") == "'\tcmd")
        #expect(CSVWriter.encode("\rcmd") == "\"'\rcmd\"")
        #expect(CSVWriter.encode("a=b") == "a=b")
        #expect(CSVWriter.encode("") == "")
    }

    /// A finding's machine value reads as the other cells do: decimal comma and 30/06/2020 in Vietnamese.
    @Test func findingValuesInTheReadersNotation() {
        let vi = Presenter(language: .vi), en = Presenter(language: .en)
        for (machine, written) in [("91.57", "91,57"), ("25.00%", "25,00%"), ("~5", "~5"), ("-2", "-2"), ("1/0", "1/0"),
                                   ("5@2018-01-01..2020-06-30 / 6@2019-01-01..2021-06-30", "5@01/01/2018..30/06/2020 / 6@01/01/2019..30/06/2021"),
                                   ("15..20", "15..20"), ("4014", "4014")] {
            #expect(ReportCSV.written(machine, vi) == written)
            #expect(ReportCSV.written(machine, en) == machine)
        }
        #expect(ReportCSV.written(nil, vi) == "")
    }

    @Test func negativeNumbersAreLeftAlone() {
        #expect(CSVWriter.encode("-27") == "-27")
        #expect(CSVWriter.encode("-21.09") == "-21.09")
        #expect(CSVWriter.encode("-21,09%") == "\"-21,09%\"")
        #expect(CSVWriter.encode("-21.09%") == "-21.09%")
        #expect(CSVWriter.encode("-58,84 %") == "\"-58,84 %\"")
        #expect(CSVWriter.encode("-1.234.567") == "-1.234.567")
        #expect(CSVWriter.encode("-1,234,567.5") == "\"-1,234,567.5\"")
        #expect(CSVWriter.encode("-0") == "-0")
    }

    @Test func outputParsesBackToTheSameFields() throws {
        let header = ["unit", "name", "note", "change"]
        let rows = [
            ["sop-cop", "Huyện ủy Sốp Cộp", "a, b", "-27"],
            ["muong-va", "Đảng ủy xã Mường Và", "he said \"ok\"\nnext line", "-21,09%"],
            ["nfd", "So\u{302}\u{301}p Co\u{323}\u{302}p", "", "+5"],
            ["x", "=1+2", "\u{00A0}nbsp\u{2013}dash", "1.234"],
        ]
        var csv = CSVWriter(header: header, byteOrderMark: true)
        for row in rows { csv.append(row) }
        let parsed = try CSVParser.parse(csv.text).map(\.fields)
        let neutralised = rows.map { $0.map { $0 == "+5" || $0 == "=1+2" ? "'" + $0 : $0 } }
        #expect(parsed == [header] + neutralised)
        #expect(Array(parsed[3][1].utf8) == Array(rows[2][1].utf8))
    }

    @Test(.enabled(if: python3Path != nil, "python3 not found on PATH: cannot cross-check with its csv module"))
    func pythonCsvModuleReadsTheSameFields() throws {
        let header = ["unit", "tên", "ghi chú"]
        let rows = [
            ["sop-cop", "Huyện ủy Sốp Cộp, tỉnh Sơn La", "dòng một\r\ndòng hai"],
            ["muong-va", "Đảng ủy \"xã\" Mường Và", "a\nb, \"c\""],
            ["empty", "", "-21,09%"],
        ]
        var csv = CSVWriter(header: header, byteOrderMark: true)
        for row in rows { csv.append(row) }

        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("socai-csvwriter-\(UUID().uuidString).csv")
        try Data(csv.text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python3Path))
        process.arguments = ["-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let fields = try JSONDecoder().decode([[String]].self, from: data)
        #expect(fields == [header] + rows)
    }
}

/// The first executable `python3` on PATH, or nil.
private let python3Path: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/python3"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}()
