import SocaiCore

/// Everything guided entry says and asks, in both languages: the questions (one per `record`
/// option it asks, named by the option in English and in words in Vietnamese), the explanations
/// after `?`, and the answers to mistakes.
public enum GuidedText: String, TextCatalogue {
    // Questions: one per option asked (the raw value is the option's name), and a few of its own.
    case id, name, kind, conferenceKind = "conference-kind", setting, parent, date, unit, reason, departureReason = "departure-reason"
    case title, term, asOf = "as-of", figure, target, printed, count, from, into, `in`, mergedKind = "merged-kind", subject = "rating-of"
    case before, after, rounds, since, year, excellent, good, completed, failed, rated, event, retract, set
    case eventType, nextEventType, mergerMode, source, confirm
    // What it says.
    case intro, optional, needed, notWholeNumber, writeADate, notOneOf, didYouMean, newUnit, newIDShape, alreadyExists
    case severalUnits, noUnit, listUnits, didYouMeanUnits, whichOne, noUnitMatches, moreUnits, dateHelp
    case pairs, atLeastOne, writeKeyValue, otherOptions, notAnOption, errorPrefix, answerAgain, sourcePrefix, warningPrefix
    case notRecorded, cancelled, nothingWritten, eventNotWritten, mergerModeHelp, confirmHelp, typeHelp, retractHelp, more

    public static let area = "guided"

