#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// How a read should treat the journal.
public struct ReadOptions: Sendable {
    /// The first seq to deliver (earlier lines are still checked for the chain).
    public var fromSeq: Int64 = 1
    /// Check every line's chain hash (on by default: nothing silently wrong).
    public var verifyHashes = true
    /// On damage, stop and report it instead of failing: answer from the intact prefix.
    public var allowDamaged = false

    public init(fromSeq: Int64 = 1, verifyHashes: Bool = true, allowDamaged: Bool = false) {
        self.fromSeq = fromSeq
        self.verifyHashes = verifyHashes
        self.allowDamaged = allowDamaged
    }
}

extension FileJournal {
    /// Streams every committed event in seq order to `body` (return false to stop early).
    ///
    /// A torn tail and an unfinished batch are left out and reported; damage throws
    /// `.damaged` (or, with `allowDamaged`, ends the read and is reported).
    @discardableResult
    public func read(_ options: ReadOptions = ReadOptions(),
                     _ body: (JournalRecord) -> Bool) throws(JournalError) -> ReadReport {
        let tail = try tail(verifyHead: false)
        var report = ReadReport(head: tail.head, eventsRead: 0, tornTail: tail.tornTail,
                                incompleteBatch: tail.incompleteBatch, damage: nil)
        guard !tail.segments.isEmpty else { return report }

        let (startIndex, previousHash, firstSeq) = try startingPoint(for: options.fromSeq, segments: tail.segments)
        var checker = LineChecker(source: metadata.source, verifyHashes: options.verifyHashes,
                                  previousHash: previousHash, expectedSeq: firstSeq)
        var damage: JournalProblem?
        var stopped = false
        var lastDelivered: (seq: Int64, hash: SHA256Digest, time: Instant)?
        for index in startIndex..<tail.segments.count where damage == nil && !stopped {
            let name = tail.segments[index]
            let fd = try FileDescriptor.open(path(name), O_RDONLY)
            let end = index == tail.segments.count - 1 ? tail.committedEnd : try fd.size()
            var lines = 0
            let consumed = try ForwardLineReader.forEachLine(fd, to: end) { line, number, _ in
                lines = number
                switch checker.check(line) {
                case .failure(let error):
                    damage = JournalProblem(location: JournalLocation(segment: name, line: number), message: error.reason)
                    return false
                case .success(let decoded):
                    guard decoded.envelope.seq >= options.fromSeq else { return true }
                    let record = JournalRecord(envelope: decoded.envelope, location: JournalLocation(segment: name, line: number),
                                               hash: decoded.storedHash, line: line)
                    report.eventsRead += 1
                    lastDelivered = (decoded.envelope.seq, decoded.storedHash, decoded.envelope.recordedTime)
                    if !body(record) { stopped = true; return false }
                    return true
                }
            }
            if damage == nil && !stopped && consumed < end {
                // Only the last segment may end mid-line (a torn write); an earlier one was cut.
                damage = JournalProblem(location: JournalLocation(segment: name, line: lines + 1),
                                        message: "\(end - consumed) bytes after the last complete line of a segment that is not the last")
            }
            if damage == nil && !stopped && index < tail.segments.count - 1, let open = checker.unfinishedBatch {
                damage = JournalProblem(location: JournalLocation(segment: name, line: lines),
                                        message: "batch line \(open) is the last line of a segment")
            }
        }
        if let damage {
            guard options.allowDamaged else { throw .damaged(damage.location, reason: damage.message) }
            report.damage = damage
            report.tornTail = nil
            report.incompleteBatch = nil
            if let lastDelivered {
                report.head = JournalHead(seq: lastDelivered.seq, hash: lastDelivered.hash, recordedTime: lastDelivered.time)
            } else {
                report.head = JournalHead(seq: options.fromSeq - 1, hash: previousHash, recordedTime: nil)
            }
        }
        return report
    }

    /// The segment to start reading at for `fromSeq`, the stored hash before its first line, and
    /// the seq of that first line.
    private func startingPoint(for fromSeq: Int64, segments: [String]) throws(JournalError)
        -> (index: Int, previousHash: SHA256Digest, firstSeq: Int64) {
        guard fromSeq > 1, segments.count > 1 else { return (0, genesisHash, 1) }
        // The last segment whose first seq is <= fromSeq.
        var chosen = 0
        var low = 1, high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if let first = try firstSeq(of: segments[middle]), first <= fromSeq {
                chosen = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        guard chosen > 0, let first = try firstSeq(of: segments[chosen]) else { return (0, genesisHash, 1) }
        let fd = try FileDescriptor.open(path(segments[chosen - 1]), O_RDONLY)
        guard let (_, bytes) = try BackwardLineReader.line(endingAt: try fd.size(), in: fd),
              let hash = bytes.withUnsafeBytes({ JournalLineCodec.splitHash($0)?.stored }) else {
            return (0, genesisHash, 1)
        }
        return (chosen, hash, first)
    }

    private func firstSeq(of segment: String) throws(JournalError) -> Int64? {
        let fd = try FileDescriptor.open(path(segment), O_RDONLY)
        var seq: Int64?
        try ForwardLineReader.forEachLine(fd, to: try fd.size()) { line, _, _ in
            if case .success(let decoded) = Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(line) }) {
                seq = decoded.envelope.seq
            }
            return false
        }
        return seq
    }
}
