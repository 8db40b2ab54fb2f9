import Testing
import SocaiCore

@Suite("NumberFormat")
struct NumberFormatTests {
    let en = NumberFormat(language: .en)
    let vi = NumberFormat(language: .vi)

    @Test func integers() {
        #expect(en.integer(0) == "0")
        #expect(vi.integer(0) == "0")
        #expect(en.integer(999) == "999")
        #expect(en.integer(5275) == "5,275")
        #expect(vi.integer(5275) == "5.275")
        #expect(en.integer(1234567) == "1,234,567")
        #expect(vi.integer(1234567) == "1.234.567")
        #expect(en.integer(-27) == "-27")
        #expect(vi.integer(-1234567) == "-1.234.567")
        #expect(en.integer(100000) == "100,000")
        #expect(en.integer(Int.min) == "-9,223,372,036,854,775,808")
        #expect(vi.integer(Int.max) == "9.223.372.036.854.775.807")
    }

    @Test func decimalsAtScaleTwo() {
        #expect(en.decimal(units: 11725, scale: 2) == "117.25")
        #expect(vi.decimal(units: 11725, scale: 2) == "117,25")
        #expect(en.decimal(units: -2109, scale: 2) == "-21.09")
        #expect(vi.decimal(units: -2109, scale: 2) == "-21,09")
        #expect(en.decimal(units: 0, scale: 2) == "0.00")
        #expect(vi.decimal(units: 0, scale: 2) == "0,00")
        #expect(en.decimal(units: 5, scale: 2) == "0.05")
        #expect(en.decimal(units: -5, scale: 2) == "-0.05")
        #expect(en.decimal(units: 100, scale: 2) == "1.00")
        #expect(en.decimal(units: 123456789, scale: 2) == "1,234,567.89")
        #expect(vi.decimal(units: 123456789, scale: 2) == "1.234.567,89")
    }

    @Test func decimalsAtScaleZeroAndOne() {
        #expect(en.decimal(units: 1234567, scale: 0) == "1,234,567")
        #expect(vi.decimal(units: 1234567, scale: 0) == "1.234.567")
        #expect(en.decimal(units: -27, scale: 0) == "-27")
        #expect(en.decimal(units: 0, scale: 0) == "0")
        #expect(en.decimal(units: 1234567, scale: 1) == "123,456.7")
        #expect(vi.decimal(units: 1234567, scale: 1) == "123.456,7")
        #expect(vi.decimal(units: 152, scale: 1) == "15,2")
        #expect(en.decimal(units: -3, scale: 1) == "-0.3")
        #expect(en.decimal(units: 0, scale: 1) == "0.0")
        #expect(en.decimal(units: 1, scale: 4) == "0.0001")
    }

    @Test func percentages() {
        #expect(en.percent(units: 11725, scale: 2) == "117.25%")
        #expect(vi.percent(units: 11725, scale: 2) == "117,25%")
        #expect(vi.percent(units: 9157, scale: 2) == "91,57%")
        #expect(vi.percent(units: -2109, scale: 2) == "-21,09%")
        #expect(en.percent(units: 0, scale: 2) == "0.00%")
        #expect(en.percent(units: 100, scale: 0) == "100%")
        #expect(vi.percent(units: 123456, scale: 1) == "12.345,6%")
    }

    @Test func dates() {
        #expect(en.date(year: 2023, month: 12, day: 31) == "2023-12-31")
        #expect(vi.date(year: 2023, month: 12, day: 31) == "31/12/2023")
        #expect(en.date(year: 2020, month: 2, day: 1) == "2020-02-01")
        #expect(vi.date(year: 2020, month: 2, day: 1) == "01/02/2020")
    }

    @Test func separatorsFollowTheLanguage() {
        #expect(en.groupingSeparator == "," && en.decimalSeparator == ".")
        #expect(vi.groupingSeparator == "." && vi.decimalSeparator == ",")
    }
}
