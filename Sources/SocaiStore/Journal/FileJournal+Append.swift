#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// What a writer asks of an append besides the events.
public struct AppendOptions: Sendable {
    /// Refuse with `.sequenceConflict` unless the journal's last seq is this (`--expect-seq`).
    public var expectedLastSeq: Int64?
    /// Look for the events' ids in the journal first: an id already there with the same event is
    /// "already recorded", with a different event a conflict (`--event-id` retries).
    public var checkExistingIDs = false

    public init(expectedLastSeq: Int64? = nil, checkExistingIDs: Bool = false) {
        self.expectedLastSeq = expectedLastSeq
        self.checkExistingIDs = checkExistingIDs
    }
}

/// What an append did.
public struct AppendResult: Sendable {
    /// The events written, with the seq and recorded time they were given.
    public var written: [EventEnvelope]
    /// Events whose id was already in the journal with the same content: not written again.
    public var alreadyRecorded: [EventEnvelope]
    /// Crash recovery done before writing (torn bytes moved to quarantine), to show on stderr.
    public var notices: [LocalizedText]
    /// The journal's head after the append.
    public var head: JournalHead
}

/// What an append of `PendingItem`s did, without an envelope per event written: a batch of a
/// million flows is reported by its count and its first and last seq.
public struct AppendSummary: Sendable {
    /// How many events were written, and the seqs of the first and last of them.
    public var writtenCount: Int
    public var firstSeq: Int64
    public var lastSeq: Int64
    /// The id of the event written when there was exactly one.
    public var singleID: EventID?
    /// Events whose id was already in the journal with the same content: not written again.
    public var alreadyRecorded: [EventEnvelope]
    /// Crash recovery done before writing (torn bytes moved to quarantine), to show on stderr.
    public var notices: [LocalizedText]
    /// The journal's head after the append.
    public var head: JournalHead
}

extension FileJournal {
    /// Appends `events` as one all-or-nothing batch and returns only once they are durable:
    /// the bytes fsync'd, and for a new segment its directory entry too.
    public func append(_ events: [PendingEvent], options: AppendOptions = AppendOptions(),
                       now: Instant) throws(JournalError) -> AppendResult {
        let (summary, written, recordedTime) = try appendItems(events.map(PendingItem.event), options: options, now: now)
        let envelopes = written.enumerated().map { offset, item in
            item.event.envelope(seq: summary.firstSeq + Int64(offset), recordedTime: recordedTime,
                                batch: written.count > 1 ? BatchMark(index: offset + 1, count: written.count) : nil)
        }
        return AppendResult(written: envelopes, alreadyRecorded: summary.alreadyRecorded, notices: summary.notices, head: summary.head)
    }

    /// Appends `items` as one all-or-nothing batch, durable on return, like `append(_:options:now:)`,
    /// but reports counts instead of an envelope per event, and encodes a compact flow straight
    /// into the batch's bytes: an import of a million flows builds no envelope and no line array.
    public func append(_ items: [PendingItem], options: AppendOptions = AppendOptions(),
                       now: Instant) throws(JournalError) -> AppendSummary {
        try appendItems(items, options: options, now: now).summary
    }

