import SocaiTestSupport
import Testing

/// `record merger`: named units into a new or an existing unit, or merger totals.
@Suite struct RecordMergerTests {
    @Test func mergesUnitsIntoANewUnit() {
        let f = RecordFixture()
        f.record(["merger", "--from", "ban-pe,ban ca", "--into", "ban-moi", "--name", "Chi bộ bản Mới", "--kind", "cell",
                  "--date", "2023-03-01"])
        #expect(f.lastEvent == #"vn.socai.merger.v1 ban-moi 2023-03-01T00:00:00+07:00 {"from":["ban-pe","ban-ca"],"into":"ban-moi","name":"Chi bộ bản Mới","kind":"cell","parent":"muong-lan"}"#)
        // The new unit exists from the merger on; the sources are closed.
        f.record(["admission", "--unit", "Chi bo ban Moi", "--date", "2023-03-01", "--count", "1"])
        f.refuse(["record", "admission", "--unit", "ban-pe", "--date", "2023-03-01", "--count", "1"],
                 "error: --unit 'ban-pe': ban-pe no longer existed on 2023-03-01 (merged into ban-moi on 2023-03-01); record it for ban-moi or use a date before 2023-03-01")
    }

    @Test func mergesUnitsIntoAnExistingUnitOrAsTotals() {
        let f = RecordFixture()
        f.record(["merger", "--from", "muong-lan", "--from", "muong-va", "--into", "muong-va", "--date", "2023-03-01"])
        #expect(f.lastEvent == #"vn.socai.merger.v1 muong-va 2023-03-01T00:00:00+07:00 {"from":["muong-lan","muong-va"],"into":"muong-va"}"#)
        f.record(["merger", "--in", "sop-cop", "--of", "village", "--before", "128", "--after", "101", "--rounds", "3",
                  "--since", "2020-01-01", "--date", "2023-12-31"])
        #expect(f.lastEvent == #"vn.socai.merger.v1 sop-cop 2023-12-31T00:00:00+07:00 {"in":"sop-cop","of":"village","before":128,"after":101,"rounds":3,"since":"2020-01-01"}"#)
    }

    @Test func refusesAnInvalidMerger() {
        let f = RecordFixture()
        func merger(_ from: String, into: String = "ban-ca", _ more: String...) -> [String] {
            ["record", "merger", "--from", from, "--into", into, "--date", "2023-03-01"] + more
        }
        // A source listed twice.
        f.refuse(merger("ban-pe,ban-pe"), "error: ban-pe is listed twice in --from; list each unit once")
        // A closed source.
        f.refuse(merger("ban-pe,xa-cu"),
                 "error: --from 'xa-cu': xa-cu no longer existed on 2023-03-01 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // An unknown source.
        f.refuse(merger("ban-pe,ban-zz"),
                 "error: --from 'ban-zz': no such unit; did you mean ban-pe (Chi bộ bản Pe); ban-ca (Chi bộ bản Cá)?")
        // A new unit whose id is taken, or malformed.
        f.refuse(merger("ban-pe", "--name", "Bản Cá mới", "--kind", "cell"),
                 "error: unit id 'ban-ca' already exists; drop --name to merge into it, or choose a new id")
        f.refuse(merger("ban-pe", into: "Ban_X", "--name", "Bản X", "--kind", "cell"),
                 "error: new unit id 'Ban_X' must be lowercase ASCII letters, digits and dashes")
        // Into a unit that lies under a source, or into the only source.
        f.refuse(merger("muong-lan", into: "ban-pe"),
                 "error: --into 'ban-pe': ban-pe lies under muong-lan; merging a unit into its own subunit would make a cycle: merge into a unit outside muong-lan")
        f.refuse(merger("ban-pe", into: "ban-pe"), "error: nothing to merge: the only source is the target itself; list the units it absorbs")
        // Before the units existed: every one named.
        f.refuse(["record", "merger", "--from", "ban-pe,ban-ca", "--into", "ban-hua", "--date", "2009-03-01"], """
            error: --from 'ban-pe': ban-pe did not exist yet on 2009-03-01 (established 2010-01-01); use a date on or after 2010-01-01
            error: --from 'ban-ca': ban-ca did not exist yet on 2009-03-01 (established 2010-01-01); use a date on or after 2010-01-01
            error: --into 'ban-hua': ban-hua did not exist yet on 2009-03-01 (established 2010-01-01); use a date on or after 2010-01-01
            """)
    }

    @Test func refusesInvalidMergerTotals() {
        let f = RecordFixture()
        // More units after than before.
        f.refuse(["record", "merger", "--in", "sop-cop", "--of", "village", "--before", "101", "--after", "128", "--date", "2023-12-31"],
                 "error: a merger leaves fewer units: --after 128 must be less than --before 101")
        // An unknown kind, a negative and a fractional count.
        f.refuse(["record", "merger", "--in", "sop-cop", "--of", "vilage", "--before", "-1", "--after", "1.5", "--date", "2023-12-31"], """
            error: --of 'vilage': unknown kind; use village or one of: \(RecordFixture.kinds)
            error: --before '-1' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)
            error: --after '1.5' must be a whole number, at least 1 (e.g. 25, or 4.014 / 4,014 with grouping)
            """)
        // Named units mixed into totals, and a period that ends before it starts.
        f.refuse(["record", "merger", "--in", "sop-cop", "--of", "village", "--before", "128", "--after", "101", "--from", "ban-pe",
                  "--since", "2024-01-01", "--date", "2023-12-31"], """
            error: --from is for a merger of named units; totals use --in, --of, --before, --after
            error: --since 2024-01-01 is after --date 2023-12-31; the period must start before it ends
            """)
    }
}
