#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// Text for an `errno`, with the advice a clerk needs for the common ones, in both languages.
/// The English is the system's own message (`strerror`), as socai has always printed it; the C
/// library has no Vietnamese, so the errors a clerk can meet are named here, and any other is
/// given by its number with the system's message quoted as code.
enum SystemError {
    static func describe(_ code: Int32) -> LocalizedText {
        let system = String(cString: strerror(code))
        switch code {
        case ENOSPC:
            return LocalizedText(en: system + " (the disk is full; free space and record again: nothing was written)",
                                 vi: "đĩa đã đầy (hãy giải phóng chỗ trống rồi ghi lại: không ghi gì)")
        case EFBIG:
            return LocalizedText(en: system + " (a file size limit was reached; nothing was written)",
                                 vi: "tệp đã đến giới hạn kích thước (không ghi gì)")
        case EROFS: return LocalizedText(en: system + " (the journal is on a read-only file system)", vi: "sổ nằm trên hệ thống tệp chỉ đọc")
        case EACCES, EPERM:
            return LocalizedText(en: system + " (no permission; check the journal directory's owner and mode)",
                                 vi: "không có quyền (hãy kiểm tra chủ sở hữu và quyền của thư mục sổ)")
        case ENOENT: return LocalizedText(en: system, vi: "không có tệp hoặc thư mục này")
        case ENOTDIR: return LocalizedText(en: system, vi: "một phần của đường dẫn không phải thư mục")
        case EISDIR: return LocalizedText(en: system, vi: "đây là thư mục, không phải tệp")
        case EEXIST: return LocalizedText(en: system, vi: "đã tồn tại")
        case EIO: return LocalizedText(en: system, vi: "lỗi đọc ghi của ổ đĩa")
        case EMFILE, ENFILE: return LocalizedText(en: system, vi: "quá nhiều tệp đang mở")
        case ENOMEM: return LocalizedText(en: system, vi: "không đủ bộ nhớ")
        default: return LocalizedText(en: system, vi: "lỗi hệ thống số \(code) (`\(system)`)")
        }
    }

    /// What socai was doing when the call failed, named in the I/O error (`open`, `write`…).
    static func operation(_ name: String) -> LocalizedText {
        let vi: String = switch name {
        case "open": "mở"
        case "read": "đọc"
        case "read (not UTF-8)": "đọc (không phải UTF-8)"
        case "write": "ghi"
        case "create directory": "tạo thư mục"
        case "fsync": "lưu xuống đĩa"
        case "list": "liệt kê"
        case "lock": "khóa"
        case "mmap": "ánh xạ bộ nhớ"
        case "rename": "đổi tên"
        case "stat": "xem thông tin"
        case "truncate": "cắt ngắn"
        default: "`\(name)`"
        }
        return LocalizedText(en: name, vi: vi)
    }
}