    /// The append itself: also the items written (repeats and ids already recorded taken out) and
    /// the recorded time they were given.
    private func appendItems(_ items: [PendingItem], options: AppendOptions,
                             now: Instant) throws(JournalError) -> (summary: AppendSummary, written: [PendingItem], recordedTime: Instant) {
        let lock = try FileDescriptor.open(metadataPath, O_RDONLY)
        try lock.lockExclusive(timeoutSeconds: lockTimeoutSeconds)
        defer { lock.unlock() }

        let (tail, notices) = try prepareTail(options: options, now: now)
        var pending = items
        var already: [EventEnvelope] = []
        if options.checkExistingIDs && !pending.isEmpty {
            let existing = try findEvents(withIDs: Set(pending.map { $0.idKey.eventID }), segments: tail.segments)
            var fresh: [PendingItem] = []
            for item in pending {
                let event = item.event
                guard let stored = existing[event.id] else { fresh.append(item); continue }
                guard stored.matches(event) else { throw .eventIDInUse(event.id, seq: stored.seq) }
                already.append(stored)
            }
            pending = fresh
        }
        let (unique, repeated) = try pending.withoutRepeatedIDs(firstSeq: tail.head.seq + 1)
        pending = []
        // Recorded time never decreases along seq, whatever the clock says.
        let recordedTime = max(now, tail.head.recordedTime ?? now)
        guard !unique.isEmpty else {
            return (AppendSummary(writtenCount: 0, firstSeq: tail.head.seq, lastSeq: tail.head.seq, singleID: nil,
                                  alreadyRecorded: already, notices: notices, head: tail.head), [], recordedTime)
        }
        let head = try writeEncoded(unique, after: tail, recordedTime: recordedTime)
        let firstSeq = tail.head.seq + 1
        for index in repeated {
            already.append(unique[index].event.envelope(seq: firstSeq + Int64(index), recordedTime: recordedTime,
                                                        batch: unique.count > 1 ? BatchMark(index: index + 1, count: unique.count) : nil))
        }
        let summary = AppendSummary(writtenCount: unique.count, firstSeq: firstSeq, lastSeq: head.seq,
                                    singleID: unique.count == 1 ? unique[0].event.id : nil, alreadyRecorded: already, notices: notices,
                                    head: head)
        return (summary, unique, recordedTime)
    }

    /// Encodes `items` after the tail's head (seq, chain hash, batch marks), reads every line back,
    /// and writes them with one fsync; returns the new head.
    private func writeEncoded(_ items: [PendingItem], after tail: TailState, recordedTime: Instant) throws(JournalError) -> JournalHead {
        let constants = JournalLineCodec.LineConstants(source: metadata.source, recordedTime: recordedTime)
        // Room for lines of 512 bytes (a flow's is ~470): untouched pages of a large reservation
        // cost no memory, and the buffer is not copied as it grows.
        var w = JSONWriter(reservingCapacity: items.count * 512)
        var hash = tail.head.hash
        var reader = LineAttributeReader()
        for (offset, item) in items.enumerated() {
            let batch = items.count > 1 ? BatchMark(index: offset + 1, count: items.count) : nil
            let seq = tail.head.seq + Int64(offset) + 1
            let start = w.bytes.count
            switch item {
            case .flow(let flow) where flow.flow.printed.isEmpty:
                hash = JournalLineCodec.encode(flow, seq: seq, batch: batch, source: constants, previousHash: hash, into: &w)
                try JournalLineCodec.checkRoundTrip(w.bytes, start..<(w.bytes.count - 1), of: flow.line(seq: seq, recordedTime: recordedTime, batch: batch),
                                                    reader: &reader)
            default:
                let envelope = item.event.envelope(seq: seq, recordedTime: recordedTime, batch: batch)
                hash = JournalLineCodec.encode(envelope, source: constants, previousHash: hash, into: &w)
                try JournalLineCodec.checkRoundTrip(Array(w.bytes[start...]), of: envelope)
            }
        }
        try write(w.bytes, after: tail)
        return JournalHead(seq: tail.head.seq + Int64(items.count), hash: hash, recordedTime: recordedTime)
    }

    /// Under the lock: the tail checked and recovered, the clock and `expectedLastSeq` checked.
    private func prepareTail(options: AppendOptions, now: Instant) throws(JournalError) -> (TailState, [LocalizedText]) {
        var tail = try tail(verifyHead: true)
        var notices: [LocalizedText] = []
        if tail.needsRecovery {
            notices.append(try quarantine(&tail, now: now))
        }
        if let missing = tail.missingNewline {
            notices.append(try restoreNewline(missing, in: &tail))
        }
        if let last = tail.head.recordedTime, last.millisecondsSinceEpoch - now.millisecondsSinceEpoch > Self.clockToleranceMilliseconds {
            notices.append(Self.clockBehind(last: last, now: now))
        }
        if let expected = options.expectedLastSeq, expected != tail.head.seq {
            throw .sequenceConflict(expected: expected, actual: tail.head.seq)
        }
        return (tail, notices)
    }

