import SocaiCore

/// Help texts several commands share, so each is written (and translated) once.
enum CommandHelp {
    static let knownAt = LocalizedText(en: "Only events recorded by then.", vi: "Chỉ tính các sự kiện đã ghi đến thời điểm đó.")
    static let unitSubtree = LocalizedText(en: "Only this unit and those under it.", vi: "Chỉ đơn vị này và các đơn vị trực thuộc.")
    static let expectSeq = LocalizedText(en: "Refuse (exit 75) unless the journal's last seq is N.",
                                         vi: "Từ chối (mã thoát 75) nếu số thứ tự cuối của sổ không phải N.")
    static let term = LocalizedText(en: "The term, e.g. 2020-2025 (default: the current one).",
                                    vi: "Nhiệm kỳ, ví dụ 2020-2025 (mặc định: nhiệm kỳ hiện tại).")
}
