import SocaiCore

/// Where in the journal something is: a segment file and a 1-based line number in it.
public struct JournalLocation: Sendable, Hashable, CustomStringConvertible {
    public var segment: String
    public var line: Int

    public init(segment: String, line: Int) {
        self.segment = segment
        self.line = line
    }

    public var description: String { "\(segment):\(line)" }

    /// The same place named with its journal's directory (`district-a/segment-….jsonl:12`), for
    /// messages about one of several journals read as one.
    public func inJournal(_ directory: String) -> JournalLocation {
        JournalLocation(segment: FileSystem.join(directory, segment), line: line)
    }
}

/// Everything that can go wrong reading or writing a journal, each case with what a clerk needs
/// to act on it. The CLI maps these to exit codes (66 no journal, 65 damaged, 75 conflict, 74 I/O).
public enum JournalError: Error, Sendable, Hashable {
    /// No journal at this path (no `journal.json`).
    case noJournal(path: String)
    /// The journal path names a file, not a directory (`--journal FILE`): bad input.
    case notADirectory(path: String)
    /// Segment files without `journal.json` beside them: the journal's id and settings were
    /// deleted or moved; `socai init --recover` rebuilds them from the segments.
    case metadataMissing(path: String, segments: Int)
    /// `init` on a directory that already holds a journal.
    case alreadyExists(path: String)
    /// A complete line that fails its JSON, its hash or the sequence: damage, not a torn write.
    case damaged(JournalLocation, reason: LocalizedText)
    /// `--expect-seq` did not match the journal's last seq.
    case sequenceConflict(expected: Int64, actual: Int64)
    /// Another writer held the lock longer than the wait allowed.
    case lockTimeout(path: String, seconds: Int)
    /// An event id given for an idempotent retry is already used by a different event.
    case eventIDInUse(EventID, seq: Int64)
    /// The metadata file is unreadable or of an unknown format/version.
    case badMetadata(path: String, reason: LocalizedText)
    /// A system call failed (disk full, permission denied, read-only file system…).
    case io(operation: String, path: String, errno: Int32)

    /// Damage whose reason SocaiCore's image reader gives, in English only (the image format's own
    /// checks, and errors it passes on): quoted as such in the Vietnamese text. The loader names an
    /// image it cannot open this way.
    public static func damaged(_ location: JournalLocation, reason: String) -> JournalError {
        .damaged(location, reason: SnapshotText.invalid(reason))
    }

    /// The same error with a place in it named with its journal's directory (one of several read as one).
    public func inJournal(_ directory: String) -> JournalError {
        guard case .damaged(let location, let reason) = self else { return self }
        return .damaged(location.inJournal(directory), reason: reason)
    }

    public var message: LocalizedText {
        switch self {
        case .noJournal(let path):
            LocalizedText(en: "no journal at \(path); create one with `socai init` or pass --journal DIR",
                          vi: "không có sổ tại \(path); tạo sổ bằng `socai init` hoặc chỉ định --journal THƯ_MỤC")
        case .notADirectory(let path):
            LocalizedText(en: "\(path) is a file, not a journal directory; give the journal's directory with --journal DIR",
                          vi: "\(path) là một tệp, không phải thư mục sổ; hãy chỉ định thư mục của sổ bằng --journal THƯ_MỤC")
        case .metadataMissing(let path, let segments):
            LocalizedText(en: "\(path) holds \(segments) segment file\(segments == 1 ? "" : "s") but no \(JournalMetadata.fileName) (deleted or moved?): "
                            + "put it back from a backup, or rebuild it from the segments with `socai --journal \(path) init --recover`",
                          vi: "\(path) có \(segments) tệp phân đoạn nhưng không có \(JournalMetadata.fileName) (bị xóa hoặc chuyển đi?): "
                            + "hãy chép lại từ bản sao lưu, hoặc dựng lại từ các phân đoạn bằng `socai --journal \(path) init --recover`")
        case .alreadyExists(let path):
            LocalizedText(en: "\(path) already holds a journal; nothing was changed",
                          vi: "\(path) đã có sổ; không thay đổi gì")
        case .damaged(let location, let reason):
            LocalizedText(en: "the journal is damaged at \(location): \(reason.en); run `socai verify` for details",
                          vi: "sổ bị hỏng tại \(location): \(reason.vi); chạy `socai verify` để xem chi tiết")
        case .sequenceConflict(let expected, let actual):
            LocalizedText(en: "the journal's last seq is \(actual), not \(expected) as --expect-seq said; someone recorded in the meantime; nothing was written",
                          vi: "số thứ tự cuối của sổ là \(actual), không phải \(expected) như --expect-seq; đã có người ghi trước; không ghi gì")
        case .lockTimeout(let path, let seconds):
            LocalizedText(en: "another writer held \(path) for more than \(seconds) s; nothing was written; try again",
                          vi: "một tiến trình khác giữ khóa \(path) quá \(seconds) giây; không ghi gì; hãy thử lại")
        case .eventIDInUse(let id, let seq):
            LocalizedText(en: "event id \(id) is already used by a different event (seq \(seq)); nothing was written",
                          vi: "mã sự kiện \(id) đã dùng cho một sự kiện khác (số \(seq)); không ghi gì")
        case .badMetadata(let path, let reason):
            LocalizedText(en: "cannot read \(path): \(reason.en)", vi: "không đọc được \(path): \(reason.vi)")
        case .io(let operation, let path, let code):
            LocalizedText(en: "\(operation) \(path) failed: \(SystemError.describe(code).en)",
                          vi: "\(SystemError.operation(operation).vi) \(path) thất bại: \(SystemError.describe(code).vi)")
        }
    }
}
