#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// A cursor over a journal line's bytes that only moves forward and never reads past the end:
/// the JSON tokens and the value forms socai writes, read where they lie.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var i = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { i >= bytes.count }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i &+= 1
        return true
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i &+= 1
            default: return
            }
        }
    }

    /// Consumes `text` when the bytes at the cursor are exactly it.
    @inline(__always)
    mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i &+ n <= bytes.count, Self.equal(bytes.baseAddress! + i, UnsafeRawPointer(text.utf8Start), n) else { return false }
        i &+= n
        return true
    }

    /// Consumes `token` when the bytes at the cursor are exactly it.
    @inline(__always)
    mutating func literal(_ token: [UInt8]) -> Bool {
        let n = token.count
        guard i &+ n <= bytes.count, token.withUnsafeBytes({ Self.equal(bytes.baseAddress! + i, $0.baseAddress!, n) }) else { return false }
        i &+= n
        return true
    }

    /// Whether `n` bytes at `a` and `b` are equal: eight at a time, inline. The tokens compared on
    /// every line are short, where a call to `memcmp` costs more than the comparison.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
        var k = 0
        while k &+ 8 <= n {
            guard a.loadUnaligned(fromByteOffset: k, as: UInt64.self) == b.loadUnaligned(fromByteOffset: k, as: UInt64.self) else { return false }
            k &+= 8
        }
        if n >= 8 {
            // The last eight bytes, overlapping what was compared: no byte-by-byte tail.
            return a.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
        while k < n {
            guard a.load(fromByteOffset: k, as: UInt8.self) == b.load(fromByteOffset: k, as: UInt8.self) else { return false }
            k &+= 1
        }
        return true
    }

    /// After a member's value: true at `,` (consumed) or `}` (left for the caller).
    mutating func endOfMember() -> Bool {
        skipWhitespace()
        if take(0x2C) { return true }
        return peek == 0x7D
    }

    /// Whether a value just read ends here (the next byte is `,`, `}` or whitespace).
    var atValueEnd: Bool {
        guard let next = peek else { return false }
        return next == 0x2C || next == 0x7D || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
    }

    // MARK: JSON tokens

    /// A string token at the cursor (which is on its opening quote). Nil when it is not valid JSON:
    /// unterminated, a control character, or (without escapes) invalid UTF-8. A string with escapes
    /// is returned whole, for `JSONParser` to decode and judge.
    mutating func string() -> ValueSpan? {
        guard take(0x22) else { return nil }
        let start = i
        var ascii = true
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        while i < bytes.count {
            let b = p[i]
            if b == 0x22 {
                let body = start..<i
                i &+= 1
                if !ascii && !Self.isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[body])) { return nil }
                return .plain(body, ascii: ascii)
            }
            if b == 0x5C { return escapedString(from: start - 1) }
            if b < 0x20 { return nil }
            if b >= 0x80 { ascii = false }
            i &+= 1
        }
        return nil
    }

    /// After an opening quote: the offset of the closing quote (the cursor moves past it) when the
    /// string is printable ASCII without escapes, the form of ids, types and unit ids; else nil.
    @inline(__always)
    mutating func plainASCII() -> Int? {
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var j = i
        while j < bytes.count {
            let b = p[j]
            if b == 0x22 {
                i = j &+ 1
                return j
            }
            guard b >= 0x20, b < 0x80, b != 0x5C else { return nil }
            j &+= 1
        }
        return nil
    }

    /// The rest of a string with escapes: finds its closing quote (each escape skips the byte after
    /// the backslash), refusing control characters; the escapes themselves are judged by `JSONParser`.
    private mutating func escapedString(from tokenStart: Int) -> ValueSpan? {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i &+= 1
                return .escaped(tokenStart..<i)
            }
            if b < 0x20 { return nil }
            i &+= b == 0x5C ? 2 : 1
        }
        return nil
    }

    /// Any JSON value at the cursor, as a span. Strings are checked here; numbers by their grammar;
    /// objects and arrays only for where they end (their contents are judged by `JSONParser`).
    mutating func value() -> ValueSpan? {
        guard let first = peek else { return nil }
        let start = i
        switch first {
        case 0x22:
            return string()
        case 0x7B, 0x5B:
            guard skipComposite() else { return nil }
        case 0x2D, 0x30...0x39:
            guard number() else { return nil }
        case 0x74:
            guard literal("true") else { return nil }
        case 0x66:
            guard literal("false") else { return nil }
        case 0x6E:
            guard literal("null") else { return nil }
        default:
            return nil
        }
        return .other(start..<i)
    }

    /// Moves past an object or array: brackets counted, strings skipped.
    private mutating func skipComposite() -> Bool {
        var depth = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x7B, 0x5B:
                depth &+= 1
                i &+= 1
            case 0x7D, 0x5D:
                depth &-= 1
                i &+= 1
                if depth == 0 { return true }
            case 0x22:
                guard string() != nil else { return false }
            default:
                i &+= 1
            }
        }
        return false
    }

    /// RFC 8259's number grammar: `-? int frac? exp?`.
    private mutating func number() -> Bool {
        _ = take(0x2D)
        guard let first = peek, first >= 0x30 && first <= 0x39 else { return false }
        i &+= 1
        if first != 0x30 { skipDigits() }
        if take(0x2E) {
            guard let d = peek, d >= 0x30 && d <= 0x39 else { return false }
            skipDigits()
        }
        if take(0x65) || take(0x45) {
            if !take(0x2B) { _ = take(0x2D) }
            guard let d = peek, d >= 0x30 && d <= 0x39 else { return false }
            skipDigits()
        }
        return true
    }

    private mutating func skipDigits() {
        while let d = peek, d >= 0x30 && d <= 0x39 { i &+= 1 }
    }

    /// UTF-8 as Unicode defines it (no overlong forms, surrogates or values past U+10FFFF),
    /// checked without building a String.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    // MARK: socai's own forms

    /// `"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"`, lowercase: the id as socai writes it, read into its
    /// packed form with a table (no String, no second pass).
    mutating func canonicalEventKey() -> EventKey? {
        guard i &+ 38 <= bytes.count else { return nil }
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + i
        guard p[0] == 0x22, p[37] == 0x22, p[9] == 0x2D, p[14] == 0x2D, p[19] == 0x2D, p[24] == 0x2D else { return nil }
        let key: EventKey? = HexTable.values.withUnsafeBufferPointer { table in
            var bad: UInt8 = 0
            @inline(__always) func hex(_ from: Int, _ count: Int, into value: inout UInt64) {
                for k in from..<(from &+ count) {
                    let nibble = table[Int(p[k])]
                    bad |= nibble
                    value = value &<< 4 | UInt64(nibble & 0x0F)
                }
            }
            var high: UInt64 = 0, low: UInt64 = 0
            hex(1, 8, into: &high); hex(10, 4, into: &high); hex(15, 4, into: &high)
            hex(20, 4, into: &low); hex(25, 12, into: &low)
            return bad & 0xF0 == 0 ? EventKey(high: high, low: low) : nil
        }
        guard let key else { return nil }
        i &+= 38
        return key
    }

    @inline(__always)
    mutating func digits(_ n: Int) -> Int? {
        guard i &+ n <= bytes.count else { return nil }
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + i
        var v = 0
        for k in 0..<n {
            let d = p[k] &- 0x30
            guard d < 10 else { return nil }
            v = v &* 10 &+ Int(d)
        }
        i &+= n
        return v
    }

    /// A non-negative integer without leading zeros, at most 18 digits.
    mutating func integer() -> Int64? {
        let start = i
        var v: Int64 = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39, i - start < 18 {
            v = v &* 10 &+ Int64(bytes[i] &- 0x30)
            i &+= 1
        }
        guard i > start, !(bytes[start] == 0x30 && i - start > 1) else { return nil }
        return v
    }

    mutating func isoDate() -> CalendarDate? {
        guard let y = digits(4), take(0x2D), let m = digits(2), take(0x2D), let d = digits(2) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// `2024-01-23T08:00:00.000Z"` as socai writes it (milliseconds, Z), closing quote included.
    mutating func instant() -> Instant? {
        guard let date = isoDate(), take(0x54), let h = digits(2), take(0x3A), let mi = digits(2), take(0x3A),
              let sec = digits(2), take(0x2E), let ms = digits(3), literal("Z\""), h < 24, mi < 60, sec < 60 else { return nil }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + sec)
        return Instant(millisecondsSinceEpoch: seconds * 1000 + Int64(ms))
    }

    /// A flow's `data` as socai writes it: `{"count":N}`, `{"count":N,"reason":"death"}`, optionally
    /// `,"since":"YYYY-MM-DD"`. Nil for anything else (the caller then parses it as JSON).
    mutating func flowData(_ type: EventType) -> Flow? {
        guard literal(#"{"count":"#), let count = integer(), count <= Int64(Int32.max) else { return nil }
        var kind: FlowKind = type == .admission ? .admission : .arrival
        if type == .departure {
            guard literal(#","reason":""#) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                guard bytes[i] >= 0x20, bytes[i] < 0x80, bytes[i] != 0x5C else { return nil }
                i &+= 1
            }
            guard i < bytes.count,
                  let reason = FlowKind(reason: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)),
                  reason.reason != nil else { return nil }
            i &+= 1
            kind = reason
        }
        var since: CalendarDate?
        if literal(#","since":""#) {
            guard let date = isoDate(), take(0x22) else { return nil }
            since = date
        }
        guard take(0x7D) else { return nil }
        return Flow(kind: kind, count: Int(count), since: since)
    }
}
