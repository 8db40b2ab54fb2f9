#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// A journal on disk: a directory with `journal.json` and segments of JSON Lines.
///
/// Readers take no lock and never see an unacknowledged batch; writers serialise on an exclusive
/// `flock` of `journal.json`, read the tail, and append. See docs/JOURNAL.md for the format.
public struct FileJournal: Sendable {
    public let directory: String
    public let metadata: JournalMetadata
    /// How long a writer waits for the lock before giving up with a conflict.
    public var lockTimeoutSeconds: Int = 10

    var metadataPath: String { FileSystem.join(directory, JournalMetadata.fileName) }

    /// Creates an empty journal in `directory` (created if missing).
    public static func create(at directory: String, id: String, segmentBytes: Int = JournalMetadata.defaultSegmentBytes,
                              now: Instant, reportsTo: UnitID? = nil) throws(JournalError) -> FileJournal {
        if FileSystem.exists(directory) && !FileSystem.isDirectory(directory) { throw .notADirectory(path: directory) }
        try FileSystem.makeDirectory(directory)
        let path = FileSystem.join(directory, JournalMetadata.fileName)
        if FileSystem.exists(path) { throw .alreadyExists(path: directory) }
        let existingSegments = try FileSystem.list(directory).filter { SegmentNames.ordinal($0) != nil }
        if !existingSegments.isEmpty { throw .metadataMissing(path: directory, segments: existingSegments.count) }
        let metadata = JournalMetadata(id: id, segmentBytes: segmentBytes, created: now, reportsTo: reportsTo)
        do {
            try FileSystem.createFile(path, contents: metadata.json)
        } catch .io(_, _, let code) where code == EEXIST {
            throw .alreadyExists(path: directory)
        }
        return FileJournal(directory: directory, metadata: metadata)
    }

    /// Opens the journal in `directory`, reading its metadata.
    ///
    /// A journal that cannot be seen is not the same as no journal: a directory the user may not
    /// enter is an I/O error (74, "Permission denied"), a file is bad input, and segments without
    /// `journal.json` are a journal whose metadata was lost (with the way to rebuild it).
    public static func open(at directory: String) throws(JournalError) -> FileJournal {
        let path = FileSystem.join(directory, JournalMetadata.fileName)
        switch FileSystem.statError(path) {
        case nil:
            break
        case ENOTDIR?:
            throw .notADirectory(path: directory)
        case ENOENT?:
            guard FileSystem.isDirectory(directory) else { throw .noJournal(path: directory) }
            let segments = try FileSystem.list(directory).filter { SegmentNames.ordinal($0) != nil }
            throw segments.isEmpty ? .noJournal(path: directory) : .metadataMissing(path: directory, segments: segments.count)
        case let code?:
            throw .io(operation: "open", path: path, errno: code)
        }
        let metadata = try JournalMetadata.parse(try FileSystem.readFile(path), path: path)
        return FileJournal(directory: directory, metadata: metadata)
    }

    init(directory: String, metadata: JournalMetadata) {
        self.directory = directory
        self.metadata = metadata
    }

    var genesisHash: SHA256Digest { JournalLineCodec.genesisHash(journalID: metadata.id) }

    /// The segment files, in order, after checking none is missing from the sequence, the last
    /// one included (see `missingAfterSeal`).
    func segments() throws(JournalError) -> [String] {
        let all = try FileSystem.list(directory)
        let names = all.filter { SegmentNames.ordinal($0) != nil }
        for (index, name) in names.enumerated() where SegmentNames.ordinal(name) != index + 1 {
            let missing = SegmentNames.name(index + 1)
            throw .damaged(JournalLocation(segment: missing, line: 0),
                           reason: DamageText.segmentMissingInstead(["missing": missing, "found": name]) + SegmentNames.renamedHint(missing, among: all))
        }
        if let problem = try missingAfterSeal(names, all: all) { throw .damaged(problem.location, reason: problem.message) }
        return names
    }

    /// The segment after the last one, when the last one's seal shows it existed.
    ///
    /// A writer seals a segment only when it rolls over, after creating the next segment (see
    /// `FileJournal.write`), so a seal that matches the last segment's size means a later segment
    /// was removed or renamed out of the naming pattern (`segment-00000002.jsonl.bak`): without
    /// this, the journal would read as complete and shorter.
    func missingAfterSeal(_ names: [String], all: [String]) throws(JournalError) -> JournalProblem? {
        guard let last = names.last, all.contains(last + SegmentSeal.suffix),
              let seal = SegmentSeal.parse((try? FileSystem.readFile(sealPath(last))) ?? []), seal.segment == last else { return nil }
        let size = try FileDescriptor.open(path(last), O_RDONLY).size()
        guard seal.bytes == size, let ordinal = SegmentNames.ordinal(last) else { return nil }
        let missing = SegmentNames.name(ordinal + 1)
        return JournalProblem(location: JournalLocation(segment: missing, line: 0),
                              message: DamageText.missingAfterSeal(["missing": missing, "last": last, "seq": String(seal.lastSeq + 1)])
                                + SegmentNames.renamedHint(missing, among: all)
                                + DamageText.deleteSealIfNeverExisted(["seal": last + SegmentSeal.suffix]))
    }

    func path(_ segment: String) -> String { FileSystem.join(directory, segment) }

    /// The names of quarantine files holding bytes moved out of segments by crash recovery.
    public func quarantineFiles() throws(JournalError) -> [String] {
        try FileSystem.list(directory).filter { $0.contains(".quarantine-") }
    }
}
