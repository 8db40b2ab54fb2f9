import Foundation
import SocaiTestSupport
import Testing

/// The HTML report as a person sees it: exported by the binary, opened in headless Chromium,
/// printed to PDF and photographed. The page must load without a single console message (a
/// script error, a blocked fetch or a CSP violation would show there), and the charts must
/// hold the marks the journal implies, counted in the DOM the browser built.
@Suite("HTML report in a browser", .enabled(if: HeadlessBrowser.isAvailable, "chromium is not installed; Tools/ci-deps installs it"))
struct ReportBrowserTests {
    /// Sơn La → Sốp Cộp, with two member reports, admissions in two years, a target, ratings.
    static func sopCopJournal() -> ScratchJournal {
        let j = ScratchJournal()
        func record(_ arguments: [String]) {
            let result = j.run(["record"] + arguments)
            precondition(result.status == 0, "\(arguments): \(result)")
        }
        record(["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"])
        record(["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la", "--date", "2015-01-01"])
        record(["unit", "--id", "muong-va", "--name", "Đảng ủy xã Mường Và", "--kind", "base-committee", "--parent", "sop-cop", "--date", "2015-01-01"])
        record(["conference", "--unit", "sop-cop", "--date", "2020-08-14", "--title", "Đại hội đại biểu lần thứ IV", "--kind", "congress",
                "--term", "2020-2025", "--figure", "members=3545", "--target", "admissions=400"])
        record(["admission", "--unit", "sop-cop", "--date", "2021-12-31", "--since", "2021-01-01", "--count", "138"])
        record(["admission", "--unit", "sop-cop", "--date", "2022-12-31", "--since", "2022-01-01", "--count", "146"])
        record(["departure", "--unit", "sop-cop", "--date", "2022-06-30", "--count", "12", "--reason", "death"])
        record(["conference", "--unit", "sop-cop", "--date", "23/01/2024", "--as-of", "31/12/2023", "--title", "Hội nghị đánh giá",
                "--term", "2020-2025", "--figure", "members=4014", "--figure", "villages=128@2020-01-01", "--figure", "villages=101"])
        record(["merger", "--in", "sop-cop", "--of", "village", "--before", "128", "--after", "101", "--rounds", "3", "--date", "2023-12-31"])
        record(["rating", "--unit", "sop-cop", "--year", "2022", "--of", "organizations", "--excellent", "5", "--good", "31",
                "--completed", "4", "--failed", "1", "--rated", "41"])
        record(["rating", "--unit", "sop-cop", "--year", "2023", "--of", "organizations", "--excellent", "6", "--good", "32",
                "--completed", "3", "--failed", "0", "--rated", "41", "--date", "2024-01-23"])
        return j
    }

    @Test func reportLoadsCleanlyWithTheExpectedMarks() throws {
        let j = Self.sopCopJournal()
        let export = j.run(["export", "--format", "html", "--out", "report.html", "--unit", "sop cop", "--term", "2020-2025",
                            "--to", "2024-06-01"])
        #expect(export.status == 0, "\(export)")
        let file = j.directory.file("report.html")

        let dom = HeadlessBrowser.run(file, ["--dump-dom"])
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.consoleMessages.isEmpty, "the page logged: \(dom.consoleMessages)")
        #expect(dom.stdout.contains("Huyện ủy Sốp Cộp"))
        let count = { (needle: String) in HeadlessBrowser.count(needle, in: dom.stdout) }
        // Members: two reported counts (2020-08-14, 2023-12-31) as points, one derived line.
        #expect(count("<circle class=\"reported-point\"") == 2)
        #expect(count("<polyline class=\"derived-line\"") == 1)
        // Admissions: a bar for each year of the term to the report's date: 2020 … 2024.
        #expect(count("<rect class=\"bar admissions-year\"") == 5)
        #expect(dom.stdout.contains("data-year=\"2021\" data-value=\"138\""))
        #expect(dom.stdout.contains("data-year=\"2022\" data-value=\"146\""))
        // The target as a line across the bars and a marker on the term's progress bar.
        #expect(count("<line class=\"target-line\"") == 2)
        #expect(count("<rect class=\"bar admissions-total") == 1)
        // Ratings: two years of organisations, four tiers each.
        #expect(count("<g class=\"rating-bar\"") == 2)
        #expect(count("<rect class=\"bar tier tier-") == 8)
        // The tree: sop-cop and the commune under it; the findings table.
        #expect(count("<tr class=\"unit-row") == 2)
        #expect(dom.stdout.contains("Check findings"))

