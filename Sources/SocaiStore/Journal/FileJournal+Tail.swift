#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// The end of a journal as found on disk: where committed data ends, what lies after it, and the
/// last committed event (the head).
struct TailState {
    var segments: [String]
    /// Size of the last segment in bytes.
    var lastSegmentSize: Int
    /// Offset in the last segment just after the last committed line.
    var committedEnd: Int
    var tornTail: TornTail?
    var incompleteBatch: IncompleteBatch?
    /// The last line, complete and verified, without its `\n` (then `committedEnd` is the size).
    var missingNewline: MissingNewline?
    var head: JournalHead
    /// The decoded head line, when there is one.
    var headLine: DecodedLine?
    var headLocation: JournalLocation?

    /// Whether crash leftovers need moving to quarantine before the next append.
    var needsRecovery: Bool { committedEnd < lastSegmentSize }
}

extension FileJournal {
    /// Examines the end of the journal. With `verifyHead`, also checks the head line's hash
    /// against the line before it, as a writer must before chaining from it.
    func tail(verifyHead: Bool) throws(JournalError) -> TailState {
        let names = try segments()
        guard let last = names.last else {
            return TailState(segments: [], lastSegmentSize: 0, committedEnd: 0, tornTail: nil, incompleteBatch: nil, missingNewline: nil,
                             head: JournalHead(seq: 0, hash: genesisHash, recordedTime: nil), headLine: nil, headLocation: nil)
        }
        let fd = try FileDescriptor.open(path(last), O_RDONLY)
        let size = try fd.size()
        let lastNewlineEnd = try BackwardLineReader.endOfLastCompleteLine(size: size, in: fd)
        var torn: TornTail?
        var missingNewline: MissingNewline?
        var lastLine = try BackwardLineReader.line(endingAt: lastNewlineEnd, in: fd)
        if lastNewlineEnd < size {
            let leftover = try fd.read(count: size - lastNewlineEnd, at: lastNewlineEnd)
            if let length = leftover.withUnsafeBytes({ JournalLineCodec.completeLineLength(atStartOf: $0) }) {
                throw .damaged(JournalLocation(segment: last, line: try BackwardLineReader.lineNumber(at: lastNewlineEnd, in: fd)),
                               reason: JournalLineCodec.notTornReason(extraBytes: leftover.count - length))
            }
            missingNewline = try unterminatedLine(leftover, at: lastNewlineEnd, names: names, fd: fd)
            if missingNewline != nil {
                lastLine = (lastNewlineEnd, leftover)
            } else {
                torn = TornTail(segment: last, offset: lastNewlineEnd, byteCount: size - lastNewlineEnd)
            }
        }
        var committedEnd = missingNewline == nil ? lastNewlineEnd : size
        var incomplete: IncompleteBatch?

        // A batch whose last line is missing was never acknowledged: find where it starts.
        if let (start, bytes) = lastLine {
            let decoded = try decodeForTail(bytes, segment: last, offset: start, fd: fd)
            if let mark = decoded.envelope.batch, mark.index < mark.count {
                var batchStart = start
                for _ in 1..<mark.index {
                    guard let previous = try BackwardLineReader.line(endingAt: batchStart, in: fd) else {
                        let line = try BackwardLineReader.lineNumber(at: start, in: fd)
                        throw .damaged(JournalLocation(segment: last, line: line),
                                       reason: DamageText.batchTooShort(["mark": mark.description, "count": String(mark.index - 1)]))
                    }
                    batchStart = previous.start
                }
                incomplete = IncompleteBatch(segment: last, offset: batchStart, lines: mark.index, batchSize: mark.count)
                committedEnd = batchStart
                missingNewline = nil  // its line is part of the unfinished batch, moved aside with it
            } else if let missing = missingNewline {
                // The head, its chain hash already checked.
                return TailState(segments: names, lastSegmentSize: size, committedEnd: committedEnd, tornTail: nil,
                                 incompleteBatch: nil, missingNewline: missing,
                                 head: JournalHead(seq: decoded.envelope.seq, hash: decoded.storedHash, recordedTime: decoded.envelope.recordedTime),
                                 headLine: decoded, headLocation: JournalLocation(segment: last, line: 0))
            }
        }

        var state = TailState(segments: names, lastSegmentSize: size, committedEnd: committedEnd, tornTail: torn,
                              incompleteBatch: incomplete, missingNewline: nil,
                              head: JournalHead(seq: 0, hash: genesisHash, recordedTime: nil), headLine: nil, headLocation: nil)

        // The head: the line ending at committedEnd, or the last line of an earlier segment.
        var segmentIndex = names.count - 1
        var end = committedEnd
        while true {
            let name = names[segmentIndex]
            let segmentFD = try FileDescriptor.open(path(name), O_RDONLY)
            if segmentIndex != names.count - 1 {
                end = try segmentFD.size()
                if end > 0, try segmentFD.read(count: 1, at: end - 1) != [0x0A] {
                    throw .damaged(JournalLocation(segment: name, line: try BackwardLineReader.lineNumber(at: end, in: segmentFD)),
                                   reason: DamageText.earlierSegmentIncomplete())
                }
            }
            if let (start, bytes) = try BackwardLineReader.line(endingAt: end, in: segmentFD) {
                let decoded = try decodeForTail(bytes, segment: name, offset: start, fd: segmentFD)
                if let mark = decoded.envelope.batch, mark.index != mark.count {
                    throw .damaged(JournalLocation(segment: name, line: try BackwardLineReader.lineNumber(at: start, in: segmentFD)),
                                   reason: DamageText.batchCutBeforeLaterSegment(["mark": mark.description]))
                }
                state.head = JournalHead(seq: decoded.envelope.seq, hash: decoded.storedHash,
                                         recordedTime: decoded.envelope.recordedTime)
                state.headLine = decoded
                state.headLocation = JournalLocation(segment: name, line: 0)
                if verifyHead {
                    let previousHash = try storedHash(before: start, segmentIndex: segmentIndex, names: names)
                    let ok = bytes.withUnsafeBytes { buffer -> Bool in
                        guard let (body, stored) = JournalLineCodec.splitHash(buffer) else { return false }
                        return JournalLineCodec.chainHash(previous: previousHash, body: body) == stored
                    }
                    if !ok {
                        throw .damaged(JournalLocation(segment: name, line: try BackwardLineReader.lineNumber(at: start, in: segmentFD)),
                                       reason: DamageText.lastLineHashMismatch())
                    }
                }
                return state
            }
            if segmentIndex == 0 { return state }
            segmentIndex -= 1
        }
    }

