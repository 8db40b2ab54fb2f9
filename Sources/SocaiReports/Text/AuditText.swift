import SocaiCore

/// `socai audit` as a register: one line per event with its change and the running value, then
/// the explanation of every reported value and what no event explains.
public enum AuditText {
    /// The start of a long source, so the register stays readable (`--json` has it whole).
    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    public static func render(_ r: AuditReport, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var out = r.unitName + " · " + r.unit.rawValue + " · " + r.figure + " (" + p.figureLabel(r.figure) + ")\n"
        out += t("to ", "đến ngày ") + p.date(r.to)
        if let from = r.from { out += t(", from ", ", từ ngày ") + p.date(from) }
        if let knownAt = r.knownAt { out += t(", as known at ", ", theo sổ tại ") + p.instant(knownAt) }
        out += "\n"
        if let boundaries = r.boundaries {
            out += restatedHeader(r, boundaries, p)
        }
        if let (unit, date) = r.mergedInto {
            out += t("This unit was merged into ", "Đơn vị này đã sáp nhập vào ") + unit.rawValue + t(" on ", " ngày ") + p.date(date) + ".\n"
        }
        if !r.predecessors.isEmpty {
            out += t("Formed with: ", "Hình thành từ: ")
                + r.predecessors.map { "\($0.name) (\($0.unit), " + p.date($0.date) + ")" }.joined(separator: ", ") + "\n"
        }
        out += "\n"
        if r.entries.isEmpty {
            out += t("No event moved this figure.", "Không có sự kiện nào làm thay đổi chỉ tiêu này.") + "\n"
        } else {
            // In a union, each event also names its journal and its seq there (`district-a:12`).
            let union = r.entries.contains { $0.place != nil }
            var table = TextTable(columns: [(t("date", "ngày"), .left), (t("seq", "số"), .right)]
                                  + (union ? [(t("journal", "sổ"), .left)] : [])
                                  + [(t("event", "sự kiện"), .left),
                                     (t("unit", "đơn vị"), .left), (t("change", "thay đổi"), .right),
                                     (t("reported", "báo cáo"), .right), (t("unexplained", "chưa giải thích"), .right),
                                     (t("running", "lũy kế"), .right), (t("source · recorded", "nguồn · người ghi"), .left)])
            for e in r.entries {
                var event = p.text(e.type.label)
                if e.retracted { event += t(" (retracted)", " (đã rút lại)") } else if e.corrected { event += t(" (corrected)", " (đã đính chính)") }
                let source = [e.source.map { shortened($0, 48) }, e.recordedBy + " " + p.instant(e.recordedTime)]
                    .compactMap { $0 }.joined(separator: " · ")
                table.append([p.date(e.date), String(e.seq)] + (union ? [e.place?.description ?? ""] : []) + [event, e.unit == r.unit ? "" : e.unit.rawValue,
                              e.delta.map(p.signed) ?? "", e.reported.map(p.figure) ?? "",
                              e.unexplained.map { $0 == 0 ? "0" : p.signed($0) } ?? "", e.value.map(p.count) ?? p.dash, source])
            }
            out += table.render()
        }
        var notes: [String] = []
        for e in r.entries {
            if let x = e.explanation, let reported = e.reported?.statedCount {
                var line = p.date(e.date) + ": " + p.count(x.previous)
                if x.admissions != 0 { line += " + " + p.count(x.admissions) + t(" admitted", " kết nạp") }
                if x.arrivals != 0 { line += " + " + p.count(x.arrivals) + t(" arrived", " chuyển đến") }
                if x.departures != 0 { line += " − " + p.count(x.departures) + t(" left", " giảm") }
                if x.transfers != 0 { line += (x.transfers > 0 ? " + " : " − ") + p.count(abs(x.transfers)) + t(" by mergers/moves", " do sáp nhập/chuyển") }
                line += " = " + p.count(x.derived) + t(" derived; reported ", " tính được; báo cáo ") + p.count(reported)
                let remainder = reported - x.derived
                line += remainder == 0 ? t(": fully explained", ": khớp hoàn toàn")
                    : ": " + p.signed(remainder) + t(" unexplained (no recorded event accounts for it)", " chưa giải thích được (không có sự kiện nào ghi nhận)")
                notes.append(line)
            }
            for c in e.corrections {
                notes.append(p.seq(e.seq) + " " + (c.retracts ? t("retracted", "bị rút lại") : t("corrected", "được đính chính"))
                             + t(" by seq ", " bởi số ") + String(c.seq) + " (" + c.recordedBy + ", " + p.instant(c.recordedTime) + "): "
                             + c.reason + t("; before: ", "; trước đó: ") + c.previous)
            }
            if let note = e.note, e.type == .merger || e.type == .admission || e.type == .departure || e.type == .arrival
                || (r.boundaries != nil && e.reported == nil) {
                notes.append(p.seq(e.seq) + ": " + p.text(note))
            }
        }
        if !notes.isEmpty { out += "\n" + notes.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        if let value = r.value {
            out += "\n" + t("Value at ", "Giá trị ngày ") + p.date(r.to) + ": " + p.level(value) + " (" + p.text(value.provenance.label) + ")\n"
        }
        if !r.components.isEmpty {
            out += t("Made up of:", "Gồm:") + "\n"
            for c in r.components { out += "  " + c.name + " (" + c.unit.rawValue + "): " + p.level(c.value) + " (" + p.text(c.value.provenance.label) + ")\n" }
        }
        return out
    }

    /// What a restated register is (R8): whose rows it lists, and how flows are counted.
    static func restatedHeader(_ r: AuditReport, _ boundaries: CalendarDate, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        if FigureCatalogue.definition(r.figure)?.nature == .flow {
            return t("--boundaries ", "--boundaries ") + p.date(boundaries)
                + t(": flows are not restated; a unit's flows already include those of the units it was formed from.",
                    ": số biến động không quy đổi; biến động của một đơn vị đã gồm biến động của các đơn vị hình thành nên nó.") + "\n"
        }
        return t("Restated in the units as they stood on ", "Quy đổi theo đơn vị tại ngày ") + p.date(boundaries)
            + t(": the events of every unit whose figures end up in this one; the running value is the restated figure.",
                ": các sự kiện của mọi đơn vị mà số liệu nay thuộc về đơn vị này; giá trị lũy kế là số liệu quy đổi.") + "\n"
    }
}
