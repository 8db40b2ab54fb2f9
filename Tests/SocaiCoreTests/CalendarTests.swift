import SocaiCore
import Testing

@Suite("Dates and times")
struct CalendarTests {
    @Test func parsesTheFormsClerksType() throws {
        let expected = CalendarDate(year: 2023, month: 12, day: 31)!
        for text in ["2023-12-31", "31/12/2023", "31-12-2023", " 31/12/2023 "] {
            #expect(try DateParser.parse(text) == expected)
        }
        #expect(try DateParser.parse("1/6/2018") == CalendarDate(year: 2018, month: 6, day: 1)!)
        #expect(try DateParser.parse("Thứ Tư, 16/05/2018") == CalendarDate(year: 2018, month: 5, day: 16)!)
        #expect(try DateParser.parse("Thứ 6 Ngày 01/06/2018") == CalendarDate(year: 2018, month: 6, day: 1)!)
    }

    @Test func refusesWhatItCannotKnow() {
        #expect(throws: DateError.self) { try DateParser.parse("23/1") }
        #expect(throws: DateError.self) { try DateParser.parse("31/02/2023") }
        #expect(throws: DateError.self) { try DateParser.parse("2023/12/31") }
        #expect(throws: DateError.self) { try DateParser.parse("Thứ Năm, 16/05/2018") }
        do { _ = try DateParser.parse("23/1") } catch { #expect(error.reason.en.contains("no year")) }
    }

    @Test func dayNumbersRoundTrip() {
        for day in stride(from: -1000, to: 30000, by: 37) {
            #expect(CalendarDate(dayNumber: day).dayNumber == day)
        }
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.adding(days: 1) == CalendarDate(year: 2024, month: 3, day: 1)!)
        #expect(CalendarDate(year: 2016, month: 5, day: 23)!.wholeYears(until: CalendarDate(year: 2019, month: 11, day: 20)!) == 3)
    }

    @Test func instantsInUTCAndVietnam() {
        let instant = Instant.parseRFC3339("2024-01-23T15:00:00+07:00")!
        #expect(instant.rfc3339 == "2024-01-23T08:00:00.000Z")
        #expect(Instant.endOfDayInVietnam(CalendarDate(year: 2024, month: 1, day: 23)!).rfc3339 == "2024-01-23T16:59:59.999Z")
        #expect(Instant.parseRFC3339("2024-01-23T23:30:00Z")!.dateInVietnam == CalendarDate(year: 2024, month: 1, day: 24)!)
        #expect(Instant.parseRFC3339("2024-01-23") == nil)
    }
}
