#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// Projection images of one journal: `DIR/<journal id>/snapshot-<seq>.img`, written atomically,
/// 0640, and only ever a cache: deleting them loses nothing, and one that does not fit the
/// journal is ignored with a notice. One that shows the *journal* changed under it (a segment
/// truncated, emptied, replaced, removed or renamed) is damage, and readers stop with 65.
public struct SnapshotStore: Sendable {
    public let directory: String
    public let journal: FileJournal
    /// How many images to keep.
    public var keep = 2

    public init(directory: String, journal: FileJournal) {
        self.directory = FileSystem.join(directory, SnapshotStore.folderName(journalID: journal.metadata.id))
        self.journal = journal
    }

    /// The folder for a journal's images: its id when that is a plain file name (as the UUIDs
    /// `socai init` makes are), else `journal-` and the id's SHA-256. journal.json is read from
    /// disk, so an id like `../x` or `/etc` must never become a path outside the snapshot directory.
    static func folderName(journalID id: String) -> String {
        let plain = !id.isEmpty && id.utf8.count <= 128 && !id.hasPrefix(".")
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
        return plain ? id : "journal-" + SHA256.hash(Array(id.utf8)).hex
    }

    static func fileName(seq: Int64) -> String {
        let digits = String(seq)
        return "snapshot-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".img"
    }

    /// Writes an image (already carrying the segment identities in its header) as the newest.
    @discardableResult
    public func write(_ image: ImageStorage, seq: Int64) throws(JournalError) -> (path: String, bytes: Int) {
        try FileSystem.makeDirectory(directory)
        let path = FileSystem.join(directory, SnapshotStore.fileName(seq: seq))
        try FileSystem.replaceFile(path, bytes: image.bytes)
        markVerified(path)
        for old in try files().dropFirst(keep) {
            FileSystem.remove(FileSystem.join(directory, old.name))
            FileSystem.remove(FileSystem.join(directory, old.name) + SnapshotStore.verifiedSuffix)
        }
        return (path, image.bytes.count)
    }

    /// The sidecar that says an image was checked whole (its checksum and every reference in it)
    /// while the file had the identity written in it. Checking a 10-million-event image costs
    /// far more than the question it serves, so it is done once per file, not once per question:
    /// an image whose size, inode or modification time differ from its sidecar is checked again.
    static let verifiedSuffix = ".verified"

    func markVerified(_ path: String) {
        guard let identity = FileIdentity.of(path) else { return }
        let text = "\(identity.size) \(identity.inode) \(identity.modified)\n"
        // A reader without write access to the snapshot folder checks the image every time.
        try? FileSystem.replaceFile(path + SnapshotStore.verifiedSuffix, contents: Array(text.utf8))
    }

    func isMarkedVerified(_ path: String) -> Bool {
        guard let identity = FileIdentity.of(path),
              let bytes = try? FileSystem.readFile(path + SnapshotStore.verifiedSuffix) else { return false }
        return String(decoding: bytes, as: UTF8.self) == "\(identity.size) \(identity.inode) \(identity.modified)\n"
    }

    /// Image files, newest (highest seq) first.
    func files() throws(JournalError) -> [(name: String, seq: Int64)] {
        guard FileSystem.isDirectory(directory) else { return [] }
        return try FileSystem.list(directory).compactMap { name -> (String, Int64)? in
            guard name.hasPrefix("snapshot-"), name.hasSuffix(".img"),
                  let seq = Int64(name.dropFirst("snapshot-".count).dropLast(".img".count)) else { return nil }
            return (name, seq)
        }.sorted { $0.1 > $1.1 }
    }

    /// An image opened for a question: its projection, the segments it covers, and where its bytes end.
    struct Opened {
        var storage: ImageStorage
        var projection: Projection
        var identities: [SegmentIdentity]
        var name: String
    }

    /// The newest image of this journal that is readable and covers no more than `head`, with
    /// notices for those passed over (older formats, other journals, unreadable files).
    func newest(head: Int64) -> (Opened?, [LocalizedText]) {
        var notices: [LocalizedText] = []
        let candidates: [(name: String, seq: Int64)]
        do { candidates = try files() } catch { return (nil, [error.message]) }
        for candidate in candidates {
            let path = FileSystem.join(directory, candidate.name)
            func ignored(_ reason: LocalizedText) {
                notices.append(SnapshotText.ignored(["name": LocalizedText(candidate.name), "reason": reason]))
            }
            guard candidate.seq <= head else {
                ignored(SnapshotText.aheadOfJournal(["seq": String(candidate.seq), "head": String(head)]))
                continue
            }
            let storage: ImageStorage
            do { storage = try MappedFile.map(path) } catch { ignored(error.message); continue }
            let trusted = isMarkedVerified(path)
            if !trusted {
                guard (try? ImageReader(storage))?.verifyChecksum() == true else {
                    ignored(SnapshotText.checksumMismatch())
                    continue
                }
            }
            let projection: Projection
            do { projection = try Projection(image: storage, validate: !trusted) } catch { ignored(SnapshotText.invalid(error.reason)); continue }
            guard projection.journalID == journal.metadata.id, projection.headSeq == candidate.seq else {
                ignored(SnapshotText.anotherJournal())
                continue
            }
            let identities = (projection.storeHeader["segments"]?.array ?? []).compactMap(SegmentIdentity.init)
            guard !identities.isEmpty || projection.headSeq == 0 else { ignored(SnapshotText.noSegments()); continue }
            if !trusted { markVerified(path) }
            return (Opened(storage: storage, projection: projection, identities: identities, name: candidate.name), notices)
        }
        return (nil, notices)
    }
}