    public var text: LocalizedText {
        switch self {
        case .id: LocalizedText(en: "id", vi: "mã đơn vị")
        case .name: LocalizedText(en: "name", vi: "tên")
        case .kind: LocalizedText(en: "kind", vi: "loại đơn vị")
        case .conferenceKind: LocalizedText(en: "kind", vi: "loại hội nghị")
        case .setting: LocalizedText(en: "setting", vi: "bối cảnh")
        case .parent: LocalizedText(en: "parent", vi: "đơn vị cấp trên")
        case .date: LocalizedText(en: "date", vi: "ngày")
        case .unit: LocalizedText(en: "unit", vi: "đơn vị")
        case .reason: LocalizedText(en: "reason", vi: "lý do")
        case .departureReason: LocalizedText(en: "reason", vi: "lý do giảm")
        case .title: LocalizedText(en: "title", vi: "tên hội nghị")
        case .term: LocalizedText(en: "term", vi: "nhiệm kỳ")
        case .asOf: LocalizedText(en: "as-of", vi: "số liệu tính đến ngày")
        case .figure: LocalizedText(en: "figure", vi: "số liệu")
        case .target: LocalizedText(en: "target", vi: "chỉ tiêu")
        case .printed: LocalizedText(en: "printed", vi: "tỷ lệ in trong tài liệu")
        case .count: LocalizedText(en: "count", vi: "số lượng")
        case .from: LocalizedText(en: "from", vi: "các đơn vị được sáp nhập")
        case .into: LocalizedText(en: "into", vi: "sáp nhập vào")
        case .in: LocalizedText(en: "in", vi: "trong đơn vị")
        case .mergedKind: LocalizedText(en: "of", vi: "loại được sáp nhập")
        case .subject: LocalizedText(en: "of", vi: "đối tượng đánh giá")
        case .before: LocalizedText(en: "before", vi: "số lượng trước")
        case .after: LocalizedText(en: "after", vi: "số lượng sau")
        case .rounds: LocalizedText(en: "rounds", vi: "số đợt")
        case .since: LocalizedText(en: "since", vi: "từ ngày")
        case .year: LocalizedText(en: "year", vi: "năm")
        case .excellent: LocalizedText(en: "excellent", vi: "hoàn thành xuất sắc")
        case .good: LocalizedText(en: "good", vi: "hoàn thành tốt")
        case .completed: LocalizedText(en: "completed", vi: "hoàn thành")
        case .failed: LocalizedText(en: "failed", vi: "không hoàn thành")
        case .rated: LocalizedText(en: "rated", vi: "số được đánh giá")
        case .event: LocalizedText(en: "event", vi: "mã sự kiện")
        case .retract: LocalizedText(en: "retract (yes/no)", vi: "rút lại sự kiện? (có/không)")
        case .set: LocalizedText(en: "set", vi: "sửa trường")
        case .eventType: LocalizedText(en: "Event type", vi: "Loại sự kiện")
        case .nextEventType: LocalizedText(en: "Next event type (Enter when done)", vi: "Loại sự kiện tiếp theo (Enter để kết thúc)")
        case .mergerMode:
            LocalizedText(en: "Merger of named units, or totals only? (units/totals)", vi: "Sáp nhập các đơn vị cụ thể hay chỉ ghi số tổng? (đơn vị/tổng số)")
        case .source: LocalizedText(en: "Source document", vi: "Văn bản nguồn")
        case .confirm: LocalizedText(en: "Record this event? (yes/no)", vi: "Ghi sự kiện này? (có/không)")
        case .intro:
            LocalizedText(en: "Guided entry: answer each question. Enter takes the [default], Tab completes units, choices and figure keys, ? explains the question and lists the choices, Ctrl-D cancels (nothing is written).",
                          vi: "Nhập có hướng dẫn: trả lời từng câu. Enter chọn [giá trị mặc định], Tab gợi ý đơn vị, lựa chọn và mã số liệu, ? giải thích câu hỏi và liệt kê lựa chọn, Ctrl-D để hủy (không ghi gì).")
        case .optional: LocalizedText(en: " (optional)", vi: " (không bắt buộc)")
        case .needed: LocalizedText(en: "  (needed: type ? for help)", vi: "  (bắt buộc: gõ ? để xem hướng dẫn)")
        case .notWholeNumber: LocalizedText(en: "  '{answer}' is not a whole number", vi: "  '{answer}' không phải số nguyên")
        case .writeADate: LocalizedText(en: ": write 2023-12-31 or 31/12/2023", vi: ": ghi 31/12/2023 hoặc `2023-12-31`")
        case .notOneOf: LocalizedText(en: "  '{answer}' is not one of: {choices}", vi: "  '{answer}' không thuộc: {choices}")
        case .didYouMean: LocalizedText(en: "; did you mean {suggestions}?", vi: "; có phải ý bạn là {suggestions}?")
        case .newUnit: LocalizedText(en: "  → a new unit with id {id}", vi: "  → đơn vị mới, mã {id}")
        case .newIDShape:
            LocalizedText(en: "  an id is lowercase ASCII letters, digits and dashes, e.g. sop-cop",
                          vi: "  mã gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ sop-cop")
        case .alreadyExists: LocalizedText(en: "  {unit} already exists", vi: "  {unit} đã có")
        case .severalUnits: LocalizedText(en: "  '{answer}' matches several units:", vi: "  '{answer}' khớp nhiều đơn vị:")
        case .noUnit: LocalizedText(en: "  no unit '{answer}'", vi: "  không có đơn vị '{answer}'")
        case .listUnits: LocalizedText(en: " (? lists them)", vi: " (gõ ? để xem danh sách)")
        case .didYouMeanUnits: LocalizedText(en: "; did you mean:", vi: "; có phải:")
        case .whichOne: LocalizedText(en: "  which one? (number, or type again): ", vi: "  chọn số nào? (số thứ tự, hoặc gõ lại): ")
        case .noUnitMatches: LocalizedText(en: "  no unit matches", vi: "  không có đơn vị nào khớp")
        case .moreUnits:
            LocalizedText(en: "    … {count} more: type part of a name and ? to narrow", vi: "    … còn {count} đơn vị: gõ một phần tên rồi ? để lọc")
        case .dateHelp:
            LocalizedText(en: "  2023-12-31, 31/12/2023 or 31-12-2023; a date needs its year", vi: "  31/12/2023, `2023-12-31` hoặc 31-12-2023; ngày phải có năm")
        case .pairs: LocalizedText(en: " (KEY=VALUE, Enter when done)", vi: " (MÃ=GIÁ_TRỊ, Enter để xong)")
        case .atLeastOne: LocalizedText(en: "  (at least one)", vi: "  (cần ít nhất một)")
        case .writeKeyValue: LocalizedText(en: "  write KEY=VALUE, e.g. members=4014", vi: "  ghi MÃ=GIÁ_TRỊ, ví dụ members=4014")
        case .otherOptions:
            LocalizedText(en: "Other options (NAME=VALUE, Enter when done, ? lists them)", vi: "Tùy chọn khác (TÊN=GIÁ_TRỊ, Enter để xong, ? để xem)")
        case .notAnOption: LocalizedText(en: "  not an option here", vi: "  không có tùy chọn này")
        case .errorPrefix: LocalizedText(en: "  error: ", vi: "  lỗi: ")
        case .answerAgain:
            LocalizedText(en: "Please answer again (Enter keeps the answer in brackets):", vi: "Hãy trả lời lại (Enter để giữ câu trả lời trong ngoặc):")
        case .sourcePrefix: LocalizedText(en: "source: ", vi: "nguồn: ")
        case .warningPrefix: LocalizedText(en: "  warning: ", vi: "  cảnh báo: ")
        case .notRecorded: LocalizedText(en: "not recorded.", vi: "không ghi.")
        case .cancelled: LocalizedText(en: "cancelled: ", vi: "đã hủy: ")
        case .nothingWritten: LocalizedText(en: "nothing was written.", vi: "không ghi gì vào sổ.")
        case .eventNotWritten: LocalizedText(en: "the event being entered was not written.", vi: "sự kiện đang nhập không được ghi.")
        case .mergerModeHelp:
            LocalizedText(en: "units: named units merged into one (--from/--into); totals: only how many before and after (--in/--of/--before/--after).",
                          vi: "đơn vị: các đơn vị cụ thể sáp nhập thành một (--from/--into); tổng số: chỉ ghi số lượng trước và sau (--in/--of/--before/--after).")
        case .confirmHelp: LocalizedText(en: "yes writes the event to the journal; no drops it.", vi: "có: ghi sự kiện vào sổ; không: bỏ sự kiện.")
        case .typeHelp: LocalizedText(en: "The kind of event to record.", vi: "Loại sự kiện cần ghi.")
        case .retractHelp:
            LocalizedText(en: "yes: the event should not have been recorded; no: replace some of its fields (FIELD=VALUE).",
                          vi: "có: sự kiện lẽ ra không được ghi; không: thay một số trường của nó (TRƯỜNG=GIÁ_TRỊ).")
        case .more: LocalizedText(en: "  … {count} more", vi: "  … còn {count}")
        }
    }
}

/// The choices guided entry asks besides the domain's (`ChoiceList`): yes or no, and which kind
/// of merger.
enum GuidedChoices {
    static let yesNo = ChoiceList(name: "yes-no", choices: [
        ChoiceList.Choice("yes", LocalizedText(en: "yes", vi: "có"), ["y", "c", "ok", "đồng ý"]),
        ChoiceList.Choice("no", LocalizedText(en: "no", vi: "không"), ["n", "k", "ko"]),
    ])

    static let mergerModes = ChoiceList(name: "merger-mode", choices: [
        ChoiceList.Choice("units", LocalizedText(en: "units", vi: "đơn vị"), ["named units", "đơn vị cụ thể"]),
        ChoiceList.Choice("totals", LocalizedText(en: "totals", vi: "tổng số"), ["số tổng", "tổng"]),
    ])
}
