import SocaiCore

/// The report people read and print: one self-contained HTML file (styles inline, charts as
/// inline SVG, no script, nothing fetched; a Content-Security-Policy forbids both), laid out for
/// A4. Pure: report values in, a `String` out. Every piece of data is escaped.
public enum HTMLReport {
    /// What the document says about itself.
    public struct Metadata: Sendable {
        public var generatedAt: Instant
        public var version: String
        /// The journal's last seq the report reflects.
        public var throughSeq: Int64

        public init(generatedAt: Instant, version: String, throughSeq: Int64) {
            self.generatedAt = generatedAt
            self.version = version
            self.throughSeq = throughSeq
        }
    }

    /// The whole document: one section per report (a page break between them).
    public static func render(_ reports: [OverviewReport], _ p: Presenter, metadata: Metadata) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var m = Markup()
        m.raw("<!DOCTYPE html>\n")
        m.open("html", [("lang", p.language.rawValue)])
        m.raw("\n<head>\n<meta charset=\"utf-8\">\n")
        m.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        m.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        m.raw("<meta name=\"generator\" content=\"socai \(HTMLEscaping.escape(metadata.version))\">\n")
        var title = "socai"
        if let first = reports.first { title = first.unitName + " · " + p.date(first.to) + " · socai" }
        m.element("title", text: title)
        m.raw("\n<style>\n" + HTMLStyle.css + "</style>\n</head>\n<body>\n")
        if reports.isEmpty {
            m.open("main", [("class", "page")])
            m.element("h1", text: t("No units recorded", "Chưa ghi đơn vị nào"))
            m.element("p", [("class", "empty")], text: t("The journal holds no unit at this date; record one with `socai record unit`.",
                                                           "Sổ chưa có đơn vị nào tại ngày này; ghi bằng `socai record unit`."))
            m.close("main")
        }
        for report in reports {
            m.raw(section(report, p, metadata: metadata))
        }
        m.raw("</body>\n</html>\n")
        return m.html
    }

    // MARK: - One unit

    static func section(_ r: OverviewReport, _ p: Presenter, metadata: Metadata) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var m = Markup()
        m.open("main", [("class", "page unit-report"), ("data-unit", r.unit.rawValue)])
        m.raw("\n<header class=\"report-header\">\n")
        m.element("p", [("class", "kicker")], text: t("Party-unit statistics", "Báo cáo số liệu công tác xây dựng Đảng"))
        m.element("h1", [("class", "unit-name")], text: r.unitName)
        var facts = [r.unit.rawValue]
        if let kind = r.kind { facts.append(p.text(kind.label)) }
        facts.append(t("as of ", "tính đến ") + p.date(r.to))
        m.element("p", [("class", "subtitle")], text: facts.joined(separator: " · "))
        var term = t("Term ", "Nhiệm kỳ ") + r.term.term.description + ": " + p.date(r.term.from) + " – " + p.date(r.term.termEnd)
            + " (" + p.text(r.term.boundarySource.label) + ")"
        if r.term.isRunning { term += t("; running", "; đang diễn ra") }
        if let noDays = r.term.noDays { term = t("Term ", "Nhiệm kỳ ") + r.term.term.description + ": " + TermText.sentence(noDays, r.term, p) }
        m.element("p", [("class", "subtitle")], text: term)
        if let boundaries = r.boundaries {
            m.element("p", [("class", "subtitle boundaries")], text: t("Figures restated in the units as they stood on ", "Số liệu quy đổi theo đơn vị tại ngày ")
                      + p.date(boundaries))
        }
        if let knownAt = r.knownAt {
            m.element("p", [("class", "subtitle known-at")], text: t("As the journal knew it at ", "Theo sổ tại thời điểm ") + p.instant(knownAt))
        }
        m.raw("</header>\n")

        m.raw(keyFigures(r, p))

        m.raw("<section class=\"block\">\n")
        m.element("h2", text: t("Members over time", "Số đảng viên theo thời gian"))
        m.raw("<figure class=\"chart-box\">" + HTMLCharts.members(r.members, p) + "\n")
        m.element("figcaption", text: t(
            "Points: counts stated by conferences and reports. Line: the level socai derives from the latest report and the admissions, arrivals and departures recorded since (and from the units below when the unit reports none); a jump at a report is what the report corrected.",
            "Điểm: số liệu do hội nghị, báo cáo nêu. Đường: số tính từ báo cáo gần nhất cộng các biến động (kết nạp, chuyển đến, ra khỏi Đảng) đã ghi sau đó (hoặc cộng từ đơn vị cấp dưới); bước nhảy tại một báo cáo là phần báo cáo điều chỉnh."))
        m.raw("</figure>\n</section>\n")

        m.raw("<section class=\"block\">\n")
        m.element("h2", text: t("Admissions per year, term ", "Kết nạp đảng viên theo năm, nhiệm kỳ ") + r.term.term.description)
        m.raw("<figure class=\"chart-box\">" + HTMLCharts.admissions(r.admissions, periods: r.admissionPeriods, target: r.admissionTarget, p) + "\n")
        var caption = t("* part of the year (the term starts or ends in it). ", "* một phần năm (nhiệm kỳ bắt đầu hoặc kết thúc trong năm). ")
        if let target = r.admissionTarget {
            m.raw(HTMLCharts.admissionsProgress(target, p))
            if let actual = target.actual, let forTerm = target.forTerm {
                caption += t("In the term so far: ", "Trong nhiệm kỳ đến nay: ") + p.count(actual) + t(" admitted against a target of ", " đảng viên, chỉ tiêu ")
                    + p.decimal(forTerm) + (target.percent.map { " (" + p.percent($0) + ")" } ?? "")
                    + (target.status.map { ", " + p.text($0.label) } ?? "") + "."
            }
        } else {
            caption += t("The congress set no admissions target.", "Đại hội chưa đặt chỉ tiêu kết nạp.")
        }
        m.element("figcaption", text: caption)
        m.raw("</figure>\n</section>\n")

        let subjects = RatingSubject.allCases.filter { s in r.ratings.contains { $0.subject == s } }
        m.raw("<section class=\"block\">\n")
        m.element("h2", text: t("Ratings per year", "Đánh giá, xếp loại theo năm"))
        if subjects.isEmpty {
            m.element("p", [("class", "empty")], text: t("No ratings recorded.", "Chưa ghi kết quả xếp loại."))
        }
        for subject in subjects {
            m.raw("<figure class=\"chart-box\">")
            m.element("h3", text: p.text(subject.label).capitalizedFirst)
            m.raw(HTMLCharts.ratings(r.ratings, subject: subject, p) + "\n")
            m.raw("</figure>\n")
        }
        m.raw("</section>\n")

        m.raw(termTables(r, p))
        m.raw(termEvents(r, p))
        m.raw(reorganisation(r, p))
        m.raw(unitTree(r, p))
        m.raw(findings(r.findings, p))

        m.raw("<footer class=\"report-footer\">")
        m.text(t("Generated by socai ", "Lập bằng socai ") + metadata.version + t(" on ", " lúc ") + p.instant(metadata.generatedAt)
               + t(" from the journal through seq ", " từ sổ đến số ") + String(r.throughSeq) + ". "
               + t("Every figure can be traced with `socai audit`.", "Mọi số liệu tra được bằng `socai audit`."))
        m.raw("</footer>\n</main>\n")
        return m.html
    }

    static func keyFigures(_ r: OverviewReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var m = Markup()
        m.raw("<section class=\"kpis\">\n")
        func card(_ label: String, _ value: String, _ note: String, _ cls: String) {
            m.open("div", [("class", "kpi " + cls)])
            m.element("div", [("class", "kpi-label")], text: label)
            m.element("div", [("class", "kpi-value")], text: value)
            m.element("div", [("class", "kpi-note")], text: note)
            m.close("div")
        }
        let own = r.tree.first
        if let members = own?.figures["members"] {
            card(t("Party members", "Đảng viên"), p.level(members), p.text(members.provenance.label), "kpi-members")
        }
        if let target = r.admissionTarget, let actual = target.actual {
            card(t("Admitted in the term", "Kết nạp trong nhiệm kỳ"), p.count(actual),
                 t("target ", "chỉ tiêu ") + (target.forTerm.map(p.decimal) ?? target.target.description)
                    + (target.percent.map { " · " + p.percent($0) } ?? ""), "kpi-admissions")
        } else if let flow = r.term.flows.first(where: { $0.key == "admissions" }) {
            card(t("Admitted in the term", "Kết nạp trong nhiệm kỳ"), p.count(flow.total.value), p.text(flow.total.provenance.label), "kpi-admissions")
        }
        if let orgs = own?.figures["grassroots-orgs"] {
            card(t("Grassroots organisations", "Tổ chức cơ sở đảng"), p.level(orgs), p.text(orgs.provenance.label), "kpi-orgs")
        }
        let errors = r.findings.findings.filter { $0.severity == .error }.count
        let warnings = r.findings.findings.filter { $0.severity == .warning }.count
        card(t("Check", "Đối chiếu"), errors == 0 ? t("OK", "Khớp") : "\(errors) " + t(errors == 1 ? "error" : "errors", "lỗi"),
             "\(warnings) " + t(warnings == 1 ? "warning" : "warnings", "cảnh báo"), errors == 0 ? "kpi-check ok" : "kpi-check bad")
        m.raw("</section>\n")
        return m.html
    }

    static func termTables(_ r: OverviewReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        guard !r.term.figures.isEmpty || !r.term.flows.isEmpty else { return "" }
        var m = Markup()
        m.raw("<section class=\"block\">\n")
        m.element("h2", text: t("Figures over the term", "Số liệu trong nhiệm kỳ"))
        if !r.term.figures.isEmpty {
            m.raw("<table class=\"figures\"><thead><tr>")
            for (head, cls) in [(t("figure", "chỉ tiêu"), ""), (t("start", "đầu kỳ"), "num"), (t("end", "cuối kỳ"), "num"),
                                (t("change", "tăng/giảm"), "num"), ("%", "num")] {
                m.element("th", cls.isEmpty ? [] : [("class", cls)], text: head)
            }
            m.raw("</tr></thead><tbody>\n")
            for f in r.term.figures {
                m.raw("<tr>")
                m.element("td", text: p.figureLabel(f.key))
                m.element("td", [("class", "num")], text: f.start.map(p.level) ?? p.dash)
                m.element("td", [("class", "num")], text: f.end.map(p.level) ?? p.dash)
                m.element("td", [("class", "num")], text: f.change.map(p.signed) ?? "")
                m.element("td", [("class", "num")], text: f.percentChange.map(p.signedPercent) ?? "")
                m.raw("</tr>\n")
            }
            m.raw("</tbody></table>\n")
        }
        if !r.term.flows.isEmpty {
            m.raw("<table class=\"flows\"><thead><tr>")
            m.element("th", text: t("in the term", "trong nhiệm kỳ"))
            m.element("th", [("class", "num")], text: t("total", "tổng"))
            m.element("th", text: t("from", "nguồn"))
            m.raw("</tr></thead><tbody>\n")
            for (key, total) in r.term.flows {
                m.raw("<tr>")
                m.element("td", text: p.figureLabel(key))
                m.element("td", [("class", "num")], text: p.text(total.qualifier.label) + p.count(total.value))
                m.element("td", text: p.text(total.provenance.label))
                m.raw("</tr>\n")
            }
            m.raw("</tbody></table>\n")
        }
        m.raw("</section>\n")
        return m.html
    }

    /// The term's conferences and mergers, by date.
    static func termEvents(_ r: OverviewReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        let lines = (r.term.conferences + r.term.mergers).sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
        guard !lines.isEmpty else { return "" }
        var m = Markup()
        m.raw("<section class=\"block\">\n")
        m.element("h2", text: t("Conferences, reports and mergers in the term", "Hội nghị, báo cáo và sáp nhập trong nhiệm kỳ"))
        m.raw("<ul class=\"events\">\n")
        for line in lines {
            m.open("li", [("class", "event " + line.type.recordName)])
            m.element("span", [("class", "date")], text: p.date(line.date))
            m.text(" " + p.text(line.text))
            m.element("span", [("class", "seq")], text: " " + p.seq(line.seq))
            m.raw("</li>\n")
        }
        m.raw("</ul>\n</section>\n")
        return m.html
    }

    /// Each merger, dissolution and move of the period, and who received the members (issue 17).
    static func reorganisation(_ r: OverviewReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        guard !r.reorganisation.isEmpty else { return "" }
        var m = Markup()
        m.raw("<section class=\"block reorganisation\">\n")
        m.element("h2", text: t("Reorganisation: where the members went", "Sắp xếp tổ chức: đảng viên chuyển về đâu"))
        m.raw("<ul class=\"events\">\n")
        for step in r.reorganisation {
            m.open("li", [("class", "event " + step.change.rawValue), ("data-unit", step.unit.id.rawValue)])
            m.element("span", [("class", "date")], text: p.date(step.date))
            m.text(" " + step.unit.name + " (" + step.unit.id.rawValue + "): " + ReorganisationStepText.sentence(step, p))
            m.element("span", [("class", "seq")], text: " " + p.seq(step.seq))
            m.raw("</li>\n")
        }
        m.raw("</ul>\n</section>\n")
        return m.html
    }

    static func unitTree(_ r: OverviewReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var m = Markup()
        m.raw("<section class=\"block\">\n")
        m.element("h2", text: t("Units and their figures", "Các đơn vị và số liệu") + " (" + p.date(r.to) + ")")
        m.raw("<table class=\"unit-tree\"><thead><tr>")
        m.element("th", text: t("unit", "đơn vị"))
        for key in r.keyFigures { m.element("th", [("class", "num figure-head")], text: p.figureLabel(key)) }
        m.raw("</tr></thead><tbody>\n")
        let depth0 = r.tree.first?.unit.depth ?? 0
        for row in r.tree {
            let u = row.unit
            let depth = max(0, u.depth - depth0)
            m.open("tr", [("class", "unit-row depth-\(min(depth, 9))" + (u.status == .active ? "" : " closed")), ("data-unit", u.id.rawValue)])
            m.open("td", [("class", "unit-cell"), ("style", "padding-left: \(SVGGeometry.number(0.4 + Double(depth) * 1.3))em")])
            m.element("span", [("class", "name")], text: u.name)
            m.element("span", [("class", "id")], text: u.id.rawValue + (u.kind.map { " · " + p.text($0.label) } ?? ""))
            if u.status != .active {
                var closed = u.status == .merged ? t("merged", "đã sáp nhập") : t("dissolved", "đã giải thể")
                if let into = u.mergedInto { closed += t(" into ", " vào ") + into.rawValue }
                if let on = u.closedOn { closed += " (" + p.date(on) + ")" }
                m.element("span", [("class", "status")], text: closed)
            }
            m.close("td")
            for key in r.keyFigures {
                if let value = row.figures[key] {
                    m.element("td", [("class", "num prov-" + value.provenance.rawValue), ("title", p.text(value.provenance.label))],
                              text: p.level(value))
                } else {
                    m.element("td", [("class", "num none")], text: "")
                }
            }
            m.raw("</tr>\n")
        }
        m.raw("</tbody></table>\n")
        m.element("p", [("class", "legend-note")], text: t(
            "Bold: reported on that date; plain: derived from a report and the flows since; italic: the sum of the units below.",
            "Chữ đậm: số báo cáo đúng ngày; chữ thường: tính từ báo cáo và biến động sau đó; chữ nghiêng: cộng từ đơn vị cấp dưới."))
        m.raw("</section>\n")
        return m.html
    }

    static func findings(_ report: CheckReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var m = Markup()
        m.raw("<section class=\"block findings-block\">\n")
        m.element("h2", text: t("Check findings", "Kết quả đối chiếu (check)"))
        let shown = report.findings.sorted {
            ($0.severity, $0.unit.rawValue, $0.date, $0.figure) < ($1.severity, $1.unit.rawValue, $1.date, $1.figure)
        }
        if shown.isEmpty {
            m.element("p", [("class", "ok")], text: t("No findings: reported and derived figures reconcile.",
                                                      "Không có sai lệch: số báo cáo và số tính toán khớp nhau."))
        } else {
            m.raw("<table class=\"findings\"><thead><tr>")
            for head in [t("severity", "mức"), t("check", "kiểm tra"), t("unit", "đơn vị"), t("date", "ngày"), t("figure", "chỉ tiêu"),
                         t("finding", "nội dung")] {
                m.element("th", text: head)
            }
            m.raw("</tr></thead><tbody>\n")
            for f in shown {
                m.open("tr", [("class", "finding " + f.severity.rawValue)])
                m.element("td", [("class", "severity")], text: p.text(f.severity.label))
                // The code on one line; a Vietnamese title, which is words, may wrap.
                m.element("td", [("class", p.language == .vi ? "kind" : "kind nowrap"), ("data-kind", f.kind)], text: CheckText.kind(f, p))
                m.element("td", [("class", "nowrap")], text: f.unit.rawValue)
                m.element("td", [("class", "date")], text: p.date(f.date))
                m.element("td", text: p.text(f.figureText))
                m.element("td", text: p.text(f.message) + (f.seq.map { " (" + p.seq($0) + ")" } ?? ""))
                m.raw("</tr>\n")
            }
            m.raw("</tbody></table>\n")
        }
        m.raw("</section>\n")
        return m.html
    }
}

extension String {
    /// The first letter in upper case (`organisations` → `Organisations`, `đảng viên` → `Đảng viên`).
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
