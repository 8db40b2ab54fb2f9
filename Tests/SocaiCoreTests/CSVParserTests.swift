import Testing
@testable import SocaiCore

@Suite("CSVParser")
struct CSVParserTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVParser.parse(text).map(\.fields)
    }

    private func error(_ text: String) -> CSVError? {
        do {
            _ = try CSVParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func simpleRecordsWithLfAndCrlf() throws {
        let expected = [["type", "unit", "count"], ["admission", "sop-cop", "3"]]
        #expect(try fields("type,unit,count\nadmission,sop-cop,3\n") == expected)
        #expect(try fields("type,unit,count\r\nadmission,sop-cop,3\r\n") == expected)
        #expect(try fields("type,unit,count\r\nadmission,sop-cop,3") == expected)
        #expect(try fields("type,unit,count\radmission,sop-cop,3\r") == expected)
    }

    @Test func missingFinalNewlineAndTrailingEmptyFields() throws {
        #expect(try fields("a,b") == [["a", "b"]])
        #expect(try fields("a,b,") == [["a", "b", ""]])
        #expect(try fields("a,,\n,b") == [["a", "", ""], ["", "b"]])
        #expect(try fields("") == [])
    }

    @Test func leadingByteOrderMarkIsIgnored() throws {
        let records = try CSVParser.parse("\u{FEFF}type,name\nunit,Sốp Cộp\n")
        #expect(records == [
            CSVRecord(line: 1, fields: ["type", "name"]),
            CSVRecord(line: 2, fields: ["unit", "Sốp Cộp"]),
        ])
        // Only a leading BOM: one inside a field is data.
        #expect(try fields("a,\u{FEFF}b") == [["a", "\u{FEFF}b"]])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let records = try CSVParser.parse("\n\na,b\r\n\r\n\nc,d\n\n")
        #expect(records == [
            CSVRecord(line: 3, fields: ["a", "b"]),
            CSVRecord(line: 6, fields: ["c", "d"]),
        ])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "name,note\n\"Huyện ủy Sốp Cộp, Sơn La\",\"he said \"\"ok\"\"\"\n\"line one\nline two\r\nline three\",x\nlast,\"\"\n"
        let records = try CSVParser.parse(text)
        #expect(records == [
            CSVRecord(line: 1, fields: ["name", "note"]),
            CSVRecord(line: 2, fields: ["Huyện ủy Sốp Cộp, Sơn La", "he said \"ok\""]),
            CSVRecord(line: 3, fields: ["line one\nline two\r\nline three", "x"]),
            CSVRecord(line: 6, fields: ["last", ""]),
        ])
    }

    @Test func quoteFollowedByCombiningMarkStaysAQuote() throws {
        // As Characters, "\"" + U+0301 would be one grapheme; the parser works on bytes.
        #expect(try fields("\"e\u{301}\",\"\u{301}\"") == [["e\u{301}", "\u{301}"]])
    }

    @Test func nfdTextIsKeptAsWritten() throws {
        let nfd = "So\u{302}\u{301}p Co\u{323}\u{302}p"
        let parsed = try fields("unit,\(nfd)\n")
        #expect(parsed == [["unit", "Sốp Cộp"]])
        #expect(Array(parsed[0][1].utf8) == Array(nfd.utf8))
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        #expect(error("a,b\nc,\"never closed\nmore\n") == CSVError(
            line: 2, message: "unterminated quoted field (a \" opened here is never closed)"))
        #expect(error("\"")?.line == 1)
    }

    @Test func strayQuoteInAnUnquotedFieldNamesItsLine() {
        let e = error("a,b\nc,d\n\ne,f\"g\n")
        #expect(e?.line == 4)
        #expect(e?.message.hasPrefix("a quote inside an unquoted field") == true)
        #expect(error(" \"a\",b")?.line == 1)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let e = error("x\n\"multi\nline\"z,b\n")
        #expect(e?.line == 3)
        #expect(e?.message.hasPrefix("unexpected text after a closing quote") == true)
    }

    @Test func errorDescriptionNamesTheLine() {
        #expect(CSVError(line: 7, message: "bad").description == "line 7: bad")
    }
}
