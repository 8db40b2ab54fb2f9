import SocaiCore

/// What socai's commands print besides their reports: outcomes, notices, errors of the command
/// line's values, in both languages. (Reports' own labels are in SocaiReports; argument errors in
/// `UsageText`; guided entry's questions in `GuidedText`.)
public enum CommandText: String, TextCatalogue {
    case errorPrefix, notePrefix, warningPrefix, linePrefix, nothingWritten
    case validDryRun, dryRunTotal, alreadyRecorded, recordedOne, recordedMany, importedBefore, eventIDNotUUID
    case createdJournal, segmentBytesTooSmall, journalIDNotUUID, recoverTakesNoJournalID
    case wroteSnapshot
    case verifying, quarantined, chainHash, verifiedOK, verifyProblems
    case noEvents, logSeq, logDate, logEvent, logUnit, logWhat, logRecorded, unknownEventType, useOneOf
    case unitAmbiguous, unitUnknown, giveTheID, figureUnknown, seeHelpFigures
    case nameTheShell, noCompletionFor, useACompletionShell
    case eventsPerSecond, remaining
    case fromAfterTo, giveFromBeforeTo
    case followWritesToStandardOutput, pipeTheFollow, followWithKnownAt, knownAtEndsFollowNever
    case notForCloudEventsLines, eachLineKeepsItsOrigin

    public static let area = "command"

