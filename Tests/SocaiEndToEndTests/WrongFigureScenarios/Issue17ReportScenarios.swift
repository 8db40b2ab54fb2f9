import Foundation
import SocaiTestSupport
import Testing

/// Issue 17, "Done means": `term`, `check`, `audit` and the printed report show the
/// reorganisation of issue 17's example (where the members went), in English and Vietnamese, and
/// `--boundaries` restates the printed report and the register in the units of 2025-07-01.
@Suite("Issue 17: the reorganisation in term, check, audit and the report")
struct Issue17ReportScenarios {
    /// The example, reorganised, with the province's congresses (term 2020–2025 runs to 2025-10-14,
    /// so the districts' terms end on their dissolution).
    static func reorganised() -> Trial {
        let t = Issue17Scenarios.provinceBeforeTheReorganisation()
        t.record(["conference", "--unit", "p", "--date", "2020-10-15", "--kind", "congress", "--term", "2020-2025", "--title", "Đại hội XIV"])
        let results = Issue17Scenarios.reorganise(t)
        #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
        t.journal.now = "2025-12-01T08:00:00Z"
        t.record(["conference", "--unit", "p", "--date", "2025-10-15", "--kind", "congress", "--term", "2025-2030", "--title", "Đại hội XV"])
        return t
    }

