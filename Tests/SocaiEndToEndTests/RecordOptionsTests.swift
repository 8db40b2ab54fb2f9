import Foundation
import SocaiTestSupport
import Testing

/// What every `record` accepts: --dry-run, --event-id, --expect-seq, --by, --source, --lang,
/// --allow-future; dates in every form; NFD text stored NFC; usage errors.
@Suite struct RecordOptionsTests {
    static let admission = ["record", "admission", "--unit", "ban-pe", "--date", "2023-01-01", "--count", "1"]

    @Test func dryRunValidatesAndWritesNothing() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let valid = f.run(Self.admission + ["--dry-run"])
        #expect(valid.status == 0)
        #expect(valid.stdout == "valid (dry run, nothing written): admission ban-pe 2023-01-01: 1\n")
        #expect(valid.stderr == "")
        let vietnamese = f.run(Self.admission + ["--dry-run", "--lang", "vi"])
        #expect(vietnamese.stdout == "hợp lệ (chạy thử, không ghi): kết nạp ban-pe 01/01/2023: 1\n")
        #expect(f.journal.journalBytes == before)
        // An invalid dry run is refused like any other.
        f.refuse(["record", "admission", "--unit", "ban-pe", "--date", "2023-01-01", "--count", "0", "--dry-run"],
                 "error: --count '0' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)")
    }

    @Test func retryingWithTheSameEventIDRecordsOnce() {
        let f = RecordFixture()
        let id = "01900000-0000-7000-8000-0000000000d1"
        let first = f.run(Self.admission + ["--event-id", id])
        #expect(first.stdout == "recorded seq 10 id \(id)\n")
        let bytes = f.journal.journalBytes
        // The same request again, a day later (a retry after a lost answer): nothing new.
        f.journal.now = "2024-06-02T08:00:00Z"
        let retry = f.run(Self.admission + ["--event-id", id])
        #expect(retry.status == 0)
        #expect(retry.stdout == "already recorded: seq 10 id \(id) (nothing written)\n")
        #expect(f.journal.journalBytes == bytes)
        // The same id for a different event is a conflict.
        let clash = f.run(["record", "admission", "--unit", "ban-pe", "--date", "2023-01-01", "--count", "2", "--event-id", id])
        #expect(clash.status == 75)
        #expect(clash.stderr == "error: event id \(id) is already used by a different event (seq 10); nothing was written\n")
        #expect(f.journal.journalBytes == bytes)
        #expect(f.lines.count == 10)
        // Not a UUID.
        f.refuse(Self.admission + ["--event-id", "lan-1"], "error: --event-id 'lan-1' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")
    }

    @Test func expectSeqMismatchExits75AndWritesNothing() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let stale = f.run(Self.admission + ["--expect-seq", "5"])
        #expect(stale.status == 75)
        #expect(stale.stderr == "error: the journal's last seq is 9, not 5 as --expect-seq said; someone recorded in the meantime; nothing was written\n")
        #expect(stale.stdout == "")
        #expect(f.journal.journalBytes == before)
        let vietnamese = f.run(Self.admission + ["--expect-seq", "5", "--lang", "vi"])
        #expect(vietnamese.status == 75)
        #expect(vietnamese.stderr == "lỗi: số thứ tự cuối của sổ là 9, không phải 5 như --expect-seq; đã có người ghi trước; không ghi gì\n")
        #expect(f.journal.journalBytes == before)
        f.record(Array(Self.admission.dropFirst()) + ["--expect-seq", "9"])
    }

    @Test func recorderAndSourceDocumentAreStored() {
        let f = RecordFixture()
        f.record(["admission", "--unit", "ban-pe", "--date", "2023-01-01", "--count", "1"])
        #expect(f.lastAttribute("recordedby") == "tester")
        #expect(f.lastAttribute("sourcedoc") == nil)
        f.record(["admission", "--unit", "ban-pe", "--date", "2023-01-02", "--count", "1", "--by", "Nguyễn Văn A",
                  "--source", "Báo cáo số 12-BC/HU, tr. 3"])
        #expect(f.lastAttribute("recordedby") == "Nguyễn Văn A")
        #expect(f.lastAttribute("sourcedoc") == "Báo cáo số 12-BC/HU, tr. 3")
        // --printed is kept with the events that carry printed percentages.
        f.record(["conference", "--unit", "sop-cop", "--date", "2024-01-23", "--title", "Sơ kết", "--term", "2020-2025",
                  "--figure", "admissions=469", "--target", "admissions=400", "--printed", "admissions-attainment=117,3"])
        #expect(f.lastEvent.hasSuffix(#""printed":{"admissions-attainment":"117.3"}}"#))
    }

    @Test func decomposedInputIsStoredPrecomposed() throws {
        let f = RecordFixture()
        let name = "Chi bộ bản Nà Ngựu"
        let nfc = Array(name.precomposedStringWithCanonicalMapping.utf8)
        let nfd = Array(name.decomposedStringWithCanonicalMapping.utf8)
        #expect(nfc != nfd)
        // From the command line…
        f.record(["unit", "--id", "ban-nn", "--name", name.decomposedStringWithCanonicalMapping, "--kind", "cell",
                  "--parent", "Mường Lạn".decomposedStringWithCanonicalMapping, "--date", "2015-01-01",
                  "--source", name.decomposedStringWithCanonicalMapping])
        // …and from an import file whose bytes are NFD.
        let file = #"{"type":"rename","unit":"ban-nn","name":"\#(name) mới","date":"2016-01-01"}"#.decomposedStringWithCanonicalMapping + "\n"
        f.journal.directory.write("nfd.jsonl", file)
        #expect(contains(f.journal.directory.bytes("nfd.jsonl"), Array((name + " mới").decomposedStringWithCanonicalMapping.utf8)))
        let imported = f.run(["import", "nfd.jsonl"])
        #expect(imported.status == 0, "\(imported)")

        let segment = try #require(f.segments.last)
        let bytes = f.journal.directory.bytes("Journal/" + segment)
        #expect(contains(bytes, Array(#""name":"\#(name)""#.precomposedStringWithCanonicalMapping.utf8)))
        #expect(contains(bytes, Array(#""sourcedoc":"\#(name)""#.precomposedStringWithCanonicalMapping.utf8)))
        #expect(contains(bytes, Array(#""name":"\#(name) mới""#.precomposedStringWithCanonicalMapping.utf8)))
        #expect(!contains(bytes, nfd))
        #expect(!contains(bytes, Array("Nà".decomposedStringWithCanonicalMapping.utf8)))
    }

    @Test func messagesInVietnamese() {
        let f = RecordFixture()
        f.refuse(["--lang", "vi", "record", "admission", "--unit", "muong", "--date", "2024-07-01", "--count", "-1"], """
            lỗi: --date 01/07/2024 là ngày trong tương lai (hôm nay 01/06/2024); kiểm tra lại, hoặc thêm --allow-future nếu là sự kiện dự kiến
            lỗi: --unit 'muong' khớp nhiều đơn vị: muong-lan (Đảng ủy xã Mường Lạn); muong-va (Đảng ủy xã Mường Và); hãy ghi mã đơn vị
            lỗi: --count '-1' phải là số nguyên, tối thiểu 1 (ví dụ 25, hoặc 4.014)
            """)
        f.refuse(["record", "unit", "--id", "ban-na", "--name", "Bản Nà", "--kind", "celll", "--parent", "xa-cu", "--date", "2021-01-01",
                  "--lang", "vi"], """
            lỗi: --kind 'celll': loại đơn vị không tồn tại; dùng Chi bộ trực thuộc hoặc một trong: \(RecordFixture.kindsInVietnamese)
            lỗi: --parent 'xa-cu': xa-cu không còn tồn tại vào ngày 01/01/2021 (giải thể ngày 01/01/2020); hãy dùng ngày trước 01/01/2020
            """)
        f.refuse(["record", "conference", "--unit", "xyz", "--date", "2024-01-23", "--title", "Họp", "--figure", "membrs=-5", "--lang", "vi"], """
            lỗi: --unit 'xyz': không có đơn vị này; xem danh sách bằng `socai replay` hoặc ghi mới bằng `socai record unit`
            lỗi: --figure membrs=-5: số liệu 'membrs' không tồn tại; có phải ý bạn là members?
            """)
        // Warnings and the outcome too.
        let warned = f.run(["record", "rating", "--unit", "sop-cop", "--year", "2023", "--of", "organizations", "--excellent", "6",
                            "--good", "20", "--rated", "30", "--lang", "vi", "--event-id", "01900000-0000-7000-8000-0000000000e1"])
        #expect(warned.status == 0)
        #expect(warned.stderr == """
            cảnh báo: các mức cộng lại là 26, không phải 30 (vẫn ghi như tài liệu; `socai check` sẽ báo)
            cảnh báo: số xuất sắc (6) vượt 20% số hoàn thành tốt (20); quy định tính theo từng TCCSĐ (vẫn ghi)

            """)
        #expect(warned.stdout == "đã ghi số 10 mã 01900000-0000-7000-8000-0000000000e1\n")
    }

    @Test func datesInEveryAcceptedForm() {
        let f = RecordFixture()
        // A count of its own each time: the same admission again would be warned as a possible duplicate.
        for (count, date) in ["2023-12-31", "31/12/2023", "31-12-2023", "Chủ nhật, 31/12/2023"].enumerated() {
            f.record(["admission", "--unit", "ban-pe", "--date", date, "--count", String(count + 1)])
            #expect(f.lastEvent == #"vn.socai.admission.v1 ban-pe 2023-12-31T00:00:00+07:00 {"count":\#(count + 1)}"#, "\(date)")
        }
        f.refuse(["record", "admission", "--unit", "ban-pe", "--date", "Thứ Năm, 16/05/2018", "--count", "1"],
                 "error: --date 'Thứ Năm, 16/05/2018': the weekday does not match the date (2018-05-16 is a Wednesday)")
        f.refuse(["record", "admission", "--unit", "ban-pe", "--date", "12/31/2023", "--count", "1"],
                 "error: --date '12/31/2023': there is no such day")
    }

    @Test func allowFutureAcceptsAPlannedEvent() {
        let f = RecordFixture()
        f.record(["conference", "--unit", "sop-cop", "--date", "2025-08-20", "--title", "Đại hội nhiệm kỳ 2025-2030", "--kind", "congress",
                  "--term", "2025-2030", "--allow-future"])
        #expect(f.lastEvent == #"vn.socai.conference.v1 sop-cop 2025-08-20T00:00:00+07:00 {"title":"Đại hội nhiệm kỳ 2025-2030","kind":"congress","term":"2025-2030"}"#)
    }

    /// CONTRACT.md: a record may carry the percentages its document printed, whatever its type;
    /// `check` recomputes them. A correction has none of its own.
    @Test func everyRecordTakesPrintedPercentages() {
        let f = RecordFixture()
        f.record(["merger", "--in", "sop-cop", "--of", "village", "--before", "128", "--after", "101", "--since", "2020-01-01",
                  "--date", "2023-12-31", "--printed", "villages-reduction=21,1"])
        #expect(f.lastEvent == #"vn.socai.merger.v1 sop-cop 2023-12-31T00:00:00+07:00 {"in":"sop-cop","of":"village","before":128,"after":101,"since":"2020-01-01","printed":{"villages-reduction":"21.1"}}"#)
        f.record(["admission", "--unit", "ban-pe", "--date", "2023-03-01", "--count", "2", "--printed", "admissions-with-degree-share=50"])
        #expect(f.lastEvent == #"vn.socai.admission.v1 ban-pe 2023-03-01T00:00:00+07:00 {"count":2,"printed":{"admissions-with-degree-share":"50"}}"#)
        for arguments in [["unit", "--id", "ban-moi", "--name", "Chi bộ bản Mới", "--kind", "cell", "--parent", "muong-lan", "--date", "2023-01-01"],
                          ["rename", "--unit", "ban-ca", "--name", "Chi bộ bản Cá A", "--date", "2023-01-01"],
                          ["move", "--unit", "ban-hua", "--parent", "muong-lan", "--date", "2023-01-01"],
                          ["departure", "--unit", "ban-pe", "--date", "2023-04-01", "--count", "1", "--reason", "death"],
                          ["arrival", "--unit", "ban-pe", "--date", "2023-04-01", "--count", "1"],
                          ["merger", "--from", "ban-pe,ban-moi", "--into", "ban-moi", "--date", "2023-05-01"],
                          ["dissolve", "--unit", "ban-moi", "--date", "2023-06-01"]] {
            f.record(arguments + ["--printed", "villages-reduction=1,5"])
            #expect(f.lastEvent.hasSuffix(#""printed":{"villages-reduction":"1.5"}}"#), "\(arguments[0])")
        }
        let log = f.run(["log", "--type", "merger"])
        #expect(log.stdout.contains("village 128 → 101 in sop-cop; printed villages-reduction=21.1%"))
        let check = f.run(["check", "--notes"])
        #expect(check.stdout.contains("note [printed-percent] sop-cop 2023-12-31 villages-reduction: 21.1% = (128 − 101)/128 = 21.0938…%, rounded"), "\(check)")
        // Bad names are refused on any type; a correction takes none.
        f.refuse(["record", "arrival", "--unit", "ban-ca", "--date", "2023-04-01", "--count", "1", "--printed", "villages-reductoin=3"],
                 "error: --printed 'villages-reductoin=3': 'villages-reductoin' does not say what the percentage is of; did you mean villages-reduction, cells-reduction?")
        let correction = f.run(["record", "correction", "--event", "01900000-0000-7000-8000-0000000000d1", "--reason", "x",
                                "--retract", "--printed", "villages-reduction=1"])
        #expect(correction.status == 64)
        #expect(correction.stderr.hasPrefix("error: unknown option --printed"))
    }

    @Test func usageErrorsExit64AndWriteNothing() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let cases: [([String], String)] = [
            (["record", "admission", "--unit", "ban-pe", "--date", "2023-01-01"],
             "error: missing required option --count\n  hint: add --count <N>\n  see: socai record admission --help\n"),
            (["record", "admision", "--unit", "ban-pe"],
             "error: unknown command 'admision'\n  hint: did you mean 'admission'?\n  see: socai record --help\n"),
            (Self.admission + ["--cout", "2"],
             "error: unknown option --cout\n  hint: did you mean --count?\n  see: socai record admission --help\n"),
            (Self.admission + ["--expect-seq", "x"],
             "error: --expect-seq 'x' must be a whole number\n  see: socai record admission --help\n"),
        ]
        for (arguments, stderr) in cases {
            let result = f.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == stderr)
        }
        #expect(f.journal.journalBytes == before)
    }
}

/// Whether `needle` occurs in `haystack`, byte for byte.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
    return (0...(haystack.count - needle.count)).contains { start in haystack[start..<start + needle.count].elementsEqual(needle) }
}
