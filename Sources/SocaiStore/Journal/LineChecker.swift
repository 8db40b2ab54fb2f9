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
    private(set) var source: String
    /// Whether `source` is already the interned copy the decoder hands out.
    private var sameSourceStorage = false
    let verifyHashes: Bool
    var previousHash: SHA256Digest
    var expectedSeq: Int64
    var lastRecordedTime: Instant?
    var openBatch: BatchMark?
    /// Reading from a seq inside a batch: the first line may continue a batch begun before it.
    var startsInsideBatch = false
    private var decoder = LineAttributeReader()

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
        var problem: LocalizedText?
    }

    /// The checks of one line on its own.
    static func local(_ line: UnsafeRawBufferPointer, previousHash: SHA256Digest, verifyHashes: Bool,
                      decoder: inout LineAttributeReader) -> LocalOutcome {
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
                                problem: DamageText.chainHashMismatch())
        }
        return LocalOutcome(decoded: decoded, stored: stored, problem: nil)
    }

    /// Checks one line (local and sequence checks); on success returns the decoded line and advances.
    mutating func check(_ line: UnsafeRawBufferPointer) -> Result<DecodedLine, LineDecodingError> {
        let outcome = LineChecker.local(line, previousHash: previousHash, verifyHashes: verifyHashes, decoder: &decoder)
        if let problem = sequence(outcome) { return .failure(problem) }
        return .success(outcome.decoded!)
    }

    /// The checks of a line among its neighbours, after its local checks: nil when the line passes
    /// them all (its `decoded` is then the event), else every problem found. Reads the outcome in
    /// place: lines pass through here by the million.
    mutating func sequence(_ outcome: borrowing LocalOutcome) -> LineDecodingError? {
        guard outcome.decoded != nil else {
            resynchronise(storedHash: outcome.stored)
            return LineDecodingError(outcome.problem ?? DamageText.unreadable())
        }
        let seq = outcome.decoded!.seq, recordedTime = outcome.decoded!.recordedTime, batch = outcome.decoded!.batch
        let storedHash = outcome.decoded!.storedHash
        // The common case in a few comparisons; the messages are built only for a line that fails.
        let sameSource = outcome.decoded!.source == source
        let inOrder = lastRecordedTime.map { recordedTime >= $0 } ?? true
        let batchFits: Bool
        if let open = openBatch {
            batchFits = batch?.count == open.count && batch?.index == open.index + 1
        } else {
            batchFits = batch.map { $0.index == 1 || startsInsideBatch } ?? true
        }
        var problems: [LocalizedText] = []
        if seq != expectedSeq || outcome.problem != nil || !sameSource || !inOrder || !batchFits {
            if seq != expectedSeq {
                problems.append(DamageText.seqExpected(["seq": String(seq), "expected": String(expectedSeq)]))
            }
            if let problem = outcome.problem { problems.append(problem) }
            if !sameSource {
                problems.append(DamageText.otherSource(["source": outcome.decoded!.source, "journal": source]))
            }
            if let last = lastRecordedTime, !inOrder {
                problems.append(DamageText.recordedTimeEarlier(["time": recordedTime.description, "last": last.description]))
            }
            if !batchFits, let open = openBatch {
                problems.append(batch.map { DamageText.batchFollowedBy(["mark": open.description, "next": $0.description]) }
                                    ?? DamageText.batchFollowedByOutside(["mark": open.description]))
            } else if !batchFits, let mark = batch {
                problems.append(DamageText.batchDoesNotFollow(["mark": mark.description, "previous": "\(mark.index - 1)/\(mark.count)"]))
            }
        } else if !sameSourceStorage {
            // From now on the journal's source is compared with the line's interned copy, which
            // is the same storage line after line: a pointer comparison instead of the bytes.
            source = outcome.decoded!.source
            sameSourceStorage = true
        }
        startsInsideBatch = false
        previousHash = storedHash
        expectedSeq = seq + 1
        lastRecordedTime = recordedTime
        openBatch = batch.flatMap { $0.index < $0.count ? $0 : nil }
        return problems.isEmpty ? nil : LineDecodingError(problems.joined(separator: "; "))
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
