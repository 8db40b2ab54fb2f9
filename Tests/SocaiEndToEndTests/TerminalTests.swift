import Foundation
import SocaiTestSupport
import Testing

/// socai at a real (pseudo) terminal: guided entry typed answer by answer, colour only where it
/// belongs. The journal is checked afterwards with `socai log`.
@Suite("At a terminal")
struct TerminalTests {
    static func journal() -> ScratchJournal {
        let j = ScratchJournal()
        for arguments in [["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
                          ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la",
                           "--date", "2015-01-01"]] {
            let result = j.run(["record"] + arguments)
            precondition(result.status == 0, "\(result)")
        }
        return j
    }

    @Test func guidedEntryRecordsAnAdmissionTypedStepByStep() throws {
        let j = Self.journal()
        let term = try PseudoTerminal(["record"], in: j.directory.path)
        #expect(term.expect("Event type: "), "\(term.transcript)")
        term.sendLine("adm")
        #expect(term.expect("→ admission"))
        #expect(term.expect("unit: "))
        term.sendLine("sop cop")  // no diacritics, no dash: the name is found all the same
        #expect(term.expect("→ sop-cop (Huyện ủy Sốp Cộp)"), "\(term.transcript)")
        #expect(term.expect("date [2024-06-01]: "))
        term.sendLine("")
        #expect(term.expect("count: "))
        term.sendLine("hai mươi")
        #expect(term.expect("is not a whole number"))
        #expect(term.expect("count: "))
        term.sendLine("25")
        #expect(term.expect("Other options"))
        term.sendLine("")
        #expect(term.expect("Source document (optional): "))
        term.sendLine("Báo cáo tháng 5/2024")
        #expect(term.expect("admission · sop-cop (Huyện ủy Sốp Cộp) · 2024-06-01"), "\(term.transcript)")
        #expect(term.expect("Record this event? (yes/no) [yes]: "))
        term.sendLine("")
        #expect(term.expect("recorded seq 3"), "\(term.transcript)")
        #expect(term.expect("Next event type (Enter when done): "))
        term.sendLine("")
        #expect(term.wait() == 0, "\(term.transcript)")

        let log = j.run(["log", "--json", "--from-seq", "3"])
        #expect(log.stdout.contains("\"type\":\"vn.socai.admission.v1\""), "\(log.stdout)")
        #expect(log.stdout.contains("\"count\":25"))
        #expect(log.stdout.contains("Báo cáo tháng 5/2024"))
    }

    /// Tab completes a unit from part of its name, diacritics optional, as `hledger add` does accounts.
    @Test func tabCompletesUnitNames() throws {
        let j = Self.journal()
        let term = try PseudoTerminal(["record"], in: j.directory.path)
        #expect(term.expect("Event type: "))
        term.send("adm\t")
        #expect(term.expect("admission"), "\(term.transcript)")
        term.sendLine("")
        #expect(term.expect("unit: "))
        term.send("so\t")
        // Two units match: both listed, the line extended to what their ids share ("so").
        #expect(term.expect("son-la (Tỉnh ủy Sơn La)"), "\(term.transcript)")
        #expect(term.expect("sop-cop (Huyện ủy Sốp Cộp)"), "\(term.transcript)")
        #expect(!term.transcript.contains("\u{FFFD}"), "the list is shown as it is: \(term.transcript)")
        term.send("\u{15}huyen uy sop\t")
        #expect(term.expect("unit: sop-cop"), "\(term.transcript)")
        term.sendLine("")
        #expect(term.expect("→ sop-cop (Huyện ủy Sốp Cộp)"), "\(term.transcript)")
        #expect(term.expect("date [2024-06-01]: "))
        term.send("31/05\u{03}")  // Ctrl-C half-way through an answer cancels like Ctrl-D
        #expect(term.expect("cancelled: nothing was written."), "\(term.transcript)")
        #expect(term.wait() == 0)
    }

