import SocaiCore

/// The checks every line must pass: its hash tail, its JSON and attributes and its chain hash
/// (`local`: the line alone, given the hash stored on the line before it), then its seq, its
/// journal, its recorded time and its place in a batch (`sequence`: the line among its neighbours).
///
/// The local checks are independent from line to line, so a reader runs them on both cores
/// (`ParallelLineScanner`); the sequence checks are cheap and run in order. Readers stop at the
/// first problem (or answer from the prefix before it); `verify` records it and carries on with
/// the next line, so it can name every damaged line at once.
struct LineChecker {
    let source: String
    let verifyHashes: Bool
    var previousHash: SHA256Digest
    var expectedSeq: Int64
    var lastRecordedTime: Instant?
    var openBatch: BatchMark?
    /// Reading from a seq inside a batch: the first line may continue a batch begun before it.
    var startsInsideBatch = false
    private var decoder = FastLineDecoder()

    init(source: String, verifyHashes: Bool, previousHash: SHA256Digest, expectedSeq: Int64) {
        self.source = source
        self.verifyHashes = verifyHashes
        self.previousHash = previousHash
        self.expectedSeq = expectedSeq
    }

    /// What the local checks found about one line.
    struct LocalOutcome {
        var decoded: DecodedLine?
        var stored: SHA256Digest?
        var problem: String?
    }

    /// The checks of one line on its own.
    static func local(_ line: UnsafeRawBufferPointer, previousHash: SHA256Digest, verifyHashes: Bool,
                      decoder: inout FastLineDecoder) -> LocalOutcome {
        guard let (body, stored) = JournalLineCodec.splitHash(line) else {
            return LocalOutcome(decoded: nil, stored: nil, problem: JournalLineCodec.missingHashReason(line))
        }
        let decoded: DecodedLine
        do {
            decoded = try decoder.decode(line, storedHash: stored)
        } catch {
            return LocalOutcome(decoded: nil, stored: stored, problem: error.reason)
        }
        if verifyHashes && JournalLineCodec.chainHash(previous: previousHash, body: body) != stored {
            return LocalOutcome(decoded: decoded, stored: stored,
                                problem: "the chain hash does not match the line's bytes and the line before it")
        }
        return LocalOutcome(decoded: decoded, stored: stored, problem: nil)
    }

    /// Checks one line (local and sequence checks); on success returns the decoded line and advances.
    mutating func check(_ line: UnsafeRawBufferPointer) -> Result<DecodedLine, LineDecodingError> {
        let outcome = LineChecker.local(line, previousHash: previousHash, verifyHashes: verifyHashes, decoder: &decoder)
        return sequence(outcome)
    }

    /// The checks of a line among its neighbours, after its local checks.
    mutating func sequence(_ outcome: LocalOutcome) -> Result<DecodedLine, LineDecodingError> {
        guard let decoded = outcome.decoded else {
            resynchronise(storedHash: outcome.stored)
            return .failure(LineDecodingError(outcome.problem ?? "unreadable"))
        }
        let seq = decoded.seq, recordedTime = decoded.recordedTime, batch = decoded.batch
        var problems: [String] = []
        if seq != expectedSeq {
            problems.append("seq is \(seq), expected \(expectedSeq) (a line is missing, duplicated or out of order)")
        }
        if let problem = outcome.problem { problems.append(problem) }
        if decoded.source != source {
            problems.append("source is \(decoded.source), not this journal's \(source)")
        }
        if let last = lastRecordedTime, recordedTime < last {
            problems.append("recordedtime \(recordedTime) is earlier than the line before it (\(last))")
        }
        if let open = openBatch {
            if batch?.count != open.count || batch?.index != open.index + 1 {
                problems.append("batch line \(open) is followed by \(batch.map(\.description) ?? "a line outside the batch")")
            }
        } else if let mark = batch, mark.index != 1, !startsInsideBatch {
            problems.append("batch line \(mark) does not follow line \(mark.index - 1)/\(mark.count)")
        }
        startsInsideBatch = false
        previousHash = decoded.storedHash
        expectedSeq = seq + 1
        lastRecordedTime = recordedTime
        openBatch = batch.flatMap { $0.index < $0.count ? $0 : nil }
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
