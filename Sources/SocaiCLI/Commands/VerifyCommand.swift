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
        // Several journals (a union): each is verified on its own chain, and named on every line.
        var reports: [(path: String, report: VerifyReport)] = []
        for path in invocation.journalPaths { reports.append((path, try verify(path, invocation))) }
        let union = reports.count > 1
        if invocation.format == .json {
            if union {
                var object = JSONObject()
                object["ok"] = .bool(reports.allSatisfy(\.report.ok))
                object["events"] = .integer(Int64(reports.reduce(0) { $0 + $1.report.events }))
                object["problems"] = .array(reports.flatMap { path, report in
                    report.problems.map { problem($0.location.inJournal(path), $0.message.en, journal: path) }
                })
                object["journals"] = .array(reports.map { path, report in
                    var one = json(report, invocation)
                    one["journal"] = .string(path)
                    return .object(one)
                })
                invocation.out(PrettyJSON.render(.object(object)))
            } else {
                invocation.out(PrettyJSON.render(.object(json(reports[0].report, invocation))))
            }
        } else {
            for (path, report) in reports { invocation.out(text(report, journal: union ? path : nil, invocation)) }
        }
        return reports.allSatisfy(\.report.ok) ? .success : .problemsFound
    }

    static func verify(_ path: String, _ invocation: Invocation) throws(CLIError) -> VerifyReport {
        let journal: FileJournal
        do { journal = try FileJournal.open(at: path) } catch { throw .journal(error) }
        let progress = Progress(invocation, label: CommandText.verifying())
        defer { progress.finish() }
        do {
            return try journal.verify { done, _ in progress.tick(max(1, done >> 20)) }
        } catch {
            throw .journal(error)
        }
    }

    static func problem(_ location: JournalLocation, _ message: String, journal: String? = nil) -> JSONValue {
        var object = JSONObject()
        if let journal { object["journal"] = .string(journal) }
        object["segment"] = .string(location.segment)
        object["line"] = .integer(Int64(location.line))
        object["message"] = .string(message)
        return .object(object)
    }

    static func json(_ report: VerifyReport, _ invocation: Invocation) -> JSONObject {
        var object = JSONObject()
        object["ok"] = .bool(report.ok)
        object["events"] = .integer(Int64(report.events))
        object["problems"] = .array(report.problems.map { problem($0.location, $0.message.en) })
        object["warnings"] = .array(report.warnings.map { .string($0.text(invocation.language)) })
        object["quarantine"] = .array(report.quarantineFiles.map { .string($0) })
        object["head"] = report.head.map { .object(JSONObject([("seq", .integer($0.seq)), ("hash", .string($0.hash.hex))])) } ?? .null
        return object
    }

    /// One journal's report as text; in a union each line names the journal (`district-a: …`, and
    /// `district-a/segment-….jsonl:12: …` for a problem).
    static func text(_ report: VerifyReport, journal: String?, _ invocation: Invocation) -> String {
        let p = invocation.presenter
        let prefix = journal.map { $0 + ": " } ?? ""
        var out = ""
        for problem in report.problems {
            out += "\(journal.map(problem.location.inJournal) ?? problem.location): " + problem.message.text(invocation.language) + "\n"
        }
        for warning in report.warnings { out += prefix + p.text(CommandText.warningPrefix() + warning) + "\n" }
        if !report.quarantineFiles.isEmpty {
            out += prefix + p.text(CommandText.quarantined()) + report.quarantineFiles.joined(separator: ", ") + "\n"
        }
        let head = report.head.map {
            " (" + p.text(CommandText.logSeq()) + " \($0.seq), " + p.text(CommandText.chainHash()) + String($0.hash.hex.prefix(16)) + "…)"
        } ?? ""
        if report.ok {
            out += prefix + p.text(CommandText.verifiedOK(["events": .count(report.events)])) + head + "\n"
        } else {
            out += prefix + p.text(CommandText.verifyProblems(["problems": .count(report.problems.count), "events": .count(report.events)])) + "\n"
        }
        return out
    }
}
