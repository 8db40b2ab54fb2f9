#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text for an `errno`, with the advice a clerk needs for the common ones.
enum SystemError {
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case ENOSPC: return text + " (the disk is full; free space and record again: nothing was written)"
        case EFBIG: return text + " (a file size limit was reached; nothing was written)"
        case EROFS: return text + " (the journal is on a read-only file system)"
        case EACCES, EPERM: return text + " (no permission; check the journal directory's owner and mode)"
        default: return text
        }
    }
}
