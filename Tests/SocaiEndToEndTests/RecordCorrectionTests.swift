import SocaiTestSupport
import Testing

/// `record correction`: retract or replace fields of an earlier event, never edit it.
@Suite struct RecordCorrectionTests {
    static let admission = "01900000-0000-7000-8000-0000000000a1"
    static let conference = "01900000-0000-7000-8000-0000000000b1"

    /// The seed plus an admission (seq 10) and a conference (seq 11) with known ids.
    static func fixture() -> RecordFixture {
        RecordFixture(extra: """
            {"type":"admission","unit":"ban-pe","date":"2023-03-01","count":25,"event-id":"\(admission)"}
            {"type":"conference","unit":"sop-cop","date":"2023-03-01","title":"Báo cáo","figures":{"members":25},"event-id":"\(conference)"}

            """)
    }

    @Test func replacesFieldsOfAnEarlierEvent() {
        let f = Self.fixture()
        let before = f.lines
        f.record(["correction", "--event", Self.admission, "--reason", "đánh máy nhầm: 20 chứ không phải 25", "--set", "count=20"])
        #expect(f.lastEvent == #"vn.socai.correction.v1 ban-pe 2023-03-01T00:00:00+07:00 {"event":"01900000-0000-7000-8000-0000000000a1","eventseq":10,"reason":"đánh máy nhầm: 20 chứ không phải 25","set":{"count":20}}"#)
        // A new date moves the correction's effective time with it; the original lines are untouched.
        f.record(["correction", "--event", Self.admission, "--reason", "nhầm ngày", "--set", "date=02/03/2023", "--set", "count=21"])
        #expect(f.lastEvent == #"vn.socai.correction.v1 ban-pe 2023-03-02T00:00:00+07:00 {"event":"01900000-0000-7000-8000-0000000000a1","eventseq":10,"reason":"nhầm ngày","set":{"date":"2023-03-02","count":21}}"#)
        f.record(["correction", "--event", Self.conference, "--reason", "số liệu", "--set", "figures.members=26"])
        #expect(f.lastEvent == #"vn.socai.correction.v1 sop-cop 2023-03-01T00:00:00+07:00 {"event":"01900000-0000-7000-8000-0000000000b1","eventseq":11,"reason":"số liệu","set":{"figures.members":26}}"#)
        #expect(Array(f.lines.prefix(before.count)) == before)
    }

    @Test func retractsAnEarlierEvent() {
        let f = Self.fixture()
        f.record(["correction", "--event", Self.admission, "--reason", "trùng", "--retract"])
        #expect(f.lastEvent == #"vn.socai.correction.v1 ban-pe 2023-03-01T00:00:00+07:00 {"event":"01900000-0000-7000-8000-0000000000a1","eventseq":10,"reason":"trùng","retract":true}"#)
    }

    @Test func refusesAnInvalidCorrection() {
        let f = Self.fixture()
        func correction(_ event: String = Self.admission, _ more: String...) -> [String] {
            ["record", "correction", "--event", event, "--reason", "sửa"] + more
        }
        // An event that is not in the journal, or not an id at all.
        f.refuse(correction("01900000-0000-7000-8000-0000000000ff", "--retract"),
                 "error: no event 01900000-0000-7000-8000-0000000000ff in the journal; find ids and seqs with `socai log`")
        f.refuse(correction("12345", "--retract"), "error: no event 12345 in the journal; find ids and seqs with `socai log`")
        f.refuse(correction("twelve", "--retract"), "error: --event 'twelve' is neither an event id nor a seq; find them with `socai log`")
        // Neither or both of --retract and --set.
        f.refuse(correction(), "error: give either --retract or one or more --set FIELD=VALUE")
        f.refuse(correction(Self.admission, "--retract", "--set", "count=1"), "error: give either --retract or one or more --set FIELD=VALUE")
        f.refuse(correction(Self.admission, "--set", "count"), "error: --set 'count' must be NAME=VALUE, e.g. count=20")
        // A corrected value the event could not hold.
        f.refuse(correction(Self.admission, "--set", "count=-1"), "error: the corrected event would be invalid: data.count: invalid value -1")
        f.refuse(correction(Self.admission, "--set", "colour=red"),
                 "error: the corrected event would be invalid: data.colour: unknown field for this event type")
        f.refuse(["--lang", "vi"] + correction(Self.admission, "--set", "count=-1"),
                 "lỗi: sự kiện sau đính chính sẽ không hợp lệ: data.count: giá trị không hợp lệ -1")
        f.refuse(["--lang", "vi"] + correction(Self.admission, "--set", "colour=red"),
                 "lỗi: sự kiện sau đính chính sẽ không hợp lệ: data.colour: loại sự kiện này không có trường này")
        f.refuse(correction(Self.conference, "--set", "figures.members=-5", "--set", "figures.membrs=5"), """
            error: --set figures.members=-5: members cannot be negative; write the number as printed, 0 or more
            error: --set figures.membrs=5: unknown figure 'membrs'; did you mean members?
            """)
        // Targets and printed percentages obey the rules of --target and --printed.
        f.refuse(correction(Self.conference, "--set", "targets.admisions=400", "--set", "printed.admissions-atainment=117,3"), """
            error: --set targets.admisions=400: unknown target 'admisions'; did you mean admissions?
            error: --set 'printed.admissions-atainment=117,3': 'admissions-atainment' does not say what the percentage is of; did you mean admissions-attainment, expulsions-attainment?
            """)
        // A corrected date in the future, or before the unit existed.
        f.refuse(correction(Self.admission, "--set", "date=2024-07-01"),
                 "error: --set date=2024-07-01: the corrected date is in the future (today is 2024-06-01); check the date, or pass --allow-future")
        f.refuse(correction(Self.admission, "--set", "date=2009-01-01"),
                 "error: --set 'date=2009-01-01': ban-pe did not exist yet on 2009-01-01 (established 2010-01-01); use a date on or after 2010-01-01")
    }

    @Test func refusesToCorrectACorrection() {
        let f = Self.fixture()
        f.record(["correction", "--event", Self.admission, "--reason", "trùng", "--retract", "--event-id", "01900000-0000-7000-8000-0000000000a2"])
        f.refuse(["record", "correction", "--event", "01900000-0000-7000-8000-0000000000a2", "--reason", "x", "--retract"],
                 "error: 01900000-0000-7000-8000-0000000000a2 is itself a correction; correct the original event instead")
    }

    /// A retracted event stays retracted: correcting it would bring it back with no record of why
    /// (found by the differential test: a `--set` after a `--retract` revived the figure).
    @Test func refusesToCorrectARetractedEvent() {
        let f = Self.fixture()
        f.record(["correction", "--event", Self.conference, "--reason", "trùng", "--retract"])
        f.record(["correction", "--event", Self.admission, "--reason", "trùng", "--retract"])
        f.refuse(["record", "correction", "--event", Self.conference, "--reason", "x", "--set", "figures.members=292"],
                 "error: \(Self.conference) was retracted by seq 12; a retracted event cannot be corrected (record the fact again as a new event)")
        f.refuse(["record", "correction", "--event", "10", "--reason", "x", "--set", "count=3"],
                 "error: 10 was retracted by seq 13; a retracted event cannot be corrected (record the fact again as a new event)")
        f.refuse(["record", "correction", "--event", Self.admission, "--reason", "x", "--retract"],
                 "error: \(Self.admission) was retracted by seq 13; a retracted event cannot be corrected (record the fact again as a new event)")
    }
}
