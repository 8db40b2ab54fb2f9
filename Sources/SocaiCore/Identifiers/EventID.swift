/// An event's CloudEvents `id`: a UUID in canonical lowercase form, unique in a journal.
///
/// socai mints version 7 UUIDs (time-ordered) so ids sort roughly by recording time, and derives
/// version 8 ones from an import line's content (so a file imported twice records once); any valid
/// UUID a caller supplies with `--event-id` is accepted, lowercased, for idempotent retries.
public struct EventID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex, either case; stores lowercase.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return nil }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard byte == 0x2D else { return nil }
                lowered.append(byte)
                continue
            }
            switch byte {
            case 0x30...0x39, 0x61...0x66: lowered.append(byte)
            case 0x41...0x46: lowered.append(byte + 0x20)
            default: return nil
            }
        }
        self.rawValue = String(decoding: lowered, as: UTF8.self)
    }

    /// An id already known to be canonical (lowercase hex, dashes in place): the journal reader
    /// checks the bytes itself and skips the second pass.
    public init(canonical text: String) {
        self.rawValue = text
    }

    public var description: String { rawValue }

    public static func < (a: EventID, b: EventID) -> Bool { a.rawValue < b.rawValue }

    /// A version 7 UUID: 48 bits of Unix milliseconds, then random bits from `generator`.
    public static func version7(at instant: Instant, using generator: inout some RandomNumberGenerator) -> EventID {
        var bytes = [UInt8](repeating: 0, count: 16)
        let ms = UInt64(bitPattern: instant.millisecondsSinceEpoch)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: ms >> (8 * (5 - i))) }
        let random1 = generator.next()
        let random2 = generator.next()
        for i in 6..<16 {
            let source = i < 14 ? random1 : random2
            bytes[i] = UInt8(truncatingIfNeeded: source >> (8 * ((i - 6) % 8)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70   // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80   // RFC 9562 variant
        return EventID(uuid: bytes)
    }

    /// A version 8 UUID (RFC 9562's custom version) from the first 16 bytes of a hash: an id
    /// derived from content, the same whenever the content is (an import line's, `ImportLineIDs`).
    public static func version8(hash: [UInt8]) -> EventID {
        precondition(hash.count >= 16, "a version 8 id takes 16 bytes of a hash")
        let high = hash[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = hash[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return EventKey.version8(high: high, low: low).eventID
    }

    /// 16 bytes in the canonical text form.
    private init(uuid bytes: [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { text.append(0x2D) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        self.rawValue = String(decoding: text, as: UTF8.self)
    }
}
