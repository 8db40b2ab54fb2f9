#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// Reads a journal's committed lines from a seq on, and then, each time it is asked again, the
/// lines committed since: `export --format cloudevents-lines --follow`.
///
/// It keeps its place (segment, byte offset, line number) and the state of the line checks
/// (`LineChecker`: the chain hash, seq, source, recorded-time order and batch marks), so each
/// round reads only the new bytes, and every line it hands over has passed the checks a reader's
/// would, its chain hash included (seals are not used: a stream proves each line it sends).
/// Like every reader it takes no lock and stops at the last committed line: a torn write or an
/// unfinished batch is simply not there yet. When the journal rolls over to a new segment it
/// finishes the old one and goes on in the next; a segment shorter than what it already read, or
/// lines that no longer chain, mean the journal was rewritten under it: damage.
public struct JournalFollower {
    public let journal: FileJournal
    /// The first seq handed over (lines before it are checked, not delivered).
    public let fromSeq: Int64
    private var position: LinePosition?
    private var checker: LineChecker?
    /// Notices about the tail (a torn write, an unfinished batch) seen by the first round only:
    /// later ones are usually a writer caught mid-append.
    private var isFirstRound = true

    public init(_ journal: FileJournal, fromSeq: Int64) {
        self.journal = journal
        self.fromSeq = max(1, fromSeq)
    }

    /// What one round did.
    public struct Round: Sendable {
        /// Lines handed to the body.
        public var delivered = 0
        /// Whether the body asked to stop.
        public var stopped = false
        /// Messages for stderr (first round only): a torn tail or an unfinished batch ignored.
        public var notices: [LocalizedText] = []
    }

    /// Hands every line committed since the last round (from `fromSeq`) to `body`, in seq order;
    /// `body` returns false to stop (the next round starts after the last line it was given).
    /// Throws `.damaged` at the first line that fails its checks, naming its segment and line.
    public mutating func readNew(_ body: (JournalRecord) -> Bool) throws(JournalError) -> Round {
        let tail = try journal.tail(verifyHead: false)
        var round = Round()
        if isFirstRound {
            if let torn = tail.tornTail { round.notices.append(torn.notice) }
            if let batch = tail.incompleteBatch { round.notices.append(batch.notice) }
            isFirstRound = false
        }
        if position == nil {
            // Nothing committed yet: start once there is. Starting past the head re-reads the head
            // line only, to chain from it.
            guard tail.head.seq >= 1 else { return round }
            let first = min(fromSeq, tail.head.seq)
            guard let found = try journal.locate(seq: first, segments: tail.segments, committedEnd: tail.committedEnd) else {
                throw .damaged(JournalLocation(segment: tail.segments.last ?? SegmentNames.name(1), line: 0),
                               reason: DamageText.seqNotFound(["seq": String(first)]))
            }
            var start = LineChecker(source: journal.metadata.source, verifyHashes: true, previousHash: found.previousHash,
                                    expectedSeq: first)
            start.startsInsideBatch = first > 1
            position = found
            checker = start
        }
        guard var place = position, var checks = checker else { return round }
        defer {
            position = place
            checker = checks
        }
        guard place.segmentIndex < tail.segments.count else {
            throw .damaged(JournalLocation(segment: SegmentNames.name(place.segmentIndex + 1), line: place.lineNumber),
                           reason: DamageText.segmentGone())
        }
        while place.segmentIndex < tail.segments.count {
            let name = tail.segments[place.segmentIndex]
            let isLast = place.segmentIndex == tail.segments.count - 1
            let fd = try FileDescriptor.open(journal.path(name), O_RDONLY)
            let end = isLast ? tail.committedEnd : try fd.size()
            guard end >= place.offset else {
                throw .damaged(JournalLocation(segment: name, line: place.lineNumber),
                               reason: DamageText.segmentShorter(["end": String(end), "read": String(place.offset)]))
            }
            var damage: JournalProblem?
            let fromSeq = self.fromSeq
            var next = place.lineNumber
            let consumed = try ParallelLineScanner.scan(fd, from: place.offset, to: end, firstLineNumber: place.lineNumber,
                                                        previousHash: checks.previousHash, verifyHashes: true) { outcome, number, _, line in
                if let error = checks.sequence(outcome) {
                    damage = JournalProblem(location: JournalLocation(segment: name, line: number), message: error.reason)
                    return false
                }
                let decoded = outcome.decoded!
                next = number + 1
                guard decoded.seq >= fromSeq else { return true }
                round.delivered += 1
                let record = JournalRecord(decoded: decoded, location: JournalLocation(segment: name, line: number), line: line)
                if !body(record) { round.stopped = true; return false }
                return true
            }
            if let damage { throw .damaged(damage.location, reason: damage.message) }
            place.offset = consumed
            place.lineNumber = next
            if round.stopped || isLast { break }
            // A closed segment must end with a complete line and outside a batch.
            if consumed < end {
                throw .damaged(JournalLocation(segment: name, line: next),
                               reason: DamageText.bytesAfterLastLine(["bytes": String(end - consumed)]))
            }
            if let open = checks.unfinishedBatch {
                throw .damaged(JournalLocation(segment: name, line: next - 1), reason: DamageText.batchLastLineOfSegment(["mark": open.description]))
            }
            place = LinePosition(segmentIndex: place.segmentIndex + 1, offset: 0, lineNumber: 1, previousHash: checks.previousHash)
        }
        return round
    }
}