    /// Guided entry in Vietnamese at a terminal: questions, defaults (dd/mm/yyyy, có/không) and the
    /// summary in Vietnamese; Vietnamese answers and Tab on them; figure keys completed before `=`.
    @Test func guidedEntryInVietnameseWithTabOnChoicesAndFigureKeys() throws {
        let j = Self.journal()
        let term = try PseudoTerminal(["record", "--lang", "vi"], in: j.directory.path)
        #expect(term.expect("Loại sự kiện: "), "\(term.transcript)")
        term.sendLine("hội nghị")
        #expect(term.expect("đơn vị: "), "\(term.transcript)")
        term.sendLine("Sốp")
        #expect(term.expect("→ sop-cop (Huyện ủy Sốp Cộp)"))
        #expect(term.expect("ngày [01/06/2024]: "), "\(term.transcript)")
        term.sendLine("31/12/2023")
        #expect(term.expect("tên hội nghị: "))
        term.sendLine("Hội nghị tổng kết năm 2023")
        #expect(term.expect("loại hội nghị (không bắt buộc): "))
        term.send("tong\t")  // "tổng kết" is a word of the review kind: Tab writes its Vietnamese name
        #expect(term.expect("hội nghị sơ kết tổng kết"), "\(term.transcript)")
        term.sendLine("")
        #expect(term.expect("→ hội nghị sơ kết, tổng kết"), "\(term.transcript)")
        #expect(term.expect("nhiệm kỳ (không bắt buộc): "))
        term.sendLine("2020-2025")
        #expect(term.expect("số liệu tính đến ngày (không bắt buộc): "))
        term.sendLine("")
        #expect(term.expect("số liệu (MÃ=GIÁ_TRỊ, Enter để xong): "))
        term.send("memb\t")  // docs/REPORTS.md: memb + Tab → members=
        #expect(term.expect("members="), "\(term.transcript)")
        term.sendLine("4014")
        #expect(term.expect("số liệu (MÃ=GIÁ_TRỊ, Enter để xong): "))
        term.sendLine("")
        #expect(term.expect("chỉ tiêu (MÃ=GIÁ_TRỊ, Enter để xong): "))
        term.send("admissions-per\t")
        #expect(term.expect("admissions-per-year="), "\(term.transcript)")
        term.sendLine("90")
        for _ in 0..<3 {
            #expect(term.expect(": "))
            term.sendLine("")
        }
        #expect(term.expect("Văn bản nguồn (không bắt buộc): "), "\(term.transcript)")
        term.sendLine("Báo cáo tổng kết")
        #expect(term.expect("hội nghị · sop-cop (Huyện ủy Sốp Cộp) · 31/12/2023"), "\(term.transcript)")
        #expect(term.expect("Hội nghị tổng kết năm 2023 (hội nghị sơ kết, tổng kết, 2020-2025); members=4.014; chỉ tiêu admissions-per-year=90"),
                "\(term.transcript)")
        #expect(term.expect("nguồn: Báo cáo tổng kết"))
        #expect(term.expect("Ghi sự kiện này? (có/không) [có]: "))
        term.sendLine("c")
        #expect(term.expect("đã ghi số 3"), "\(term.transcript)")
        #expect(term.expect("Loại sự kiện tiếp theo (Enter để kết thúc): "))
        term.sendLine("giảm")
        #expect(term.expect("đơn vị: "))
        term.sendLine("sop cop")
        #expect(term.expect("ngày [01/06/2024]: "))
        term.sendLine("")
        #expect(term.expect("số lượng: "))
        term.sendLine("1")
        #expect(term.expect("lý do giảm: "))
        term.send("tu\t")
        #expect(term.expect("từ trần"), "\(term.transcript)")
        term.sendLine("")
        #expect(term.expect("Tùy chọn khác (TÊN=GIÁ_TRỊ, Enter để xong, ? để xem): "), "\(term.transcript)")
        term.sendLine("")
        #expect(term.expect("Văn bản nguồn (không bắt buộc): "), "\(term.transcript)")
        term.sendLine("")
        #expect(term.expect("1 từ trần"), "\(term.transcript)")
        #expect(term.expect("Ghi sự kiện này? (có/không) [có]: "))
        term.sendLine("không")
        #expect(term.expect("không ghi."), "\(term.transcript)")
        #expect(term.expect("Loại sự kiện tiếp theo (Enter để kết thúc): "))
        term.sendLine("")
        #expect(term.wait() == 0, "\(term.transcript)")
        #expect(!term.transcript.contains("Event type"), "no English: \(term.transcript)")

