import Foundation
import SocaiTestSupport
import Testing

/// `socai import FILE`: every line validated first, then one all-or-nothing batch; every problem
/// reported at once with its line number.
@Suite struct ImportTests {
    /// 1,000 lines: two new units, then admissions at them and at seeded units; `bad` replaces
    /// line 731.
    static func thousandLines(bad: String? = nil) -> String {
        var lines = [
            #"{"type":"unit","id":"ban-moi-1","name":"Chi bộ bản Mới 1","kind":"cell","parent":"muong-va","date":"2015-01-01"}"#,
            #"{"type":"unit","id":"ban-moi-2","name":"Chi bộ bản Mới 2","kind":"cell","parent":"muong-va","date":"2015-01-01"}"#,
        ]
        let units = ["ban-moi-1", "ban-moi-2", "ban-pe", "ban-ca", "ban-hua"]
        for i in 0..<998 {
            lines.append(#"{"type":"admission","unit":"\#(units[i % units.count])","date":"2023-\#(String(format: "%02d", i % 12 + 1))-01","count":1}"#)
        }
        if let bad { lines[730] = bad }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func oneBadLineInAThousandWritesNothingAndNamesTheLine() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let refused = f.journal.importing("many.jsonl", Self.thousandLines(bad: #"{"type":"admission","unit":"ban-pe","date":"2023-02-01","count":-1}"#))
        #expect(refused.status == 64)
        #expect(refused.stderr == """
            error: line 731: --count '-1' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)
            nothing was written.

            """)
        #expect(refused.stdout == "")
        #expect(f.journal.journalBytes == before)

        let accepted = f.journal.importing("many.jsonl", Self.thousandLines())
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout == "recorded 1,000 events, seq 10–1009\n")
        #expect(f.lines.count == 1009)
        #expect(f.summary(f.lines[11]) == #"vn.socai.admission.v1 ban-moi-1 2023-01-01T00:00:00+07:00 {"count":1}"#)
        #expect(f.journal.run(["verify"]).status == 0)
    }

    @Test func everyProblemIsReportedAtOnceInLineOrder() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let result = f.journal.importing("mixed.jsonl", """
            {"type":"unit","id":"ban-na","name":"Chi bộ bản Nà","kind":"cell","parent":"muong-lan","date":"2015-01-01"}
            {"type":"admission","unit":"ban-na","date":"2023-02-01","count":1}
            {"type":"admission","unit":"ban-na","date":"2023-02-01","count":-1}
            {"type":"admission","unit":"ban-xyz","date":"2023-02-01","count":1}
            {"type":"conference","unit":"ban-na","date":"2023-02-01","title":"Họp","figures":{"members":10,"membrs":3}}
            not json

            {"type":"admision","unit":"ban-na"}
            {"type":"unit","id":"ban-na","name":"Chi bộ bản Nà","kind":"cell","parent":"muong-lan","date":"2015-01-01"}
            {"unit":"ban-na"}
            {"type":"departure","unit":"ban-na","date":"2024-12-01","count":1,"reason":"death","colour":"red"}
            """)
        #expect(result.status == 64)
        #expect(result.stderr == """
            error: line 3: --count '-1' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)
            error: line 4: --unit 'ban-xyz': no such unit; list units with `socai replay` or record it with `socai record unit`
            error: line 5: --figure membrs=3: unknown figure 'membrs'; did you mean members?
            error: line 6: not valid JSON: invalid literal at byte 1
            error: line 8: type 'admision': unknown event type; use admission or one of: unit, rename, move, dissolve, conference, admission, departure, arrival, merger, rating, correction
            error: line 9: unit id 'ban-na' is already used by ban-na (Chi bộ bản Nà); choose another id
            error: line 10: "type" is missing: the record subcommand (admission, conference, …)
            error: line 11: 'colour' is not a field of departure; its fields are unit, date, count, reason, since, printed
            error: line 11: --date 2024-12-01 is in the future (today is 2024-06-01); check the date, or pass --allow-future to record a planned event
            nothing was written.

            """)
        #expect(f.journal.journalBytes == before)
        // The same in Vietnamese.
        let vietnamese = f.journal.run(["import", "mixed.jsonl", "--lang", "vi"])
        #expect(vietnamese.stderr.hasPrefix("lỗi: dòng 3: --count '-1' phải là số nguyên, tối thiểu 1 (ví dụ 25, hoặc 4.014)\n"))
        #expect(vietnamese.stderr.hasSuffix("không ghi gì vào sổ.\n"))
    }

    @Test func laterLinesReferToUnitsEstablishedByEarlierLines() {
        let f = RecordFixture()
        let result = f.journal.importing("new-commune.jsonl", """
            {"type":"unit","id":"xa-moi","name":"Đảng ủy xã Mường Mới","kind":"base-committee","parent":"sop-cop","date":"2015-01-01"}
            {"type":"unit","id":"ban-a","name":"Chi bộ bản A","kind":"cell","setting":"ban","parent":"muong moi","date":"2015-01-01"}
            {"type":"unit","id":"ban-b","name":"Chi bộ bản B","kind":"cell","setting":"ban","parent":"xa-moi","date":"2015-01-01"}
            {"type":"admission","unit":"ban-a","date":"2023-02-01","count":3,"event-id":"01900000-0000-7000-8000-0000000000f1"}
            {"type":"departure","unit":"Chi bo ban B","date":"2023-02-01","count":1,"reason":"death"}
            {"type":"rename","unit":"ban-b","name":"Chi bộ bản Bó","date":"2023-03-01"}
            {"type":"conference","unit":"xa-moi","date":"2023-03-01","title":"Sơ kết","figures":{"members":52}}
            {"type":"merger","from":["ban-a","ban bo"],"into":"ban-ab","name":"Chi bộ bản A Bó","kind":"cell","date":"2023-06-01"}
            {"type":"arrival","unit":"ban-ab","date":"2023-07-01","count":2}
            {"type":"rating","unit":"xa-moi","year":2023,"of":"cells","excellent":0,"good":1}
            {"type":"correction","event":"01900000-0000-7000-8000-0000000000f1","reason":"nhầm","set":{"count":4}}
            """)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "recorded 11 events, seq 10–20\n")
        #expect(f.lines.suffix(11).map(f.summary) == [
            #"vn.socai.unit.established.v1 xa-moi 2015-01-01T00:00:00+07:00 {"id":"xa-moi","name":"Đảng ủy xã Mường Mới","kind":"base-committee","parent":"sop-cop"}"#,
            #"vn.socai.unit.established.v1 ban-a 2015-01-01T00:00:00+07:00 {"id":"ban-a","name":"Chi bộ bản A","kind":"cell","setting":"ban","parent":"xa-moi"}"#,
            #"vn.socai.unit.established.v1 ban-b 2015-01-01T00:00:00+07:00 {"id":"ban-b","name":"Chi bộ bản B","kind":"cell","setting":"ban","parent":"xa-moi"}"#,
            #"vn.socai.admission.v1 ban-a 2023-02-01T00:00:00+07:00 {"count":3}"#,
            #"vn.socai.departure.v1 ban-b 2023-02-01T00:00:00+07:00 {"count":1,"reason":"death"}"#,
            #"vn.socai.unit.renamed.v1 ban-b 2023-03-01T00:00:00+07:00 {"name":"Chi bộ bản Bó"}"#,
            #"vn.socai.conference.v1 xa-moi 2023-03-01T00:00:00+07:00 {"title":"Sơ kết","kind":"other","figures":{"members":52}}"#,
            #"vn.socai.merger.v1 ban-ab 2023-06-01T00:00:00+07:00 {"from":["ban-a","ban-b"],"into":"ban-ab","name":"Chi bộ bản A Bó","kind":"cell","parent":"xa-moi"}"#,
            #"vn.socai.arrival.v1 ban-ab 2023-07-01T00:00:00+07:00 {"count":2}"#,
            #"vn.socai.rating.v1 xa-moi 2023-12-31T00:00:00+07:00 {"year":2023,"of":"cells","excellent":0,"good":1}"#,
            #"vn.socai.correction.v1 ban-a 2023-02-01T00:00:00+07:00 {"event":"01900000-0000-7000-8000-0000000000f1","eventseq":13,"reason":"nhầm","set":{"count":4}}"#,
        ])
    }

    /// Import extends the unit registry in place for each new unit (rebuilding it per line was
    /// quadratic); after flows, renames and mergers it must still see exactly what came before.
    @Test func unitsAfterFlowsRenamesAndMergersSeeEverythingBeforeThemAndNothingAfter() {
        let f = RecordFixture()
        let lines = [
            #"{"type":"unit","id":"xa-moi","name":"Đảng ủy xã Mường Mới","kind":"base-committee","parent":"sop-cop","date":"2015-01-01"}"#,
            #"{"type":"admission","unit":"xa-moi","date":"2016-02-01","count":3}"#,
            #"{"type":"unit","id":"ban-c","name":"Chi bộ bản C","kind":"cell","parent":"muong moi","date":"2016-01-01"}"#,
            #"{"type":"rename","unit":"xa-moi","name":"Đảng ủy xã Mường Mới Hai","date":"2017-01-01"}"#,
            #"{"type":"unit","id":"ban-d","name":"Chi bộ bản D","kind":"cell","parent":"muong moi hai","date":"2018-01-01"}"#,
            #"{"type":"merger","from":["ban-c","ban-d"],"into":"ban-cd","name":"Chi bộ bản C D","kind":"cell","date":"2019-01-01"}"#,
            #"{"type":"unit","id":"xa-sau","name":"Đảng ủy xã Sau","kind":"base-committee","parent":"ban-z","date":"2019-01-01"}"#,
            #"{"type":"unit","id":"ban-z","name":"Chi bộ bản Z","kind":"cell","parent":"xa-moi","date":"2019-01-01"}"#,
            #"{"type":"admission","unit":"ban-cd","date":"2019-02-01","count":2}"#,
        ]
        let refused = f.journal.importing("units.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("error: line 7: "), "ban-z is established by a later line: \(refused.stderr)")
        #expect(refused.stderr.components(separatedBy: "error: ").count == 2, "only line 7: \(refused.stderr)")

        var fixed = lines
        fixed.remove(at: 6)
        let accepted = f.journal.importing("units.jsonl", fixed.joined(separator: "\n") + "\n")
        #expect(accepted.status == 0, "\(accepted)")
        let replay = f.journal.run(["replay", "--to", "2019-12-31", "--unit", "xa-moi"])
        for expected in ["Đảng ủy xã Mường Mới Hai", "Chi bộ bản C D", "Chi bộ bản Z"] {
            #expect(replay.stdout.contains(expected), "\(expected) in \(replay.stdout)")
        }
        #expect(f.journal.run(["verify"]).status == 0)
    }

    @Test func csvWithFigureTargetAndPrintedColumns() {
        let f = RecordFixture()
        let result = f.journal.importing("conferences.csv", """
            type,unit,date,title,kind,term,figures.members,figures.villages-without-members,targets.admissions,printed.admissions-attainment,count,source
            conference,sop-cop,2020-08-14,Đại hội,congress,2020-2025,"3.890",95@2016-05-23,400,,,Báo cáo chính trị
            admission,ban-pe,2021-03-01,,,,,,,,25,
            conference,sop cop,31/12/2023,"Hội nghị sơ kết, giữa nhiệm kỳ",review,2020-2025,4014,8,,"117,3",,

            """)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "recorded 3 events, seq 10–12\n")
        #expect(f.lines.suffix(3).map(f.summary) == [
            #"vn.socai.conference.v1 sop-cop 2020-08-14T00:00:00+07:00 {"title":"Đại hội","kind":"congress","term":"2020-2025","figures":{"members":3890,"villages-without-members":"95@2016-05-23"},"targets":{"admissions":400}}"#,
            #"vn.socai.admission.v1 ban-pe 2021-03-01T00:00:00+07:00 {"count":25}"#,
            #"vn.socai.conference.v1 sop-cop 2023-12-31T00:00:00+07:00 {"title":"Hội nghị sơ kết, giữa nhiệm kỳ","kind":"review","term":"2020-2025","figures":{"members":4014,"villages-without-members":8},"printed":{"admissions-attainment":"117.3"}}"#,
        ])
        #expect(f.attribute("sourcedoc", of: f.lines[9]) == "Báo cáo chính trị")
        #expect(f.attribute("sourcedoc", of: f.lines[10]) == nil)
    }

    @Test func csvProblemsNameTheFileLine() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let result = f.journal.importing("bad.csv", """
            type,unit,date,count,figures.membrs,colour
            admission,ban-pe,2023-01-01,x,,
            conference,ban-pe,2023-12-31,,5,
            admission,nowhere,2023-01-01,1,,
            admission,ban-pe,2023-01-01,1,,red

            """)
        #expect(result.status == 64)
        #expect(result.stderr == """
            error: line 2: --count 'x' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)
            error: line 3: --title is required
            error: line 3: --figure membrs=5: unknown figure 'membrs'; did you mean members?
            error: line 4: --unit 'nowhere': no such unit; list units with `socai replay` or record it with `socai record unit`
            error: line 5: 'colour' is not a field of admission; its fields are unit, date, count, since, printed
            nothing was written.

            """)
        #expect(f.journal.journalBytes == before)
    }

    @Test func refusesAnIDUsedTwiceAndAnOptionGivenTwice() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let result = f.journal.importing("twice.jsonl", """
            {"type":"admission","unit":"ban-pe","date":"2023-01-01","count":1,"event-id":"01900000-0000-7000-8000-0000000000c1"}
            {"type":"admission","unit":"ban-ca","date":"2023-01-01","count":2,"event-id":"01900000-0000-7000-8000-0000000000C1"}
            {"type":"admission","unit":["ban-pe","ban-ca"],"date":"2023-01-01","count":1}

            """)
        #expect(result.status == 64)
        #expect(result.stderr == """
            error: line 2: event-id 01900000-0000-7000-8000-0000000000c1 is already used by line 1; give each event its own id
            error: line 3: --unit is given 2 times; give it once
            nothing was written.

            """)
        #expect(f.journal.journalBytes == before)
    }

    @Test func dryRunExpectSeqAndRetriedImports() {
        let f = RecordFixture()
        let before = f.journal.journalBytes
        let file = """
            {"type":"admission","unit":"ban-pe","date":"2023-01-01","count":1,"event-id":"01900000-0000-7000-8000-0000000000c1"}
            {"type":"admission","unit":"ban-ca","date":"2023-01-01","count":2,"event-id":"01900000-0000-7000-8000-0000000000c2"}

            """
        let dry = f.journal.importing("ids.jsonl", file, ["--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout == """
            valid (dry run, nothing written): admission ban-pe 2023-01-01: 1
            valid (dry run, nothing written): admission ban-ca 2023-01-01: 2
            dry run: 2 events valid, 0 warnings; nothing written

            """)
        let stale = f.journal.run(["import", "ids.jsonl", "--expect-seq", "3"])
        #expect(stale.status == 75)
        #expect(stale.stderr == "error: the journal's last seq is 9, not 3 as --expect-seq said; someone recorded in the meantime; nothing was written\n")
        #expect(f.journal.journalBytes == before)

        let first = f.journal.run(["import", "ids.jsonl", "--expect-seq", "9"])
        #expect(first.stdout == "recorded 2 events, seq 10–11\n")
        let written = f.journal.journalBytes
        let retry = f.journal.run(["import", "ids.jsonl"])
        #expect(retry.status == 0)
        #expect(retry.stdout == """
            already recorded: seq 10 id 01900000-0000-7000-8000-0000000000c1 (nothing written)
            already recorded: seq 11 id 01900000-0000-7000-8000-0000000000c2 (nothing written)

            """)
        #expect(f.journal.journalBytes == written)
    }

    /// DECISIONS "The same file imported twice": a line without an `event-id` gets one derived from
    /// the file's text through that line, so the same file again records nothing, a file that grew
    /// records only its new lines, and identical lines inside one file stay two events.
    @Test func aFileImportedAgainRecordsOnlyItsNewLines() {
        let f = RecordFixture()
        let admission = #"{"type":"admission","unit":"ban-pe","date":"2023-01-01","count":1}"#
        let arrival = #"{"type":"arrival","unit":"ban-ca","date":"2023-02-01","count":2}"#
        let file = admission + "\n" + admission + "\n" + arrival + "\n"
        let first = f.journal.importing("month.jsonl", file)
        #expect(first.stdout == "recorded 3 events, seq 10–12\n", "identical lines of one file are two events")
        #expect(first.stderr.contains("already recorded as seq 10"), "and the second is warned as a possible duplicate")
        let written = f.journal.journalBytes
        let again = f.journal.importing("month.jsonl", file)
        #expect(again.status == 0)
        #expect(again.stdout == "0 new events, 3 already recorded from this file (not recorded again)\n")
        #expect(f.journal.journalBytes == written)
        // The clerk adds this month's row and imports the file again: only that row is new.
        let grown = f.journal.importing("month.jsonl", file + #"{"type":"admission","unit":"ban-hua","date":"2023-03-01","count":1}"# + "\n")
        #expect(grown.stdout.hasPrefix("recorded seq 13 id "), "\(grown)")
        #expect(grown.stdout.hasSuffix("1 new event, 3 already recorded from this file (not recorded again)\n"), "\(grown)")
        // The same line in another file is another document's fact: recorded.
        let other = f.journal.importing("other.jsonl", arrival + "\n")
        #expect(other.stdout.hasPrefix("recorded seq 14 id "), "\(other)")
    }

    /// A JSON Lines file saved with Windows line ends (`\r\n`) is the same lines: before, the
    /// `\r\n` pairs were not line ends and the whole file was refused as one line ("unexpected bytes
    /// after the JSON value"). Its derived ids are those of the same file with `\n` (ImportLineIDs
    /// hashes lines without their ends), so importing either after the other records nothing.
    @Test func aFileWithWindowsLineEndsIsTheSameLines() {
        let f = RecordFixture()
        let lines = [#"{"type":"admission","unit":"ban-pe","date":"2023-01-01","count":1}"#,
                     #"{"type":"arrival","unit":"ban-ca","date":"2023-02-01","count":2}"#,
                     #"{"type":"conference","unit":"ban-ca","date":"2023-03-01","title":"Báo cáo","figures":{"members":40}}"#]
        let crlf = f.journal.importing("month.jsonl", lines.joined(separator: "\r\n") + "\r\n")
        #expect(crlf.status == 0 && crlf.stdout == "recorded 3 events, seq 10–12\n", "\(crlf)")
        let again = f.journal.importing("month.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(again.stdout == "0 new events, 3 already recorded from this file (not recorded again)\n", "\(again)")
        // Another journal's export read as a clerk's file: the error names the option that reads it.
        let exported = f.journal.run(["export", "--format", "cloudevents-lines"]).stdout
        let wrongFormat = f.journal.importing("other.jsonl", exported)
        #expect(wrongFormat.status == 64 && wrongFormat.stderr.contains("is a CloudEvents line of another journal; import the file with --format cloudevents-lines"),
                "\(wrongFormat)")
    }
}