    /// Writes `bytes` at the end of the last segment, or of a new one when it would pass the size
    /// limit; on any failure the segment is cut back so no partial line remains.
    private func write(_ bytes: [UInt8], after tail: TailState) throws(JournalError) {
        let lastName = tail.segments.last
        let startsNewSegment = lastName == nil
            || (tail.committedEnd > 0 && tail.committedEnd + bytes.count > metadata.segmentBytes)
        let name = startsNewSegment ? SegmentNames.name(tail.segments.count + 1) : lastName!
        let segmentPath = path(name)
        let flags = startsNewSegment ? (O_WRONLY | O_CREAT | O_EXCL | O_APPEND) : (O_WRONLY | O_APPEND)
        let fd = try FileDescriptor.open(segmentPath, flags)
        let sizeBefore = startsNewSegment ? 0 : tail.committedEnd
        // The new segment exists (durably) before the closing one is sealed: a seal on the last
        // segment then always means a later segment existed, which is how readers notice one that
        // was removed or renamed (`missingAfterSeal`). Undone together on any failure.
        let closing = startsNewSegment ? lastName : nil
        func undoNewSegment() {
            FileSystem.remove(segmentPath)
            if let closing { FileSystem.remove(sealPath(closing)) }
            try? FileDescriptor.syncDirectory(directory)
        }
        if let closing {
            do {
                try FileDescriptor.syncDirectory(directory)
                if !FileSystem.exists(sealPath(closing)) { try sealClosingSegment(closing, tail: tail) }
            } catch {
                undoNewSegment()
                throw error
            }
        }
        do {
            try fd.writeAll(bytes)
            try fd.sync()
            // A new segment's directory entry must be durable too; so must that of an empty segment
            // a crashed writer created but never synced (or whose torn bytes were just quarantined).
            if startsNewSegment || sizeBefore == 0 { try FileDescriptor.syncDirectory(directory) }
        } catch {
            // Leave no partial line behind: cut back what was written, or remove the new segment.
            if startsNewSegment {
                undoNewSegment()
            } else {
                try? fd.truncate(to: sizeBefore)
                try? fd.sync()
            }
            throw error
        }
    }

    /// Seals the segment the journal is rolling over from: its whole chain checked from the hash
    /// stored on the line before it.
    private func sealClosingSegment(_ segment: String, tail: TailState) throws(JournalError) {
        guard let index = tail.segments.firstIndex(of: segment), let first = try firstSeq(of: segment) else { return }
        var previous = genesisHash
        if index > 0 {
            let before = try FileDescriptor.open(path(tail.segments[index - 1]), O_RDONLY)
            if let (_, bytes) = try BackwardLineReader.line(endingAt: try before.size(), in: before),
               let stored = bytes.withUnsafeBytes({ JournalLineCodec.splitHash($0)?.stored }) {
                previous = stored
            }
        }
        try seal(segment, previousHash: previous, firstSeq: first)
    }

    /// How far the journal's last recorded time may be ahead of the clock before a writer warns.
    static let clockToleranceMilliseconds: Int64 = 60_000

    /// Recorded time never decreases along seq, so a journal stamped once by a clock that had
    /// jumped ahead stamps every later event with that time: say so rather than do it silently.
    static func clockBehind(last: Instant, now: Instant) -> LocalizedText {
        let minutes = (last.millisecondsSinceEpoch - now.millisecondsSinceEpoch) / 60_000
        let span = minutes >= 2 * 24 * 60 ? "\(minutes / (24 * 60)) days" : minutes >= 120 ? "\(minutes / 60) hours" : "\(minutes) minutes"
        let spanVi = minutes >= 2 * 24 * 60 ? "\(minutes / (24 * 60)) ngày" : minutes >= 120 ? "\(minutes / 60) giờ" : "\(minutes) phút"
        return LocalizedText(
            en: "the journal's last recorded time (\(last.rfc3339)) is \(span) ahead of this computer's clock (\(now.rfc3339)); "
                + "new events are stamped \(last.rfc3339) to keep recorded times in order; check the clock of the computer that recorded it",
            vi: "thời điểm ghi cuối cùng của sổ (\(LocalizedText.instant(last).vi)) đi trước đồng hồ máy này (\(LocalizedText.instant(now).vi)) \(spanVi); "
                + "sự kiện mới được ghi thời điểm \(LocalizedText.instant(last).vi) để giữ đúng thứ tự; hãy kiểm tra đồng hồ của máy đã ghi")
    }

