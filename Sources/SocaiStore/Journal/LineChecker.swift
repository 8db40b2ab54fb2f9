import SocaiCore

/// The checks every line must pass, in order: its hash tail, its JSON and attributes, its seq,
/// its chain hash, its journal, its recorded time, its place in a batch.
///
/// Readers stop at the first problem (or answer from the prefix before it); `verify` records it
/// and carries on with the next line, so it can name every damaged line at once.
struct LineChecker {
    let source: String
    let verifyHashes: Bool
    var previousHash: SHA256Digest
    var expectedSeq: Int64
    var lastRecordedTime: Instant?
    var openBatch: BatchMark?

    init(source: String, verifyHashes: Bool, previousHash: SHA256Digest, expectedSeq: Int64) {
        self.source = source
        self.verifyHashes = verifyHashes
        self.previousHash = previousHash
        self.expectedSeq = expectedSeq
    }

    /// Checks one line; on success returns the decoded line and advances.
    mutating func check(_ line: UnsafeRawBufferPointer) -> Result<DecodedLine, LineDecodingError> {
        guard let (body, stored) = JournalLineCodec.splitHash(line) else {
            resynchronise(storedHash: nil)
            return .failure(LineDecodingError("the line does not end with its chain hash (bytes changed, cut or inserted)"))
        }
        let decoded: DecodedLine
        do {
            decoded = try JournalLineCodec.decode(line)
        } catch {
            resynchronise(storedHash: stored)
            return .failure(error)
        }
        let event = decoded.envelope
        var problems: [String] = []
        if event.seq != expectedSeq {
            problems.append("seq is \(event.seq), expected \(expectedSeq) (a line is missing, duplicated or out of order)")
        }
        if verifyHashes && JournalLineCodec.chainHash(previous: previousHash, body: body) != stored {
            problems.append("the chain hash does not match the line's bytes and the line before it")
        }
        if decoded.source != source {
            problems.append("source is \(decoded.source), not this journal's \(source)")
        }
        if let last = lastRecordedTime, event.recordedTime < last {
            problems.append("recordedtime \(event.recordedTime) is earlier than the line before it (\(last))")
        }
        if let open = openBatch {
            if event.batch?.count != open.count || event.batch?.index != open.index + 1 {
                problems.append("batch line \(open) is followed by \(event.batch.map(\.description) ?? "a line outside the batch")")
            }
        } else if let mark = event.batch, mark.index != 1 {
            problems.append("batch line \(mark) does not follow line \(mark.index - 1)/\(mark.count)")
        }
        previousHash = stored
        expectedSeq = event.seq + 1
        lastRecordedTime = event.recordedTime
        openBatch = event.batch.flatMap { $0.index < $0.count ? $0 : nil }
        if !problems.isEmpty { return .failure(LineDecodingError(problems.joined(separator: "; "))) }
        return .success(decoded)
    }

    /// After a bad line, continue as if it had been fine so one damaged line is one problem.
    private mutating func resynchronise(storedHash: SHA256Digest?) {
        if let storedHash { previousHash = storedHash }
        expectedSeq += 1
        openBatch = nil
    }

    /// A batch still open when the segment or journal ends.
    var unfinishedBatch: BatchMark? { openBatch }
}
