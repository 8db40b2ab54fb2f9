import SocaiCore
import Testing

@Suite("JSON")
struct JSONTests {
    @Test func roundTripsKeepingKeyOrderAndExactNumbers() throws {
        let text = #"{"b":1,"a":[true,null,"Sốp Cộp \"x\"\n"],"c":12.50,"d":-9007199254740993}"#
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.string(value) == text)
        #expect(value.object?.keys == ["b", "a", "c", "d"])
        #expect(value.object?["c"] == .decimal("12.50"))
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"a":1}x"#, "[1,]", #""\ud800""#, "01", "{\"a\":\"\u{1}\"}", "\u{1}", "[" + String(repeating: "[", count: 70) ,
    ])
    func rejectsWhatALenientParserWouldLetThrough(_ text: String) {
        #expect(throws: JSONError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
