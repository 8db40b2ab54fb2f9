#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// Reads a journal line's attributes in place from its bytes: the one grammar of a line, used by
/// every reader (the scanner's workers, the tail, `verify`, the writer's read-back).
///
/// It is a strict JSON reader of one object (any member order, whitespace between tokens,
/// escapes, invalid UTF-8 and control characters refused, duplicate members refused) that reads
/// each attribute where it lies: the forms socai writes (a lowercase id, a date at midnight in
/// Vietnam, a millisecond UTC time, `i/n`) are read by direct byte parsers, and anything else a
/// JSON writer may produce for the same value goes through `JSONParser` and the core types'
/// parsers, so both give the same answer. Strings that repeat from line to line (the journal's
/// source, the recorder, the source document, unit ids) are interned: a million lines make a
/// handful of Strings. The `data` of flows (nearly every line of a large journal) is read in
/// place too; other events' `data` is parsed into a JSON object for `EventPayload`.
///
/// Every byte of a line is looked at a bounded number of times: reading is linear in its length.
struct LineAttributeReader {
    private var texts = ByteInterner<String>()
    private var units = ByteInterner<UnitID>()
    /// The last value of the attributes that repeat line after line, compared in place first.
    private var lastSource = RepeatedString()
    private var lastRecordedBy = RepeatedString()
    private var lastDocument = RepeatedString()
    private var lastOriginSource = RepeatedString()

    init() {}

    /// Decodes a line (without `\n`) whose hash tail was already split off (`storedHash`).
    mutating func decode(_ line: UnsafeRawBufferPointer, storedHash: SHA256Digest) throws(LineDecodingError) -> DecodedLine {
        var fields = Fields()
        guard read(line, into: &fields) else { throw Self.jsonError(line) }
        return try fields.decodedLine(line, storedHash: storedHash)
    }

    /// The message for bytes that are not one JSON object: the strict parser's, with its offset.
    static func jsonError(_ line: UnsafeRawBufferPointer) -> LineDecodingError {
        do {
            let value = try JSONParser.parse(line)
            if value.object == nil { return LineDecodingError(DamageText.notJSONObject()) }
        } catch {
            return LineDecodingError(DamageText.notValidJSONAt(["detail": error.text]))
        }
        return LineDecodingError(DamageText.notValidJSON())
    }

    // MARK: Reading the members

    /// Reads the object's members into `fields`; false when the bytes are not valid JSON (the
    /// caller then asks `JSONParser` for the message). Values that are not in socai's own form are
    /// kept as spans and parsed by `Fields` afterwards.
    private mutating func read(_ line: UnsafeRawBufferPointer, into fields: inout Fields) -> Bool {
        var s = ByteCursor(line)
        s.skipWhitespace()
        guard s.take(0x7B) else { return false }
        s.skipWhitespace()
        if s.take(0x7D) {
            s.skipWhitespace()
            return s.atEnd
        }
        var previous: LineAttribute?
        while true {
            s.skipWhitespace()
            // The name socai writes next, with its quotes and colon: one comparison, no scan.
            if let next = LineAttribute(rawValue: (previous?.rawValue ?? -1) + 1), s.literal(next.keyToken) {
                guard fields.seen & next.bit == 0 else { return false }
                previous = next
                s.skipWhitespace()
                guard readValue(next, &s, &fields), s.endOfMember() else { return false }
                if s.take(0x7D) { break }
                continue
            }
            guard s.peek == 0x22, let key = s.string() else { return false }
            s.skipWhitespace()
            guard s.take(0x3A) else { return false }
            s.skipWhitespace()
            let attribute: LineAttribute?
            switch key {
            case .plain(let range, _): attribute = LineAttribute.named(UnsafeRawBufferPointer(rebasing: line[range]), after: previous)
            case .escaped(let range): attribute = Self.unescapedName(line, range).flatMap(LineAttribute.named)
            case .other: return false
            }
            guard let attribute else {
                guard let value = s.value() else { return false }
                guard fields.addUnknown(key: key, value: value, line) else { return false }
                guard s.endOfMember() else { return false }
                if s.take(0x7D) { break }
                continue
            }
            guard fields.seen & attribute.bit == 0 else { return false }  // a duplicate member: not valid JSON
            previous = attribute
            guard readValue(attribute, &s, &fields) else { return false }
            guard s.endOfMember() else { return false }
            if s.take(0x7D) { break }
        }
        s.skipWhitespace()
        return s.atEnd
    }

