#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// Decodes the lines socai itself writes straight from their bytes, without building a JSON tree.
///
/// Every line socai writes has the same attribute order (`JournalLineCodec.encode`); the decoder
/// reads that layout and the `data` of flows (nearly all of a large journal) directly, and hands
/// anything else — another order, an escape in a string, another event type's data — to the
/// strict general decoder, so it is never less strict than `JournalLineCodec.decode`, only faster.
/// Strings that repeat from line to line (`source`, `recordedby`, `sourcedoc`) are kept from the
/// previous line instead of being decoded again.
struct FastLineDecoder {
    private var lastSource: (bytes: [UInt8], text: String) = ([], "")
    private var lastRecordedBy: (bytes: [UInt8], text: String) = ([], "")
    private var lastDocument: (bytes: [UInt8], text: String) = ([], "")

    /// Decodes a line (without `\n`) whose hash tail was already split off.
    mutating func decode(_ line: UnsafeRawBufferPointer, storedHash: SHA256Digest) throws(LineDecodingError) -> DecodedLine {
        if let fast = fastDecode(line, storedHash: storedHash) { return fast }
        return try JournalLineCodec.decode(line)
    }

    private mutating func fastDecode(_ line: UnsafeRawBufferPointer, storedHash: SHA256Digest) -> DecodedLine? {
        var s = Scanner(bytes: line)
        guard s.literal(#"{"specversion":"1.0","id":""#), let idBytes = s.plainString(), idBytes.count == 36,
              let key = EventKey(canonicalBytes: idBytes),
              s.literal(#","source":""#), let sourceBytes = s.plainString(),
              s.literal(#","type":""#), let typeBytes = s.plainString(),
              let type = FastLineDecoder.eventType(typeBytes),
              s.literal(#","subject":""#), let subjectBytes = s.plainString(),
              let subject = cachedUnit(subjectBytes),
              s.literal(#","time":""#), let date = s.isoDate(), s.literal(#"T00:00:00+07:00","datacontenttype":"application/json","seq":"#),
              let seq = s.integer(), seq >= 1, seq <= JournalLineCodec.maxSeq,
              s.literal(#","recordedtime":""#), let recorded = s.instant(),
              s.literal(#","recordedby":""#), let byBytes = s.plainString() else { return nil }
        var document: String?
        if s.literal(#","sourcedoc":""#) {
            guard let docBytes = s.plainString() else { return nil }
            document = FastLineDecoder.cached(docBytes, &lastDocument)
        }
        var batch: BatchMark?
        if s.literal(#","batch":""#) {
            guard let index = s.integer(), s.literal("/"), let count = s.integer(), s.literal("\""),
                  let mark = BatchMark(index: Int(index), count: Int(count)) else { return nil }
            batch = mark
        }
        guard s.literal(#","data":"#) else { return nil }
        let payload: EventPayload
        if type.isFlow, let flow = s.flowData(type) {
            // The hash tail itself was checked by `splitHash`: this must be that tail, 64 hex digits from the end.
            guard s.literal(#","chainhash":""#), s.i == line.count - 66 else { return nil }
            let flowLine = FlowLine(seq: seq, id: key, subject: subject, effectiveDate: date, recordedTime: recorded,
                                    recordedBy: FastLineDecoder.cached(byBytes, &lastRecordedBy), sourceDocument: document, batch: batch, flow: flow)
            return DecodedLine(flow: flowLine, source: FastLineDecoder.cached(sourceBytes, &lastSource), storedHash: storedHash)
        } else {
            // Other events: the strict parser reads only the `data` object, which ends where the hash tail begins.
            let dataEnd = line.count - JournalLineCodec.hashTailLength
            guard dataEnd > s.i, let object = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: line[s.i..<dataEnd])).object,
                  let decoded = try? EventPayload(type: type, data: object) else { return nil }
            payload = decoded
        }
        guard let id = FastLineDecoder.eventID(idBytes) else { return nil }
        let envelope = EventEnvelope(seq: seq, id: id, subject: subject, effectiveDate: date, recordedTime: recorded,
                                     recordedBy: FastLineDecoder.cached(byBytes, &lastRecordedBy), sourceDocument: document, batch: batch,
                                     payload: payload)
        return DecodedLine(envelope: envelope, source: FastLineDecoder.cached(sourceBytes, &lastSource), storedHash: storedHash)
    }

    private var lastUnit: (bytes: [UInt8], id: UnitID)?

    private static func cached(_ bytes: UnsafeRawBufferPointer, _ cache: inout (bytes: [UInt8], text: String)) -> String {
        if FastLineDecoder.same(bytes, cache.bytes) { return cache.text }
        cache = (Array(bytes), String(decoding: bytes, as: UTF8.self))
        return cache.text
    }

    private mutating func cachedUnit(_ bytes: UnsafeRawBufferPointer) -> UnitID? {
        if let last = lastUnit, FastLineDecoder.same(bytes, last.bytes) { return last.id }
        guard let id = UnitID(String(decoding: bytes, as: UTF8.self)) else { return nil }
        lastUnit = (Array(bytes), id)
        return id
    }

    @inline(__always)
    static func same(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
        a.count == b.count && b.withUnsafeBytes { memcmp(a.baseAddress!, $0.baseAddress!, a.count) == 0 }
    }

    /// The event types as bytes, to match a line's `type` without building a String.
    private static let typeBytes: [(bytes: [UInt8], type: EventType)] = EventType.allCases.map { (Array($0.rawValue.utf8), $0) }

    static func eventType(_ bytes: UnsafeRawBufferPointer) -> EventType? {
        for entry in typeBytes where same(bytes, entry.bytes) { return entry.type }
        return nil
    }

    /// A lowercase canonical UUID, as socai writes ids (anything else goes to the general decoder).
    static func eventID(_ bytes: UnsafeRawBufferPointer) -> EventID? {
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard b == 0x2D else { return nil }
            } else {
                guard (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) else { return nil }
            }
        }
        return EventID(canonical: String(decoding: bytes, as: UTF8.self))
    }
}

/// A cursor over a line's bytes that only ever moves forward and never reads past the end.
private struct Scanner {
    let bytes: UnsafeRawBufferPointer
    var i = 0

    @inline(__always)
    mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= bytes.count, memcmp(bytes.baseAddress! + i, text.utf8Start, n) == 0 else { return false }
        i += n
        return true
    }

    /// The bytes of a string body up to its closing quote, when it holds no escape, no control
    /// character and only valid UTF-8 (else nil: the general decoder decides).
    mutating func plainString() -> UnsafeRawBufferPointer? {
        let start = i
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                let body = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
                i += 1
                if !ascii && String(validating: body, as: UTF8.self) == nil { return nil }
                return body
            }
            if b == 0x5C || b < 0x20 { return nil }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        return nil
    }

    @inline(__always)
    mutating func digits(_ n: Int) -> Int? {
        guard i + n <= bytes.count else { return nil }
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + i
        var v = 0
        for k in 0..<n {
            let d = p[k] &- 0x30
            guard d < 10 else { return nil }
            v = v &* 10 &+ Int(d)
        }
        i += n
        return v
    }

    mutating func integer() -> Int64? {
        let start = i
        var v: Int64 = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39, i - start < 18 {
            v = v * 10 + Int64(bytes[i] - 0x30)
            i += 1
        }
        guard i > start, !(bytes[start] == 0x30 && i - start > 1) else { return nil }
        return v
    }

    mutating func isoDate() -> CalendarDate? {
        guard let y = digits(4), literal("-"), let m = digits(2), literal("-"), let d = digits(2) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// `2024-01-23T08:00:00.000Z"` as socai writes it (milliseconds, Z).
    mutating func instant() -> Instant? {
        guard let date = isoDate(), literal("T"), let h = digits(2), literal(":"), let mi = digits(2), literal(":"),
              let sec = digits(2), literal("."), let ms = digits(3), literal("Z\""), h < 24, mi < 60, sec < 60 else { return nil }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + sec)
        return Instant(millisecondsSinceEpoch: seconds * 1000 + Int64(ms))
    }

    /// `{"count":N}`, `{"count":N,"reason":"death"}`, optionally `,"since":"YYYY-MM-DD"`.
    mutating func flowData(_ type: EventType) -> Flow? {
        guard literal(#"{"count":"#), let count = integer(), count <= Int64(Int32.max) else { return nil }
        var kind: FlowKind = type == .admission ? .admission : .arrival
        if type == .departure {
            guard literal(#","reason":""#), let reasonBytes = plainString(),
                  let reason = FlowKind(reason: String(decoding: reasonBytes, as: UTF8.self)), reason.reason != nil else { return nil }
            kind = reason
        }
        var since: CalendarDate?
        if literal(#","since":""#) {
            guard let date = isoDate(), literal("\"") else { return nil }
            since = date
        }
        guard literal("}") else { return nil }
        return Flow(kind: kind, count: Int(count), since: since)
    }
}
