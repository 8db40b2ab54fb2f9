#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// What an image records about each segment it covers, so that a question can tell in
/// O(segments) whether the bytes it folded are still the journal's (issue 14 "damage is still
/// found"): the bytes covered, the file's inode and modification time, an xxHash64 of the covered
/// bytes (a closed segment's seal has it; the last one is hashed when the image is written), and
/// the chain hash stored at the end of the covered bytes.
public struct SegmentIdentity: Sendable, Hashable {
    public var name: String
    public var covered: Int
    public var inode: UInt64
    public var modified: Int64
    public var checksum: UInt64
    public var lastHash: String
    /// Lines in the covered bytes (where a read after the image starts counting).
    public var lines: Int

    var json: JSONValue {
        var o = JSONObject()
        o["name"] = .string(name)
        o["covered"] = .integer(Int64(covered))
        o["inode"] = .string(String(inode))
        o["modified"] = .integer(modified)
        o["xxhash64"] = .string(String(checksum, radix: 16))
        o["lasthash"] = .string(lastHash)
        o["lines"] = .integer(Int64(lines))
        return .object(o)
    }

    init(name: String, covered: Int, inode: UInt64, modified: Int64, checksum: UInt64, lastHash: String, lines: Int) {
        self.lines = lines
        self.name = name
        self.covered = covered
        self.inode = inode
        self.modified = modified
        self.checksum = checksum
        self.lastHash = lastHash
    }

    init?(_ value: JSONValue) {
        guard let o = value.object, let name = o["name"]?.string, let covered = o["covered"]?.integer,
              let inode = o["inode"]?.string.flatMap({ UInt64($0) }), let modified = o["modified"]?.integer,
              let sum = o["xxhash64"]?.string.flatMap({ UInt64($0, radix: 16) }), let last = o["lasthash"]?.string,
              let lines = o["lines"]?.integer else { return nil }
        self.init(name: name, covered: Int(covered), inode: inode, modified: modified, checksum: sum, lastHash: last, lines: Int(lines))
    }
}

/// Why an image no longer matches its journal: damage to name (65), or simply another journal.
public enum ImageMismatch: Error, Sendable {
    /// The journal itself changed under the image: a segment truncated, emptied, replaced, removed or renamed.
    case damaged(JournalLocation, reason: LocalizedText)
    /// The image cannot serve this journal (another journal, another format): ignored.
    case unusable(LocalizedText)
}

extension FileJournal {
    /// The identities of the segments as they are with `head` as the last line; nil when the
    /// journal's head is no longer `head` (it moved on).
    func segmentIdentities(at head: JournalHead) throws(JournalError) -> [SegmentIdentity]? {
        let state = try tail(verifyHead: false)
        guard state.head.seq == head.seq, state.head.hash == head.hash else { return nil }
        return try segmentIdentities(upTo: head, segments: state.segments, committedEnd: state.committedEnd)
    }

    /// The identities of the segments holding seqs 1…`head.seq` (the last one up to `committedEnd`).
    func segmentIdentities(upTo head: JournalHead, segments: [String], committedEnd: Int) throws(JournalError) -> [SegmentIdentity] {
        var result: [SegmentIdentity] = []
        for (i, name) in segments.enumerated() {
            let path = self.path(name)
            guard let identity = FileIdentity.of(path) else { throw .io(operation: "stat", path: path, errno: errno) }
            let isLast = i == segments.count - 1
            let covered = isLast ? committedEnd : identity.size
            let fd = try FileDescriptor.open(path, O_RDONLY)
            var checksum: UInt64
            var lastHash = head.hash.hex
            var lines = 0
            if !isLast, let seal = try matchingSeal(name, fd: fd, size: covered) {
                checksum = seal.checksum
                lastHash = seal.chainHash.hex
                lines = seal.lines
            } else {
                checksum = try SegmentSeal.checksum(fd, size: covered)
                try ForwardLineReader.forEachLine(fd, to: covered) { _, number, _ in
                    lines = number
                    return true
                }
                if !isLast, let (_, bytes) = try BackwardLineReader.line(endingAt: covered, in: fd),
                   let stored = bytes.withUnsafeBytes({ JournalLineCodec.splitHash($0)?.stored }) {
                    lastHash = stored.hex
                }
            }
            result.append(SegmentIdentity(name: name, covered: covered, inode: identity.inode, modified: identity.modified,
                                          checksum: checksum, lastHash: lastHash, lines: lines))
        }
        return result
    }

    /// Checks that the segments an image covers are still as they were. Unchanged files (same
    /// size, inode and time) cost a `stat` each; a changed one is re-hashed over the bytes the
    /// image covers, so a copied journal (new inodes) or an appended last segment still serves.
    func checkIdentities(_ identities: [SegmentIdentity], segments: [String]) throws(ImageMismatch) {
        for (i, expected) in identities.enumerated() {
            guard i < segments.count, segments[i] == expected.name else {
                let present = segments.contains(expected.name)
                throw .damaged(JournalLocation(segment: expected.name, line: 0),
                               reason: present ? DamageText.segmentsOutOfOrder() : DamageText.segmentMissingThoughHad())
            }
            let path = self.path(expected.name)
            guard let now = FileIdentity.of(path) else {
                throw .damaged(JournalLocation(segment: expected.name, line: 0), reason: DamageText.segmentUnreadable())
            }
            let isLastCovered = i == identities.count - 1
            if now.size < expected.covered {
                throw .damaged(JournalLocation(segment: expected.name, line: 0),
                               reason: now.size == 0 ? DamageText.segmentEmptied(["before": String(expected.covered)])
                                   : DamageText.segmentCut(["now": String(now.size), "before": String(expected.covered)]))
            }
            if !isLastCovered && now.size != expected.covered {
                throw .damaged(JournalLocation(segment: expected.name, line: 0),
                               reason: DamageText.closedSegmentGrew(["before": String(expected.covered), "now": String(now.size)]))
            }
            if now.inode == expected.inode && now.modified == expected.modified && now.size == expected.covered { continue }
            if isLastCovered && now.inode == expected.inode && now.modified == expected.modified { continue }
            // Changed on disk: the covered bytes must still be the same bytes.
            let sum: UInt64
            do {
                let fd = try FileDescriptor.open(path, O_RDONLY)
                sum = try SegmentSeal.checksum(fd, size: expected.covered)
            } catch {
                throw .damaged(JournalLocation(segment: expected.name, line: 0), reason: DamageText.segmentUnreadable())
            }
            if sum != expected.checksum {
                // Other bytes under the same name: an edited line or a journal made again under
                // the same id. The image cannot tell which; the full fold it falls back to can
                // (an edited line breaks the hash chain and is named there, with its line).
                throw .unusable(SnapshotText.otherBytes(["segment": expected.name]))
            }
        }
        if segments.count > identities.count, let last = identities.last, segments.firstIndex(of: last.name) != identities.count - 1 {
            throw .damaged(JournalLocation(segment: last.name, line: 0), reason: DamageText.segmentsOutOfOrder())
        }
    }
}