    /// Reads one attribute's value, in socai's own form when it is that, else as a span for later.
    private mutating func readValue(_ attribute: LineAttribute, _ s: inout ByteCursor, _ fields: inout Fields) -> Bool {
        let start = s.i
        fields.seen |= attribute.bit
        switch attribute {
        case .id:
            if s.peek == 0x22, let key = s.canonicalEventKey() {
                fields.idKey = key
                fields.idStart = start + 1
                return true
            }
        case .source:
            if let text = Self.text(&s, &lastSource, &texts) { fields.source = text; return true }
        case .recordedby:
            if let text = Self.text(&s, &lastRecordedBy, &texts) { fields.recordedBy = text; return true }
        case .sourcedoc:
            if let text = Self.text(&s, &lastDocument, &texts) { fields.document = text; return true }
        case .type:
            if s.take(0x22), let end = s.plainASCII(), let type = EventTypeTable.type(UnsafeRawBufferPointer(rebasing: s.bytes[(start + 1)..<end])) {
                fields.type = type
                return true
            }
        case .subject:
            if s.take(0x22), let end = s.plainASCII(),
               let unit = units.value(UnsafeRawBufferPointer(rebasing: s.bytes[(start + 1)..<end]), make: { UnitID(String(decoding: $0, as: UTF8.self)) }) {
                fields.subject = unit
                return true
            }
        case .time:
            if s.take(0x22), let date = s.isoDate(), s.literal(#"T00:00:00+07:00""#) {
                fields.date = date
                return true
            }
        case .specversion:
            if s.literal(#""1.0""#) { fields.canonical |= attribute.bit; return true }
        case .datacontenttype:
            if s.literal(#""application/json""#) { fields.canonical |= attribute.bit; return true }
        case .seq:
            if let seq = s.integer(), s.atValueEnd {
                fields.seq = seq
                return true
            }
        case .recordedtime:
            if s.take(0x22), let instant = s.instant() {
                fields.recordedTime = instant
                return true
            }
        case .originsource:
            if let text = Self.text(&s, &lastOriginSource, &texts), !text.isEmpty { fields.originSource = text; return true }
        case .originseq:
            if let seq = s.integer(), s.atValueEnd {
                fields.originSeq = seq
                return true
            }
        case .origintime:
            if s.take(0x22), let instant = s.instant() {
                fields.originTime = instant
                return true
            }
        case .batch:
            if s.take(0x22), let index = s.integer(), s.take(0x2F), let count = s.integer(), s.take(0x22),
               let mark = BatchMark(index: Int(index), count: Int(count)) {
                fields.batch = mark
                return true
            }
        case .data:
            // A flow's data as socai writes it, read at once when the type came before it.
            if let type = fields.type, type.isFlow, let flow = s.flowData(type) {
                fields.flow = flow
                return true
            }
            s.i = start
            // Anything else is delimited now and read once the type is known (it may come after).
            guard s.peek == 0x7B, let span = s.value(), case .other(let range) = span else { break }
            fields.data = range
            return true
        case .chainhash:
            // The hash tail `splitHash` checked: its value is 64 hex digits in quotes, then `}`.
            if s.i == s.bytes.count - 67 {
                s.i += 66
                return true
            }
        }
        // Not in socai's form (or not valid): the value's span, parsed (and judged) by `Fields`.
        s.i = start
        guard let span = s.value() else { return false }
        fields.others.append((attribute, span))
        return true
    }

    /// A string value without escapes, interned: compared in place with the attribute's last value
    /// first (the same bytes followed by the closing quote need no further check).
    @inline(__always)
    private static func text(_ s: inout ByteCursor, _ last: inout RepeatedString, _ texts: inout ByteInterner<String>) -> String? {
        guard s.peek == 0x22 else { return nil }
        if let text = last.text {
            let n = last.bytes.count, at = s.i &+ 1
            if at &+ n < s.bytes.count, s.bytes[at &+ n] == 0x22,
               last.bytes.withUnsafeBytes({ n == 0 || ByteCursor.equal(s.bytes.baseAddress! + at, $0.baseAddress!, n) }) {
                s.i = at &+ n &+ 1
                return text
            }
        }
        guard case .plain(let range, _)? = s.string() else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: s.bytes[range])
        let text = texts.value(bytes) { String(decoding: $0, as: UTF8.self) }!
        last = RepeatedString(bytes: Array(bytes), text: text)
        return text
    }

    private static func unescapedName(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
        (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: line[range])))?.string
    }
}

