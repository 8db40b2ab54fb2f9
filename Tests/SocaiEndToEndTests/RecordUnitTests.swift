import SocaiTestSupport
import Testing

/// `record unit`, `rename`, `move`, `dissolve`: the unit lifecycle, valid and refused.
@Suite struct RecordUnitTests {
    // MARK: unit

    @Test func establishesAUnitUnderAParentNamedWithoutDiacritics() {
        let f = RecordFixture()
        f.record(["unit", "--id", "ban-na", "--name", "Chi bộ bản Nà", "--kind", "cell", "--setting", "ban",
                  "--parent", "muong lan", "--date", "31/12/2023"])
        #expect(f.lastEvent == #"vn.socai.unit.established.v1 ban-na 2023-12-31T00:00:00+07:00 {"id":"ban-na","name":"Chi bộ bản Nà","kind":"cell","setting":"ban","parent":"muong-lan"}"#)
    }

    @Test func refusesAnInvalidUnit() {
        let f = RecordFixture()
        func unit(_ id: String = "ban-na", kind: String = "cell", parent: String = "muong-lan", date: String = "2023-02-01") -> [String] {
            ["record", "unit", "--id", id, "--name", "Chi bộ bản Nà", "--kind", kind, "--parent", parent, "--date", date]
        }
        // An id already in use.
        f.refuse(unit("sop-cop"), "error: unit id 'sop-cop' is already used by sop-cop (Huyện ủy Sốp Cộp); choose another id")
        // A malformed id and an unknown kind, both reported at once.
        f.refuse(unit("Ban_Na", kind: "celll"), """
            error: unit id 'Ban_Na' must be lowercase ASCII letters, digits and single dashes, e.g. sop-cop
            error: --kind 'celll': unknown kind; use cell or one of: \(RecordFixture.kinds)
            """)
        // An unknown parent, with the nearest ids.
        f.refuse(unit(parent: "muong lam"),
                 "error: --parent 'muong lam': no such unit; did you mean muong-lan (Đảng ủy xã Mường Lạn); muong-va (Đảng ủy xã Mường Và)?")
        // An ambiguous parent, with every candidate.
        f.refuse(unit(parent: "Mường"),
                 "error: --parent 'Mường' matches several units: muong-lan (Đảng ủy xã Mường Lạn); muong-va (Đảng ủy xã Mường Và); give the id")
        // A date before the parent existed, and after it closed.
        f.refuse(unit(date: "2004-12-31"),
                 "error: --parent 'muong-lan': muong-lan did not exist yet on 2004-12-31 (established 2005-01-01); use a date on or after 2005-01-01")
        f.refuse(unit(parent: "xa-cu", date: "2021-01-01"),
                 "error: --parent 'xa-cu': xa-cu no longer existed on 2021-01-01 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // A date in the future, without a year, or that does not exist.
        f.refuse(unit(date: "2024-06-02"),
                 "error: --date 2024-06-02 is in the future (today is 2024-06-01); check the date, or pass --allow-future to record a planned event")
        f.refuse(unit(date: "31/12"), "error: --date '31/12': the date has no year; write it in full, e.g. 31/12/2024")
        f.refuse(unit(date: "2023-02-29"), "error: --date '2023-02-29': there is no such day")
    }

    // MARK: rename

    @Test func renamesAndReKindsAUnit() {
        let f = RecordFixture()
        f.record(["rename", "--unit", "Muong Lan", "--name", "Đảng ủy xã Mường Lạn mới", "--kind", "base-cell", "--date", "2021-05-01"])
        #expect(f.lastEvent == #"vn.socai.unit.renamed.v1 muong-lan 2021-05-01T00:00:00+07:00 {"name":"Đảng ủy xã Mường Lạn mới","kind":"base-cell"}"#)
        // The old name still finds it.
        f.record(["admission", "--unit", "Đảng ủy xã Mường Lạn", "--date", "2021-06-01", "--count", "2"])
        #expect(f.lastEvent == #"vn.socai.admission.v1 muong-lan 2021-06-01T00:00:00+07:00 {"count":2}"#)
    }

    @Test func refusesAnInvalidRename() {
        let f = RecordFixture()
        // Nothing to change.
        f.refuse(["record", "rename", "--unit", "muong-lan", "--date", "2021-05-01"], "error: give the new --name, --kind, --setting or --alias")
        // An unknown kind.
        f.refuse(["record", "rename", "--unit", "muong-lan", "--kind", "comune", "--date", "2021-05-01"],
                 "error: --kind 'comune': unknown kind; use one of: \(RecordFixture.kinds)")
        // A closed unit.
        f.refuse(["record", "rename", "--unit", "xa-cu", "--name", "Xã Cũ", "--date", "2021-05-01"],
                 "error: --unit 'xa-cu': xa-cu no longer existed on 2021-05-01 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // An ambiguous unit.
        f.refuse(["record", "rename", "--unit", "Mường", "--name", "X", "--date", "2021-05-01"],
                 "error: --unit 'Mường' matches several units: muong-lan (Đảng ủy xã Mường Lạn); muong-va (Đảng ủy xã Mường Và); give the id")
    }

    // MARK: move

    @Test func movesAUnitUnderAnotherParent() {
        let f = RecordFixture()
        f.record(["move", "--unit", "ban-pe", "--parent", "muong va", "--date", "2022-01-01"])
        #expect(f.lastEvent == #"vn.socai.unit.moved.v1 ban-pe 2022-01-01T00:00:00+07:00 {"parent":"muong-va"}"#)
    }

    @Test func refusesAnInvalidMove() {
        let f = RecordFixture()
        // Under one of its own descendants.
        f.refuse(["record", "move", "--unit", "sop-cop", "--parent", "ban-pe", "--date", "2022-01-01"],
                 "error: --parent 'ban-pe': ban-pe is sop-cop itself or lies under it; a unit cannot be moved under itself: choose a parent outside sop-cop")
        // Under a closed unit.
        f.refuse(["record", "move", "--unit", "ban-pe", "--parent", "xa-cu", "--date", "2022-01-01"],
                 "error: --parent 'xa-cu': xa-cu no longer existed on 2022-01-01 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // Before the unit existed.
        f.refuse(["record", "move", "--unit", "ban-pe", "--parent", "tinh uy son la", "--date", "2009-01-01"],
                 "error: --unit 'ban-pe': ban-pe did not exist yet on 2009-01-01 (established 2010-01-01); use a date on or after 2010-01-01")
        // Under an unknown unit.
        f.refuse(["record", "move", "--unit", "ban-pe", "--parent", "xyz", "--date", "2022-01-01"],
                 "error: --parent 'xyz': no such unit; list units with `socai replay` or record it with `socai record unit`")
    }

    // MARK: dissolve

    @Test func dissolvesAUnit() {
        let f = RecordFixture()
        f.record(["dissolve", "--unit", "ban-ca", "--date", "2023-03-01", "--reason", "Chi bộ giải thể"])
        #expect(f.lastEvent == #"vn.socai.unit.dissolved.v1 ban-ca 2023-03-01T00:00:00+07:00 {"reason":"Chi bộ giải thể"}"#)
        // From then on it is closed.
        f.refuse(["record", "admission", "--unit", "ban-ca", "--date", "2023-03-01", "--count", "1"],
                 "error: --unit 'ban-ca': ban-ca no longer existed on 2023-03-01 (dissolved on 2023-03-01); use a date before 2023-03-01")
    }

    @Test func refusesAnInvalidDissolution() {
        let f = RecordFixture()
        // Already dissolved.
        f.refuse(["record", "dissolve", "--unit", "xa-cu", "--date", "2021-01-01"],
                 "error: --unit 'xa-cu': xa-cu no longer existed on 2021-01-01 (dissolved on 2020-01-01); use a date before 2020-01-01")
        // In the future.
        f.refuse(["record", "dissolve", "--unit", "ban-ca", "--date", "2025-01-01"],
                 "error: --date 2025-01-01 is in the future (today is 2024-06-01); check the date, or pass --allow-future to record a planned event")
        // An unknown unit, with the nearest ids.
        f.refuse(["record", "dissolve", "--unit", "ban-xx", "--date", "2023-01-01"],
                 "error: --unit 'ban-xx': no such unit; did you mean ban-pe (Chi bộ bản Pe); ban-ca (Chi bộ bản Cá)?")
        // A unit with units still under it: they would be left without a parent.
        f.refuse(["record", "dissolve", "--unit", "muong-lan", "--date", "2023-01-01"],
                 "error: --unit 'muong-lan': 2 unit(s) still lie under muong-lan on or after 2023-01-01 (ban-pe, ban-ca); move, merge or dissolve them first, or name who takes them over with --successor")
        f.record(["move", "--unit", "ban-hua", "--parent", "muong-lan", "--date", "2023-06-01"])
        f.refuse(["record", "dissolve", "--unit", "muong-va", "--date", "2023-01-01", "--lang", "vi"],
                 "lỗi: --unit 'muong-va': còn 1 đơn vị trực thuộc muong-va từ 01/01/2023 (ban-hua); hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước, hoặc ghi đơn vị tiếp nhận bằng --successor")
        // Once its units have moved away, it can close.
        f.record(["dissolve", "--unit", "muong-va", "--date", "2023-06-01"])
        // Before it existed.
        f.refuse(["record", "dissolve", "--unit", "ban-ca", "--date", "2009-12-31"],
                 "error: --unit 'ban-ca': ban-ca did not exist yet on 2009-12-31 (established 2010-01-01); use a date on or after 2010-01-01")
    }
}
