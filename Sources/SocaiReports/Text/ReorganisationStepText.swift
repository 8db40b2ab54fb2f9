import SocaiCore

/// One merger, dissolution or move said in words, with who received the unit's members and how
/// many (DECISIONS R1): written once for `term`, `check` and the printed report, so the three say
/// the same thing about where the members went.
public enum ReorganisationStepText {
    /// "Dissolved on 01/07/2025; its successor Đảng bộ xã Z (z) took over what it held (4,014 members)".
    public static func sentence(_ step: ReorganisationStep, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        func named(_ party: ReorganisationStep.Party?) -> String { party.map { $0.name + " (" + $0.id.rawValue + ")" } ?? "" }
        func members(_ n: Int?) -> String { p.count(n ?? 0) + t(" members", " đảng viên") }
        let held = step.unit.members.map { $0 > 0 } ?? false
        var line: String
        switch step.change {
        case .merged:
            line = t("Merged into ", "Sáp nhập vào ") + named(step.receiver) + t(" on ", " ngày ") + p.date(step.date)
                + (held ? t(" with its ", ", chuyển theo ") + members(step.unit.members) : "")
        case .dissolvedToSuccessor:
            line = t("Dissolved on ", "Giải thể ngày ") + p.date(step.date) + t("; its successor ", "; đơn vị kế thừa ") + named(step.receiver)
                + t(" took over what it held", " nhận toàn bộ") + (held ? " (" + members(step.unit.members) + ")" : "")
        case .dissolvedKeptByParent where held:
            line = t("Dissolved on ", "Giải thể ngày ") + p.date(step.date) + t(" without a successor; what it still held (", " không có đơn vị kế thừa; phần còn lại (")
                + members(step.unit.members) + t(") stays with its parent ", ") do đơn vị cấp trên ") + named(step.receiver) + t("", " giữ lại")
        case .dissolvedLost where held:
            line = t("Dissolved on ", "Giải thể ngày ") + p.date(step.date)
                + t(" with no successor and no parent: what it still held (", " không có đơn vị kế thừa, không có cấp trên: phần còn lại (")
                + members(step.unit.members) + t(") is counted nowhere", ") không còn được tính ở đâu")
        case .dissolvedKeptByParent, .dissolvedLost:
            line = t("Dissolved on ", "Giải thể ngày ") + p.date(step.date) + t(" without a successor, holding no members of its own",
                                                                               " không có đơn vị kế thừa, không còn đảng viên trực tiếp")
        case .moved:
            line = t("Moved on ", "Chuyển ngày ") + p.date(step.date) + t(" from ", " từ ") + named(step.previousParent) + t(" to ", " sang ")
                + named(step.receiver) + (held ? t(" with its ", ", chuyển theo ") + members(step.unit.members) : "")
        }
        if !step.carried.isEmpty {
            line += t("; the units under it went on with it: ", "; các đơn vị trực thuộc chuyển theo: ")
                + step.carried.map(named).joined(separator: ", ")
        }
        return line
    }
}
