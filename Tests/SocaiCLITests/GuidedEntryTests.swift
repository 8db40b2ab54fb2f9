import Testing
import SocaiCLI

/// `socai record` with no type on a terminal asks for the event step by step. Answers are typed
/// from a list; running out of answers is end of input (Ctrl-D). The journal is read back with
/// `socai log --json`.
@Suite("Guided entry")
struct GuidedEntryTests {
    static func lastEvent(_ p: InProcess) -> String {
        let log = p.run(["log", "--json"]).stdout
        return String(log.components(separatedBy: "\n").filter { $0.hasPrefix("{") }.last ?? "")
    }

    @Test func admissionByNameWithoutDiacritics() {
        let p = InProcess.sopCop()
        let answers = InProcess.Answers(["admission", "huyen uy sop cop", "", "25", "", "Báo cáo tháng 5", "yes", ""])
        let outcome = p.run(["record"], answers: answers)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("→ sop-cop (Huyện ủy Sốp Cộp)"))
        #expect(outcome.stdout.contains("date [2024-06-01]: "))
        #expect(outcome.stdout.contains("  admission · sop-cop (Huyện ủy Sốp Cộp) · 2024-06-01\n  25\n  source: Báo cáo tháng 5\n"))
        #expect(outcome.stdout.contains("recorded seq 5 id "))
        #expect(answers.remaining == 0)
        let event = Self.lastEvent(p)
        #expect(event.contains("\"type\":\"vn.socai.admission.v1\""))
        #expect(event.contains("\"subject\":\"sop-cop\""))
        #expect(event.contains("\"count\":25"))
        #expect(event.contains("Báo cáo tháng 5"))
    }

    @Test func ambiguousNameIsPickedFromAList() {
        let p = InProcess.sopCop()
        let outcome = p.run(["record"], answers: InProcess.Answers([
            "departure", "muong", "1", "31/05/2024", "3", "dea", "", "", "y", ""]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("'muong' matches several units:\n    1) muong-va (Đảng ủy xã Mường Và)\n    2) muong-lan (Đảng ủy xã Mường Lạn)\n"),
                "\(outcome.stdout)")
        #expect(outcome.stdout.contains("→ death"))
        let event = Self.lastEvent(p)
        #expect(event.contains("\"subject\":\"muong-va\""))
        #expect(event.contains("\"reason\":\"death\""))
        #expect(event.contains("\"time\":\"2024-05-31T"))
    }

    @Test func mistakesAreCaughtAtTheQuestion() {
        let p = InProcess.sopCop()
        let outcome = p.run(["record"], answers: InProcess.Answers([
            "admision",           // a typo: suggested, asked again
            "admission",
            "?",                  // lists the units
            "xyz",                // unknown: asked again
            "sop-cop",
            "23/1",               // no year: refused
            "2024-02-30",         // no such day
            "2024-02-01",
            "",                   // count is needed
            "12",
            "since=2024-01-01",   // another option of admission
            "",
            "",
            "yes",
            "",
        ]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("'admision' is not one of"))
        #expect(outcome.stdout.contains("did you mean admission?"))
        #expect(outcome.stdout.contains("    son-la (Tỉnh ủy Sơn La)\n    sop-cop (Huyện ủy Sốp Cộp)\n"))
        #expect(outcome.stdout.contains("no unit 'xyz'"))
        #expect(outcome.stdout.contains("(needed: type ? for help)"))
        let event = Self.lastEvent(p)
        #expect(event.contains("\"count\":12"))
        #expect(event.contains("\"since\":\"2024-01-01\""))
    }

    @Test func aRefusedEventIsAskedAgainWhereItIsWrong() {
        let p = InProcess.sopCop()
        // A date before the unit existed: EventBuilder refuses it, the date is asked again.
        let outcome = p.run(["record"], answers: InProcess.Answers([
            "admission", "sop-cop", "2010-01-01", "5", "", "", /* again: */ "", "2020-01-01", "yes", ""]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("  error: "))
        #expect(outcome.stdout.contains("Please answer again (Enter keeps the answer in brackets):\nunit [sop-cop]: "))
        #expect(outcome.stdout.contains("date [2010-01-01]: "))
        #expect(Self.lastEvent(p).contains("\"time\":\"2020-01-01T"))
    }

    @Test func conferenceWithFiguresAndTargets() {
        let p = InProcess.sopCop()
        let outcome = p.run(["record"], answers: InProcess.Answers([
            "conference", "sop cop", "2020-08-14", "Đại hội đại biểu lần thứ IV", "congress", "2020-2025", "",
            "members=3545", "villages=128", "", "admissions=400", "", "", "", "", "yes", ""]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Đại hội đại biểu lần thứ IV (congress, 2020-2025); members=3,545 villages=128; targets admissions=400"),
                "\(outcome.stdout)")
        let event = Self.lastEvent(p)
        #expect(event.contains("\"figures\":{\"members\":3545,\"villages\":128}"), "\(event)")
    }

    @Test func mergerIntoANewUnit() {
        let p = InProcess.sopCop()
        let retry = p.run(["record"], answers: InProcess.Answers([
            "merger", "u", "muong va, muong lan", "muong-moi", "Đảng ủy xã Mường Mới", "base-com", "sop cop", "2024-05-01",
            "", "", "yes", ""]))
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(retry.stdout.contains("→ a new unit with id muong-moi"))
        #expect(retry.stdout.contains("muong-va + muong-lan → muong-moi (new: Đảng ủy xã Mường Mới)"), "\(retry.stdout)")
    }

    @Test func decliningWritesNothing() {
        let p = InProcess.sopCop()
        let before = p.run(["log", "--json"]).stdout
        let outcome = p.run(["record"], answers: InProcess.Answers(["arrival", "sop-cop", "", "4", "", "", "no", ""]))
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("not recorded."))
        #expect(outcome.stdout.hasSuffix("nothing was written.\n"))
        #expect(p.run(["log", "--json"]).stdout == before)
    }

    @Test func endOfInputAnywhereCancels() {
        let p = InProcess.sopCop()
        let before = p.run(["log", "--json"]).stdout
        for answered in 0..<6 {
            let answers = Array(["admission", "sop-cop", "", "7", "", ""].prefix(answered))
            let outcome = p.run(["record"], answers: InProcess.Answers(answers))
            #expect(outcome.status == 0)
            #expect(outcome.stdout.hasSuffix("cancelled: nothing was written.\n"), "after \(answered): \(outcome.stdout)")
        }
        #expect(p.run(["log", "--json"]).stdout == before)
    }

    @Test func severalEventsInOneSession() {
        let p = InProcess.sopCop()
        let outcome = p.run(["record", "--lang", "vi"], answers: InProcess.Answers([
            "admission", "sop cop", "", "3", "", "", "có",
            "departure", "sop cop", "", "1", "exit", "", "", "có",
            ""]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("đã ghi số 5"))
        #expect(outcome.stdout.contains("đã ghi số 6"))
        #expect(outcome.stdout.contains("Loại sự kiện tiếp theo (Enter để kết thúc): "))
    }

    @Test func noJournalIsTheUsualError() {
        let outcome = InProcess().run(["record"], answers: InProcess.Answers(["admission"]))
        #expect(outcome.status == 66)
    }
}
