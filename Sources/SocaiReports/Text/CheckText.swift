import SocaiCore

/// `socai check` findings, one per line, errors first, as `unit date figure: message`.
public enum CheckText {
    public static func render(_ r: CheckReport, _ p: Presenter, showNotes: Bool, style: TextStyle = .plain) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        var out = ""
        let shown = r.findings.filter { showNotes || $0.severity != .note }
            .sorted { ($0.severity, $0.unit.rawValue, $0.date) < ($1.severity, $1.unit.rawValue, $1.date) }
        for f in shown {
            out += style.severity(p.text(f.severity.label), f.severity) + " [" + kind(f, p) + "] " + f.unit.rawValue + " " + p.date(f.date) + " "
                + p.text(f.figureText) + ": " + p.text(f.message) + (f.seq.map { " (" + p.seq($0) + (f.place.map { ", \($0)" } ?? "") + ")" } ?? "") + "\n"
        }
        if !r.reorganisation.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += t("Reorganisation (where the members went):", "Sắp xếp tổ chức (đảng viên chuyển về đâu):") + "\n"
            for step in r.reorganisation {
                out += "  " + p.date(step.date) + " " + step.unit.id.rawValue + " (" + step.unit.name + "): "
                    + ReorganisationStepText.sentence(step, p) + " (" + p.seq(step.seq) + ")\n"
            }
        }
        let errors = r.findings.filter { $0.severity == .error }.count
        let warnings = r.findings.filter { $0.severity == .warning }.count
        let notes = r.findings.filter { $0.severity == .note }.count
        if !out.isEmpty { out += "\n" }
        out += "\(errors) " + t(errors == 1 ? "error" : "errors", "lỗi") + ", \(warnings) " + t(warnings == 1 ? "warning" : "warnings", "cảnh báo")
            + ", \(notes) " + t(notes == 1 ? "note" : "notes", "ghi chú")
        if !showNotes && notes > 0 { out += t(" (--notes lists them)", " (--notes để xem)") }
        out += "\n"
        return out
    }

    /// The check that found it: its code in English (as JSON gives it), its title in Vietnamese.
    public static func kind(_ f: Finding, _ p: Presenter) -> String {
        p.language == .vi ? p.text(CheckKindTitle.of(f.kind)) : f.kind
    }
}
