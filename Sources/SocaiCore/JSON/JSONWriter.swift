/// Writes JSON compactly and deterministically: keys in the order given, no spaces, UTF-8 as is
/// (only `"`, `\` and control characters escaped), so the same value always gives the same bytes.
/// The journal's hash chain covers these exact bytes.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): bytes.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .integer(let n): writeInteger(n)
        case .decimal(let literal): bytes.append(contentsOf: Array(literal.utf8))
        case .string(let s): writeString(s)
        case .array(let values):
            bytes.append(0x5B)
            for (i, element) in values.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                write(element)
            }
            bytes.append(0x5D)
        case .object(let object):
            bytes.append(0x7B)
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                writeString(entry.key)
                bytes.append(0x3A)
                write(entry.value)
            }
            bytes.append(0x7D)
        }
    }

    public mutating func writeInteger(_ n: Int64) {
        if n == 0 { bytes.append(0x30); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var magnitude = n.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            }
        }
        if n < 0 { bytes.append(0x2D) }
        withUnsafeBytes(of: &digits) { buffer in
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    public mutating func writeString(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Most strings need no escape: copied at once.
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
    }

    /// `"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"` in lowercase hex, from the 128 bits of a UUID
    /// (`EventKey`): the same bytes as `writeString` of its canonical text.
    public mutating func writeUUID(_ high: UInt64, _ low: UInt64) {
        bytes.append(0x22)
        for i in 0..<32 {
            if i == 8 || i == 12 || i == 16 || i == 20 { bytes.append(0x2D) }
            let nibble = UInt8(truncatingIfNeeded: ((i < 16 ? high : low) &>> UInt64(60 - 4 * (i % 16))) & 0xF)
            bytes.append(nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble)
        }
        bytes.append(0x22)
    }

    /// `2023-12-31` (no quotes), as `CalendarDate.iso` spells a date of years 1–9999.
    public mutating func writeISODate(year: Int, month: Int, day: Int) {
        writeDigits(year, 4)
        bytes.append(0x2D)
        writeDigits(month, 2)
        bytes.append(0x2D)
        writeDigits(day, 2)
    }

    private mutating func writeDigits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor &*= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends raw bytes the caller guarantees are valid JSON tokens (a pre-rendered fragment).
    public mutating func writeRaw(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    public static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }
}
