/// Reads the dates clerks type and documents print.
///
/// Accepted: ISO `2023-12-31`; Vietnamese `31/12/2023`, `1/6/2018`, `31-12-2023`; optionally
/// preceded by a weekday as newspapers print it (`Thứ Tư, 16/05/2018`, `Thứ 6 ngày 01/06/2018`),
/// which is then checked against the date. A date without a year (`23/1`) is refused: the
/// articles show that guessing the year is how wrong records are born.
public enum DateParser {
    public static func parse(_ input: String) throws(DateError) -> CalendarDate {
        var text = TextFolding.searchKey(input)
        var statedWeekday: Int?
        if text.hasPrefix("thu ") || text.hasPrefix("chu nhat") {
            (statedWeekday, text) = try splitWeekday(text, original: input)
        }
        if text.hasPrefix("ngay ") { text.removeFirst(5) }
        let date = try parseBare(text, original: input)
        if let statedWeekday, statedWeekday != date.weekday {
            throw DateError(input: input, reason: LocalizedText(
                en: "the weekday does not match the date (\(date.iso) is a \(englishWeekdays[date.weekday]))",
                vi: "thứ không khớp với ngày (\(date.vietnamese) là \(vietnameseWeekdays[date.weekday]))"))
        }
        return date
    }

    private static func parseBare(_ text: String, original: String) throws(DateError) -> CalendarDate {
        let bytes = Array(text.utf8)
        var fields: [Int] = []
        var separators: [UInt8] = []
        var current = 0
        var digits = 0
        var widths: [Int] = []
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                current = current * 10 + Int(byte - 0x30)
                digits += 1
                if digits > 4 { throw malformed(original) }
            } else if byte == 0x2F || byte == 0x2D || byte == 0x2E {  // / - .
                guard digits > 0 else { throw malformed(original) }
                fields.append(current); widths.append(digits); separators.append(byte)
                current = 0; digits = 0
            } else {
                throw malformed(original)
            }
        }
        guard digits > 0 else { throw malformed(original) }
        fields.append(current); widths.append(digits)

        if fields.count == 2 {
            throw DateError(input: original, reason: LocalizedText(
                en: "the date has no year; write it in full, e.g. \(fields[0])/\(fields[1])/2024",
                vi: "ngày thiếu năm; hãy ghi đủ, ví dụ \(fields[0])/\(fields[1])/2024"))
        }
        guard fields.count == 3, separators[0] == separators[1] else { throw malformed(original) }
        let year: Int, month: Int, day: Int
        if widths[0] == 4 {
            guard separators[0] == 0x2D else { throw malformed(original) }
            (year, month, day) = (fields[0], fields[1], fields[2])
        } else if widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2 {
            (day, month, year) = (fields[0], fields[1], fields[2])
        } else {
            throw malformed(original)
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw DateError(input: original, reason: LocalizedText(
                en: "there is no such day", vi: "không có ngày này"))
        }
        return date
    }

    private static func splitWeekday(_ text: String, original: String) throws(DateError) -> (Int, String) {
        // The longest names first, so "thu 7" is not read as "thu".
        let names: [(String, Int)] = [
            ("chu nhat", 0), ("thu hai", 1), ("thu ba", 2), ("thu tu", 3), ("thu nam", 4),
            ("thu sau", 5), ("thu bay", 6), ("thu 2", 1), ("thu 3", 2), ("thu 4", 3), ("thu 5", 4),
            ("thu 6", 5), ("thu 7", 6),
        ]
        for (name, weekday) in names where text.hasPrefix(name) {
            var rest = Substring(text.dropFirst(name.count))
            while let first = rest.first, first == " " || first == "," { rest.removeFirst() }
            return (weekday, String(rest))
        }
        throw malformed(original)
    }

    private static func malformed(_ input: String) -> DateError {
        DateError(input: input, reason: LocalizedText(
            en: "not a date; write 2023-12-31 or 31/12/2023",
            vi: "không phải ngày hợp lệ; hãy ghi 2023-12-31 hoặc 31/12/2023"))
    }

    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let vietnameseWeekdays = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
}

/// A date that could not be read, with the reason in both languages.
public struct DateError: Error, Sendable, Hashable {
    public var input: String
    public var reason: LocalizedText

    public init(input: String, reason: LocalizedText) {
        self.input = input
        self.reason = reason
    }
}
