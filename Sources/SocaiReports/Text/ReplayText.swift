import SocaiCore

/// `socai replay` as people read it: one block per unit, indented by the tree, its figures in an
/// aligned table with where each value comes from.
public enum ReplayText {
    public static func render(_ report: ReplayReport, _ p: Presenter) -> String {
        var out = p.text(LocalizedText(en: "Units at ", vi: "Tình hình đơn vị đến ngày ")) + p.date(report.to)
        if let knownAt = report.knownAt {
            out += p.text(LocalizedText(en: ", as known at ", vi: ", theo sổ tại thời điểm ")) + p.instant(knownAt)
        }
        out += p.text(LocalizedText(en: " (journal seq ", vi: " (số thứ tự sổ ")) + String(report.throughSeq) + ")\n"
        if let boundaries = report.boundaries {
            out += p.text(LocalizedText(en: "Figures restated in the units as they stood on ", vi: "Số liệu quy đổi theo đơn vị tại ngày "))
                + p.date(boundaries) + "\n"
        }
        if report.units.isEmpty {
            out += "\n" + p.text(LocalizedText(en: "No units are registered yet; record one with `socai record unit`.",
                                               vi: "Chưa có đơn vị nào; ghi đơn vị bằng `socai record unit`.")) + "\n"
        }
        for unit in report.units {
            let indent = String(repeating: "  ", count: unit.depth)
            out += "\n" + indent + unit.name + " · " + unit.id.rawValue
            if let kind = unit.kind { out += " · " + p.text(kind.label) }
            switch unit.status {
            case .active:
                break
            case .merged:
                out += " · " + p.text(LocalizedText(en: "merged into ", vi: "đã sáp nhập vào ")) + (unit.mergedInto?.rawValue ?? "?")
                if let date = unit.closedOn { out += p.text(LocalizedText(en: " on ", vi: " ngày ")) + p.date(date) }
            case .dissolved:
                out += " · " + p.text(LocalizedText(en: "dissolved", vi: "đã giải thể"))
                if let date = unit.closedOn { out += p.text(LocalizedText(en: " on ", vi: " ngày ")) + p.date(date) }
            }
            out += "\n"
            guard !unit.figures.isEmpty || !unit.periodFigures.isEmpty else {
                if unit.status == .active {
                    out += indent + "  " + p.text(LocalizedText(en: "(no figures recorded)", vi: "(chưa có số liệu)")) + "\n"
                }
                continue
            }
            var table = TextTable(columns: [
                (p.text(LocalizedText(en: "figure", vi: "chỉ tiêu")), .left),
                (p.text(LocalizedText(en: "value", vi: "giá trị")), .right),
                (p.text(LocalizedText(en: "provenance", vi: "nguồn gốc")), .left),
                (p.text(LocalizedText(en: "since report of", vi: "từ báo cáo ngày")), .left),
                (p.text(LocalizedText(en: "meaning", vi: "nội dung")), .left),
            ])
            for (key, value) in unit.figures {
                table.append([key, p.level(value), p.text(value.provenance.label),
                              value.basis.map { $0 == report.to ? "" : p.date($0) } ?? "", p.figureLabel(key)])
            }
            if !unit.figures.isEmpty {
                out += table.render().split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : indent + "  " + $0 }.joined(separator: "\n")
            }
            if !unit.periodFigures.isEmpty {
                if !unit.figures.isEmpty { out += "\n" }
                var totals = TextTable(columns: [
                    (p.text(LocalizedText(en: "reported over a period", vi: "số liệu cả giai đoạn")), .left),
                    (p.text(LocalizedText(en: "value", vi: "giá trị")), .right),
                    (p.text(LocalizedText(en: "period", vi: "giai đoạn")), .left),
                    (p.text(LocalizedText(en: "meaning", vi: "nội dung")), .left),
                ])
                for figure in unit.periodFigures {
                    totals.append([figure.key, p.figure(figure.value), p.date(figure.period.from) + " – " + p.date(figure.period.to),
                                   p.figureLabel(figure.key)])
                }
                out += totals.render().split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : indent + "  " + $0 }.joined(separator: "\n")
            }
        }
        return out
    }
}
