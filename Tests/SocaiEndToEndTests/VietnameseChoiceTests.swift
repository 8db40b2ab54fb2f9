import SocaiTestSupport
import Testing

/// Wherever a choice is typed, its Vietnamese name is accepted, with or without diacritics, and
/// English spelling variants too; the journal keeps the canonical English code.
@Suite("Vietnamese choice words")
struct VietnameseChoiceTests {
    @Test func departureReasons() {
        let f = RecordFixture()
        for (day, (typed, code)) in [("từ trần", "death"), ("tu tran", "death"), ("TỪ TRẦN", "death"), ("qua đời", "death"),
                              ("chuyển đi", "transfer-out"), ("khai trừ", "expulsion"), ("xóa tên", "struck-off"),
                              ("xoá tên", "struck-off"), ("xoa_ten", "struck-off"), ("ra khỏi đảng", "exit"), ("Ra khoi Dang", "exit"),
                              ("struck off", "struck-off"), ("transfer_out", "transfer-out")].enumerated() {
            // A day of its own each: the same departure again would be warned as a possible duplicate.
            f.record(["departure", "--unit", "ban-hua", "--date", "2023-05-\(10 + day)", "--count", "1", "--reason", typed])
            #expect(f.lastEvent.hasSuffix(#"{"count":1,"reason":"\#(code)"}"#), "\(typed): \(f.lastEvent)")
        }
    }

    @Test func conferenceKindsRatingSubjectsUnitKindsAndSettings() {
        let f = RecordFixture()
        f.record(["conference", "--unit", "sop-cop", "--date", "2020-08-14", "--title", "Đại hội", "--kind", "đại hội", "--term", "2020-2025"])
        #expect(f.lastEvent.contains(#""kind":"congress""#), "\(f.lastEvent)")
        // "hội nghị" alone is a review (sơ kết, tổng kết): the conferences that report figures between congresses.
        f.record(["conference", "--unit", "sop-cop", "--date", "2023-12-31", "--title", "Hội nghị", "--kind", "hội nghị"])
        #expect(f.lastEvent.contains(#""kind":"review""#), "\(f.lastEvent)")
        f.record(["conference", "--unit", "sop-cop", "--date", "2024-01-02", "--title", "Bài báo", "--kind", "bao cao"])
        #expect(f.lastEvent.contains(#""kind":"report""#), "\(f.lastEvent)")
        for (i, (typed, code)) in [("tổ chức", "organizations"), ("organisations", "organizations"), ("chi bộ", "cells"),
                              ("tập thể cấp ủy", "committees"), ("dang vien", "members")].enumerated() {
            // A year of its own each: a second rating of one year and subject is warned (it supersedes the first).
            f.record(["rating", "--unit", "sop-cop", "--year", String(2018 + i), "--of", typed, "--excellent", "1"])
            #expect(f.lastEvent.contains(#""of":"\#(code)""#), "\(typed): \(f.lastEvent)")
        }
        f.record(["unit", "--id", "ban-moi", "--name", "Chi bộ bản Mới", "--kind", "chi bộ", "--setting", "bản", "--parent", "muong-va",
                  "--date", "2021-01-01"])
        #expect(f.lastEvent.contains(#""kind":"cell","setting":"ban""#), "\(f.lastEvent)")
        f.record(["unit", "--id", "xa-moi", "--name", "Đảng ủy xã Mới", "--kind", "đảng bộ cơ sở", "--setting", "xa", "--parent", "sop-cop",
                  "--date", "2021-01-01"])
        #expect(f.lastEvent.contains(#""kind":"base-committee","setting":"commune""#), "\(f.lastEvent)")
        f.record(["merger", "--in", "sop-cop", "--of", "thôn bản", "--before", "5", "--after", "4", "--date", "2022-01-01"])
        #expect(f.lastEvent.contains(#""of":"village""#), "\(f.lastEvent)")
    }

    /// A correction's new value for a choice is stored as its code too.
    @Test func correctedChoices() {
        let f = RecordFixture(extra: """
            {"type":"conference","unit":"sop-cop","date":"2023-03-01","title":"Báo cáo","event-id":"01900000-0000-7000-8000-0000000000b1"}
            {"type":"departure","unit":"ban-pe","date":"2023-03-01","count":1,"reason":"exit","event-id":"01900000-0000-7000-8000-0000000000b2"}

            """)
        f.record(["correction", "--event", "01900000-0000-7000-8000-0000000000b1", "--reason", "là hội nghị tổng kết", "--set", "kind=tổng kết"])
        #expect(f.lastEvent.hasSuffix(#""set":{"kind":"review"}}"#), "\(f.lastEvent)")
        f.record(["correction", "--event", "01900000-0000-7000-8000-0000000000b2", "--reason", "nhầm lý do", "--set", "reason=từ trần"])
        #expect(f.lastEvent.hasSuffix(#""set":{"reason":"death"}}"#), "\(f.lastEvent)")
    }

    /// Errors that list the valid choices list them in the reader's language.
    @Test func choicesAreListedInTheReadersLanguage() {
        let f = RecordFixture()
        f.refuse(["record", "rating", "--unit", "sop-cop", "--year", "2022", "--of", "people", "--excellent", "1", "--lang", "vi"],
                 "lỗi: --of 'people': đối tượng đánh giá không tồn tại; dùng một trong: tổ chức cơ sở đảng; chi bộ trực thuộc; tập thể cấp ủy; đảng viên")
        f.refuse(["record", "conference", "--unit", "sop-cop", "--date", "2023-12-31", "--title", "Họp", "--kind", "hop", "--lang", "vi"],
                 "lỗi: --kind 'hop': loại hội nghị không tồn tại; dùng một trong: đại hội; hội nghị sơ kết, tổng kết; báo cáo, bài báo; khác")
    }

    /// Import's `type` column (JSON Lines and CSV) takes the event type's Vietnamese name too.
    @Test func importTypesInVietnamese() {
        let f = RecordFixture()
        f.journal.directory.write("vi.jsonl", """
            {"type": "kết nạp", "unit": "ban-pe", "date": "2023-02-01", "count": 2}
            {"type": "giảm đảng viên", "unit": "ban-pe", "date": "2023-03-01", "count": 1, "reason": "từ trần"}
            {"type": "chuyen den", "unit": "ban-pe", "date": "2023-04-01", "count": 1}

            """)
        let lines = f.run(["import", "vi.jsonl"])
        #expect(lines.status == 0, "\(lines)")
        f.journal.directory.write("vi.csv", "type,unit,date,count,reason\r\nkết nạp,ban-ca,01/02/2023,3,\r\nGiảm,ban-ca,01/03/2023,1,xoá tên\r\n")
        let csv = f.run(["import", "vi.csv"])
        #expect(csv.status == 0, "\(csv)")
        let events = f.lines.suffix(5).map(f.summary)
        #expect(events[0].hasPrefix("vn.socai.admission.v1 ban-pe"))
        #expect(events[1].hasPrefix("vn.socai.departure.v1 ban-pe") && events[1].hasSuffix(#""reason":"death"}"#), "\(events[1])")
        #expect(events[2].hasPrefix("vn.socai.arrival.v1 ban-pe"))
        #expect(events[3].hasPrefix("vn.socai.admission.v1 ban-ca"))
        #expect(events[4].hasSuffix(#""reason":"struck-off"}"#), "\(events[4])")
    }
}
