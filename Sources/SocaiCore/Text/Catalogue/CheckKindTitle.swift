/// What each `check` kind tests, in a few words, for a reader of either language: the check code
/// (`printed-percent`) stays the same in both (it is in JSON and CSV), its title is shown beside it
/// in text and HTML. The raw value is the kind as `Finding.kind` spells it.
public enum CheckKindTitle: String, TextCatalogue {
    case composition
    case dissolvedWithMembers = "dissolved-with-members"
    case duplicateRating = "duplicate-rating"
    case excellenceCap = "excellence-cap"
    case flowReport = "flow-report"
    case implausibleChange = "implausible-change"
    case impossibleLevel = "impossible-level"
    case inactiveUnit = "inactive-unit"
    case integrity
    case overlappingPeriods = "overlapping-periods"
    case perYearDivisor = "per-year-divisor"
    case possibleDuplicate = "possible-duplicate"
    case printedPercent = "printed-percent"
    case printedSum = "printed-sum"
    case rollUp = "roll-up"
    case target
    case tierSum = "tier-sum"
    case unexplained

    public static let area = "check-kind"

    public var text: LocalizedText {
        switch self {
        case .composition: LocalizedText(en: "parts that do not make the whole", vi: "thành phần không khớp tổng")
        case .dissolvedWithMembers: LocalizedText(en: "unit dissolved still holding members", vi: "đơn vị giải thể khi còn đảng viên")
        case .duplicateRating: LocalizedText(en: "two ratings of one year and subject", vi: "hai kết quả xếp loại cùng năm, cùng đối tượng")
        case .excellenceCap: LocalizedText(en: "excellence over the 20% cap", vi: "xuất sắc vượt mức 20%")
        case .flowReport: LocalizedText(en: "reported flow against recorded events", vi: "số báo cáo so với sự kiện đã ghi")
        case .implausibleChange: LocalizedText(en: "implausible change", vi: "mức tăng/giảm bất thường")
        case .impossibleLevel: LocalizedText(en: "a figure taken below what it can be", vi: "số liệu thấp hơn mức có thể")
        case .inactiveUnit: LocalizedText(en: "event at a unit that did not exist then", vi: "sự kiện tại đơn vị chưa có hoặc đã thôi tồn tại")
        case .integrity: LocalizedText(en: "journal integrity", vi: "tính toàn vẹn của sổ")
        case .overlappingPeriods: LocalizedText(en: "stated totals over overlapping periods", vi: "các tổng số báo cáo có giai đoạn chồng lấn")
        case .perYearDivisor: LocalizedText(en: "yearly average over whole years", vi: "bình quân năm theo số năm tròn")
        case .possibleDuplicate: LocalizedText(en: "possible duplicate", vi: "có thể ghi trùng")
        case .printedPercent: LocalizedText(en: "printed percentage", vi: "tỷ lệ in trong tài liệu")
        case .printedSum: LocalizedText(en: "printed shares that do not add up", vi: "các tỷ lệ in cộng không đủ 100%")
        case .rollUp: LocalizedText(en: "sum of the units under it", vi: "tổng các đơn vị trực thuộc")
        case .target: LocalizedText(en: "target", vi: "chỉ tiêu")
        case .tierSum: LocalizedText(en: "rating tiers that do not add up", vi: "các mức xếp loại cộng không khớp")
        case .unexplained: LocalizedText(en: "unexplained remainder", vi: "chênh lệch chưa giải thích")
        }
    }
}
