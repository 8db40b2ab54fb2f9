import SocaiCore

/// `socai term` as people read it: the term's span, figures at start and end, flows, targets
/// and attainment, ratings per year, mergers and conferences.
public enum TermText {
    public static func render(_ r: TermReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var out = r.unitName + " · " + r.unit.rawValue + " · " + t("term ", "nhiệm kỳ ") + r.term.description + "\n"
        if let noDays = r.noDays {
            out += sentence(noDays, r, p) + "\n"
            if let step = r.closing { out += ReorganisationStepText.sentence(step, p) + "\n" }
            return out + conferences(r, p)
        }
        out += p.date(r.from) + " – " + p.date(r.termEnd) + " (" + t("start: ", "bắt đầu: ") + boundary(r.boundarySource, r.startCongress, p)
            + "; " + t("end: ", "kết thúc: ") + boundary(r.endSource, r.endCongress, p) + ")"
        if r.isRunning { out += "; " + t("running, figures to ", "đang diễn ra, số liệu đến ") + p.date(r.to) }
        out += "\n"
        if let formed = r.formed {
            out += t("Formed on ", "Thành lập ngày ") + p.date(formed.date) + t(" from ", " từ ")
                + formed.from.map { $0.name + " (" + $0.unit.rawValue + ")" }.joined(separator: ", ")
                + t(": their figures and flows before that day count as this unit's.",
                    ": số liệu và biến động của các đơn vị này trước ngày đó được tính là của đơn vị này.") + "\n"
        }
        if let step = r.closing {
            // The term ends the day before only when the closing falls inside it.
            out += ReorganisationStepText.sentence(step, p)
                + (r.endSource == .closed ? t("; its term ends the day before", "; nhiệm kỳ của đơn vị kết thúc vào ngày trước đó") : "") + "\n"
        }
        if let boundaries = r.boundaries {
            out += t("Figures restated in the units as they stood on ", "Số liệu quy đổi theo đơn vị tại ngày ") + p.date(boundaries) + "\n"
        }

        if !r.figures.isEmpty {
            out += "\n" + t("Figures", "Số liệu") + "\n"
            var table = TextTable(columns: [(t("figure", "chỉ tiêu"), .left), (t("start", "đầu kỳ"), .right),
                                            (t("end", "cuối kỳ"), .right), (t("change", "tăng/giảm"), .right),
                                            ("%", .right), (t("meaning", "nội dung"), .left)])
            for f in r.figures {
                table.append([f.key, f.start.map(p.level) ?? p.dash, f.end.map(p.level) ?? p.dash,
                              f.change.map(p.signed) ?? "", f.percentChange.map(p.signedPercent) ?? "", p.figureLabel(f.key)])
            }
            out += table.render()
        }
        if !r.flows.isEmpty {
            out += "\n" + t("Flows in the term", "Biến động trong nhiệm kỳ") + "\n"
            var table = TextTable(columns: [(t("figure", "chỉ tiêu"), .left), (t("total", "tổng"), .right),
                                            (t("provenance", "nguồn gốc"), .left), (t("meaning", "nội dung"), .left)])
            for (key, total) in r.flows {
                table.append([key, p.text(total.qualifier.label) + p.count(total.value), p.text(total.provenance.label), p.figureLabel(key)])
            }
            out += table.render()
        }
        if !r.targets.isEmpty {
            out += "\n" + t("Targets", "Chỉ tiêu nghị quyết") + "\n"
            var table = TextTable(columns: [(t("target", "chỉ tiêu"), .left), (t("set", "đề ra"), .right),
                                            (t("for the term", "cả kỳ"), .right), (t("actual", "thực hiện"), .right),
                                            (t("attainment", "đạt"), .right), (t("status", "đánh giá"), .left)])
            for target in r.targets {
                var forTerm = target.effectiveTarget.map(p.target) ?? ""
                if let years = target.years { forTerm += " (\(years) " + t(years == 1 ? "year" : "years", "năm") + ")" }
                table.append([target.key, p.target(target.target), forTerm, target.actual.map(p.count) ?? p.dash,
                              target.percent.map(p.percent) ?? "", target.status.map { p.text($0.label) } ?? ""])
            }
            out += table.render()
            for target in r.targets where !target.perYear.isEmpty {
                let base = FigureCatalogue.baseKey(target.key, suffix: "-per-year") ?? target.key
                out += "\n" + t("Per year: ", "Từng năm: ") + base + "\n"
                var years = TextTable(columns: [(t("year", "năm"), .left), (t("days", "thời gian"), .left), (t("actual", "thực hiện"), .right),
                                                (t("target", "chỉ tiêu"), .right), (t("attainment", "đạt"), .right),
                                                (t("status", "đánh giá"), .left)])
                for y in target.perYear {
                    var year = String(y.year)
                    if y.partYear { year += t(" (part year)", " (không trọn năm)") }
                    var goal = y.target.map(p.target) ?? p.dash
                    if y.ownTarget { goal += t(" (the year's own)", " (chỉ tiêu riêng của năm)") }
                    years.append([year, p.date(y.period.from) + " – " + p.date(y.period.to), y.actual.map(p.count) ?? p.dash, goal,
                                  y.percent.map(p.percent) ?? "", y.status.map { p.text($0.label) } ?? ""])
                }
                out += years.render()
                if target.perYear.contains(where: { if case .range? = $0.target?.shape { return true }; return false }) {
                    out += t("  (a range's percentage is over its lower bound, as the reports compute it)\n",
                             "  (tỷ lệ của chỉ tiêu theo khoảng tính trên cận dưới, như các báo cáo vẫn tính)\n")
                }
            }
        }
        if !r.ratings.isEmpty {
            out += "\n" + t("Ratings", "Đánh giá, xếp loại") + "\n"
            var table = TextTable(columns: [(t("year", "năm"), .left), (t("of", "đối tượng"), .left),
                                            (t("excellent", "HTXSNV"), .right), (t("good", "HTTNV"), .right),
                                            (t("completed", "HTNV"), .right), (t("failed", "KHTNV"), .right),
                                            (t("rated", "số được đánh giá"), .right)])
            for s in r.ratings {
                func cell(_ tier: RatingTier) -> String {
                    var text = s.tiers[tier].map(p.figure) ?? ""
                    if tier == .good, text.isEmpty, let g = s.goodOrBetter {
                        text = p.figure(g) + t(" (good or better)", " (tốt trở lên)")
                    }
                    if let percent = s.percent[tier], s.tiers[tier]?.isPercent != true { text += " (" + p.percent(percent) + ")" }
                    if tier == .good, s.goodFromGoodOrBetter, let g = s.goodOrBetter {
                        text += t(" [good or better, cumulative: ", " [tốt trở lên, cộng dồn: ") + p.figure(g) + "]"
                    }
                    if s.implied == tier { text += t(" implied", " suy ra") }
                    return text.isEmpty ? p.dash : text
                }
                table.append([String(s.year), p.text(s.subject.label), cell(.excellent), cell(.good), cell(.completed),
                              cell(.failed), s.rated.map(p.count) ?? p.dash])
            }
            out += table.render()
            // Two ratings of one year and subject: say which counts (R6).
            for s in r.ratings where !s.supersedes.isEmpty {
                let earlier = s.supersedes.map(String.init)
                out += "  " + String(s.year) + " " + p.text(s.subject.label) + ": "
                    + p.text(LocalizedText(en: "seq \(s.seq) counts; it supersedes seq \(earlier.joined(separator: ", seq ")) (the later recorded rating of a year and subject counts)",
                                           vi: "tính theo sự kiện số \(s.seq), thay cho số \(earlier.joined(separator: ", số ")) (hai kết quả cùng năm, cùng đối tượng thì tính kết quả ghi sau)")) + "\n"
            }
        }
        if !r.mergers.isEmpty {
            out += "\n" + t("Mergers", "Sáp nhập") + "\n"
            for line in r.mergers { out += "  " + p.date(line.date) + "  " + p.text(line.text) + "  (" + p.seq(line.seq) + ")\n" }
        }
        return out + conferences(r, p)
    }

