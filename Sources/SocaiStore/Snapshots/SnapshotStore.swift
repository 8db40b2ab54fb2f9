#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SocaiCore

/// Snapshot files of one journal: `DIR/<journal id>/snapshot-<seq>.snap`, written atomically,
/// 0640, and only ever a cache: a snapshot that does not match the journal is ignored.
public struct SnapshotStore: Sendable {
    public let directory: String
    public let journal: FileJournal
    /// How many snapshots to keep (older ones serve older `--known-at` questions).
    public var keep = 3

    public init(directory: String, journal: FileJournal) {
        self.directory = FileSystem.join(directory, SnapshotStore.folderName(journalID: journal.metadata.id))
        self.journal = journal
    }

    /// The folder for a journal's snapshots: its id when that is a plain file name (as the UUIDs
    /// `socai init` makes are), else `journal-` and the id's SHA-256. journal.json is read from
    /// disk, so an id like `../x` or `/etc` must never become a path outside the snapshot directory.
    static func folderName(journalID id: String) -> String {
        let plain = !id.isEmpty && id.utf8.count <= 128 && !id.hasPrefix(".")
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
        return plain ? id : "journal-" + SHA256.hash(Array(id.utf8)).hex
    }

    /// Writes the ledger's state as a snapshot stamped with the journal's hash at its head.
    @discardableResult
    public func write(_ ledger: Ledger) throws(JournalError) -> (path: String, stamp: SnapshotStamp, bytes: Int) {
        guard let hash = try journal.storedHash(atSeq: ledger.headSeq) else {
            throw .damaged(JournalLocation(segment: "?", line: 0), reason: "seq \(ledger.headSeq) is not in the journal")
        }
        let stamp = SnapshotStamp(journalID: journal.metadata.id, seq: ledger.headSeq, chainHash: hash.hex,
                                  recordedTime: ledger.headRecordedTime)
        let bytes = LedgerSnapshot.encode(ledger, stamp: stamp)
        try FileSystem.makeDirectory(directory)
        let path = FileSystem.join(directory, SnapshotStore.fileName(seq: ledger.headSeq))
        try FileSystem.replaceFile(path, contents: bytes)
        for old in try files().dropFirst(keep) { FileSystem.remove(FileSystem.join(directory, old.name)) }
        return (path, stamp, bytes.count)
    }

    static func fileName(seq: Int64) -> String {
        let digits = String(seq)
        return "snapshot-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".snap"
    }

    /// Snapshot files, newest (highest seq) first.
    func files() throws(JournalError) -> [(name: String, seq: Int64)] {
        guard FileSystem.isDirectory(directory) else { return [] }
        return try FileSystem.list(directory).compactMap { name -> (String, Int64)? in
            guard name.hasPrefix("snapshot-"), name.hasSuffix(".snap"),
                  let seq = Int64(name.dropFirst("snapshot-".count).dropLast(".snap".count)) else { return nil }
            return (name, seq)
        }.sorted { $0.1 > $1.1 }
    }

    /// The newest snapshot that matches the journal and may answer a question as known at
    /// `knownAt`; the reasons others were ignored are returned as notices.
    public func newestValid(knownAt: Instant?) -> (ledger: Ledger?, stamp: SnapshotStamp?, notices: [LocalizedText]) {
        var notices: [LocalizedText] = []
        let candidates: [(name: String, seq: Int64)]
        do { candidates = try files() } catch { return (nil, nil, [error.message]) }
        for candidate in candidates {
            let path = FileSystem.join(directory, candidate.name)
            func ignored(_ reason: String) {
                notices.append(LocalizedText(en: "snapshot \(candidate.name) ignored: \(reason); folding the journal instead",
                                             vi: "bỏ qua ảnh chụp \(candidate.name): \(reason); đọc lại toàn bộ sổ"))
            }
            let bytes: [UInt8]
            do { bytes = try FileSystem.readFile(path) } catch { ignored(error.message.en); continue }
            let stampResult = bytes.withUnsafeBytes { b in
                Result(catching: { () throws(LedgerSnapshot.Invalid) in try LedgerSnapshot.stamp(of: b) })
            }
            guard case .success(let stamp) = stampResult else {
                if case .failure(let error) = stampResult { ignored(error.reason) }
                continue
            }
            if let knownAt, let recorded = stamp.recordedTime, recorded > knownAt { continue }  // newer than the question
            guard stamp.journalID == journal.metadata.id, stamp.seq == candidate.seq else {
                ignored("it belongs to another journal")
                continue
            }
            let current: SHA256Digest?
            do { current = try journal.storedHash(atSeq: stamp.seq) } catch { ignored(error.message.en); continue }
            guard let current, current.hex == stamp.chainHash else {
                ignored(current == nil ? "the journal has no seq \(stamp.seq)" : "the journal's chain hash at seq \(stamp.seq) differs (the journal was replaced or rewritten)")
                continue
            }
            let decoded = bytes.withUnsafeBytes { b in
                Result(catching: { () throws(LedgerSnapshot.Invalid) in
                    try LedgerSnapshot.decode(b, checked: true, parallelFor: { count, body in DispatchQueue.concurrentPerform(iterations: count, execute: body) })
                })
            }
            switch decoded {
            case .success(let (ledger, _)): return (ledger, stamp, notices)
            case .failure(let error): ignored(error.reason)
            }
        }
        return (nil, nil, notices)
    }
}