    public var text: LocalizedText {
        switch self {
        case .errorPrefix: LocalizedText(en: "error: ", vi: "lỗi: ")
        case .notePrefix: LocalizedText(en: "note: ", vi: "lưu ý: ")
        case .warningPrefix: LocalizedText(en: "warning: ", vi: "cảnh báo: ")
        case .linePrefix: LocalizedText(en: "line {line}: ", vi: "dòng {line}: ")
        case .nothingWritten: LocalizedText(en: "nothing was written.", vi: "không ghi gì vào sổ.")
        case .validDryRun: LocalizedText(en: "valid (dry run, nothing written): ", vi: "hợp lệ (chạy thử, không ghi): ")
        case .dryRunTotal: LocalizedText(en: "dry run: {valid} {events} valid, {warnings} {noun}; nothing written",
                                         vi: "chạy thử: {valid} {events} hợp lệ, {warnings} {noun}; không ghi gì")
        case .alreadyRecorded:
            LocalizedText(en: "already recorded: seq {seq} id {id} (nothing written)", vi: "đã ghi từ trước: số {seq} mã {id} (không ghi thêm)")
        case .recordedOne: LocalizedText(en: "recorded seq {seq} id {id}", vi: "đã ghi số {seq} mã {id}")
        case .recordedMany: LocalizedText(en: "recorded {count} events, seq {first}–{last}", vi: "đã ghi {count} sự kiện, số {first}–{last}")
        case .importedBefore:
            LocalizedText(en: "{new} new {events}, {already} already recorded from this file (not recorded again)",
                          vi: "{new} {events} mới, {already} đã ghi từ tệp này trước đó (không ghi lại)")
        case .eventIDNotUUID:
            LocalizedText(en: "--event-id '{value}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                          vi: "--event-id '{value}' không phải UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")
        case .createdJournal: LocalizedText(en: "created an empty journal in {directory} (id {id})", vi: "đã tạo sổ trống tại {directory} (mã {id})")
        case .segmentBytesTooSmall:
            LocalizedText(en: "--segment-bytes must be a number of bytes, at least 4096", vi: "--segment-bytes phải là số byte, tối thiểu 4096")
        case .journalIDNotUUID: LocalizedText(en: "--journal-id '{value}' is not a UUID", vi: "--journal-id '{value}' không phải UUID")
        case .recoverTakesNoJournalID:
            LocalizedText(en: "--recover reads the journal's id from its segments; leave out --journal-id",
                          vi: "--recover đọc mã của sổ từ các phân đoạn; hãy bỏ --journal-id")
        case .wroteSnapshot:
            LocalizedText(en: "wrote {path}: seq {seq}, {bytes} bytes (the whole chain verified first)",
                          vi: "đã ghi {path}: số {seq}, {bytes} byte (đã kiểm tra toàn bộ chuỗi trước)")
        case .verifying: LocalizedText(en: "verifying", vi: "đang kiểm tra")
        case .quarantined: LocalizedText(en: "quarantined bytes from earlier crashes: ", vi: "dữ liệu cách ly từ các sự cố trước: ")
        case .chainHash: LocalizedText(en: "chain hash ", vi: "mã băm ")
        case .verifiedOK: LocalizedText(en: "ok: {events} events, chain intact", vi: "tốt: {events} sự kiện, chuỗi băm nguyên vẹn")
        case .verifyProblems: LocalizedText(en: "{problems} problems in {events} readable events", vi: "{problems} lỗi trong {events} sự kiện đọc được")
        case .noEvents: LocalizedText(en: "no events", vi: "không có sự kiện nào")
        case .logSeq: LocalizedText(en: "seq", vi: "số")
        case .logDate: LocalizedText(en: "date", vi: "ngày")
        case .logEvent: LocalizedText(en: "event", vi: "sự kiện")
        case .logUnit: LocalizedText(en: "unit", vi: "đơn vị")
        case .logWhat: LocalizedText(en: "what", vi: "nội dung")
        case .logRecorded: LocalizedText(en: "recorded", vi: "ghi lúc")
        case .unknownEventType: LocalizedText(en: "unknown event type '{value}'", vi: "không có loại sự kiện '{value}'")
        case .useOneOf: LocalizedText(en: "use one of: {choices}", vi: "dùng một trong: {choices}")
        case .unitAmbiguous: LocalizedText(en: "--{option} '{value}' matches several units: {candidates}", vi: "--{option} '{value}' khớp nhiều đơn vị: {candidates}")
        case .unitUnknown: LocalizedText(en: "no unit '{value}'", vi: "không có đơn vị '{value}'")
        case .giveTheID: LocalizedText(en: "give the id", vi: "hãy ghi mã đơn vị")
        case .figureUnknown: LocalizedText(en: "unknown figure '{value}'", vi: "chỉ tiêu '{value}' không tồn tại")
        case .seeHelpFigures: LocalizedText(en: "see `socai help figures`", vi: "xem `socai help figures`")
        case .nameTheShell: LocalizedText(en: "name the shell", vi: "hãy ghi tên shell")
        case .noCompletionFor: LocalizedText(en: "no completion for '{shell}'", vi: "không có gợi ý hoàn thành cho '{shell}'")
        case .useACompletionShell: LocalizedText(en: "use socai completion bash, zsh or fish", vi: "dùng socai completion bash, zsh hoặc fish")
        case .eventsPerSecond: LocalizedText(en: " events/s", vi: " sự kiện/giây")
        case .remaining: LocalizedText(en: "ETA {seconds} s", vi: "còn khoảng {seconds} giây")
        case .fromAfterTo: LocalizedText(en: "--from {from} is after --to {to}", vi: "--from {from} sau --to {to}")
        case .giveFromBeforeTo:
            LocalizedText(en: "give a --from on or before --to (without --to, --to is today)",
                          vi: "hãy ghi --from trước hoặc trùng --to (không có --to thì --to là hôm nay)")
        case .followWritesToStandardOutput:
            LocalizedText(en: "--follow writes to standard output, not to --out", vi: "--follow ghi ra đầu ra chuẩn, không ghi vào --out")
        case .pipeTheFollow:
            LocalizedText(en: "pipe it: socai export --format cloudevents-lines --follow | your-producer",
                          vi: "hãy chuyển qua ống lệnh: socai export --format cloudevents-lines --follow | chương-trình-gửi-tin")
        case .followWithKnownAt: LocalizedText(en: "--follow and --known-at do not go together", vi: "không dùng --follow cùng với --known-at")
        case .knownAtEndsFollowNever:
            LocalizedText(en: "--known-at ends the export at a recorded time; --follow never ends",
                          vi: "--known-at dừng việc xuất tại một thời điểm ghi; --follow thì không bao giờ dừng")
        case .notForCloudEventsLines:
            LocalizedText(en: "--{option} does not apply to --format cloudevents-lines",
                          vi: "--{option} không dùng được với --format cloudevents-lines")
        case .eachLineKeepsItsOrigin:
            LocalizedText(en: "each line keeps its own recordedby and sourcedoc",
                          vi: "mỗi dòng giữ nguyên người ghi và văn bản nguồn của nó (`recordedby`, `sourcedoc`)")
        }
    }
}