    /// The conferences and reports of the term (a report labelled with a term the unit has no
    /// day of is listed too: it is in the journal, and its figures count for no day).
    static func conferences(_ r: TermReport, _ p: Presenter) -> String {
        guard !r.conferences.isEmpty else { return "" }
        var out = "\n" + p.text(LocalizedText(en: "Conferences and reports", vi: "Hội nghị, báo cáo")) + "\n"
        for line in r.conferences { out += "  " + p.date(line.date) + "  " + p.text(line.text) + "  (" + p.seq(line.seq) + ")\n" }
        return out
    }

    /// Why the unit has no day of the term (R4), with the dates and where they come from; the
    /// HTML report's header says the same.
    public static func sentence(_ n: TermReport.NoDays, _ r: TermReport, _ p: Presenter) -> String {
        let d = p.date(n.date), from = p.date(r.from)
        let start = boundary(r.boundarySource, r.startCongress, p), finish = boundary(r.endSource, r.endCongress, p)
        switch n.reason {
        case .closedBefore:
            return p.text(LocalizedText(
                en: "No day of this term for this unit: it closed on \(d), before the term began on \(from) (start: \(start)).",
                vi: "Đơn vị không có ngày nào trong nhiệm kỳ này: đơn vị kết thúc hoạt động ngày \(d), trước khi nhiệm kỳ bắt đầu ngày \(from) (bắt đầu: \(start))."))
        case .establishedAfter:
            let running = n.runningThen?.description ?? ""
            return p.text(LocalizedText(
                en: "No day of this term for this unit: it was established on \(d), in term \(running).",
                vi: "Đơn vị không có ngày nào trong nhiệm kỳ này: đơn vị được thành lập ngày \(d), trong nhiệm kỳ \(running)."))
        case .nextTermBegan:
            return p.text(LocalizedText(
                en: "No day of this term for this unit: its next term began on \(d), before this one would have begun on \(from) (start: \(start); end: \(finish)).",
                vi: "Đơn vị không có ngày nào trong nhiệm kỳ này: nhiệm kỳ sau bắt đầu ngày \(d), trước ngày nhiệm kỳ này lẽ ra bắt đầu \(from) (bắt đầu: \(start); kết thúc: \(finish))."))
        case .notBegun:
            return p.text(LocalizedText(
                en: "The term has not begun: it begins on \(from) (start: \(start)); there are no figures for it yet.",
                vi: "Nhiệm kỳ chưa bắt đầu: bắt đầu từ ngày \(from) (bắt đầu: \(start)); chưa có số liệu."))
        }
    }

    /// Where a term's start or end comes from; a higher level's congress is named, with its date.
    static func boundary(_ source: TermBoundarySource, _ congress: (unit: UnitID, name: String, date: CalendarDate)?, _ p: Presenter) -> String {
        guard source == .ancestorCongress, let c = congress else { return p.text(source.label) }
        return p.text(LocalizedText(en: "the congress of ", vi: "đại hội của ")) + c.name + " (" + c.unit.rawValue + ")"
            + p.text(LocalizedText(en: " on ", vi: " ngày ")) + p.date(c.date)
    }
}
