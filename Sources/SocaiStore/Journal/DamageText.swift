import SocaiCore

/// Why the store cannot read a journal as it is, in both languages: what is wrong with a line
/// (`LineDecodingError`), a segment, the sequence or `journal.json` (`JournalError.damaged`,
/// `.badMetadata`, `JournalProblem`). `verify` lists them, readers stop with them (exit 65).
///
/// The English texts are the ones socai has always printed: tests, golden files and scripts
/// match on them, and `verify --json` gives them as they are. The names of a line's attributes
/// (`specversion`, `recordedtime`…) are the journal format's own words; the Vietnamese texts quote
/// them as code.
public enum DamageText: String, TextCatalogue {
    // A line's attributes.
    case attributeMissing, specversionNot1, idNotUUID, unknownEventType, subjectNotUnit, timeNotMidnight, contentTypeNotJSON
    case seqNotPositive, recordedTimeNotRFC3339, sourcedocNotString, batchNotMark, originTogether, originSourceEmpty
    case originSeqNotPositive, originTimeNotRFC3339, dataNotObject, unknownAttribute
    // A line's bytes.
    case notJSONObject, notValidJSON, notValidJSONAt, lineEmpty, carriageReturn, noChainHash, notTornOne, notTornMany
    case chainHashMismatch, unreadable, encodedReadsBackDifferently, encodedDoesNotReadBack
    // A line among its neighbours.
    case seqExpected, otherSource, recordedTimeEarlier, batchFollowedBy, batchFollowedByOutside, batchDoesNotFollow
    case batchLastLineOfSegment, batchTooShort, batchCutBeforeLaterSegment, eventIDUsed
    // Segments.
    case segmentMissing, segmentMissingInstead, segmentMissingRemoved, segmentMissingThoughHad, renamedHint
    case missingAfterSeal, deleteSealIfNeverExisted, segmentsOutOfOrder, segmentUnreadable, segmentEmptied, segmentCut
    case closedSegmentGrew, closedSegmentIncomplete, earlierSegmentIncomplete, bytesAfterLastLine, segmentGone
    case segmentShorter, segmentBeforeEmpty, seqNotFound, lastLineHashMismatch, lastLineChangedNoNewline
    case unreadableLookingUpTime
    // Rebuilding journal.json from the segments (`init --recover`).
    case firstSegmentMissing, nothingToRecover, notSocaiSource, chainNotFromID
    // journal.json.
    case metadataNotJSON, notASocaiJournal, unsupportedVersion, metadataFieldMissing, metadataFieldWrong
    case metadataID, metadataSource, metadataSegmentBytes, metadataCreated, metadataReportsTo

    public static let area = "damage"

