#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// A closed segment's seal (`segment-00000001.jsonl.seal`): its size, lines, last chain hash and an
/// xxHash64 of its bytes, written when the writer rolls over to the next segment, after checking
/// the segment's whole hash chain.
///
/// Readers that find a seal matching a segment's bytes skip re-hashing its lines with SHA-256 (the
/// dominant cost of reading a journal) and check the cheap checksum instead; `socai verify` always
/// checks every line's chain hash, seal or no seal. A seal that does not match is reported and the
/// segment is verified line by line: seals speed reading up, they never vouch for bytes alone.
struct SegmentSeal: Sendable, Hashable {
    static let suffix = ".seal"

    var segment: String
    var bytes: Int
    var lines: Int
    var lastSeq: Int64
    var chainHash: SHA256Digest
    var checksum: UInt64

    var json: [UInt8] {
        var o = JSONObject()
        o["segment"] = .string(segment)
        o["bytes"] = .integer(Int64(bytes))
        o["lines"] = .integer(Int64(lines))
        o["lastseq"] = .integer(lastSeq)
        o["chainhash"] = .string(chainHash.hex)
        o["xxhash64"] = .string(String(checksum, radix: 16))
        return JSONWriter.encode(.object(o)) + [0x0A]
    }

    static func parse(_ bytes: [UInt8]) -> SegmentSeal? {
        guard let o = try? JSONParser.parse(bytes).object, let segment = o["segment"]?.string,
              let size = o["bytes"]?.integer, let lines = o["lines"]?.integer, let lastSeq = o["lastseq"]?.integer,
              let hashText = o["chainhash"]?.string, let hash = SHA256Digest(hex: hashText),
              let sumText = o["xxhash64"]?.string, let checksum = UInt64(sumText, radix: 16) else { return nil }
        return SegmentSeal(segment: segment, bytes: Int(size), lines: Int(lines), lastSeq: lastSeq, chainHash: hash, checksum: checksum)
    }

    /// xxHash64 of a file's first `size` bytes, read in chunks; with `hasher`, of the bytes from
    /// `start` on, continuing what it already holds.
    static func checksum(_ fd: borrowing FileDescriptor, from start: Int = 0, size: Int,
                         continuing hasher: XXHash64.Streaming = XXHash64.Streaming()) throws(JournalError) -> UInt64 {
        var hasher = hasher
        guard start < size else { return hasher.finalize() }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var offset = start
        while offset < size {
            let n = try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<min(chunk.count, size - offset)]), at: offset)
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            offset += n
        }
        return hasher.finalize()
    }
}

extension FileJournal {
    func sealPath(_ segment: String) -> String { path(segment) + SegmentSeal.suffix }

    /// The seal of `segment` when it exists and matches the file's size and checksum.
    func matchingSeal(_ segment: String, fd: borrowing FileDescriptor, size: Int) throws(JournalError) -> SegmentSeal? {
        guard let seal = sealCandidate(segment, size: size), try SegmentSeal.checksum(fd, size: size) == seal.checksum else { return nil }
        return seal
    }

    /// The seal of `segment` when it exists and names the segment at this size; its checksum is
    /// still to be compared with the bytes.
    func sealCandidate(_ segment: String, size: Int) -> SegmentSeal? {
        let sealPath = self.sealPath(segment)
        guard FileSystem.exists(sealPath), let seal = SegmentSeal.parse((try? FileSystem.readFile(sealPath)) ?? []),
              seal.segment == segment, seal.bytes == size else { return nil }
        return seal
    }

    /// Checks a closed segment's whole chain (from `previousHash`) and writes its seal. Called by
    /// the writer, under the lock, when it rolls over to a new segment.
    func seal(_ segment: String, previousHash: SHA256Digest, firstSeq: Int64) throws(JournalError) {
        let fd = try FileDescriptor.open(path(segment), O_RDONLY)
        let size = try fd.size()
        var checker = LineChecker(source: metadata.source, verifyHashes: true, previousHash: previousHash, expectedSeq: firstSeq)
        checker.startsInsideBatch = false
        var lines = 0
        var failure: JournalProblem?
        let end = try ParallelLineScanner.scan(fd, from: 0, to: size, firstLineNumber: 1, previousHash: previousHash,
                                               verifyHashes: true) { outcome, number, _, _ in
            lines = number
            if let error = checker.sequence(outcome) {
                failure = JournalProblem(location: JournalLocation(segment: segment, line: number), message: error.reason)
                return false
            }
            return true
        }
        if let failure { throw .damaged(failure.location, reason: failure.message) }
        guard end == size, lines > 0 else {
            throw .damaged(JournalLocation(segment: segment, line: lines + 1), reason: DamageText.closedSegmentIncomplete())
        }
        let seal = SegmentSeal(segment: segment, bytes: size, lines: lines, lastSeq: checker.expectedSeq - 1,
                               chainHash: checker.previousHash, checksum: try SegmentSeal.checksum(fd, size: size))
        let path = sealPath(segment)
        FileSystem.remove(path)
        try FileSystem.createFile(path, contents: seal.json)
    }
}
