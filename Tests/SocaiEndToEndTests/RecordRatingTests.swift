import SocaiTestSupport
import Testing

/// `record rating`: tiers as counts or printed shares, totals, and the warnings that do not refuse.
@Suite struct RecordRatingTests {
    @Test func recordsRatingsAsCountsAndAsPrintedShares() {
        let f = RecordFixture()
        // Seed 004, organisations: 6 / 32 / 3 / 0 of 41, "15,2%" printed.
        f.record(["rating", "--unit", "sop-cop", "--year", "2023", "--of", "organizations", "--excellent", "6", "--good", "32",
                  "--completed", "3", "--failed", "0", "--rated", "41", "--printed", "excellent-share=15,2", "--regulation", "QĐ 124-QĐ/TW"])
        #expect(f.lastEvent == #"vn.socai.rating.v1 sop-cop 2023-12-31T00:00:00+07:00 {"year":2023,"of":"organizations","excellent":6,"good":32,"completed":3,"failed":0,"rated":41,"regulation":"QĐ 124-QĐ/TW","printed":{"excellent-share":"15.2"}}"#)
        // "Good" printed as good-or-better, with those exempt and not rated.
        f.record(["rating", "--unit", "muong-lan", "--year", "2022", "--of", "members", "--good-or-better", "60", "--excellent", "10",
                  "--completed", "5", "--failed", "1", "--exempt", "3", "--unrated", "2"])
        #expect(f.lastEvent == #"vn.socai.rating.v1 muong-lan 2022-12-31T00:00:00+07:00 {"year":2022,"of":"members","excellent":10,"good-or-better":60,"completed":5,"failed":1,"exempt":3,"unrated":2}"#)
    }

    @Test func warnsButRecordsTiersThatDoNotAddUpAndExcellenceOverTheCap() {
        let f = RecordFixture()
        f.recordWithWarnings(["rating", "--unit", "sop-cop", "--year", "2023", "--of", "organizations", "--excellent", "6", "--good", "32",
                              "--completed", "3", "--failed", "0", "--rated", "42"],
                             "warning: the tiers add up to 41, not the 42 rated (recorded as printed; `socai check` reports it)")
        f.recordWithWarnings(["rating", "--unit", "muong-lan", "--year", "2022", "--of", "members", "--good-or-better", "60",
                              "--excellent", "12", "--completed", "5", "--failed", "1"],
                             "warning: excellent (12) is over 20% of good (48); the cap applies per grassroots organisation (recorded anyway)")
        // Seed 004, members: 15,2% / 75,3% is 20.19%, over the cap at district level (DOMAIN.md §2).
        f.recordWithWarnings(["rating", "--unit", "sop-cop", "--year", "2023", "--of", "members", "--excellent", "15,2%", "--good", "75,3%",
                              "--completed", "8,5%", "--failed", "1%", "--date", "23/01/2024"],
                             "warning: excellent (15.2%) is over 20% of good (75.3%); the cap applies per grassroots organisation (recorded anyway)")
        #expect(f.lastEvent == #"vn.socai.rating.v1 sop-cop 2024-01-23T00:00:00+07:00 {"year":2023,"of":"members","excellent":"15.2%","good":"75.3%","completed":"8.5%","failed":"1%"}"#)
    }

    @Test func refusesAnInvalidRating() {
        let f = RecordFixture()
        func rating(year: String = "2022", of: String = "members", unit: String = "muong-lan", _ tiers: String...) -> [String] {
            ["record", "rating", "--unit", unit, "--year", year, "--of", of] + tiers
        }
        // Negative, fractional and non-numeric tiers.
        f.refuse(rating("--excellent", "-2", "--good", "1.5", "--completed", "x"), """
            error: --excellent '-2' must be a count of 0 or more (6) or a printed share (15,2%)
            error: --good '1.5' must be a count of 0 or more (6) or a printed share (15,2%)
            error: --completed: 'x' is not a figure; write a count (5275 or 5.275), a percentage (2,9%), optionally with ~ > >= < <= before it and @DATE or @FROM..TO after it
            """)
        f.refuse(rating("--good", "-5%"), "error: --good '-5%' must be a count of 0 or more (6) or a printed share (15,2%)")
        // No tier at all.
        f.refuse(rating(), "error: give at least one tier: --excellent, --good, --good-or-better, --completed, --failed")
        // Rating something unknown.
        f.refuse(rating(of: "people", "--excellent", "2"),
                 "error: --of 'people': unknown rating subject; use one of: organizations, cells, committees, members")
        // A year not over yet, or in the future.
        f.refuse(rating(year: "2024", "--excellent", "2"),
                 "error: the 2024 rating would take effect on 2024-12-31, in the future; give --date (when it was decided)")
        f.refuse(rating(year: "2025", "--excellent", "2"), "error: --year '2025' must be a year from 1930 to 2024")
        // A unit closed before the year ended.
        f.refuse(rating(year: "2020", unit: "xa-cu", "--excellent", "2"),
                 "error: --unit 'xa-cu': xa-cu no longer existed on 2020-12-31 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // A negative total and an unknown printed name.
        f.refuse(rating("--excellent", "2", "--printed", "excelent-share=3", "--rated", "-1"), """
            error: --rated '-1' must be a whole number, 0 or more (e.g. 25, or 4.014 / 4,014 with grouping)
            error: --printed 'excelent-share=3': 'excelent-share' does not say what the percentage is of; did you mean excellent-share?
            """)
    }
}
