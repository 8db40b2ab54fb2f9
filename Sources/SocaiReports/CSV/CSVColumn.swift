import SocaiCore

/// The column names of socai's CSV. In English they are the stable machine names scripts read
/// (`merged_into`, `recorded_time`: the raw value, never to change); with `--lang vi` they are
/// the names a clerk reads in a spreadsheet.
public enum CSVColumn: String, TextCatalogue {
    case date, unit, name, kind, parent, status, mergedInto = "merged_into", figure, value, qualifier, provenance, basis
    case term, section, key, start, end, change, percent
    case seq, id, type, delta, reported, unexplained, source, recordedBy = "recorded_by", recordedTime = "recorded_time"
    case corrected, retracted, severity, stated, derived, message
    case subject, logRecordedTime = "recordedtime", logRecordedBy = "recordedby", summary
    case journal, journalSeq = "journal_seq"

    public static let area = "csv-column"

    public var text: LocalizedText {
        LocalizedText(en: rawValue, vi: vietnamese)
    }

    private var vietnamese: String {
        switch self {
        case .date: "ngày"
        case .unit, .subject: "đơn vị"
        case .name: "tên"
        case .kind: "loại"
        case .parent: "cấp trên"
        case .status: "tình trạng"
        case .mergedInto: "sáp nhập vào"
        case .figure: "số liệu"
        case .value: "giá trị"
        case .qualifier: "hạn định"
        case .provenance: "nguồn gốc"
        case .basis: "từ báo cáo ngày"
        case .term: "nhiệm kỳ"
        case .section: "phần"
        case .key: "mã"
        case .start: "đầu kỳ"
        case .end: "cuối kỳ"
        case .change: "tăng/giảm"
        case .percent: "tỷ lệ %"
        case .seq: "số thứ tự"
        case .id: "mã sự kiện"
        case .type: "loại sự kiện"
        case .delta: "thay đổi"
        case .reported: "số báo cáo"
        case .unexplained: "chưa giải thích"
        case .source: "nguồn"
        case .recordedBy, .logRecordedBy: "người ghi"
        case .recordedTime, .logRecordedTime: "thời điểm ghi (UTC)"
        case .corrected: "đã đính chính"
        case .retracted: "đã rút lại"
        case .severity: "mức độ"
        case .stated: "số nêu"
        case .derived: "số tính được"
        case .message: "nội dung"
        case .summary: "tóm tắt"
        case .journal: "sổ"
        case .journalSeq: "số thứ tự trong sổ"
        }
    }
}
