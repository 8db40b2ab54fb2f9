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
                              now: Instant) throws(JournalError) -> FileJournal {
        try FileSystem.makeDirectory(directory)
        let path = FileSystem.join(directory, JournalMetadata.fileName)
        if FileSystem.exists(path) { throw .alreadyExists(path: directory) }
        let existingSegments = try FileSystem.list(directory).filter { SegmentNames.ordinal($0) != nil }
        if !existingSegments.isEmpty { throw .alreadyExists(path: directory) }
        let metadata = JournalMetadata(id: id, segmentBytes: segmentBytes, created: now)
        do {
            try FileSystem.createFile(path, contents: metadata.json)
        } catch .io(_, _, let code) where code == EEXIST {
            throw .alreadyExists(path: directory)
        }
        return FileJournal(directory: directory, metadata: metadata)
    }

    /// Opens the journal in `directory`, reading its metadata.
    public static func open(at directory: String) throws(JournalError) -> FileJournal {
        let path = FileSystem.join(directory, JournalMetadata.fileName)
        guard FileSystem.exists(path) else { throw .noJournal(path: directory) }
        let metadata = try JournalMetadata.parse(try FileSystem.readFile(path), path: path)
        return FileJournal(directory: directory, metadata: metadata)
    }

    init(directory: String, metadata: JournalMetadata) {
        self.directory = directory
        self.metadata = metadata
    }

    var genesisHash: SHA256Digest { JournalLineCodec.genesisHash(journalID: metadata.id) }

    /// The segment files, in order, after checking none is missing from the sequence.
    func segments() throws(JournalError) -> [String] {
        let names = try FileSystem.list(directory).filter { SegmentNames.ordinal($0) != nil }
        for (index, name) in names.enumerated() where SegmentNames.ordinal(name) != index + 1 {
            throw .damaged(JournalLocation(segment: SegmentNames.name(index + 1), line: 0),
                           reason: "segment \(SegmentNames.name(index + 1)) is missing (found \(name) instead)")
        }
        return names
    }

    func path(_ segment: String) -> String { FileSystem.join(directory, segment) }

    /// The names of quarantine files holding bytes moved out of segments by crash recovery.
    public func quarantineFiles() throws(JournalError) -> [String] {
        try FileSystem.list(directory).filter { $0.contains(".quarantine-") }
    }
}
