#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// What `socai init --recover` rebuilt, and how it knows.
public struct MetadataRecovery: Sendable {
    public var journal: FileJournal
    public var segments: Int
    /// Where the segment size came from.
    public enum SegmentSizeSource: Sendable { case given, largestClosedSegment, defaultSize }
    public var segmentSizeSource: SegmentSizeSource
    /// The whole journal checked with the rebuilt metadata.
    public var verify: VerifyReport
}

extension FileJournal {
    /// Rebuilds a lost `journal.json` from the segments' own data.
    ///
    /// Everything `journal.json` holds can be read back or chosen again: the id is the end of the
    /// first line's `source` (`urn:socai:journal:ID`), and it is proven by the first line's chain
    /// hash, which starts from `SHA-256("socai-journal:" + id)` — a guessed or mistyped id cannot
    /// verify. The segment size only decides when the journal rolls over: the largest closed
    /// segment rounded up to 4 KiB keeps it rolling over about where it did (or the default, or
    /// `segmentBytes`). The creation time becomes the first event's recorded time. Then the whole
    /// journal is verified with the rebuilt metadata. The unit it reports to is not in the
    /// segments: it is given again (`reportsTo`), or the journal reports to no one.
    public static func recover(at directory: String, segmentBytes: Int? = nil, reportsTo: UnitID? = nil) throws(JournalError) -> MetadataRecovery {
        if FileSystem.exists(directory) && !FileSystem.isDirectory(directory) { throw .notADirectory(path: directory) }
        guard FileSystem.isDirectory(directory) else { throw .noJournal(path: directory) }
        let metadataPath = FileSystem.join(directory, JournalMetadata.fileName)
        if FileSystem.exists(metadataPath) { throw .alreadyExists(path: directory) }
        let names = try FileSystem.list(directory).filter { SegmentNames.ordinal($0) != nil }
        guard let first = names.first else { throw .noJournal(path: directory) }
        let location = JournalLocation(segment: first, line: 1)
        guard SegmentNames.ordinal(first) == 1 else {
            throw .damaged(JournalLocation(segment: SegmentNames.name(1), line: 0),
                           reason: DamageText.firstSegmentMissing(["segment": SegmentNames.name(1)]))
        }

        let fd = try FileDescriptor.open(FileSystem.join(directory, first), O_RDONLY)
        var line: [UInt8]?
        try ForwardLineReader.forEachLine(fd, to: try fd.size()) { bytes, _, _ in line = Array(bytes); return false }
        guard let line else { throw .damaged(location, reason: DamageText.nothingToRecover()) }
        let result = line.withUnsafeBytes { buffer in
            Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(buffer) })
        }
        let decoded: DecodedLine
        switch result {
        case .success(let line): decoded = line
        case .failure(let error): throw .damaged(location, reason: error.reason)
        }
        let prefix = "urn:socai:journal:"
        guard decoded.source.hasPrefix(prefix), decoded.source.count > prefix.count else {
            throw .damaged(location, reason: DamageText.notSocaiSource(["source": decoded.source, "prefix": prefix]))
        }
        let id = String(decoded.source.dropFirst(prefix.count))
        let chains = line.withUnsafeBytes { buffer -> Bool in
            guard let (body, stored) = JournalLineCodec.splitHash(buffer) else { return false }
            return JournalLineCodec.chainHash(previous: JournalLineCodec.genesisHash(journalID: id), body: body) == stored
        }
        guard chains else {
            throw .damaged(location, reason: DamageText.chainNotFromID(["id": id]))
        }

        var size = segmentBytes ?? JournalMetadata.defaultSegmentBytes
        var source = segmentBytes == nil ? MetadataRecovery.SegmentSizeSource.defaultSize : .given
        if segmentBytes == nil, names.count > 1 {
            var largest = 0
            for name in names.dropLast() {
                largest = max(largest, try FileDescriptor.open(FileSystem.join(directory, name), O_RDONLY).size())
            }
            size = max(4096, (largest + 4095) / 4096 * 4096)
            source = .largestClosedSegment
        }
        var metadata = JournalMetadata(id: id, segmentBytes: size, created: decoded.envelope.recordedTime, reportsTo: reportsTo)
        metadata.source = decoded.source
        do {
            try FileSystem.createFile(metadataPath, contents: metadata.json)
        } catch .io(_, _, let code) where code == EEXIST {
            throw .alreadyExists(path: directory)
        }
        let journal = FileJournal(directory: directory, metadata: metadata)
        return MetadataRecovery(journal: journal, segments: names.count, segmentSizeSource: source, verify: try journal.verify())
    }
}
