/// What each `check` kind tests, in a few words, for a reader of either language. The check code
/// (`printed-percent`) is what JSON gives, and what English text, CSV and HTML show; a Vietnamese
/// reader sees the title instead (text, CSV and HTML under `--lang vi`). The raw value is the kind
/// as `Finding.kind` spells it; a test finds every kind the checks report and asks for its title.
public enum CheckKindTitle: String, TextCatalogue {
    case composition
    case congressOrder = "congress-order"
    case dissolvedWithMembers = "dissolved-with-members"
    case duplicateRating = "duplicate-rating"
    case excellenceCap = "excellence-cap"
    case flowReport = "flow-report"
    case implausibleChange = "implausible-change"
    case impossibleLevel = "impossible-level"
    case inactiveUnit = "inactive-unit"
    case integrity
    case outsideSubtree = "outside-subtree"
    case overlappingPeriods = "overlapping-periods"
    case perYearDivisor = "per-year-divisor"
    case possibleDuplicate = "possible-duplicate"
    case printedPercent = "printed-percent"
    case printedSum = "printed-sum"
    case rollUp = "roll-up"
    case target
    case tierSum = "tier-sum"
    case unexplained
    case unionConflict = "union-conflict"

    public static let area = "check-kind"

    public var text: LocalizedText {
        switch self {
        case .composition: LocalizedText(en: "parts that do not make the whole", vi: "thành phần không khớp tổng")
        case .congressOrder: LocalizedText(en: "congresses out of the order of their terms", vi: "đại hội không đúng thứ tự nhiệm kỳ")
        case .dissolvedWithMembers: LocalizedText(en: "dissolved holding members", vi: "giải thể khi còn đảng viên")
        case .duplicateRating: LocalizedText(en: "rating recorded twice", vi: "kết quả đánh giá ghi hai lần")
        case .excellenceCap: LocalizedText(en: "excellence over the 20% cap", vi: "xuất sắc vượt mức 20%")
        case .flowReport: LocalizedText(en: "reported flow against recorded events", vi: "số báo cáo so với sự kiện đã ghi")
        case .implausibleChange: LocalizedText(en: "implausible change", vi: "mức tăng/giảm bất thường")
        case .impossibleLevel: LocalizedText(en: "a level that cannot be", vi: "số liệu không thể có")
        case .inactiveUnit: LocalizedText(en: "event outside the unit's life", vi: "sự kiện ngoài thời gian tồn tại của đơn vị")
        case .integrity: LocalizedText(en: "journal integrity", vi: "tính toàn vẹn của sổ")
        case .outsideSubtree: LocalizedText(en: "event outside the journal's units", vi: "sự kiện ngoài phạm vi đơn vị của sổ")
        case .overlappingPeriods: LocalizedText(en: "totals over overlapping periods", vi: "số liệu cả giai đoạn chồng thời gian")
        case .perYearDivisor: LocalizedText(en: "yearly average over whole years", vi: "bình quân năm theo số năm tròn")
        case .possibleDuplicate: LocalizedText(en: "possible duplicate", vi: "có thể ghi trùng")
        case .printedPercent: LocalizedText(en: "printed percentage", vi: "tỷ lệ in trong tài liệu")
        case .printedSum: LocalizedText(en: "printed shares that do not add up", vi: "các tỷ lệ in cộng không đủ 100%")
        case .rollUp: LocalizedText(en: "sum of the units under it", vi: "tổng các đơn vị trực thuộc")
        case .target: LocalizedText(en: "target", vi: "chỉ tiêu")
        case .tierSum: LocalizedText(en: "rating tiers that do not add up", vi: "các mức xếp loại cộng không khớp")
        case .unexplained: LocalizedText(en: "unexplained remainder", vi: "chênh lệch chưa giải thích")
        case .unionConflict: LocalizedText(en: "journals that disagree", vi: "các sổ ghi không khớp nhau")
        }
    }
}

extension CheckKindTitle {
    /// The title of the kind `Finding.kind` spells, or the code itself for a kind without one
    /// (none: `CheckKindTitleTests` finds every kind the checks report).
    public static func of(_ kind: String) -> LocalizedText {
        CheckKindTitle(rawValue: kind)?.text ?? LocalizedText(kind)
    }
}