    public var text: LocalizedText {
        switch self {
        case .attributeMissing:
            LocalizedText(en: "attribute '{name}' is missing or not a string", vi: "thiếu thuộc tính '{name}' hoặc giá trị không phải chuỗi")
        case .specversionNot1: LocalizedText(en: "specversion is not 1.0", vi: "`specversion` không phải 1.0")
        case .idNotUUID: LocalizedText(en: "id is not a UUID", vi: "`id` không phải UUID")
        case .unknownEventType: LocalizedText(en: "unknown event type '{type}'", vi: "không có loại sự kiện '{type}'")
        case .subjectNotUnit: LocalizedText(en: "subject is not a unit id", vi: "`subject` không phải mã đơn vị")
        case .timeNotMidnight:
            LocalizedText(en: "time is not a date at 00:00 Vietnam time", vi: "`time` không phải một ngày lúc 00:00 giờ Việt Nam")
        case .contentTypeNotJSON:
            LocalizedText(en: "datacontenttype is not application/json", vi: "`datacontenttype` không phải application/json")
        case .seqNotPositive:
            LocalizedText(en: "seq is missing or not a positive integer up to {max}", vi: "thiếu `seq` hoặc không phải số nguyên dương tối đa {max}")
        case .recordedTimeNotRFC3339:
            LocalizedText(en: "recordedtime is not an RFC 3339 time", vi: "`recordedtime` không phải thời điểm theo RFC 3339")
        case .sourcedocNotString: LocalizedText(en: "sourcedoc is not a string", vi: "`sourcedoc` không phải chuỗi")
        case .batchNotMark: LocalizedText(en: "batch is not i/n", vi: "`batch` không có dạng i/n")
        case .originTogether:
            LocalizedText(en: "originsource, originseq and origintime must be given together",
                          vi: "`originsource`, `originseq` và `origintime` phải có đủ cả ba")
        case .originSourceEmpty: LocalizedText(en: "originsource is not a non-empty string", vi: "`originsource` không phải chuỗi có nội dung")
        case .originSeqNotPositive:
            LocalizedText(en: "originseq is not a positive integer up to {max}", vi: "`originseq` không phải số nguyên dương tối đa {max}")
        case .originTimeNotRFC3339:
            LocalizedText(en: "origintime is not an RFC 3339 time", vi: "`origintime` không phải thời điểm theo RFC 3339")
        case .dataNotObject: LocalizedText(en: "data is missing or not an object", vi: "thiếu `data` hoặc không phải đối tượng JSON")
        case .unknownAttribute: LocalizedText(en: "unknown attribute '{name}'", vi: "định dạng sổ không có thuộc tính '{name}'")

        case .notJSONObject: LocalizedText(en: "not a JSON object", vi: "không phải một đối tượng JSON")
        case .notValidJSON: LocalizedText(en: "not valid JSON", vi: "không phải JSON hợp lệ")
        case .notValidJSONAt: LocalizedText(en: "not valid JSON: {detail}", vi: "không phải JSON hợp lệ ({detail})")
        case .lineEmpty:
            LocalizedText(en: "the line is empty (a blank line an editor or a script added); delete that empty line, and the journal reads again",
                          vi: "dòng trống (do trình soạn thảo hoặc một tập lệnh thêm vào); xóa dòng trống đó thì sổ lại đọc được")
        case .carriageReturn:
            LocalizedText(en: "the line ends with a carriage return (the file was saved with Windows line endings); save it with Unix (LF) line endings",
                          vi: "dòng kết thúc bằng ký tự CR (tệp đã được lưu với kiểu xuống dòng của Windows); hãy lưu lại với kiểu xuống dòng Unix (LF)")
        case .noChainHash:
            LocalizedText(en: "the line does not end with its chain hash (bytes changed, cut or inserted)",
                          vi: "dòng không kết thúc bằng mã băm chuỗi của nó (có byte bị sửa, cắt bớt hoặc chèn thêm)")
        case .notTornOne:
            LocalizedText(en: "the last line is complete but {bytes} byte follows it where its newline should be (a changed or added byte, not an interrupted write)",
                          vi: "dòng cuối đã đầy đủ nhưng có {bytes} byte theo sau ở chỗ lẽ ra là ký tự xuống dòng (byte bị sửa hoặc thêm vào, không phải lần ghi bị ngắt)")
        case .notTornMany:
            LocalizedText(en: "the last line is complete but {bytes} bytes follow it where its newline should be (a changed or added byte, not an interrupted write)",
                          vi: "dòng cuối đã đầy đủ nhưng có {bytes} byte theo sau ở chỗ lẽ ra là ký tự xuống dòng (byte bị sửa hoặc thêm vào, không phải lần ghi bị ngắt)")
        case .chainHashMismatch:
            LocalizedText(en: "the chain hash does not match the line's bytes and the line before it",
                          vi: "mã băm chuỗi không khớp với nội dung của dòng và dòng trước nó")
        case .unreadable: LocalizedText(en: "unreadable", vi: "không đọc được")
        case .encodedReadsBackDifferently:
            LocalizedText(en: "the encoded event reads back differently; nothing was written",
                          vi: "sự kiện sau khi mã hóa đọc lại không giống ban đầu; không ghi gì")
        case .encodedDoesNotReadBack:
            LocalizedText(en: "the encoded event does not read back ({reason}); nothing was written",
                          vi: "sự kiện sau khi mã hóa không đọc lại được ({reason}); không ghi gì")

        case .seqExpected:
            LocalizedText(en: "seq is {seq}, expected {expected} (a line is missing, duplicated or out of order)",
                          vi: "số thứ tự là {seq}, lẽ ra là {expected} (một dòng bị thiếu, bị lặp hoặc sai thứ tự)")
        case .otherSource: LocalizedText(en: "source is {source}, not this journal's {journal}", vi: "nguồn là {source}, không phải {journal} của sổ này")
        case .recordedTimeEarlier:
            LocalizedText(en: "recordedtime {time} is earlier than the line before it ({last})", vi: "thời điểm ghi {time} sớm hơn dòng trước nó ({last})")
        case .batchFollowedBy: LocalizedText(en: "batch line {mark} is followed by {next}", vi: "sau dòng {mark} của lô là dòng {next}")
        case .batchFollowedByOutside:
            LocalizedText(en: "batch line {mark} is followed by a line outside the batch", vi: "sau dòng {mark} của lô là một dòng ngoài lô")
        case .batchDoesNotFollow:
            LocalizedText(en: "batch line {mark} does not follow line {previous}", vi: "dòng {mark} của lô không đứng sau dòng {previous}")
        case .batchLastLineOfSegment:
            LocalizedText(en: "batch line {mark} is the last line of a segment", vi: "dòng {mark} của lô là dòng cuối của một phân đoạn")
        case .batchTooShort:
            LocalizedText(en: "batch line {mark} has fewer than {count} lines before it in its segment",
                          vi: "dòng {mark} của lô có ít hơn {count} dòng đứng trước trong phân đoạn")
        case .batchCutBeforeLaterSegment:
            LocalizedText(en: "a batch ({mark}) is cut off before a later segment", vi: "một lô ({mark}) bị cắt ngang trước một phân đoạn sau")
        case .eventIDUsed: LocalizedText(en: "event id {id} was already used by seq {seq}", vi: "mã sự kiện {id} đã được dùng cho số {seq}")

        case .segmentMissing: LocalizedText(en: "segment is missing", vi: "thiếu phân đoạn")
        case .segmentMissingInstead:
            LocalizedText(en: "segment {missing} is missing (found {found} instead)", vi: "thiếu phân đoạn {missing} (thay vào đó có {found})")
        case .segmentMissingRemoved: LocalizedText(en: "the segment is missing (removed or renamed)", vi: "thiếu phân đoạn (đã bị xóa hoặc đổi tên)")
        case .segmentMissingThoughHad:
            LocalizedText(en: "the segment is missing (removed or renamed) though the journal had it",
                          vi: "thiếu phân đoạn (đã bị xóa hoặc đổi tên) dù sổ từng có nó")
        case .renamedHint: LocalizedText(en: "; found {candidates}: rename it back to {segment}", vi: "; có {candidates}: hãy đổi tên lại thành {segment}")
        case .missingAfterSeal:
            LocalizedText(en: "segment {missing} is missing: {last} is sealed, which happens only when the journal moves on to {missing} (seq {seq} on)",
                          vi: "thiếu phân đoạn {missing}: {last} đã được niêm phong, điều chỉ xảy ra khi sổ chuyển sang {missing} (từ số {seq})")
        case .deleteSealIfNeverExisted:
            LocalizedText(en: "; if it never existed (a crash while moving on), delete {seal}",
                          vi: "; nếu phân đoạn đó chưa từng có (sự cố khi đang chuyển sang), hãy xóa {seal}")
        case .segmentsOutOfOrder: LocalizedText(en: "segments are out of order", vi: "các phân đoạn sai thứ tự")
        case .segmentUnreadable: LocalizedText(en: "the segment cannot be read", vi: "không đọc được phân đoạn")
        case .segmentEmptied:
            LocalizedText(en: "the segment was emptied ({before} bytes before)", vi: "phân đoạn đã bị xóa hết nội dung (trước đó {before} byte)")
        case .segmentCut:
            LocalizedText(en: "the segment was cut to {now} bytes ({before} before)", vi: "phân đoạn bị cắt còn {now} byte (trước đó {before})")
        case .closedSegmentGrew:
            LocalizedText(en: "a closed segment grew from {before} to {now} bytes", vi: "một phân đoạn đã đóng tăng từ {before} lên {now} byte")
        case .closedSegmentIncomplete:
            LocalizedText(en: "a closed segment does not end with a complete line", vi: "một phân đoạn đã đóng không kết thúc bằng một dòng đầy đủ")
        case .earlierSegmentIncomplete:
            LocalizedText(en: "an earlier segment does not end with a complete line", vi: "một phân đoạn trước không kết thúc bằng một dòng đầy đủ")
        case .bytesAfterLastLine:
            LocalizedText(en: "{bytes} bytes after the last complete line of a segment that is not the last",
                          vi: "{bytes} byte sau dòng đầy đủ cuối cùng của một phân đoạn không phải phân đoạn cuối")
        case .segmentGone:
            LocalizedText(en: "the segment being read is gone: the journal was cut or replaced",
                          vi: "phân đoạn đang đọc không còn nữa: sổ đã bị cắt bớt hoặc bị thay thế")
        case .segmentShorter:
            LocalizedText(en: "the segment is shorter ({end} bytes) than what was already read from it ({read} bytes): the journal was cut or rewritten",
                          vi: "phân đoạn ngắn hơn ({end} byte) phần đã đọc từ nó ({read} byte): sổ đã bị cắt bớt hoặc ghi lại")
        case .segmentBeforeEmpty: LocalizedText(en: "the segment before seq {seq} is empty", vi: "phân đoạn trước số {seq} trống")
        case .seqNotFound: LocalizedText(en: "seq {seq} cannot be found", vi: "không tìm thấy số {seq}")
        case .lastLineHashMismatch:
            LocalizedText(en: "the last line's chain hash does not match its bytes", vi: "mã băm chuỗi của dòng cuối không khớp với nội dung của nó")
        case .lastLineChangedNoNewline:
            LocalizedText(en: "the last line has no newline and its chain hash does not match its bytes (a changed byte, not an interrupted write)",
                          vi: "dòng cuối không có ký tự xuống dòng và mã băm chuỗi không khớp với nội dung (byte bị sửa, không phải lần ghi bị ngắt)")
        case .unreadableLookingUpTime:
            LocalizedText(en: "a line cannot be read while looking up a recorded time", vi: "không đọc được một dòng khi tìm thời điểm ghi")

        case .firstSegmentMissing:
            LocalizedText(en: "segment {segment} is missing, and journal.json is rebuilt from its first line",
                          vi: "thiếu phân đoạn {segment}, mà journal.json được dựng lại từ dòng đầu của nó")
        case .nothingToRecover:
            LocalizedText(en: "the first segment holds no complete line to rebuild journal.json from",
                          vi: "phân đoạn đầu không có dòng đầy đủ nào để dựng lại journal.json")
        case .notSocaiSource:
            LocalizedText(en: "its source is {source}, not a socai journal's {prefix}ID", vi: "nguồn của nó là {source}, không có dạng {prefix}ID của sổ socai")
        case .chainNotFromID:
            LocalizedText(en: "its chain hash does not start from journal id {id} (the line was changed), so the id cannot be recovered",
                          vi: "mã băm chuỗi của nó không bắt đầu từ mã sổ {id} (dòng đã bị sửa), nên không khôi phục được mã sổ")

        case .metadataNotJSON: LocalizedText(en: "not JSON: {detail}", vi: "không phải JSON ({detail})")
        case .notASocaiJournal: LocalizedText(en: "not a socai journal", vi: "không phải sổ của socai")
        case .unsupportedVersion:
            LocalizedText(en: "journal format version {version} is not supported by this socai",
                          vi: "bản socai này không đọc được định dạng sổ phiên bản {version}")
        case .metadataFieldMissing: LocalizedText(en: "\"{name}\" is missing; it must be {what}", vi: "thiếu `{name}`; phải là {what}")
        case .metadataFieldWrong: LocalizedText(en: "\"{name}\" is {value}; it must be {what}", vi: "`{name}` là {value}; phải là {what}")
        case .metadataID: LocalizedText(en: "the journal's id, a string", vi: "mã của sổ, dạng chuỗi")
        case .metadataSource:
            LocalizedText(en: "the events' source, a string such as \"urn:socai:journal:\" + id",
                          vi: "nguồn của các sự kiện, dạng chuỗi như \"urn:socai:journal:\" + id")
        case .metadataSegmentBytes:
            LocalizedText(en: "a whole number of bytes, at least 4096 (64 MiB is 67108864)",
                          vi: "số byte nguyên, tối thiểu 4096 (64 MiB là 67108864)")
        case .metadataCreated:
            LocalizedText(en: "a UTC time such as \"2026-11-23T10:00:00.000Z\"", vi: "thời điểm UTC như \"2026-11-23T10:00:00.000Z\"")
        case .metadataReportsTo:
            LocalizedText(en: "the id of the unit this journal reports to, such as \"son-la\"", vi: "mã đơn vị cấp trên mà sổ này báo cáo lên, ví dụ \"son-la\"")
        }
    }
}

extension JSONError {
    /// The parser's message for a reader: in English as it is (`unexpected character at byte 5`),
    /// in Vietnamese the place alone (`lỗi ở byte 5`).
    var text: LocalizedText { LocalizedText(en: description, vi: "lỗi ở byte \(offset + 1)") }
}
