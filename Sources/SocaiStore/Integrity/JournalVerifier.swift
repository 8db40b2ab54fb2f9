#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// What `socai verify` found: every problem, not only the first.
public struct VerifyReport: Sendable {
    public var events: Int
    public var problems: [JournalProblem]
    /// Not damage: a torn tail or an unfinished batch, which the next writer moves to quarantine.
    public var warnings: [LocalizedText]
    /// Quarantine files beside the segments: bytes earlier recoveries moved aside.
    public var quarantineFiles: [String]
    public var head: JournalHead?

    public var ok: Bool { problems.isEmpty }
}

extension FileJournal {
    /// Checks every line of every segment: hash tail, JSON and attributes, seq, chain hash,
    /// source, recorded time order, batches, duplicate ids, missing segments.
    ///
    /// `progress` is called now and then with the bytes checked so far and the total.
    public func verify(progress: ((Int, Int) -> Void)? = nil) throws(JournalError) -> VerifyReport {
        var report = VerifyReport(events: 0, problems: [], warnings: [], quarantineFiles: try quarantineFiles(), head: nil)
        let all = try FileSystem.list(directory)
        let names = all.filter { SegmentNames.ordinal($0) != nil }
        var expectedOrdinal = 1
        for name in names {
            let ordinal = SegmentNames.ordinal(name)!
            while expectedOrdinal < ordinal {
                let missing = SegmentNames.name(expectedOrdinal)
                report.problems.append(JournalProblem(location: JournalLocation(segment: missing, line: 0),
                                                      message: DamageText.segmentMissing() + SegmentNames.renamedHint(missing, among: all)))
                expectedOrdinal += 1
            }
            expectedOrdinal = ordinal + 1
        }
        if let problem = try missingAfterSeal(names, all: all) { report.problems.append(problem) }
        var totalBytes = 0
        for name in names { totalBytes += (try? FileDescriptor.open(path(name), O_RDONLY).size()) ?? 0 }

        var checker = LineChecker(source: metadata.source, verifyHashes: true, previousHash: genesisHash, expectedSeq: 1)
        var seenIDs: [EventKey: Int64] = [:]
        // One entry per line (about 400 bytes each): reserved once rather than regrown as it fills.
        seenIDs.reserveCapacity(totalBytes / 400)
        var bytesDone = 0
        var lastProgress = 0
        var head: JournalHead?
        /// One checked line: counted, or a problem.
        func tally(_ result: Result<DecodedLine, LineDecodingError>, _ location: JournalLocation) {
            switch result {
            case .failure(let error):
                report.problems.append(JournalProblem(location: location, message: error.reason))
            case .success(let decoded):
                report.events += 1
                let key = decoded.idKey
                if let previous = seenIDs.updateValue(decoded.seq, forKey: key) {
                    seenIDs[key] = previous
                    report.problems.append(JournalProblem(location: location,
                                                          message: DamageText.eventIDUsed(["id": key.eventID.description, "seq": String(previous)])))
                }
                head = JournalHead(seq: decoded.seq, hash: decoded.storedHash, recordedTime: decoded.recordedTime)
            }
        }
        for (index, name) in names.enumerated() {
            let fd = try FileDescriptor.open(path(name), O_RDONLY)
            let size = try fd.size()
            let isLast = index == names.count - 1
            var lines = 0
            let end = try ParallelLineScanner.scan(fd, from: 0, to: size, firstLineNumber: 1, previousHash: checker.previousHash,
                                                   verifyHashes: true) { outcome, number, offset, _ in
                lines = number
                let location = JournalLocation(segment: name, line: number)
                if let error = checker.sequence(outcome) {
                    tally(.failure(error), location)
                } else {
                    tally(.success(outcome.decoded!), location)
                }
                if let progress, bytesDone + offset - lastProgress > 8 << 20 {
                    lastProgress = bytesDone + offset
                    progress(lastProgress, totalBytes)
                }
                return true
            }
            if end < size {
                // The unfinished line is named by its number: the one after the last complete line.
                let location = JournalLocation(segment: name, line: lines + 1)
                let leftover = try fd.read(count: size - end, at: end)
                if let length = leftover.withUnsafeBytes({ JournalLineCodec.completeLineLength(atStartOf: $0) }) {
                    report.problems.append(JournalProblem(location: location,
                                                          message: JournalLineCodec.notTornReason(extraBytes: leftover.count - length)))
                } else if isLast, let whole = FileJournal.wholeLine(leftover) {
                    // Only the newline is missing: the line is checked like any other (MissingNewline).
                    let previousHash = checker.previousHash
                    let result = leftover.withUnsafeBytes { checker.check($0) }
                    tally(result, location)
                    if case .success = result {
                        report.warnings.append(MissingNewline(segment: name, offset: end, byteCount: leftover.count, seq: whole.envelope.seq,
                                                              previousHash: previousHash).notice)
                    }
                } else if isLast {
                    report.warnings.append(TornTail(segment: name, offset: end, byteCount: size - end).notice)
                } else {
                    report.problems.append(JournalProblem(location: location,
                                                          message: DamageText.bytesAfterLastLine(["bytes": String(size - end)])))
                }
            }
            if let open = checker.unfinishedBatch {
                if isLast {
                    report.warnings.append(IncompleteBatch(segment: name, offset: 0, lines: open.index, batchSize: open.count).notice)
                } else {
                    report.problems.append(JournalProblem(location: JournalLocation(segment: name, line: lines),
                                                          message: DamageText.batchLastLineOfSegment(["mark": open.description])))
                }
            }
            bytesDone += size
        }
        report.head = head
        progress?(totalBytes, totalBytes)
        return report
    }
}
