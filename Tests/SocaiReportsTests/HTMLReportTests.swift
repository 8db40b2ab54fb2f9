import Testing
import SocaiCore
import SocaiTestSupport
@testable import SocaiReports

/// The HTML renderer: one self-contained, printable document whose charts carry countable
/// marks, and where every piece of data is text, never markup.
@Suite("HTML report")
struct HTMLReportTests {
    static let metadata = HTMLReport.Metadata(generatedAt: Instant.parseRFC3339("2024-06-01T08:00:00Z")!, version: "0.1.0",
                                              throughSeq: 9)

    static func sopCop(name: String = "Huyện ủy Sốp Cộp", title: String = "Đại hội IV") -> LedgerBuilder {
        var b = LedgerBuilder()
        b.must("unit", [("id", "son-la"), ("name", "Tỉnh ủy Sơn La"), ("kind", "province"), ("date", "2015-01-01")])
        b.must("unit", [("id", "sop-cop"), ("name", name), ("kind", "district"), ("parent", "son-la"), ("date", "2015-01-01")])
        b.must("conference", [("unit", "sop-cop"), ("date", "2020-08-14"), ("title", title), ("kind", "congress"),
                              ("term", "2020-2025"), ("figure", "members=3545"), ("target", "admissions=400")])
        b.must("admission", [("unit", "sop-cop"), ("date", "2021-12-31"), ("since", "2021-01-01"), ("count", "138")])
        b.must("admission", [("unit", "sop-cop"), ("date", "2022-12-31"), ("since", "2022-01-01"), ("count", "146")])
        b.must("conference", [("unit", "sop-cop"), ("date", "2024-01-23"), ("as-of", "2023-12-31"), ("title", "Hội nghị đánh giá"),
                              ("term", "2020-2025"), ("figure", "members=4014")])
        for year in ["2022", "2023"] {
            b.must("rating", [("unit", "sop-cop"), ("year", year), ("of", "organizations"), ("excellent", "6"), ("good", "32"),
                              ("completed", "3"), ("failed", "0"), ("rated", "41")])
        }
        b.must("rating", [("unit", "sop-cop"), ("year", "2023"), ("of", "members"), ("excellent", "15,2%"), ("good", "75,3%"),
                          ("completed", "8,5%")])
        return b
    }

    static func render(_ b: LedgerBuilder, unit: String = "sop-cop", language: Language = .en) -> String {
        let view = b.view
        let report = view.overview(view.registry.index(of: UnitID(unit)!)!, to: CalendarDate("2024-06-01"))
        return HTMLReport.render([report], Presenter(language: language), metadata: metadata)
    }

    static func count(_ needle: String, _ html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    @Test func chartsCarryOneMarkPerDatum() {
        let html = Self.render(Self.sopCop())
        #expect(Self.count("<circle class=\"reported-point\"", html) == 2)
        #expect(Self.count("<polyline class=\"derived-line\"", html) == 1)
        #expect(Self.count("<rect class=\"bar admissions-year\"", html) == 5)  // 2020 … 2024
        #expect(html.contains("data-year=\"2021\" data-value=\"138\""))
        #expect(Self.count("<rect class=\"bar admissions-total", html) == 1)
        #expect(Self.count("<line class=\"target-line\"", html) == 2)
        #expect(Self.count("<g class=\"rating-bar\"", html) == 3)  // organisations 2022, 2023; members 2023
        #expect(Self.count("<rect class=\"bar tier tier-", html) == 4 + 4 + 3)
        #expect(Self.count("<tr class=\"unit-row", html) == 1)
        #expect(html.contains("target 400 in 5 years ≈ 80 a year"))
    }

    @Test func selfContainedAndPrintable() {
        let html = Self.render(Self.sopCop())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
        for forbidden in ["<script", "<link", "<img", "<iframe", " src=", " href=", "url(", "@import", "http://", "https://"] {
            #expect(!html.contains(forbidden), "the report contains \(forbidden)")
        }
    }

    @Test func vietnameseNumbersDatesAndLabels() {
        let html = Self.render(Self.sopCop(), language: .vi)
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("tính đến 01/06/2024"))
        #expect(html.contains(">4.014<"))
        #expect(html.contains("chỉ tiêu 400 trong 5 năm ≈ 80/năm"))
        #expect(html.contains("HTXSNV"))
    }

    @Test func hostileTextIsEscapedEverywhere() {
        let script = "<script>alert(1)</script>"
        let image = "\"><img src=x onerror=alert(1)>"
        let html = Self.render(Self.sopCop(name: script, title: image))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        let province = Self.render(Self.sopCop(name: image), unit: "son-la")  // the name inside the tree and the title
        #expect(!province.contains("<img"))
        #expect(province.contains("&quot;&gt;&lt;img"))
    }

    @Test func escaping() {
        #expect(HTMLEscaping.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Sốp Cộp\tđ\n") == "Sốp Cộp\tđ\n")
        #expect(HTMLEscaping.escape("a\u{0}b\u{1B}c\u{7F}d\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
    }

    @Test func emptyJournal() {
        let html = HTMLReport.render([], Presenter(language: .en), metadata: Self.metadata)
        #expect(html.contains("No units recorded"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func chartsWithoutDataSaySo() {
        var b = LedgerBuilder()
        b.must("unit", [("id", "xa"), ("name", "Đảng ủy xã A"), ("kind", "base-committee"), ("date", "2015-01-01")])
        let html = Self.render(b, unit: "xa")
        #expect(html.contains("No member figures recorded."))
        #expect(html.contains("No admissions recorded in the term."))
        #expect(html.contains("No ratings recorded."))
        #expect(!html.contains("<svg"))
    }

    @Test func coordinatesAndTicks() {
        #expect(SVGGeometry.number(12.345) == "12.3")
        #expect(SVGGeometry.number(-0.05) == "-0.1")
        #expect(SVGGeometry.number(-3) == "-3")
        #expect(SVGGeometry.number(.nan) == "0")
        #expect(SVGGeometry.ticks(0, 155) == [0, 50, 100, 150, 200])
        #expect(SVGGeometry.ticks(3464, 4155) == [3400, 3600, 3800, 4000, 4200])
        #expect(SVGGeometry.ticks(5, 5) == [5])
    }
}
