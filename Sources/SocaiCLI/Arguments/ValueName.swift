import SocaiCore

/// What an option's value looks like, as help and hints show it (`--date <DATE>`, Vietnamese
/// `--date <NGÀY>`). Formats that read the same in both languages (`N`, `UUID`, `text|json|csv`)
/// are the same in both.
public enum ValueName: String, TextCatalogue {
    case directory, file, unit, units, date, time, count, text, name, id, kind, setting, reason, subject
    case figureKey, keyValue, printed, fieldValue, eventType, year, term, countOrPercent, uuid
    case format, language, inputFormat

    public static let area = "value-name"

    /// The texts that read the same in both languages (formats and codes).
    public static let sameInBothLanguages: Set<ValueName> = [.count, .term, .countOrPercent, .uuid, .format, .language,
                                                            .inputFormat]

    public var text: LocalizedText {
        switch self {
        case .directory: LocalizedText(en: "DIR", vi: "THƯ_MỤC")
        case .file: LocalizedText(en: "FILE", vi: "TỆP")
        case .unit: LocalizedText(en: "UNIT", vi: "ĐƠN_VỊ")
        case .units: LocalizedText(en: "UNIT,UNIT…", vi: "ĐƠN_VỊ,ĐƠN_VỊ…")
        case .date: LocalizedText(en: "DATE", vi: "NGÀY")
        case .time: LocalizedText(en: "TIME", vi: "THỜI_ĐIỂM")
        case .count: LocalizedText("N")
        case .text: LocalizedText(en: "TEXT", vi: "VĂN_BẢN")
        case .name: LocalizedText(en: "NAME", vi: "TÊN")
        case .id: LocalizedText(en: "ID", vi: "MÃ")
        case .kind: LocalizedText(en: "KIND", vi: "LOẠI")
        case .setting: LocalizedText(en: "SETTING", vi: "BỐI_CẢNH")
        case .reason: LocalizedText(en: "REASON", vi: "LÝ_DO")
        case .subject: LocalizedText(en: "WHAT", vi: "ĐỐI_TƯỢNG")
        case .figureKey: LocalizedText(en: "KEY", vi: "MÃ_SỐ_LIỆU")
        case .keyValue: LocalizedText(en: "KEY=VALUE", vi: "MÃ=GIÁ_TRỊ")
        case .printed: LocalizedText(en: "NAME=P", vi: "TÊN=P")
        case .fieldValue: LocalizedText(en: "FIELD=VALUE", vi: "TRƯỜNG=GIÁ_TRỊ")
        case .eventType: LocalizedText(en: "TYPE", vi: "LOẠI")
        case .year: LocalizedText(en: "YYYY", vi: "NĂM")
        case .term: LocalizedText("YYYY-YYYY")
        case .countOrPercent: LocalizedText("N|P%")
        case .uuid: LocalizedText("UUID")
        case .format: LocalizedText("text|json|csv")
        case .language: LocalizedText("vi|en")
        case .inputFormat: LocalizedText("jsonl|csv|cloudevents-lines")
        }
    }
}