    /// The bytes after the last `\n` of the last segment as its last line, when they are one whole
    /// line whose JSON and chain hash verify: only its newline was lost (an editor that strips the
    /// final newline), so it is committed and read. A torn write never looks like this but when
    /// only its newline is missing, and then the line is whole too. A whole line whose chain hash
    /// fails is a changed byte, reported as damage; anything else is a torn write (nil).
    private func unterminatedLine(_ bytes: [UInt8], at offset: Int, names: [String],
                                  fd: borrowing FileDescriptor) throws(JournalError) -> MissingNewline? {
        guard let decoded = FileJournal.wholeLine(bytes) else { return nil }
        let previousHash = try storedHash(before: offset, segmentIndex: names.count - 1, names: names)
        let verified = bytes.withUnsafeBytes { buffer -> Bool in
            guard let (body, stored) = JournalLineCodec.splitHash(buffer) else { return false }
            return JournalLineCodec.chainHash(previous: previousHash, body: body) == stored
        }
        guard verified else {
            throw .damaged(JournalLocation(segment: names[names.count - 1], line: try BackwardLineReader.lineNumber(at: offset, in: fd)),
                           reason: DamageText.lastLineChangedNoNewline())
        }
        return MissingNewline(segment: names[names.count - 1], offset: offset, byteCount: bytes.count, seq: decoded.envelope.seq,
                              previousHash: previousHash)
    }

    /// `bytes` decoded when they are one whole line (hash tail and JSON), else nil.
    static func wholeLine(_ bytes: [UInt8]) -> DecodedLine? {
        bytes.withUnsafeBytes { buffer -> DecodedLine? in
            guard JournalLineCodec.splitHash(buffer) != nil else { return nil }
            return try? JournalLineCodec.decode(buffer)
        }
    }

    /// The chain hash stored on the line before the one starting at `offset` (or the genesis hash).
    func storedHash(before offset: Int, segmentIndex: Int, names: [String]) throws(JournalError) -> SHA256Digest {
        var index = segmentIndex
        var end = offset
        while true {
            let fd = try FileDescriptor.open(path(names[index]), O_RDONLY)
            if index != segmentIndex { end = try fd.size() }
            if let (_, bytes) = try BackwardLineReader.line(endingAt: end, in: fd) {
                let hash = bytes.withUnsafeBytes { JournalLineCodec.splitHash($0)?.stored }
                guard let hash else {
                    throw .damaged(JournalLocation(segment: names[index], line: try BackwardLineReader.lineNumber(at: end, in: fd) - 1),
                                   reason: bytes.withUnsafeBytes { JournalLineCodec.missingHashReason($0) })
                }
                return hash
            }
            if index == 0 { return genesisHash }
            index -= 1
        }
    }

    private func decodeForTail(_ bytes: [UInt8], segment: String, offset: Int,
                               fd: borrowing FileDescriptor) throws(JournalError) -> DecodedLine {
        let result = bytes.withUnsafeBytes { buffer in
            Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(buffer) })
        }
        switch result {
        case .success(let decoded): return decoded
        case .failure(let error):
            throw .damaged(JournalLocation(segment: segment, line: try BackwardLineReader.lineNumber(at: offset, in: fd)),
                           reason: error.reason)
        }
    }
}
