import SocaiCore

/// Why a projection image is passed over, in both languages: notices on stderr (the question is
/// answered by folding the journal instead, so nothing is lost), and the image the loader could
/// not open (damage, exit 65).
///
/// What `ImageReader` says is wrong inside an image is written in English in SocaiCore's image
/// format code; it is quoted as such in the Vietnamese texts, for whoever looks into the file.
public enum SnapshotText: String, TextCatalogue {
    case ignored, ignoredAt, aheadOfJournal, checksumMismatch, anotherJournal, noSegments, otherBytes, imageInvalid

    public static let area = "snapshot"

    public var text: LocalizedText {
        switch self {
        case .ignored:
            LocalizedText(en: "snapshot {name} ignored: {reason}; folding the journal instead", vi: "bỏ qua ảnh chụp {name}: {reason}; đọc lại toàn bộ sổ")
        case .ignoredAt: LocalizedText(en: "snapshot {name} ignored: {location}: {reason}", vi: "bỏ qua ảnh chụp {name}: {location}: {reason}")
        case .aheadOfJournal:
            LocalizedText(en: "it is ahead of the journal (seq {seq}, journal at {head})", vi: "ảnh chụp đi trước sổ (số {seq}, sổ mới đến số {head})")
        case .checksumMismatch: LocalizedText(en: "its checksum does not match its contents", vi: "mã kiểm tra không khớp với nội dung")
        case .anotherJournal: LocalizedText(en: "it belongs to another journal", vi: "ảnh chụp thuộc về một sổ khác")
        case .noSegments: LocalizedText(en: "it does not say which segments it covers", vi: "ảnh chụp không cho biết nó gồm những phân đoạn nào")
        case .otherBytes:
            LocalizedText(en: "the bytes of {segment} are not the ones it was made from", vi: "nội dung của {segment} không còn là nội dung ảnh chụp được tạo từ đó")
        case .imageInvalid: LocalizedText(en: "{reason}", vi: "ảnh chụp không hợp lệ (`{reason}`)")
        }
    }

    /// What `ImageReader` found wrong with an image, for a reader of either language.
    static func invalid(_ reason: String) -> LocalizedText { imageInvalid(["reason": reason]) }
}