        let log = j.run(["log", "--json", "--from-seq", "3"])
        #expect(log.stdout.contains("\"kind\":\"review\""), "stored as the code: \(log.stdout)")
        #expect(log.stdout.contains("\"figures\":{\"members\":4014}"))
        #expect(log.stdout.contains("\"targets\":{\"admissions-per-year\":90}"), "\(log.stdout)")
        #expect(!log.stdout.contains("vn.socai.departure.v1"), "the declined departure was not written")
    }

    @Test func endOfInputCancelsWithNothingWritten() throws {
        let j = Self.journal()
        let before = j.journalBytes
        let term = try PseudoTerminal(["record"], in: j.directory.path)
        #expect(term.expect("Event type: "))
        term.sendLine("departure")
        #expect(term.expect("unit: "))
        term.sendLine("Sốp")
        #expect(term.expect("→ sop-cop"))
        #expect(term.expect("date [2024-06-01]: "))
        term.sendLine("31/05/2024")
        #expect(term.expect("count: "))
        term.sendEndOfInput()  // Ctrl-D
        #expect(term.expect("cancelled: nothing was written."), "\(term.transcript)")
        #expect(term.wait() == 0)
        #expect(j.journalBytes == before)
    }

    @Test func recordWithoutATypeOffTerminalShowsHelp() {
        let j = Self.journal()
        let result = j.run(["record"])
        #expect(result.status == 64)
        #expect(result.stdout.contains("SUBCOMMANDS"))
    }

    /// Colour (red errors, yellow warnings) on a terminal only, and never with NO_COLOR set.
    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let j = Self.journal()
        let result = j.run(["record", "conference", "--unit", "sop-cop", "--date", "2020-08-14", "--title", "Đại hội",
                            "--figure", "members=3545"])
        #expect(result.status == 0)
        _ = j.run(["record", "conference", "--unit", "sop-cop", "--date", "2023-12-31", "--title", "Báo cáo",
                   "--figure", "members=4014"])

        let coloured = try PseudoTerminal(["check"], in: j.directory.path)
        #expect(coloured.wait() == 0)
        #expect(coloured.transcript.contains("\u{1B}[33mwarning\u{1B}[0m"), "\(coloured.transcript)")

        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = try PseudoTerminal(["check"], in: j.directory.path, environment: environment)
            #expect(plain.wait() == 0)
            #expect(plain.transcript.contains("warning [unexplained]"))
            #expect(!plain.transcript.contains("\u{1B}["), "\(environment): \(plain.transcript)")
        }
        let piped = j.run(["check"])
        #expect(piped.stdout.contains("warning [unexplained]"))
        #expect(!piped.stdout.contains("\u{1B}"))
    }

    /// A unit named with terminal escapes is kept byte for byte in the journal, but what socai prints
    /// as text cannot clear the screen or retitle the terminal.
    @Test func terminalEscapesInNamesAreNeutralisedInTextOutput() throws {
        let j = Self.journal()
        let name = "Chi bộ \u{1B}[2J\u{1B}]0;pwned\u{07}X"
        let recorded = j.run(["record", "unit", "--id", "x", "--name", name, "--kind", "cell", "--parent", "sop-cop", "--date", "2016-01-01"])
        #expect(recorded.status == 0, "\(recorded)")
        for command in [["replay", "--to", "2024-01-01"], ["log"], ["log", "--unit", "x"]] {
            let text = j.run(command)
            #expect(text.status == 0)
            #expect(!text.stdout.contains("\u{1B}"), "\(command): \(text.stdout.debugDescription)")
            #expect(text.stdout.contains("\u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD}X"), "\(command): \(text.stdout)")
        }
        let json = j.run(["log", "--unit", "x", "--json"])
        #expect(json.stdout.contains(#"\u001b[2J"#), "JSON keeps the name as recorded, escaped: \(json.stdout)")
    }
}
