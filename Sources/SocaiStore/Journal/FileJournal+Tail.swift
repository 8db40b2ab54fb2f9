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
            return TailState(segments: [], lastSegmentSize: 0, committedEnd: 0, tornTail: nil, incompleteBatch: nil,
                             head: JournalHead(seq: 0, hash: genesisHash, recordedTime: nil), headLine: nil, headLocation: nil)
        }
        let fd = try FileDescriptor.open(path(last), O_RDONLY)
        let size = try fd.size()
        let lastNewlineEnd = try BackwardLineReader.endOfLastCompleteLine(size: size, in: fd)
        var torn: TornTail?
        if lastNewlineEnd < size {
            torn = TornTail(segment: last, offset: lastNewlineEnd, byteCount: size - lastNewlineEnd)
            let leftover = try fd.read(count: size - lastNewlineEnd, at: lastNewlineEnd)
            if let length = leftover.withUnsafeBytes({ JournalLineCodec.completeLineLength(atStartOf: $0) }) {
                throw .damaged(JournalLocation(segment: last, line: try BackwardLineReader.lineNumber(at: lastNewlineEnd, in: fd)),
                               reason: JournalLineCodec.notTornReason(extraBytes: leftover.count - length))
            }
        }
        var committedEnd = lastNewlineEnd
        var incomplete: IncompleteBatch?

        // A batch whose last line is missing was never acknowledged: find where it starts.
        if let (start, bytes) = try BackwardLineReader.line(endingAt: lastNewlineEnd, in: fd) {
            let decoded = try decodeForTail(bytes, segment: last, offset: start, fd: fd)
            if let mark = decoded.envelope.batch, mark.index < mark.count {
                var batchStart = start
                for _ in 1..<mark.index {
                    guard let previous = try BackwardLineReader.line(endingAt: batchStart, in: fd) else {
                        let line = try BackwardLineReader.lineNumber(at: start, in: fd)
                        throw .damaged(JournalLocation(segment: last, line: line),
                                       reason: "batch line \(mark) has fewer than \(mark.index - 1) lines before it in its segment")
                    }
                    batchStart = previous.start
                }
                incomplete = IncompleteBatch(segment: last, offset: batchStart, lines: mark.index, batchSize: mark.count)
                committedEnd = batchStart
            }
        }

        var state = TailState(segments: names, lastSegmentSize: size, committedEnd: committedEnd, tornTail: torn,
                              incompleteBatch: incomplete,
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
                                   reason: "an earlier segment does not end with a complete line")
                }
            }
            if let (start, bytes) = try BackwardLineReader.line(endingAt: end, in: segmentFD) {
                let decoded = try decodeForTail(bytes, segment: name, offset: start, fd: segmentFD)
                if let mark = decoded.envelope.batch, mark.index != mark.count {
                    throw .damaged(JournalLocation(segment: name, line: try BackwardLineReader.lineNumber(at: start, in: segmentFD)),
                                   reason: "a batch (\(mark)) is cut off before a later segment")
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
                                       reason: "the last line's chain hash does not match its bytes")
                    }
                }
                return state
            }
            if segmentIndex == 0 { return state }
            segmentIndex -= 1
        }
    }

    /// The chain hash stored on the line before the one starting at `offset` (or the genesis hash).
    private func storedHash(before offset: Int, segmentIndex: Int, names: [String]) throws(JournalError) -> SHA256Digest {
        var index = segmentIndex
        var end = offset
        while true {
            let fd = try FileDescriptor.open(path(names[index]), O_RDONLY)
            if index != segmentIndex { end = try fd.size() }
            if let (_, bytes) = try BackwardLineReader.line(endingAt: end, in: fd) {
                let hash = bytes.withUnsafeBytes { JournalLineCodec.splitHash($0)?.stored }
                guard let hash else {
                    throw .damaged(JournalLocation(segment: names[index], line: try BackwardLineReader.lineNumber(at: end, in: fd) - 1),
                                   reason: "the line does not end with its chain hash")
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
