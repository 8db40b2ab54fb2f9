import SocaiTestSupport
import Testing

/// `record admission`, `departure`, `arrival`: members in and out, valid and refused.
@Suite struct RecordFlowTests {
    // MARK: admission

    @Test func recordsAnAdmission() {
        let f = RecordFixture()
        f.record(["admission", "--unit", "muong lan", "--date", "31-12-2023", "--count", "12"])
        #expect(f.lastEvent == #"vn.socai.admission.v1 muong-lan 2023-12-31T00:00:00+07:00 {"count":12}"#)
        // A count over a period, with Vietnamese grouping.
        f.record(["admission", "--unit", "Sốp Cộp", "--date", "2023-12-31", "--count", "1.234", "--since", "2023-01-01"])
        #expect(f.lastEvent == #"vn.socai.admission.v1 sop-cop 2023-12-31T00:00:00+07:00 {"count":1234,"since":"2023-01-01"}"#)
        // Names match without case or diacritics, đ as d.
        f.record(["admission", "--unit", "DANG UY XA MUONG VA", "--date", "2023-12-31", "--count", "1"])
        #expect(f.lastEvent == #"vn.socai.admission.v1 muong-va 2023-12-31T00:00:00+07:00 {"count":1}"#)
    }

    @Test func refusesAnInvalidAdmission() {
        let f = RecordFixture()
        func admission(_ count: String, unit: String = "muong-lan", date: String = "2023-12-31") -> [String] {
            ["record", "admission", "--unit", unit, "--date", date, "--count", count]
        }
        // Negative, fractional, zero and non-numeric counts.
        for count in ["-3", "2.5", "0", "mười"] {
            f.refuse(admission(count), "error: --count '\(count)' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)")
        }
        // An unknown unit.
        f.refuse(admission("1", unit: "Mường Lát"),
                 "error: --unit 'Mường Lát': no such unit; did you mean muong-lan (Đảng ủy xã Mường Lạn); muong-va (Đảng ủy xã Mường Và)?")
        // A unit that had closed.
        f.refuse(admission("1", unit: "xa-cu"),
                 "error: --unit 'xa-cu': xa-cu no longer existed on 2023-12-31 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // A date in the future; every problem at once.
        f.refuse(admission("-1", unit: "muong", date: "2024-07-01"), """
            error: --date 2024-07-01 is in the future (today is 2024-06-01); check the date, or pass --allow-future to record a planned event
            error: --unit 'muong' matches several units: muong-lan (Đảng ủy xã Mường Lạn); muong-va (Đảng ủy xã Mường Và); give the id
            error: --count '-1' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)
            """)
    }

    // MARK: departure

    @Test func recordsADepartureForEveryReason() {
        let f = RecordFixture()
        for reason in ["transfer-out", "death", "expulsion", "struck-off", "exit"] {
            f.record(["departure", "--unit", "ban-hua", "--date", "2023-05-01", "--count", "1", "--reason", reason])
            #expect(f.lastEvent == #"vn.socai.departure.v1 ban-hua 2023-05-01T00:00:00+07:00 {"count":1,"reason":"\#(reason)"}"#)
        }
    }

    @Test func refusesAnInvalidDeparture() {
        let f = RecordFixture()
        func departure(_ reason: String, count: String = "1", unit: String = "ban-hua", since: [String] = []) -> [String] {
            ["record", "departure", "--unit", unit, "--date", "2023-05-01", "--count", count, "--reason", reason] + since
        }
        // An unknown reason, with the nearest.
        f.refuse(departure("deaht"),
                 "error: --reason 'deaht': unknown reason; use death or one of: transfer-out, death, expulsion, struck-off, exit")
        f.refuse(departure("xyz"), "error: --reason 'xyz': unknown reason; use one of: transfer-out, death, expulsion, struck-off, exit")
        f.refuse(["--lang", "vi"] + departure("xyz"),
                 "lỗi: --reason 'xyz': lý do không tồn tại; dùng một trong: chuyển đi; từ trần; khai trừ; xóa tên; ra khỏi Đảng")
        // A negative count.
        f.refuse(departure("death", count: "-2"),
                 "error: --count '-2' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)")
        // A closed unit.
        f.refuse(departure("death", unit: "xa-cu"),
                 "error: --unit 'xa-cu': xa-cu no longer existed on 2023-05-01 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // A period that ends before it starts.
        f.refuse(departure("death", since: ["--since", "2023-06-01"]),
                 "error: --since 2023-06-01 is after --date 2023-05-01; the period must start before it ends")
    }

    // MARK: arrival

    @Test func recordsAnArrival() {
        let f = RecordFixture()
        f.record(["arrival", "--unit", "Chi bo ban Hua", "--date", "2023-05-01", "--count", "4", "--since", "01/01/2023"])
        #expect(f.lastEvent == #"vn.socai.arrival.v1 ban-hua 2023-05-01T00:00:00+07:00 {"count":4,"since":"2023-01-01"}"#)
    }

    @Test func refusesAnInvalidArrival() {
        let f = RecordFixture()
        // An ambiguous name.
        f.refuse(["record", "arrival", "--unit", "Chi bo ban", "--date", "2023-05-01", "--count", "4"],
                 "error: --unit 'Chi bo ban' matches several units: ban-pe (Chi bộ bản Pe); ban-ca (Chi bộ bản Cá); ban-hua (Chi bộ bản Hua); give the id")
        // In the future.
        f.refuse(["record", "arrival", "--unit", "ban-hua", "--date", "2024-07-01", "--count", "4"],
                 "error: --date 2024-07-01 is in the future (today is 2024-06-01); check the date, or pass --allow-future to record a planned event")
        // A period starting before the unit existed.
        f.refuse(["record", "arrival", "--unit", "ban-hua", "--date", "2023-05-01", "--count", "4", "--since", "2009-01-01"],
                 "error: --since '2009-01-01': ban-hua did not exist yet on 2009-01-01 (established 2010-01-01); use a date on or after 2010-01-01")
        // A fractional count.
        f.refuse(["record", "arrival", "--unit", "ban-hua", "--date", "2023-05-01", "--count", "1,5"],
                 "error: --count '1,5' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)")
    }
}