    /// Adds back the `\n` the last line lost (see `MissingNewline`), durably, before anything is
    /// appended after it.
    private func restoreNewline(_ missing: MissingNewline, in tail: inout TailState) throws(JournalError) -> LocalizedText {
        let fd = try FileDescriptor.open(path(missing.segment), O_WRONLY | O_APPEND)
        try fd.writeAll([0x0A])
        try fd.sync()
        tail.committedEnd += 1
        tail.lastSegmentSize += 1
        tail.missingNewline = nil
        return LocalizedText(
            en: "the last line of \(missing.segment) (seq \(missing.seq)) had lost its final newline (an editor?); added it back, nothing else changed",
            vi: "dòng cuối của \(missing.segment) (số \(missing.seq)) bị mất ký tự xuống dòng (do trình soạn thảo?); đã thêm lại, không thay đổi gì khác")
    }

    /// Moves the bytes after the last committed line into a quarantine file beside the segment,
    /// then cuts the segment back. Never discards them.
    private func quarantine(_ tail: inout TailState, now: Instant) throws(JournalError) -> LocalizedText {
        let name = tail.segments.last!
        let segmentPath = path(name)
        let fd = try FileDescriptor.open(segmentPath, O_RDWR)
        let size = try fd.size()
        let bytes = try fd.read(count: size - tail.committedEnd, at: tail.committedEnd)
        let stamp = now.rfc3339.filter { $0.isNumber } + "-\(getpid())"
        // Two recoveries by one process in one millisecond (or a reused pid under a fixed clock)
        // must not collide: the second gets a numbered name instead of failing with EEXIST.
        var quarantineName = SegmentNames.quarantine(segment: name, stamp: stamp)
        var attempt = 1
        while true {
            do {
                try FileSystem.createFile(path(quarantineName), contents: bytes)
                break
            } catch .io(_, _, let code) where code == EEXIST && attempt < 1000 {
                attempt += 1
                quarantineName = SegmentNames.quarantine(segment: name, stamp: stamp + "-\(attempt)")
            }
        }
        try fd.truncate(to: tail.committedEnd)
        try fd.sync()
        let what = tail.incompleteBatch.map { "\($0.lines) lines of an unfinished batch of \($0.batchSize)" }
            ?? "an unfinished line"
        tail.lastSegmentSize = tail.committedEnd
        tail.tornTail = nil
        tail.incompleteBatch = nil
        return LocalizedText(
            en: "recovered from an interrupted write: moved \(bytes.count) bytes (\(what)) from \(name) to \(quarantineName)",
            vi: "khôi phục sau lần ghi bị gián đoạn: đã chuyển \(LocalizedText.count(bytes.count).vi) byte từ \(name) sang tệp cách ly \(quarantineName)")
    }

    /// The stored events with these ids. Lines are written with the id at a fixed offset, so this
    /// scans bytes without decoding every line.
    func findEvents(withIDs ids: Set<EventID>, segments: [String]) throws(JournalError) -> [EventID: EventEnvelope] {
        let wanted = Set(ids.map { Array($0.rawValue.utf8) })
        let idOffset = Array(#"{"specversion":"1.0","id":""#.utf8).count
        var found: [EventID: EventEnvelope] = [:]
        for name in segments {
            let fd = try FileDescriptor.open(path(name), O_RDONLY)
            var failure: JournalError?
            try ForwardLineReader.forEachLine(fd, to: try fd.size()) { line, number, _ in
                guard line.count > idOffset + 36 else { return true }
                let candidate = Array(UnsafeRawBufferPointer(rebasing: line[idOffset..<(idOffset + 36)]))
                guard wanted.contains(candidate) else { return true }
                switch Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(line) }) {
                case .success(let decoded):
                    found[decoded.envelope.id] = decoded.envelope
                case .failure(let error):
                    failure = .damaged(JournalLocation(segment: name, line: number), reason: error.reason)
                    return false
                }
                return true
            }
            if let failure { throw failure }
        }
        return found
    }
}

extension EventEnvelope {
    /// Whether a retried event is the same fact as the stored one (recording details aside: the
    /// one rule, `statesSameFact`, that also makes an id found in two journals one event).
    public func matches(_ pending: PendingEvent) -> Bool {
        statesSameFact(as: pending.envelope(seq: seq, recordedTime: recordedTime, batch: batch))
    }
}