    @Test("term text of a unit closed by the reorganisation says where its members went")
    func termTextOfAClosedUnit() {
        let t = Self.reorganised()
        let d3 = t.run(["term", "--unit", "d3", "--term", "2020-2025"])
        #expect(d3.status == 0 && d3.stdout.contains(
            "Dissolved on 2025-07-01; its successor Đảng bộ xã Z (z) took over what it held (4,014 members); its term ends the day before"), "\(d3)")
        let d3vi = t.run(["term", "--unit", "d3", "--term", "2020-2025", "--lang", "vi"])
        #expect(d3vi.stdout.contains("Giải thể ngày 01/07/2025; đơn vị kế thừa Đảng bộ xã Z (z) nhận toàn bộ (4.014 đảng viên)"), "\(d3vi)")
        #expect(t.run(["term", "--unit", "a", "--term", "2020-2025"]).stdout.contains(
            "Merged into Đảng bộ xã X (x) on 2025-07-01 with its 1,010 members; its term ends the day before"))
        let d1 = t.run(["term", "--unit", "d1", "--term", "2020-2025"])
        #expect(d1.stdout.contains("Dissolved on 2025-07-01 without a successor, holding no members of its own; its term ends the day before"),
                "\(d1)")
        #expect(d1.stdout.contains("2020-10-15 – 2025-06-30"), "the term ends on the dissolution: \(d1)")
        #expect(d1.stdout.contains("the congress of Đơn vị p (p) on 2020-10-15"), "why it starts then: \(d1)")
        let x = t.run(["term", "--unit", "x", "--term", "2020-2025", "--lang", "vi"])
        #expect(x.stdout.contains("Thành lập ngày 01/07/2025 từ Đơn vị a (a), Đơn vị b (b)"), "\(x)")
        let closing = t.term("d3", "2020-2025").object("closing")
        #expect(closing?.string("change") == "dissolved-to-successor" && closing?.string("receiver") == "z"
                && closing?.int("members") == 4014, "\(String(describing: closing))")
    }

    @Test("check lists the reorganisation: each merger and dissolution with who received the members")
    func checkShowsTheReorganisation() {
        let t = Self.reorganised()
        let check = t.run(["check"])
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("Reorganisation (where the members went):"), "\(check.stdout)")
        #expect(check.stdout.contains("2025-07-01 d3 (Đơn vị d3): Dissolved on 2025-07-01; its successor Đảng bộ xã Z (z) took over what it held (4,014 members)"),
                "\(check.stdout)")
        #expect(check.stdout.contains("2025-07-01 e (Đơn vị e): Merged into Đảng bộ xã Y (y) on 2025-07-01 with its 505 members"), "\(check.stdout)")
        let vi = t.run(["check", "--unit", "d3", "--lang", "vi"])
        #expect(vi.stdout.contains("Sắp xếp tổ chức (đảng viên chuyển về đâu):"), "\(vi.stdout)")
        #expect(vi.stdout.contains("01/07/2025 d3 (Đơn vị d3): Giải thể ngày 01/07/2025; đơn vị kế thừa Đảng bộ xã Z (z) nhận toàn bộ (4.014 đảng viên)"),
                "\(vi.stdout)")
        #expect(!vi.stdout.contains(" d1 "), "--unit d3 lists only d3's subtree: \(vi.stdout)")
        let steps = t.json(["check"]).objects("reorganisation")
        #expect(steps.map { $0.string("unit") ?? "" } == ["a", "b", "e", "f", "g", "k", "d1", "d2", "d3"])
        #expect(steps.map { $0.int("members") ?? 0 }.reduce(0, +) == 6629, "every member went somewhere")
        #expect(steps.first { $0.string("unit") == "d1" }?.string("change") == "dissolved-kept-by-parent")
    }

    @Test("the printed report: a Reorganisation section, and --boundaries restates it")
    func theReportShowsTheReorganisation() throws {
        let t = Self.reorganised()
        let out = t.journal.directory.file("p.html")
        #expect(t.run(["export", "--format", "html", "--out", out, "--unit", "p", "--to", "2025-08-01", "--lang", "vi"]).status == 0)
        let p = try String(contentsOfFile: out, encoding: .utf8)
        #expect(p.contains("<h2>Sắp xếp tổ chức: đảng viên chuyển về đâu</h2>"), "\(p)")
        #expect(p.contains("Đơn vị d3 (d3): Giải thể ngày 01/07/2025; đơn vị kế thừa Đảng bộ xã Z (z) nhận toàn bộ (4.014 đảng viên)"))
        #expect(p.contains("Đơn vị a (a): Sáp nhập vào Đảng bộ xã X (x) ngày 01/07/2025, chuyển theo 1.010 đảng viên"))

        // X in 2023, in the units of 2025-07-01: a's and b's 1,800 members, restated.
        let xOut = t.journal.directory.file("x.html")
        let x = t.run(["export", "--format", "html", "--out", xOut, "--unit", "x", "--term", "2020-2025", "--to", "2023-12-31",
                       "--boundaries", "2025-07-01"])
        #expect(x.status == 0, "\(x)")
        let xHTML = try String(contentsOfFile: xOut, encoding: .utf8)
        #expect(xHTML.contains("Figures restated in the units as they stood on 2025-07-01"))
        #expect(xHTML.contains(#"<div class="kpi-value">1,800</div><div class="kpi-note">restated</div>"#), "\(xHTML)")
        let plain = t.run(["export", "--format", "html", "--unit", "x", "--term", "2020-2025", "--to", "2023-12-31"])
        #expect(!plain.stdout.contains("1,800"), "without --boundaries X did not exist in 2023")
        // The province's report of 2023 in 2025's units lists only X, Y and Z under it.
        let province = t.run(["export", "--format", "html", "--unit", "p", "--to", "2023-12-31", "--boundaries", "2025-07-01"])
        #expect(province.stdout.contains(#"data-unit="z""#) && !province.stdout.contains(#"<tr class="unit-row depth-1" data-unit="d3""#),
                "\(province.stdout)")
        #expect(province.stdout.contains("6,614"), "\(province.stdout)")
        let refused = t.run(["export", "--format", "html", "--unit", "d1", "--boundaries", "2025-07-01"])
        #expect(refused.status == 64 && refused.stderr.contains("d1 did not exist on 2025-07-01"), "\(refused)")
    }

    @Test("audit --boundaries: X's register of 2023–2025 is a's and b's, and ends at 1,810 restated")
    func auditRestated() {
        let t = Self.reorganised()
        let audit = t.json(["audit", "--unit", "x", "--figure", "members", "--to", "2025-07-01", "--boundaries", "2025-07-01"])
        let entries = audit.objects("entries")
        #expect(entries.prefix(3).map { $0.string("unit") ?? "" } == ["a", "b", "a"], "\(entries)")
        #expect(entries.prefix(3).map { $0.int("value") ?? 0 } == [1000, 1800, 1810])
        #expect(audit.string("boundaries") == "2025-07-01")
        let text = t.run(["audit", "--unit", "x", "--figure", "members", "--to", "2025-07-01", "--boundaries", "2025-07-01", "--lang", "vi"])
        #expect(text.stdout.contains("1.810"), "\(text)")
    }
}
