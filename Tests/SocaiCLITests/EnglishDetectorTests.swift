import SocaiTestSupport
import Testing

/// The detectors the Vietnamese-output tests rely on find what they are meant to find: a detector
/// that finds nothing would let every English number through.
@Suite("English numbers and HTML text")
struct EnglishDetectorTests {
    @Test func englishNumbersAndDatesAreFound() {
        let text = "in 15.2% nhưng 6/41 = 14.6341…%; 41.46% và 100.6%, tổng 4,014 (1,234,567 người) ngày 2023-12-31, 4,014.5"
        #expect(EnglishNumbers.find(in: text) == ["15.2%", "14.6341", "41.46%", "100.6%", "4,014", "1,234,567", "2023-12-31", "4,014.5"])
    }

    @Test func vietnameseNumbersAndDatesPass() {
        let text = """
            in 15,2% nhưng 6/41 = 14,6341…%; tổng 4.014 (1.234.567 người) ngày 31/12/2023, 0,125 và 14,634%; khoảng 15..20,
            @01/01/2020..31/12/2023; nhiệm kỳ 2020-2025; số 12. ghi `2023-12-31`, '2,5.3' là điều bạn gõ;
            lỗi: --to 2024-13-01: tháng 13; --known-at 2024-01-23T08:00:00Z
            socai replay --to 2023-12-31
            """
        #expect(EnglishNumbers.find(in: text).isEmpty, "\(EnglishNumbers.find(in: text))")
        #expect(EnglishNumbers.find(in: "socai 0.1.0", allowed: ["0.1.0"]).isEmpty)
    }

    @Test func csvIsReadFieldByField() throws {
        #expect(try EnglishNumbers.find(inCSV: "ngày,số\r\n31/12/2023,4014\r\n\"14,63\",2\r\n").isEmpty)
        #expect(try EnglishNumbers.find(inCSV: "date,count\r\n2023-12-31,4014\r\n14.63,\"4,014\"\r\n") == ["2023-12-31", "14.63", "4,014"])
    }

    @Test func htmlTextIsWhatAReaderSees() {
        let html = """
            <html><head><style>body { font: 10.5pt/1.45 sans; }</style></head>
            <body><h1>Báo cáo &amp; số liệu</h1><svg><rect aria-label="2023: 15.2%"/><title>đảng viên</title></svg></body></html>
            """
        #expect(HTMLText.visible(html) == "Báo cáo & số liệu\n2023: 15.2%\nđảng viên")
    }
}
