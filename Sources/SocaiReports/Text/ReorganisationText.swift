import SocaiCore

/// A dry run's preview of a reorganisation (`ReorganisationPreview`): the tree the day before and
/// the day itself, with members, and whether each top unit's total changed.
public enum ReorganisationText {
    public static func render(_ preview: ReorganisationPreview, _ p: Presenter) -> String {
        var out = "\n" + p.text(LocalizedText(en: "The tree before and after ", vi: "Cây đơn vị trước và sau ngày "))
            + p.date(preview.date) + p.text(LocalizedText(en: " (nothing was written):", vi: " (chưa ghi gì):")) + "\n"
        for (title, day, rows) in [(LocalizedText(en: "before, on ", vi: "trước, ngày "), preview.date.adding(days: -1), preview.before),
                                   (LocalizedText(en: "after, on ", vi: "sau, ngày "), preview.date, preview.after)] {
            out += "\n" + p.text(title) + p.date(day) + "\n"
            var table = TextTable(columns: [(p.text(LocalizedText(en: "unit", vi: "đơn vị")), .left),
                                            (p.text(LocalizedText(en: "members", vi: "đảng viên")), .right)])
            for row in rows {
                table.append([String(repeating: "  ", count: row.depth) + row.name + " · " + row.id.rawValue,
                              row.members.map(p.level) ?? "—"])
            }
            out += table.render()
        }
        out += "\n" + p.text(LocalizedText(en: "Members of each top unit:", vi: "Đảng viên của từng đơn vị cấp cao nhất:")) + "\n"
        for total in preview.totals {
            let before = total.before.map(p.level) ?? "—", after = total.after.map(p.level) ?? "—"
            var line = "  " + total.name + " · " + total.id.rawValue + ": " + before + " → " + after
            if let change = total.change {
                line += change == 0 ? p.text(LocalizedText(en: " (unchanged)", vi: " (không đổi)"))
                    : " (" + p.signed(change) + p.text(LocalizedText(en: ": members would be lost or gained; see the warnings above",
                                                                       vi: ": đảng viên sẽ mất đi hoặc tăng thêm; xem các cảnh báo ở trên")) + ")"
            }
            out += line + "\n"
        }
        return out
    }
}
