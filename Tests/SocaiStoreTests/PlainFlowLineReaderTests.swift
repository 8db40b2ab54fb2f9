import SocaiCore
import SocaiStore
import Testing

/// `PlainFlowLineReader` answers for the plain flows of an import file and for nothing else:
/// every line it declines goes to the JSON parser and `EventBuilder` (the end-to-end
/// `ImportFastPathTests` prove both give the same journal and messages; these say which lines
/// take which way, so that test exercises both).
@Suite("Plain flow line reader")
struct PlainFlowLineReaderTests {
    func read(_ line: String, number: Int = 1) -> PlainFlowLine? {
        var reader = PlainFlowLineReader(normalise: { "NFC(" + $0 + ")" })
        return Array(line.utf8).withUnsafeBytes { reader.read($0, number: number) }
    }

    @Test func readsPlainFlowsInAnyOrderWithWhitespace() throws {
        let admission = try #require(read(#"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":12}"#, number: 7))
        #expect(admission.request.line == 7)
        #expect(admission.request.kind == .admission)
        #expect(admission.request.unit == UnitID("ban-pe"))
        #expect(admission.request.date == CalendarDate(year: 2023, month: 2, day: 1))
        #expect(admission.request.count == 12)
        #expect(admission.request.since == nil)
        // unit, date, count: the characters the event bound counts.
        #expect(admission.request.optionsLength == 6 + 10 + 2)
        #expect(admission.source == nil && admission.by == nil && admission.eventID == nil)

        let departure = try #require(read(#"  { "count" : 3 , "reason":"transfer-out", "since":"2023-01-01","type":"departure","#
                                          + #""unit":"xa-1","date":"2023-06-30","source":"Biên bản","by":"clerk","#
                                          + #""event-id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}"# + "\t"))
        #expect(departure.request.kind == .transferOut)
        #expect(departure.request.since == CalendarDate(year: 2023, month: 1, day: 1))
        #expect(departure.source == "NFC(Biên bản)")
        #expect(departure.by == "clerk")
        #expect(departure.eventID == EventKey(EventID("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")!))
        #expect(read(#"{"type":"arrival","unit":"xa-1","date":"2023-06-30","count":1}"#)?.request.kind == .arrival)
    }

    @Test func declinesEveryLineItIsNotSureOf() {
        let declined = [
            "", "   ", "not json", "[1]", #"{}"#,
            #"{"type":"kết nạp","unit":"ban-pe","date":"2023-02-01","count":1}"#,
            #"{"type":"admission","unit":"Chi bộ bản Pe","date":"2023-02-01","count":1}"#,
            #"{"type":"admission","unit":"BAN-PE","date":"2023-02-01","count":1}"#,
            #"{"type":"admission","unit":"ban-pe ","date":"2023-02-01","count":1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"01/02/2023","count":1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-2-1","count":1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-30","count":1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":"1"}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":-1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":01}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1.5}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1e2}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":2147483648}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":true}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01"}"#,
            #"{"type":"admission","unit":"ban-pe","count":1}"#,
            #"{"unit":"ban-pe","date":"2023-02-01","count":1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,"reason":"death"}"#,
            #"{"type":"departure","unit":"ban-pe","date":"2023-02-01","count":1}"#,
            #"{"type":"departure","unit":"ban-pe","date":"2023-02-01","count":1,"reason":"từ trần"}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,"printed":{"x":"5%"}}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,"allow-future":true}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,"source":null}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,"source":"a\u0301"}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,"event-id":"0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B"}"#,
            #"{"type":"admission","unit":"ban-pe","unit":"ban-ca","date":"2023-02-01","count":1}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1} x"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1,}"#,
            #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":1"#,
            #"{"type":"admission","colour":"red","unit":"ban-pe","date":"2023-02-01","count":1}"#,
        ]
        for line in declined {
            #expect(read(line) == nil, "\(line)")
        }
    }
}
