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
    /// Where to start when the caller knows it (the end of what an image covers): no search for
    /// `fromSeq`, and the first line is checked against this chain hash.
    public var start: ReadPosition?

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
                                incompleteBatch: tail.incompleteBatch, damage: nil, missingNewline: tail.missingNewline)
        guard !tail.segments.isEmpty else { return report }
        let lastIndex = tail.segments.count - 1

        // Start at the line itself: lines before it are neither decoded nor hashed again, but the
        // line just before it is checked whole (its JSON, seq and chain hash), so the hash the
        // read chains from is the hash of the bytes on disk (`linkProblem`).
        var start = LinePosition(segmentIndex: 0, offset: 0, lineNumber: 1, previousHash: genesisHash)
        var damage: JournalProblem?
        if let known = options.start {
            guard let index = tail.segments.firstIndex(of: known.segment) else {
                throw .damaged(JournalLocation(segment: known.segment, line: 0), reason: DamageText.segmentMissingRemoved())
            }
            guard known.firstSeq <= tail.head.seq else { return report }
            start = LinePosition(segmentIndex: index, offset: known.offset, lineNumber: known.lineNumber, previousHash: known.previousHash)
        } else if options.fromSeq > 1 {
            guard options.fromSeq <= tail.head.seq else { return report }
            if let missing = tail.missingNewline, missing.seq == options.fromSeq {
                let fd = try FileDescriptor.open(path(missing.segment), O_RDONLY)
                start = LinePosition(segmentIndex: lastIndex, offset: missing.offset,
                                     lineNumber: try BackwardLineReader.lineNumber(at: missing.offset, in: fd), previousHash: missing.previousHash)
            } else if let position = try locate(seq: options.fromSeq, segments: tail.segments, committedEnd: tail.committedEnd) {
                start = position
            } else {
                throw .damaged(JournalLocation(segment: tail.segments.last!, line: 0), reason: DamageText.seqNotFound(["seq": String(options.fromSeq)]))
            }
            if options.verifyHashes {
                damage = try linkProblem(into: start, seq: options.fromSeq, segments: tail.segments)
            }
        }
        let firstSeq = options.start?.firstSeq ?? options.fromSeq
        let previousHash = start.previousHash
        var checker = LineChecker(source: metadata.source, verifyHashes: options.verifyHashes,
                                  previousHash: start.previousHash, expectedSeq: max(1, firstSeq))
        checker.startsInsideBatch = firstSeq > 1
        var stopped = false
        var lastDelivered: (seq: Int64, hash: SHA256Digest, time: Instant)?
        /// One checked line: delivered, or the damage that stops the read. False to stop.
        func take(_ result: Result<DecodedLine, LineDecodingError>, _ name: String, _ number: Int,
                  _ line: UnsafeRawBufferPointer) -> Bool {
            switch result {
            case .failure(let error):
                damage = JournalProblem(location: JournalLocation(segment: name, line: number), message: error.reason)
                return false
            case .success(let decoded):
                guard decoded.seq >= firstSeq else { return true }
                let record = JournalRecord(decoded: decoded, location: JournalLocation(segment: name, line: number), line: line)
                report.eventsRead += 1
                lastDelivered = (decoded.seq, decoded.storedHash, decoded.recordedTime)
                if !body(record) { stopped = true; return false }
                return true
            }
        }
        for index in start.segmentIndex..<tail.segments.count where damage == nil && !stopped {
            let name = tail.segments[index]
            let fd = try FileDescriptor.open(path(name), O_RDONLY)
            let end = index == lastIndex ? tail.committedEnd : try fd.size()
            let first = index == start.segmentIndex ? start : LinePosition(segmentIndex: index, offset: 0, lineNumber: 1, previousHash: previousHash)
            var lines = first.lineNumber - 1
            // A closed segment whose seal matches its bytes is not re-hashed line by line (see SegmentSeal).
            // Its checksum is computed in the same pass that reads the lines, and checked at the end
            // of the segment; when it does not match, the chain is checked line by line and damage
            // is reported before the read returns. With `allowDamaged` the answer comes from the
            // lines before the damage, so the checksum is checked first, in a pass of its own.
            let sealed = options.verifyHashes && first.offset == 0 && index < lastIndex
            let seal = sealed && options.allowDamaged ? try matchingSeal(name, fd: fd, size: end) : nil
            let foldedSeal = sealed && !options.allowDamaged ? sealCandidate(name, size: end) : nil
            var checksum = SegmentChecksum()
            let (segmentStartHash, segmentStartSeq) = (checker.previousHash, checker.expectedSeq)
            var consumed = try withUnsafeMutablePointer(to: &checksum) { sum throws(JournalError) in
                try ParallelLineScanner.scan(fd, from: first.offset, to: end, firstLineNumber: first.lineNumber,
                                             previousHash: checker.previousHash,
                                             verifyHashes: options.verifyHashes && seal == nil && foldedSeal == nil,
                                             checksum: foldedSeal == nil ? nil : sum) { outcome, number, _, line in
                lines = number
                if let error = checker.sequence(outcome) { return take(.failure(error), name, number, line) }
                return take(.success(outcome.decoded!), name, number, line)
            }
            }
            if index == lastIndex, damage == nil, !stopped, let missing = tail.missingNewline, consumed == missing.offset {
                // The last line without its newline: checked and delivered like any other.
                let bytes = try fd.read(count: missing.byteCount, at: missing.offset)
                lines += 1
                _ = bytes.withUnsafeBytes { take(checker.check($0), name, lines, $0) }
                consumed = end
            }
            if let candidate = foldedSeal, damage == nil {
                // The bytes the scan did not reach (it stopped early, or a line was cut) complete the checksum.
                let summed = try SegmentSeal.checksum(fd, from: checksum.end, size: end, continuing: checksum.hasher)
                let whole = !stopped && lines == candidate.lines && checker.previousHash == candidate.chainHash
                if summed != candidate.checksum || (!stopped && !whole) {
                    damage = try chainProblem(name, fd: fd, to: stopped ? consumed : end, previousHash: segmentStartHash,
                                              firstSeq: segmentStartSeq)
                }
            }
            if let seal, damage == nil, !stopped, lines != seal.lines || checker.previousHash != seal.chainHash {
                // The bytes match the seal's checksum but not its other fields: the seal (derived data)
                // is what is damaged. Check the segment's chain line by line rather than refuse a
                // journal `verify` calls intact; only a line that fails is damage.
                damage = try chainProblem(name, fd: fd, to: end, previousHash: segmentStartHash, firstSeq: segmentStartSeq)
            }
            if damage == nil && !stopped && consumed < end {
                // Only the last segment may end mid-line (a torn write); an earlier one was cut.
                damage = JournalProblem(location: JournalLocation(segment: name, line: lines + 1),
                                        message: DamageText.bytesAfterLastLine(["bytes": String(end - consumed)]))
            }
            if damage == nil && !stopped && index < tail.segments.count - 1, let open = checker.unfinishedBatch {
                damage = JournalProblem(location: JournalLocation(segment: name, line: lines),
                                        message: DamageText.batchLastLineOfSegment(["mark": open.description]))
            }
        }
        if let damage {
            guard options.allowDamaged else { throw .damaged(damage.location, reason: damage.message) }
            report.damage = damage
            report.tornTail = nil
            report.incompleteBatch = nil
            report.missingNewline = nil
            if let lastDelivered {
                report.head = JournalHead(seq: lastDelivered.seq, hash: lastDelivered.hash, recordedTime: lastDelivered.time)
            } else {
                report.head = JournalHead(seq: firstSeq - 1, hash: previousHash, recordedTime: nil)
            }
        }
        return report
    }

    /// The first line of a segment (read from its start) that fails its checks with every chain
    /// hash recomputed, or nil when the whole segment is intact.
    private func chainProblem(_ name: String, fd: borrowing FileDescriptor, to end: Int, previousHash: SHA256Digest,
                              firstSeq: Int64) throws(JournalError) -> JournalProblem? {
        var checker = LineChecker(source: metadata.source, verifyHashes: true, previousHash: previousHash, expectedSeq: firstSeq)
        var problem: JournalProblem?
        try ParallelLineScanner.scan(fd, from: 0, to: end, firstLineNumber: 1, previousHash: previousHash,
                                     verifyHashes: true) { outcome, number, _, _ in
            if let error = checker.sequence(outcome) {
                problem = JournalProblem(location: JournalLocation(segment: name, line: number), message: error.reason)
                return false
            }
            return true
        }
        return problem
    }
}
