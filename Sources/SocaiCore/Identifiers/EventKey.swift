/// An event id packed in 16 bytes, so a million flows do not carry a million Strings.
public struct EventKey: Sendable, Hashable {
    public let high: UInt64
    public let low: UInt64

    public init(_ id: EventID) {
        var high: UInt64 = 0, low: UInt64 = 0, count = 0
        var text = id.rawValue
        text.withUTF8 { bytes in
            for byte in bytes where byte != 0x2D {
                let nibble = UInt64(byte <= 0x39 ? byte &- 0x30 : byte &- 0x61 &+ 10)
                if count < 16 { high = high << 4 | nibble } else { low = low << 4 | nibble }
                count += 1
            }
        }
        self.high = high
        self.low = low
    }

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A version 8 UUID (RFC 9562's custom version) from the first 16 bytes of a hash, as two
    /// big-endian words: `EventID.version8(hash:)` without building its text.
    public static func version8(high: UInt64, low: UInt64) -> EventKey {
        // Byte 6 (bits 15–8 of `high`) carries the version, byte 8 (the top of `low`) the variant.
        EventKey(high: high & ~0xF000 | 0x8000, low: low & ~(0xC0 << 56) | 0x80 << 56)
    }

    public var eventID: EventID {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for i in 0..<32 {
            if i == 8 || i == 12 || i == 16 || i == 20 { text.append(0x2D) }
            let word = i < 16 ? high : low
            let shift = UInt64(60 - 4 * (i % 16))
            text.append(hex[Int((word >> shift) & 0xF)])
        }
        return EventID(String(decoding: text, as: UTF8.self))!
    }
}
