// libFuzzer harness for the date parser (and the other small parsers of typed text): built by
// Tools/fuzz/build against SocaiCore.
//
// For any UTF-8 text: nothing crashes (no overflow trap, no out-of-bounds), and a date that parses
// reads back from its ISO form as the same day.
import SocaiCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let date = try? DateParser.parse(text) {
        guard let again = try? DateParser.parse(date.iso), again == date else {
            fatalError("\(text.debugDescription) parses as \(date.iso), which does not read back")
        }
    }
    _ = CountParser.parse(text)
    _ = FixedDecimal.parse(text)
    _ = try? FigureValue.parse(text)
    _ = Target.parse(text)
    _ = Instant.parseRFC3339(text)
    _ = CalendarDate(isoText: text)
    return 0
}
