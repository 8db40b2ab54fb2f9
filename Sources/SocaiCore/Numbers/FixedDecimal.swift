/// A decimal number as printed: `units / 10^scale`, e.g. 91,57 → (9157, 2), 15,2 → (152, 1).
///
/// The scale is part of the value because a document's "117,3" and "117,30" claim different
/// precision, and classifying a printed percentage (rounded, truncated, inconsistent) depends on it.
public struct FixedDecimal: Sendable, Hashable, CustomStringConvertible {
    public var units: Int
    public var scale: Int

    public init(units: Int, scale: Int) {
        self.units = units
        self.scale = scale
    }

    public init(integer: Int) {
        self.units = integer
        self.scale = 0
    }

    /// The same value at a finer scale (never loses digits).
    public func rescaled(to newScale: Int) -> FixedDecimal {
        precondition(newScale >= scale)
        return FixedDecimal(units: units * FixedDecimal.powerOfTen(newScale - scale), scale: newScale)
    }

    /// Canonical text with `.` as the decimal separator and exactly `scale` fraction digits.
    public var description: String {
        if scale == 0 { return String(units) }
        let magnitude = units.magnitude
        let divisor = UInt(FixedDecimal.powerOfTen(scale))
        let whole = magnitude / divisor
        let fraction = String(magnitude % divisor)
        let padded = String(repeating: "0", count: scale - fraction.count) + fraction
        return (units < 0 ? "-" : "") + String(whole) + "." + padded
    }

    /// The value as an exact ratio.
    public var ratio: Ratio { Ratio(units, FixedDecimal.powerOfTen(scale)) }

    public static func powerOfTen(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Compares values regardless of scale (91,5 == 91,50).
    public func isNumericallyEqual(to other: FixedDecimal) -> Bool {
        ratio == other.ratio
    }

    /// Reads a decimal as documents print it: `91,57`, `15.2`, `117,3`, `1`, `-21,09`, optional
    /// trailing `%` and spaces (`58,84 %`). No thousands grouping: use `CountParser` for counts.
    /// At most 12 digits before the separator and 6 after it (`maxIntegerDigits`, `maxScale`):
    /// no document prints more, and within them every sum and rescaling stays exact in 64 bits.
    public static let maxIntegerDigits = 12
    public static let maxScale = 6

    public static func parse(_ text: String) -> FixedDecimal? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x25 { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 { bytes.removeFirst() }
        // NBSP (C2 A0) before % as the seeds print it.
        if bytes.count >= 2, bytes[bytes.count - 2] == 0xC2, bytes[bytes.count - 1] == 0xA0 { bytes.removeLast(2) }
        guard !bytes.isEmpty else { return nil }
        var negative = false
        var index = 0
        if bytes[0] == 0x2D || bytes[0] == 0x2B {
            negative = bytes[0] == 0x2D
            index = 1
        }
        var units = 0
        var scale = 0
        var seenSeparator = false
        var digits = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                // Checked before the digit is taken, so `units` stays below 10^18.
                let newScale = seenSeparator ? scale + 1 : scale
                guard newScale <= maxScale, digits + 1 - newScale <= maxIntegerDigits else { return nil }
                units = units * 10 + Int(byte - 0x30)
                digits += 1
                scale = newScale
            } else if (byte == 0x2C || byte == 0x2E) && !seenSeparator && digits > 0 {
                seenSeparator = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, !(seenSeparator && scale == 0) else { return nil }
        return FixedDecimal(units: negative ? -units : units, scale: scale)
    }
}
