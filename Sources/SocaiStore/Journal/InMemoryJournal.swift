import SocaiCore
import Synchronization

/// A journal in memory, with the same line format, hash chain and contract as `FileJournal`:
/// for tests of everything above the store, and to prove the contract is the format's, not the
/// file system's.
public final class InMemoryJournal: EventJournal {
    private struct State {
        var lines: [[UInt8]] = []
        var head: JournalHead
    }

    public let id: String
    public let source: String
    private let state: Mutex<State>

    public init(id: String = "00000000-0000-7000-8000-000000000000") {
        self.id = id
        self.source = "urn:socai:journal:" + id
        self.state = Mutex(State(head: JournalHead(seq: 0, hash: JournalLineCodec.genesisHash(journalID: id), recordedTime: nil)))
    }

    @discardableResult
    public func read(_ options: ReadOptions, _ body: (JournalRecord) -> Bool) throws(JournalError) -> ReadReport {
        let (lines, head) = state.withLock { ($0.lines, $0.head) }
        var checker = LineChecker(source: source, verifyHashes: options.verifyHashes,
                                  previousHash: JournalLineCodec.genesisHash(journalID: id), expectedSeq: 1)
        var report = ReadReport(head: head, eventsRead: 0, tornTail: nil, incompleteBatch: nil, damage: nil)
        var lastGood: JournalHead?
        for (index, line) in lines.enumerated() {
            let location = JournalLocation(segment: "memory", line: index + 1)
            let keepGoing: Bool = line.withUnsafeBytes { buffer in
                let bytes = UnsafeRawBufferPointer(rebasing: buffer.dropLast())
                switch checker.check(bytes) {
                case .failure(let error):
                    report.damage = JournalProblem(location: location, message: error.reason)
                    return false
                case .success(let decoded):
                    lastGood = JournalHead(seq: decoded.seq, hash: decoded.storedHash, recordedTime: decoded.recordedTime)
                    guard decoded.seq >= options.fromSeq else { return true }
                    report.eventsRead += 1
                    return body(JournalRecord(decoded: decoded, location: location, line: bytes))
                }
            }
            if !keepGoing { break }
        }
        if let damage = report.damage {
            guard options.allowDamaged else { throw .damaged(damage.location, reason: damage.message) }
            // As FileJournal: the head is the last intact event, which is what a reader answered from.
            report.head = lastGood ?? JournalHead(seq: 0, hash: JournalLineCodec.genesisHash(journalID: id), recordedTime: nil)
        }
        return report
    }

    public func append(_ events: [PendingEvent], options: AppendOptions, now: Instant) throws(JournalError) -> AppendResult {
        let source = self.source
        let result: Result<AppendResult, JournalError> = state.withLock { state in
            if let expected = options.expectedLastSeq, expected != state.head.seq {
                return .failure(.sequenceConflict(expected: expected, actual: state.head.seq))
            }
            var pending = events
            var already: [EventEnvelope] = []
            if options.checkExistingIDs {
                var stored: [EventID: EventEnvelope] = [:]
                let wanted = Set(events.map(\.id))
                for line in state.lines {
                    let decoded = line.withUnsafeBytes { buffer in
                        try? JournalLineCodec.decode(UnsafeRawBufferPointer(rebasing: buffer.dropLast()))
                    }
                    if let envelope = decoded?.envelope, wanted.contains(envelope.id) { stored[envelope.id] = envelope }
                }
                var fresh: [PendingEvent] = []
                for event in pending {
                    guard let existing = stored[event.id] else { fresh.append(event); continue }
                    guard existing.matches(event) else { return .failure(.eventIDInUse(event.id, seq: existing.seq)) }
                    already.append(existing)
                }
                pending = fresh
            }
            let repeated: [EventID]
            switch Result(catching: { () throws(JournalError) in try pending.withoutRepeatedIDs(firstSeq: state.head.seq + 1) }) {
            case .success(let split): (pending, repeated) = split
            case .failure(let error): return .failure(error)
            }
            guard !pending.isEmpty else {
                return .success(AppendResult(written: [], alreadyRecorded: already, notices: [], head: state.head))
            }
            let recordedTime = max(now, state.head.recordedTime ?? now)
            var hash = state.head.hash
            var lines: [[UInt8]] = []
            var written: [EventEnvelope] = []
            for (offset, event) in pending.enumerated() {
                let batch = pending.count > 1 ? BatchMark(index: offset + 1, count: pending.count) : nil
                let envelope = event.envelope(seq: state.head.seq + Int64(offset) + 1, recordedTime: recordedTime, batch: batch)
                let (line, lineHash) = JournalLineCodec.encode(envelope, source: source, previousHash: hash)
                if case .failure(let error) = Result(catching: { () throws(JournalError) in try JournalLineCodec.checkRoundTrip(line, of: envelope) }) { return .failure(error) }
                lines.append(line)
                written.append(envelope)
                hash = lineHash
            }
            state.lines += lines
            state.head = JournalHead(seq: written.last!.seq, hash: hash, recordedTime: recordedTime)
            already += repeated.compactMap { id in written.first { $0.id == id } }
            return .success(AppendResult(written: written, alreadyRecorded: already, notices: [], head: state.head))
        }
        return try result.get()
    }

    /// Replaces one stored line's bytes: for tests of damage detection.
    public func tamper(line: Int, _ change: (inout [UInt8]) -> Void) {
        state.withLock { change(&$0.lines[line - 1]) }
    }
}
