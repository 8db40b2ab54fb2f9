import SocaiCore
import Testing

@Suite("Exact numbers and printed percentages")
struct NumbersTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(Ratio(469 * 100, 400).rounded(scale: 2) == FixedDecimal(units: 11725, scale: 2))
        #expect(Ratio(469 * 100, 400).rounded(scale: 1) == FixedDecimal(units: 1173, scale: 1), "117.25 → 117.3, never 117.2")
        #expect(Ratio(87 * 100, 95).rounded(scale: 2) == FixedDecimal(units: 9158, scale: 2))
        #expect(Ratio(87 * 100, 95).truncated(scale: 2) == FixedDecimal(units: 9157, scale: 2))
        #expect(Ratio(-27 * 100, 128).rounded(scale: 2) == FixedDecimal(units: -2109, scale: 2))
        #expect(Ratio(-1, 8).rounded(scale: 2) == FixedDecimal(units: -13, scale: 2), "-0.125 → -0.13")
    }

    @Test(arguments: [
        ("91,57", 87, 95, PercentClassification.truncated),
        ("58,84", 193, 328, .rounded),
        ("76,13", 67, 88, .truncated),
        ("117,3", 469, 400, .rounded),
        ("78,1", 32, 41, .roundedViaIntermediate),
        ("85,2", 86, 101, .roundedViaIntermediate),
        ("7,3", 3, 41, .rounded),
        ("15,2", 6, 41, .inconsistent),
        ("78,40", 945, 1206, .inconsistent),
    ])
    func classifiesThePrintedPercentagesOfTheSeeds(printed: String, part: Int, whole: Int, expected: PercentClassification) {
        #expect(PercentClassification.classify(FixedDecimal.parse(printed)!, exact: Ratio(part * 100, whole)) == expected)
    }

    /// Found by the libFuzzer date/number harness: comparing 66.32725027270161 with 6.370161 multiplied
    /// past 64 bits and crashed. Comparison and arithmetic are now formed in 128 bits, and a decimal
    /// has at most 12 digits before its separator and 6 after it.
    @Test func hugeAndTinyNumbersNeitherOverflowNorCrash() {
        #expect(Target.parse("66.32725027270161-6.370161") == nil, "7 decimals: not a number socai takes")
        #expect(Target.parse("66.327250-6.370161") == nil, "a range from high to low")
        #expect(Target.parse("6.370161-66.327250") != nil)
        #expect(FixedDecimal.parse("123456789012") != nil)
        #expect(FixedDecimal.parse("1234567890123") == nil)
        #expect(FixedDecimal.parse("0,000001") == FixedDecimal(units: 1, scale: 6))
        #expect(FixedDecimal.parse("0,0000001") == nil)
        #expect(FixedDecimal.parse("999999999999.9999999") == nil, "refused before the 19th digit is taken, not trapped")
        #expect(FixedDecimal.parse("922337203685.4775808") == nil)
        #expect(FixedDecimal.parse("999999999999.999999") == FixedDecimal(units: 999_999_999_999_999_999, scale: 6))
        let big = Ratio(Int.max - 1, 3), small = Ratio(1, Int.max - 2)
        #expect(small < big && !(big < small))
        let square = big * big
        #expect(square.denominator == 1 && square.numerator > Int.max / 2, "a product past 64 bits is approximated (clamped), not a crash")
        #expect(Ratio(1, 3) * Ratio(3, 1) == Ratio(integer: 1))
        #expect(Ratio(469, 1) / FixedDecimal.parse("0,000001")!.ratio * Ratio(integer: 100) == Ratio(integer: 46_900_000_000))
        #expect(Ratio(Int.max, 1).rounded(scale: 2).units == Int.max, "clamped, not trapped")
        #expect(FixedDecimal(units: 15, scale: 1).isNumericallyEqual(to: FixedDecimal(units: 150, scale: 2)))
    }

    @Test func readsNumbersAsDocumentsPrintThem() {
        #expect(CountParser.parse("5.275") == 5275)
        #expect(CountParser.parse("5,275") == 5275)
        #expect(CountParser.parse("1372") == 1372)
        #expect(CountParser.parse("4 014") == 4014)
        #expect(CountParser.parse("15.2") == nil)
        #expect(CountParser.parse("1.2345") == nil)
        #expect(FixedDecimal.parse("58,84 %") == FixedDecimal(units: 5884, scale: 2))
        #expect(FixedDecimal.parse("78,40") == FixedDecimal(units: 7840, scale: 2), "the scale is kept: 78,40 claims two decimals")
        #expect(FixedDecimal.parse("1,") == nil)
    }

    @Test func figureValuesRoundTripThroughTheirText() throws {
        for text in ["5275", "~120", ">3700", ">=90", "2.9%", ">70%", "95@2016-05-23", "1206@2008-01-01..2018-06-01"] {
            let value = try FigureValue.parse(text)
            #expect(value.description == text)
            #expect(try FigureValue.parse(value.json) == value)
        }
        #expect(try FigureValue.parse("2,9%").description == "2.9%")
        #expect(try FigureValue.parse("95@23/05/2016").asOf == CalendarDate(year: 2016, month: 5, day: 23))
        #expect(throws: FigureValueError.self) { try FigureValue.parse("abc") }
        #expect(throws: FigureValueError.self) { try FigureValue.parse("5@2020-01-01..2019-01-01") }
    }
}
