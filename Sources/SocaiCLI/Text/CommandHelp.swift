import SocaiCore

/// Help texts several commands share, so each is written (and translated) once.
enum CommandHelp {
    static let knownAt = LocalizedText(en: "Only events recorded by then.", vi: "Chỉ tính các sự kiện đã ghi đến thời điểm đó.")
    /// `--boundaries DATE` (issue 17): history restated in the units as they stood on DATE.
    static let boundaries = LocalizedText(
        en: "Answer in the units as they stood on DATE: a unit shows, before it existed, the sum of its predecessors (provenance restated); units gone by DATE are not listed.",
        vi: "Trả lời theo các đơn vị như tại NGÀY: trước khi đơn vị có, số liệu là tổng các đơn vị tiền thân (nguồn gốc: quy đổi); đơn vị không còn vào NGÀY thì không liệt kê.")
    static let unitSubtree = LocalizedText(en: "Only this unit and those under it.", vi: "Chỉ đơn vị này và các đơn vị trực thuộc.")
    static let expectSeq = LocalizedText(en: "Refuse (exit 75) unless the journal's last seq is N.",
                                         vi: "Từ chối (mã thoát 75) nếu số thứ tự cuối của sổ không phải N.")
    static let term = LocalizedText(en: "The term, e.g. 2020-2025 (default: the current one).",
                                    vi: "Nhiệm kỳ, ví dụ 2020-2025 (mặc định: nhiệm kỳ hiện tại).")
}
