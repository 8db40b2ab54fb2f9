#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// One journal line ↔ one event: CloudEvents 1.0 in JSON, socai's extension attributes, and the
/// chain hash as the last attribute.
///
/// The hash covers the exact bytes of the line before `,"chainhash":"` together with the previous
/// line's chain hash, so every byte of every line, the last line included, is covered without ever
/// re-serialising anything: a verifier hashes bytes it read, not bytes it rebuilt.
public enum JournalLineCodec {
    /// `,"chainhash":"` + 64 hex digits + `"}`: the fixed tail of every line (without its `\n`).
    static let hashSuffixPrefix = Array(#","chainhash":""#.utf8)
    static let hashTailLength = hashSuffixPrefix.count + 64 + 2
    /// The largest seq a line may carry (2^53 − 1, exact in every JSON reader). Readers compute the
    /// next expected seq as seq + 1: a line claiming Int64.max crashed every reader before this bound.
    static let maxSeq: Int64 = (1 << 53) - 1

    /// The hash the first line chains from: binds a journal's lines to its id.
    public static func genesisHash(journalID: String) -> SHA256Digest {
        SHA256.hash(Array(("socai-journal:" + journalID).utf8))
    }

    /// The line for `event` (with its trailing `\n`) and its chain hash.
    public static func encode(_ event: EventEnvelope, source: String, previousHash: SHA256Digest) -> (line: [UInt8], hash: SHA256Digest) {
        var w = JSONWriter(reservingCapacity: 512)
        let hash = encode(event, source: LineConstants(source: source, recordedTime: event.recordedTime), previousHash: previousHash, into: &w)
        return (w.bytes, hash)
    }

    /// Appends the line for `event` (with its `\n`) to `w`; returns its chain hash.
    static func encode(_ event: EventEnvelope, source: LineConstants, previousHash: SHA256Digest,
                       into w: inout JSONWriter) -> SHA256Digest {
        let start = w.bytes.count
        writeAttributes(&w, id: { $0.writeString(event.id.rawValue) }, source: source, type: event.type, subject: event.subject,
                        date: event.effectiveDate, seq: event.seq, recordedTime: event.recordedTime, recordedBy: event.recordedBy,
                        sourceDocument: event.sourceDocument, batch: event.batch, origin: event.origin)
        w.write(.object(event.payload.data))
        return finishLine(&w, from: start, previousHash: previousHash)
    }

    /// Appends the line for a compact flow: the same attributes in the same order as any event's
    /// (`writeAttributes`), and its `data` as `EventPayload.data` writes a flow without printed
    /// percentages: `{"count":N}`, then `"reason"` for a departure and `"since"` when given.
    static func encode(_ flow: PendingFlow, seq: Int64, batch: BatchMark?, source: LineConstants, previousHash: SHA256Digest,
                       into w: inout JSONWriter) -> SHA256Digest {
        precondition(flow.flow.printed.isEmpty, "a flow with printed percentages is encoded as an event")
        let start = w.bytes.count
        writeAttributes(&w, id: { $0.writeUUID(flow.id.high, flow.id.low) }, source: source, type: flow.flow.kind.eventType,
                        subject: flow.subject, date: flow.effectiveDate, seq: seq, recordedTime: source.recordedTime,
                        recordedBy: flow.recordedBy, sourceDocument: flow.sourceDocument, batch: batch, origin: nil)
        w.writeRaw(#"{"count":"#.utf8)
        w.writeInteger(Int64(flow.flow.count))
        if let reason = flow.flow.kind.reason {
            w.writeRaw(#","reason":"#.utf8)
            w.writeString(reason)
        }
        if let since = flow.flow.since {
            w.writeRaw(#","since":""#.utf8)
            w.writeISODate(year: since.year, month: since.month, day: since.day)
            w.writeRaw(CollectionOfOne(0x22))
        }
        w.writeRaw(CollectionOfOne(0x7D))
        return finishLine(&w, from: start, previousHash: previousHash)
    }

    /// What every line of one append shares, encoded once: the journal's `source` and the recorded
    /// time as JSON strings, and the type names.
    struct LineConstants {
        var source: [UInt8]
        var recordedTime: Instant
        var recordedTimeToken: [UInt8]

        init(source: String, recordedTime: Instant) {
            var w = JSONWriter(reservingCapacity: 96)
            w.writeString(source)
            self.source = w.bytes
            self.recordedTime = recordedTime
            var t = JSONWriter(reservingCapacity: 32)
            t.writeString(recordedTime.rfc3339)
            recordedTimeToken = t.bytes
        }
    }

    /// Every attribute before `data`, in the order socai writes them (docs/JOURNAL.md), up to
    /// and including `"data":`.
    @inline(__always)
    private static func writeAttributes(_ w: inout JSONWriter, id: (inout JSONWriter) -> Void, source: LineConstants, type: EventType,
                                        subject: UnitID, date: CalendarDate, seq: Int64, recordedTime: Instant, recordedBy: String,
                                        sourceDocument: String?, batch: BatchMark?, origin: EventOrigin?) {
        w.writeRaw(#"{"specversion":"1.0","id":"#.utf8)
        id(&w)
        w.writeRaw(#","source":"#.utf8)
        w.writeRaw(source.source)
        w.writeRaw(#","type":"#.utf8)
        w.writeString(type.rawValue)
        w.writeRaw(#","subject":"#.utf8)
        w.writeString(subject.rawValue)
        w.writeRaw(#","time":""#.utf8)
        w.writeISODate(year: date.year, month: date.month, day: date.day)
        w.writeRaw(#"T00:00:00+07:00","datacontenttype":"application/json","seq":"#.utf8)
        w.writeInteger(seq)
        w.writeRaw(#","recordedtime":"#.utf8)
        if recordedTime == source.recordedTime { w.writeRaw(source.recordedTimeToken) } else { w.writeString(recordedTime.rfc3339) }
        w.writeRaw(#","recordedby":"#.utf8)
        w.writeString(recordedBy)
        if let document = sourceDocument {
            w.writeRaw(#","sourcedoc":"#.utf8)
            w.writeString(document)
        }
        if let batch {
            w.writeRaw(#","batch":""#.utf8)
            w.writeInteger(Int64(batch.index))
            w.writeRaw(CollectionOfOne(0x2F))
            w.writeInteger(Int64(batch.count))
            w.writeRaw(CollectionOfOne(0x22))
        }
        if let origin {
            w.writeRaw(#","originsource":"#.utf8)
            w.writeString(origin.source)
            w.writeRaw(#","originseq":"#.utf8)
            w.writeInteger(origin.seq)
            w.writeRaw(#","origintime":"#.utf8)
            w.writeString(origin.recordedTime.rfc3339)
        }
        w.writeRaw(#","data":"#.utf8)
    }

    /// Hashes the body written since `start` where it lies, then appends the hash tail and `\n`.
    private static func finishLine(_ w: inout JSONWriter, from start: Int, previousHash: SHA256Digest) -> SHA256Digest {
        let hash = w.bytes.withUnsafeBytes { chainHash(previous: previousHash, body: UnsafeRawBufferPointer(rebasing: $0[start...])) }
        w.writeRaw(hashSuffixPrefix)
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 1) { hex in
            hash.writeHex(into: hex)
            w.writeRaw(UnsafeRawBufferPointer(hex))
        }
        w.writeRaw(#""}"#.utf8)
        w.writeRaw(CollectionOfOne(0x0A))
        return hash
    }

    /// Reads back a line just encoded: a line its own reader would reject must never be written.
    static func checkRoundTrip(_ line: [UInt8], of envelope: EventEnvelope) throws(JournalError) {
        let decoded = line.withUnsafeBytes { buffer in
            Result(catching: { () throws(LineDecodingError) in try decode(UnsafeRawBufferPointer(rebasing: buffer.dropLast())) })
        }
        switch decoded {
        case .success(let read) where read.envelope == envelope:
            return
        case .success:
            throw .damaged(JournalLocation(segment: "(new event)", line: 0), reason: DamageText.encodedReadsBackDifferently())
        case .failure(let error):
            throw .damaged(JournalLocation(segment: "(new event)", line: 0), reason: DamageText.encodedDoesNotReadBack(["reason": error.reason]))
        }
    }

    /// Reads back a flow's line just encoded (`bytes[range]`, without its `\n`) with the readers'
    /// own grammar (one `reader` for the whole batch, so repeated strings are interned once), and
    /// compares it with the flow as the fold would read it.
    static func checkRoundTrip(_ bytes: [UInt8], _ range: Range<Int>, of expected: FlowLine,
                               reader: inout LineAttributeReader) throws(JournalError) {
        let decoded = bytes.withUnsafeBytes { buffer in
            Result(catching: { () throws(LineDecodingError) in
                let line = UnsafeRawBufferPointer(rebasing: buffer[range])
                guard let (_, stored) = splitHash(line) else { throw LineDecodingError(missingHashReason(line)) }
                return try reader.decode(line, storedHash: stored)
            })
        }
        switch decoded {
        case .success(let read) where read.flowLine.map { $0 == expected } ?? (read.envelope == expected.envelope):
            return
        case .success:
            throw .damaged(JournalLocation(segment: "(new event)", line: 0), reason: DamageText.encodedReadsBackDifferently())
        case .failure(let error):
            throw .damaged(JournalLocation(segment: "(new event)", line: 0), reason: DamageText.encodedDoesNotReadBack(["reason": error.reason]))
        }
    }

    /// SHA-256 of the previous hash in hex followed by the line's body.
    ///
    /// Runs once per line on every read, so it allocates nothing: the previous digest's hex is
    /// written into a 64-byte stack buffer, and the body is hashed where it lies.
    public static func chainHash(previous: SHA256Digest, body: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 1) { hex in
            previous.writeHex(into: hex)
            hasher.update(UnsafeRawBufferPointer(hex))
        }
        hasher.update(body)
        return hasher.finalize()
    }

    public static func chainHash(previous: SHA256Digest, body: [UInt8]) -> SHA256Digest {
        body.withUnsafeBytes { chainHash(previous: previous, body: $0) }
    }

    /// Splits a line (without `\n`) into its hashed body and its stored hash, or nil when the line
    /// does not end with `,"chainhash":"` + 64 lowercase hex digits + `"}`. Reads the bytes in
    /// place: no String is built.
    public static func splitHash(_ line: UnsafeRawBufferPointer) -> (body: UnsafeRawBufferPointer, stored: SHA256Digest)? {
        let n = line.count
        guard n > hashTailLength, line[n - 1] == 0x7D, line[n - 2] == 0x22 else { return nil }
        let prefixStart = n - hashTailLength
        let prefixMatches = hashSuffixPrefix.withUnsafeBytes { expected in
            ByteCursor.equal(line.baseAddress! + prefixStart, expected.baseAddress!, expected.count)
        }
        guard prefixMatches else { return nil }
        let hexStart = prefixStart + hashSuffixPrefix.count
        guard let digest = SHA256Digest(lowercaseHex: UnsafeRawBufferPointer(rebasing: line[hexStart..<(hexStart + 64)])) else {
            return nil
        }
        return (UnsafeRawBufferPointer(rebasing: line[0..<prefixStart]), digest)
    }

    /// When `bytes` (what follows the last `\n` of a segment) begin with a complete, decodable line
    /// and go on past it, that line's length; otherwise nil.
    ///
    /// A torn write is a prefix of what the writer wrote, and the writer always puts `\n` right
    /// after a line's `"}`. So a whole line followed by anything but its `\n` is not a crash's
    /// leftover but a changed or inserted byte: damage to an acknowledged line, which must be
    /// reported, never moved to quarantine as if it had never been written.
    static func completeLineLength(atStartOf bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count > hashTailLength + 1 else { return nil }
        var end = hashTailLength + 1
        while end < bytes.count {
            // Only where the fixed tail could end: `"}` preceded by the hash attribute.
            if bytes[end - 1] == 0x7D, bytes[end - 2] == 0x22 {
                let candidate = UnsafeRawBufferPointer(rebasing: bytes[0..<end])
                if splitHash(candidate) != nil, (try? decode(candidate)) != nil { return end }
            }
            end += 1
        }
        return nil
    }

    /// Why a line lacks the hash tail, with the cause when its shape gives it away: an empty line
    /// (a blank line an editor or a script added) or a carriage return (saved with Windows line
    /// endings) is fixed by removing those bytes, which a clerk can do; anything else is a change.
    static func missingHashReason(_ line: UnsafeRawBufferPointer) -> LocalizedText {
        if line.isEmpty { return DamageText.lineEmpty() }
        if line[line.count - 1] == 0x0D { return DamageText.carriageReturn() }
        return DamageText.noChainHash()
    }

    static func notTornReason(extraBytes: Int) -> LocalizedText {
        (extraBytes == 1 ? DamageText.notTornOne : DamageText.notTornMany)(["bytes": String(extraBytes)])
    }

    /// Decodes a line (without `\n`) into its event, checking every CloudEvents attribute socai writes
    /// (with `LineAttributeReader`, the one reader of a line's attributes).
    public static func decode(_ line: UnsafeRawBufferPointer) throws(LineDecodingError) -> DecodedLine {
        guard let (_, stored) = splitHash(line) else {
            throw LineDecodingError(missingHashReason(line))
        }
        var reader = LineAttributeReader()
        return try reader.decode(line, storedHash: stored)
    }
}

/// A decoded line: the event, the journal `source` it names, and the chain hash it stores.
public struct DecodedLine: Sendable {
    /// A flow stays compact until someone needs its envelope: readers that fold flows never do.
    enum Event: Sendable {
        // Boxed: an envelope is large, and most lines are flows, so lines move between threads as flow-sized values.
        indirect case envelope(EventEnvelope)
        case flow(FlowLine)
    }

    var event: Event
    public var source: String
    public var storedHash: SHA256Digest

    init(envelope: EventEnvelope, source: String, storedHash: SHA256Digest) {
        self.event = .envelope(envelope)
        self.source = source
        self.storedHash = storedHash
    }

    init(flow: FlowLine, source: String, storedHash: SHA256Digest) {
        self.event = .flow(flow)
        self.source = source
        self.storedHash = storedHash
    }

    public var envelope: EventEnvelope {
        switch event {
        case .envelope(let envelope): envelope
        case .flow(let flow): flow.envelope
        }
    }

    /// The flow, when the line is one, without building an envelope.
    public var flowLine: FlowLine? {
        if case .flow(let flow) = event { return flow }
        return nil
    }

    public var seq: Int64 {
        switch event {
        case .envelope(let envelope): envelope.seq
        case .flow(let flow): flow.seq
        }
    }

    public var recordedTime: Instant {
        switch event {
        case .envelope(let envelope): envelope.recordedTime
        case .flow(let flow): flow.recordedTime
        }
    }

    /// The event id in its packed form.
    public var idKey: EventKey {
        switch event {
        case .envelope(let envelope): EventKey(envelope.id)
        case .flow(let flow): flow.id
        }
    }

    public var batch: BatchMark? {
        switch event {
        case .envelope(let envelope): envelope.batch
        case .flow(let flow): flow.batch
        }
    }
}

/// Why a complete line is not a valid socai event.
public struct LineDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: LocalizedText
    public init(_ reason: LocalizedText) { self.reason = reason }
    public var description: String { reason.en }
}
