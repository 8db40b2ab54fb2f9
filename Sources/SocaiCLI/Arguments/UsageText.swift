import SocaiCore

/// What socai says about a command line it cannot run: argument errors, their hints, and the
/// errors of the global options, in both languages (`--lang vi` or `SOCAI_LANG=vi`).
public enum UsageText: String, TextCatalogue {
    case error, hint, see, or
    case unknownOption, didYouMean, givenTwice, giveOnce, takesNoValue, writeAlone, needsValue, writeValue
    case writeValueLikeOption, missingOption, missingOptions, add, missingArgument, unexpectedArgument, isAFlag
    case unknownCommand, commandsAre, noCommand
    case notALanguage, useALanguage, notAFormat, useAFormat, formatIsExports, useExportForFormat
    case badDate, writeADate, badKnownAt, writeKnownAt, notWholeNumber, notATerm, writeATerm
    case notActiveOnBoundaries, nameAnActiveUnit

    public static let area = "usage"

    public var text: LocalizedText {
        switch self {
        case .error: LocalizedText(en: "error: ", vi: "lỗi: ")
        case .hint: LocalizedText(en: "hint: ", vi: "gợi ý: ")
        case .see: LocalizedText(en: "see: ", vi: "xem: ")
        case .or: LocalizedText(en: " or ", vi: " hoặc ")
        case .unknownOption: LocalizedText(en: "unknown option {option}", vi: "không có tùy chọn {option}")
        case .didYouMean: LocalizedText(en: "did you mean {suggestions}?", vi: "có phải ý bạn là {suggestions}?")
        case .givenTwice: LocalizedText(en: "option --{name} given more than once", vi: "tùy chọn --{name} được nhập nhiều lần")
        case .giveOnce: LocalizedText(en: "--{name} takes one value; give it once", vi: "--{name} chỉ nhận một giá trị; hãy nhập một lần")
        case .takesNoValue: LocalizedText(en: "option {option} takes no value", vi: "tùy chọn {option} không nhận giá trị")
        case .writeAlone: LocalizedText(en: "write {option} alone", vi: "chỉ ghi {option}, không kèm giá trị")
        case .needsValue: LocalizedText(en: "option {option} needs a value", vi: "tùy chọn {option} cần một giá trị")
        case .writeValue: LocalizedText(en: "write {option} <{value}>", vi: "ghi {option} <{value}>")
        case .writeValueLikeOption:
            LocalizedText(en: "write {option} <{value}>; a value that looks like an option can be written --{name}=VALUE",
                          vi: "ghi {option} <{value}>; giá trị trông giống một tùy chọn thì ghi --{name}=GIÁ_TRỊ")
        case .missingOption: LocalizedText(en: "missing required option {names}", vi: "thiếu tùy chọn bắt buộc {names}")
        case .missingOptions: LocalizedText(en: "missing required options {names}", vi: "thiếu các tùy chọn bắt buộc {names}")
        case .add: LocalizedText(en: "add {usage}", vi: "thêm {usage}")
        case .missingArgument: LocalizedText(en: "missing argument <{name}>", vi: "thiếu đối số <{name}>")
        case .unexpectedArgument: LocalizedText(en: "unexpected argument '{word}'", vi: "đối số thừa '{word}'")
        case .isAFlag: LocalizedText(en: "{flag} is a flag and takes no value", vi: "{flag} là cờ bật/tắt, không nhận giá trị")
        case .unknownCommand: LocalizedText(en: "unknown command '{word}'", vi: "không có lệnh '{word}'")
        case .commandsAre: LocalizedText(en: "commands: {commands}", vi: "các lệnh: {commands}")
        case .noCommand: LocalizedText(en: "unknown command", vi: "không có lệnh này")
        case .notALanguage: LocalizedText(en: "--lang '{value}' is not a language", vi: "--lang '{value}' không phải ngôn ngữ socai có")
        case .useALanguage: LocalizedText(en: "use --lang vi or --lang en", vi: "dùng --lang vi (tiếng Việt) hoặc --lang en (tiếng Anh)")
        case .notAFormat: LocalizedText(en: "--format '{value}' is not a format", vi: "--format '{value}' không phải định dạng socai có")
        case .useAFormat: LocalizedText(en: "use text, json or csv", vi: "dùng text, json hoặc csv")
        case .formatIsExports: LocalizedText(en: "--format {format} is written by export", vi: "--format {format} chỉ dùng với lệnh export")
        case .useExportForFormat:
            LocalizedText(en: "use socai export --format {format}, or --format text, json or csv here",
                          vi: "dùng socai export --format {format}, hoặc ở lệnh này --format text, json hay csv")
        case .badDate: LocalizedText(en: "--{name} '{value}': {reason}", vi: "--{name} '{value}': {reason}")
        case .writeADate: LocalizedText(en: "write 2023-12-31 or 31/12/2023", vi: "ghi 31/12/2023 hoặc `2023-12-31`")
        case .badKnownAt: LocalizedText(en: "--known-at '{value}' is neither a time nor a date", vi: "--known-at '{value}' không phải thời điểm hay ngày")
        case .writeKnownAt:
            LocalizedText(en: "write 2024-01-23T08:00:00Z, or a date such as 23/01/2024 for the end of that day",
                          vi: "ghi 2024-01-23T08:00:00Z, hoặc một ngày như 23/01/2024 (tính đến cuối ngày đó)")
        case .notWholeNumber: LocalizedText(en: "--{name} '{value}' must be a whole number", vi: "--{name} '{value}' phải là số nguyên không âm")
        case .notATerm: LocalizedText(en: "--term '{value}' is not a term", vi: "--term '{value}' không phải nhiệm kỳ")
        case .writeATerm: LocalizedText(en: "write two years, e.g. 2020-2025", vi: "ghi hai năm, ví dụ 2020-2025")
        case .notActiveOnBoundaries:
            LocalizedText(en: "--boundaries {date}: {unit} did not exist on {date}, so it has no restated figures",
                          vi: "--boundaries {date}: đơn vị {unit} không tồn tại vào ngày {date} nên không có số liệu quy đổi")
        case .nameAnActiveUnit:
            LocalizedText(en: "name a unit active on that date (see `socai replay --to DATE`), or its successor",
                          vi: "hãy ghi một đơn vị còn hoạt động vào ngày đó (xem `socai replay --to NGÀY`), hoặc đơn vị kế thừa")
        }
    }
}