        // Printable: an A4 PDF (595 × 842 points) with at least one page.
        let pdfPath = j.directory.file("report.pdf")
        let print = HeadlessBrowser.run(file, ["--print-to-pdf=" + pdfPath, "--no-pdf-header-footer"])
        #expect(print.consoleMessages.isEmpty, "printing logged: \(print.consoleMessages)")
        let pdf = String(decoding: j.directory.bytes("report.pdf"), as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-"))
        #expect(pdf.contains("/MediaBox [0 0 594.9") || pdf.contains("/MediaBox [0 0 595"), "not A4: \(pdf.prefix(400))")
        #expect(HeadlessBrowser.count("/Type /Page\n", in: pdf) + HeadlessBrowser.count("/Type /Page\r", in: pdf)
                + HeadlessBrowser.count("/Type /Page ", in: pdf) + HeadlessBrowser.count("/Type /Page>", in: pdf) >= 1)

        // And it can be photographed at the size asked for.
        let shot = HeadlessBrowser.run(file, ["--screenshot=" + j.directory.file("report.png"), "--window-size=900,1400"])
        #expect(shot.consoleMessages.isEmpty)
        let png = j.directory.bytes("report.png")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        if png.count > 24 {
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 900 && height == 1400)
        }
    }

    /// The console check is only worth something if it sees errors: a page with a script that
    /// logs an error, and one that breaks the report's policy by loading an image, are caught.
    @Test func consoleCheckSeesErrors() {
        let dir = TemporaryDirectory()
        dir.write("logs.html", "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom')</script></body></html>")
        dir.write("fetches.html", """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            </head><body><img src="https://example.invalid/x.png"></body></html>
            """)
        let logs = HeadlessBrowser.run(dir.file("logs.html"), ["--dump-dom"])
        #expect(logs.consoleMessages.contains { $0.contains("boom") }, "\(logs.stderr)")
        let fetches = HeadlessBrowser.run(dir.file("fetches.html"), ["--dump-dom"])
        #expect(!fetches.consoleMessages.isEmpty, "\(fetches.stderr)")
    }

    /// Names are data: a unit called `<script>alert(1)</script>` (or one that tries to close an
    /// attribute and add an image with an onerror handler) shows as text, and nothing runs.
    @Test func hostileNamesAreShownAsTextAndNothingRuns() throws {
        let j = ScratchJournal()
        let script = "<script>alert(1)</script>"
        let image = "\"><img src=x onerror=alert(1)>"
        for arguments in [["unit", "--id", "evil", "--name", script, "--kind", "province", "--date", "2020-01-01"],
                          ["unit", "--id", "evil-2", "--name", image, "--kind", "district", "--parent", "evil", "--date", "2020-01-01"],
                          ["conference", "--unit", "evil-2", "--date", "2021-01-01", "--title", script + image, "--kind", "congress",
                           "--term", "2020-2025", "--figure", "members=10", "--target", "admissions=5"],
                          ["conference", "--unit", "evil", "--date", "2021-06-01", "--title", "x", "--figure", "members=3"],
                          ["admission", "--unit", "evil-2", "--date", "2021-03-01", "--count", "2", "--source", image]] {
            let result = j.run(["record"] + arguments)
            #expect(result.status == 0, "\(result)")
        }
        for unit in ["evil", "evil-2"] {
            let export = j.run(["export", "--format", "html", "--out", unit + ".html", "--unit", unit, "--to", "2024-06-01"])
            #expect(export.status == 0, "\(export)")
            let html = j.directory.read(unit + ".html")
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img"))

            let dom = HeadlessBrowser.run(j.directory.file(unit + ".html"), ["--dump-dom"])
            #expect(dom.status == 0)
            #expect(dom.consoleMessages.isEmpty, "\(dom.consoleMessages)")
            #expect(!dom.stdout.contains("<script"), "a script element was created")
            #expect(!dom.stdout.contains("<img"), "an image element was created")
            // Every "<" in a serialised DOM opens a tag (text has "&lt;"): no tag may carry a handler.
            let tags = dom.stdout.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" }.lowercased() }
            #expect(!tags.contains { $0.contains("onerror") || $0.contains("onload") }, "an event handler attribute was created")
            // The names are there, as text (the DOM serialiser escapes text nodes again).
            #expect(dom.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(dom.stdout.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"))
        }
    }
}
