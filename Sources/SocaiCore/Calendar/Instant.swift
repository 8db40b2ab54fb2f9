/// A point in time, in milliseconds since 1970-01-01T00:00:00Z.
///
/// Recorded times are instants (when a line was written, in UTC); effective dates are calendar
/// dates (`CalendarDate`). Core never reads a clock: instants come from the caller.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Vietnam keeps UTC+7 all year; effective dates and "end of day" questions use it.
    public static let vietnamOffsetMinutes = 7 * 60

    /// The last millisecond of `date` in Vietnam time: what `--known-at 2024-01-23` means.
    public static func endOfDayInVietnam(_ date: CalendarDate) -> Instant {
        let startUTC = Int64(date.dayNumber) * 86_400_000 - Int64(vietnamOffsetMinutes) * 60_000
        return Instant(millisecondsSinceEpoch: startUTC + 86_400_000 - 1)
    }

    /// The first millisecond of `date` in Vietnam time.
    public static func startOfDayInVietnam(_ date: CalendarDate) -> Instant {
        Instant(millisecondsSinceEpoch: Int64(date.dayNumber) * 86_400_000 - Int64(vietnamOffsetMinutes) * 60_000)
    }

    /// The calendar date of this instant in Vietnam time.
    public var dateInVietnam: CalendarDate {
        let shifted = millisecondsSinceEpoch + Int64(Instant.vietnamOffsetMinutes) * 60_000
        return CalendarDate(dayNumber: Int(floorDiv(shifted, 86_400_000)))
    }

    /// RFC 3339 in UTC with milliseconds, `2024-01-23T08:00:00.000Z`: the stored form of `recordedtime`.
    public var rfc3339: String { formatted(offsetMinutes: 0, milliseconds: true) }

    /// RFC 3339 at a fixed offset, e.g. `2024-01-23T15:00:00+07:00`.
    public func formatted(offsetMinutes: Int, milliseconds: Bool = false) -> String {
        let shifted = millisecondsSinceEpoch + Int64(offsetMinutes) * 60_000
        let day = floorDiv(shifted, 86_400_000)
        let msOfDay = Int(shifted - day * 86_400_000)
        let date = CalendarDate(dayNumber: Int(day))
        var text = date.iso + "T" + pad(msOfDay / 3_600_000, 2) + ":" + pad(msOfDay / 60_000 % 60, 2)
            + ":" + pad(msOfDay / 1000 % 60, 2)
        if milliseconds { text += "." + pad(msOfDay % 1000, 3) }
        if offsetMinutes == 0 { return text + "Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return text + sign + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }

    public var description: String { rfc3339 }

    public static func < (a: Instant, b: Instant) -> Bool { a.millisecondsSinceEpoch < b.millisecondsSinceEpoch }

    /// Parses RFC 3339 (`2024-01-23T08:00:00Z`, `…+07:00`, fractional seconds, `t`/`z`, space for `T`).
    public static func parseRFC3339(_ text: String) -> Instant? {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                let c = b[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard let year = num(0, 4), b[4] == 0x2D, let month = num(5, 2), b[7] == 0x2D, let day = num(8, 2),
              b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20,
              let hour = num(11, 2), b[13] == 0x3A, let minute = num(14, 2), b[16] == 0x3A,
              let second = num(17, 2),
              let date = CalendarDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 61 else { return nil }
        var i = 19
        var millis = 0
        if i < b.count && b[i] == 0x2E {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                if digits < 3 { millis = millis * 10 + Int(b[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 0x5A || b[i] == 0x7A {
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            guard let oh = num(i + 1, 2), b.count > i + 3, b[i + 3] == 0x3A, let om = num(i + 4, 2),
                  oh < 24, om < 60 else { return nil }
            offset = (oh * 60 + om) * (b[i] == 0x2D ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
            - Int64(offset * 60)
        return Instant(millisecondsSinceEpoch: seconds * 1000 + Int64(millis))
    }
}

@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