/// The attributes socai writes, in the order it writes them.
enum LineAttribute: Int, CaseIterable {
    case specversion, id, source, type, subject, time, datacontenttype, seq, recordedtime, recordedby, sourcedoc, batch,
         originsource, originseq, origintime, data, chainhash

    var name: String { Self.nameStrings[rawValue] }
    /// `"name":`, as socai writes the member's start.
    var keyToken: [UInt8] { Self.keyTokens[rawValue] }
    var bit: UInt32 { 1 << UInt32(rawValue) }

    private static let nameStrings = ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "seq",
                                      "recordedtime", "recordedby", "sourcedoc", "batch", "originsource", "originseq",
                                      "origintime", "data", "chainhash"]
    private static let names: [[UInt8]] = nameStrings.map { Array($0.utf8) }
    private static let keyTokens: [[UInt8]] = nameStrings.map { Array("\"\($0)\":".utf8) }

    /// The attribute with this name, trying the one socai writes after `previous` first.
    @inline(__always)
    static func named(_ bytes: UnsafeRawBufferPointer, after previous: LineAttribute?) -> LineAttribute? {
        let next = (previous?.rawValue ?? -1) + 1
        if next < names.count, ByteInterner<Int>.equal(bytes, names[next]) { return LineAttribute(rawValue: next) }
        for (index, name) in names.enumerated() where ByteInterner<Int>.equal(bytes, name) { return LineAttribute(rawValue: index) }
        return nil
    }

    static func named(_ text: String) -> LineAttribute? {
        nameStrings.firstIndex(of: text).flatMap(LineAttribute.init(rawValue:))
    }
}

/// A value's place in the line when it was not read in socai's own form.
enum ValueSpan {
    /// A string without escapes (valid UTF-8, no control character): its body, without quotes.
    case plain(Range<Int>, ascii: Bool)
    /// A string with escapes: the whole token, quotes included.
    case escaped(Range<Int>)
    /// A number, object, array or literal: the whole token (objects and arrays not yet validated).
    case other(Range<Int>)
}

/// The event types by their bytes, to match a line's `type` without building a String.
enum EventTypeTable {
    private static let entries: [(bytes: [UInt8], type: EventType)] = EventType.allCases.map { (Array($0.rawValue.utf8), $0) }
    /// Entries by the byte after `vn.socai.`, so a match is one comparison, not eleven.
    private static let byLetter: [[Int]] = (0..<128).map { letter in
        entries.indices.filter { entries[$0].bytes.count > 9 && entries[$0].bytes[9] == UInt8(letter) }
    }

    @inline(__always)
    static func type(_ bytes: UnsafeRawBufferPointer) -> EventType? {
        guard bytes.count > 9, bytes[9] < 128 else { return nil }
        for index in byLetter[Int(bytes[9])] where ByteInterner<Int>.equal(bytes, entries[index].bytes) { return entries[index].type }
        return nil
    }
}

/// The last value of a string attribute, as bytes (known valid: no quote, escape or control
/// character, valid UTF-8) and as the String made from them.
struct RepeatedString {
    var bytes: [UInt8] = []
    var text: String?
}
