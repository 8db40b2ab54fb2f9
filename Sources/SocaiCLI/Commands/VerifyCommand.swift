import SocaiCore
import SocaiReports
import SocaiStore

/// `socai verify`: check every line's hash chain, JSON, seq, batch and id.
enum VerifyCommand: Command {
    static let spec = CommandSpec(
        name: "verify", abstract: LocalizedText(en: "Check the journal's integrity: every line, its hash chain and its place.",
                                                vi: "Kiểm tra tính toàn vẹn của sổ: từng dòng, chuỗi băm và vị trí của nó."),
        discussion: LocalizedText(
            en: "Exit 0 when clean, 1 when problems were found (each named with its segment and line), 65 when the journal cannot be read at all.",
            vi: "Mã thoát 0 khi sổ nguyên vẹn, 1 khi có lỗi (mỗi lỗi nêu tệp phân đoạn và dòng), 65 khi không đọc được sổ."),
        examples: ["socai verify", "socai verify --json"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        let progress = Progress(invocation, label: CommandText.verifying())
        let report: VerifyReport
        do {
            report = try journal.verify { done, _ in progress.tick(max(1, done >> 20)) }
        } catch {
            progress.finish()
            throw .journal(error)
        }
        progress.finish()
        let p = invocation.presenter
        if invocation.format == .json {
            var object = JSONObject()
            object["ok"] = .bool(report.ok)
            object["events"] = .integer(Int64(report.events))
            object["problems"] = .array(report.problems.map {
                .object(JSONObject([("segment", .string($0.location.segment)), ("line", .integer(Int64($0.location.line))),
                                    ("message", .string($0.message.en))]))
            })
            object["warnings"] = .array(report.warnings.map { .string($0.text(invocation.language)) })
            object["quarantine"] = .array(report.quarantineFiles.map { .string($0) })
            object["head"] = report.head.map { .object(JSONObject([("seq", .integer($0.seq)), ("hash", .string($0.hash.hex))])) } ?? .null
            invocation.out(PrettyJSON.render(.object(object)))
        } else {
            for problem in report.problems {
                invocation.out(problem.text(invocation.language) + "\n")
            }
            for warning in report.warnings { invocation.out(p.text(CommandText.warningPrefix() + warning) + "\n") }
            if !report.quarantineFiles.isEmpty {
                invocation.out(p.text(CommandText.quarantined()) + report.quarantineFiles.joined(separator: ", ") + "\n")
            }
            let head = report.head.map {
                " (" + p.text(CommandText.logSeq()) + " \($0.seq), " + p.text(CommandText.chainHash()) + String($0.hash.hex.prefix(16)) + "…)"
            } ?? ""
            if report.ok {
                invocation.out(p.text(CommandText.verifiedOK(["events": .count(report.events)])) + head + "\n")
            } else {
                invocation.out(p.text(CommandText.verifyProblems(["problems": .count(report.problems.count),
                                                                  "events": .count(report.events)])) + "\n")
            }
        }
        return report.ok ? .success : .problemsFound
    }
}
