/// A day in the proleptic Gregorian calendar, as Vietnamese documents date things: no time, no zone.
///
/// Effective dates are calendar dates in Vietnam time (UTC+7, no daylight saving), so a date is a
/// plain value and never passes through a time zone. Ordering and arithmetic go through
/// `dayNumber` (days since 1970-01-01), which is also how the fold stores dates compactly.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01, kept beside the fields: queries compare dates millions of times.
    public let dayNumber: Int

    /// Creates a date, or nil when the day does not exist (31/02, month 13, year outside 1..9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.dayNumber = CalendarDate.days(year: year, month: month, day: day)
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
        self.dayNumber = dayNumber
    }

    /// Howard Hinnant's days_from_civil.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601 calendar date, `2023-12-31`: the form stored in the journal and in JSON.
    public var iso: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// Vietnamese form, `31/12/2023` (zero-padded, as Nghị định 30/2020/NĐ-CP writes it).
    public var vietnamese: String {
        pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4)
    }

    public var description: String { iso }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let n = (dayNumber + 4) % 7  // 1970-01-01 was a Thursday.
        return n < 0 ? n + 7 : n
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The last day of `year`, the default effective date of a year's ratings.
    public static func endOfYear(_ year: Int) -> CalendarDate? { CalendarDate(year: year, month: 12, day: 31) }

    /// Whole years from `self` to `later` (anniversaries passed), as reports count "hơn 3 năm".
    public func wholeYears(until later: CalendarDate) -> Int {
        var years = later.year - year
        if (later.month, later.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func == (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber == b.dayNumber }

    public func hash(into hasher: inout Hasher) { hasher.combine(dayNumber) }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Left-pads a non-negative integer with zeros; shared by the date and time formatters.
@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
