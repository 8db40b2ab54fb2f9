import Foundation
import SocaiCore
import SocaiReports
import SocaiStore

/// `socai export`: the report people read (one printable HTML file) or the journal's events as a
/// CloudEvents batch for other systems.
enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", abstract: LocalizedText(en: "Write a printable HTML report, or the journal's events as a CloudEvents batch.",
                                                vi: "Ghi báo cáo HTML để in, hoặc các sự kiện của sổ thành một lô CloudEvents."),
        usage: [LocalizedText(en: "socai export --format html [--out FILE] [--unit UNIT] [--term YYYY-YYYY] [--to DATE] [--lang vi|en]",
                              vi: "socai export --format html [--out TỆP] [--unit ĐƠN_VỊ] [--term YYYY-YYYY] [--to NGÀY] [--lang vi|en]"),
                LocalizedText(en: "socai export --format cloudevents [--out FILE] [--unit UNIT]",
                              vi: "socai export --format cloudevents [--out TỆP] [--unit ĐƠN_VỊ]")],
        discussion: LocalizedText(en: """
        --format html: one self-contained file (styles and SVG charts inline, no script, nothing fetched, printable on A4)
        about the unit (default: each top-level unit) as of --to (default today): its members over time (counts reported
        by documents as points, the level socai derives as a line), admissions per year of the term against the target,
        rating tiers per year, the units under it with their key figures, and the `check` findings. Open it in a browser
        and print it, or print it headless: chromium --headless --print-to-pdf=report.pdf report.html

        --format cloudevents: the stored events exactly as recorded (every line of the journal, byte for byte, with its
        seq, hash chain and extension attributes) as one JSON array, the application/cloudevents-batch+json format.

        Without --out the document goes to standard output. Without --format, an --out ending in .html or .json picks it.
        """, vi: """
        --format html: một tệp duy nhất (kiểu trình bày và biểu đồ SVG nằm sẵn trong tệp, không chạy mã lệnh nào, không tải gì
        từ ngoài, in được trên khổ A4) về đơn vị (mặc định: từng đơn vị cấp cao nhất) tính đến --to (mặc định hôm nay):
        số đảng viên theo thời gian (số tài liệu báo cáo là các điểm, số socai tính được là đường), kết nạp từng năm của
        nhiệm kỳ so với chỉ tiêu, các mức xếp loại từng năm, các đơn vị trực thuộc với số liệu chính, và các phát hiện của
        `check`. Mở bằng trình duyệt rồi in, hoặc in không cần giao diện: chromium --headless --print-to-pdf=report.pdf report.html

        --format cloudevents: các sự kiện đúng như đã ghi (từng dòng của sổ, giữ nguyên từng byte, với số thứ tự, chuỗi băm
        và các thuộc tính mở rộng) thành một mảng JSON, định dạng application/cloudevents-batch+json.

        Không có --out thì tài liệu được in ra màn hình. Không có --format thì đuôi .html hoặc .json của --out quyết định.
        """),
        options: [
            OptionSpec(name: "out", short: "o", value: .file, help: LocalizedText(
                en: "Write to FILE (replaced atomically) instead of standard output.",
                vi: "Ghi vào TỆP (thay thế nguyên khối) thay vì in ra màn hình.")),
            OptionSpec(name: "unit", value: .unit, help: LocalizedText(
                en: "html: the unit to report on (default: each top-level unit); cloudevents: only events about it.",
                vi: "html: đơn vị cần báo cáo (mặc định: từng đơn vị cấp cao nhất); cloudevents: chỉ các sự kiện về đơn vị đó.")),
            OptionSpec(name: "term", value: .term, help: LocalizedText(
                en: "html: the term for admissions and targets (default: the one running at --to).",
                vi: "html: nhiệm kỳ dùng cho kết nạp và chỉ tiêu (mặc định: nhiệm kỳ đang diễn ra vào ngày --to).")),
            OptionSpec(name: "to", value: .date, help: LocalizedText(en: "html: the report's date (end of day; default today).",
                                                                     vi: "html: ngày của báo cáo (cuối ngày; mặc định hôm nay).")),
            OptionSpec(name: "known-at", value: .time, help: CommandHelp.knownAt),
            OptionSpec(name: "strict", help: LocalizedText(en: "html: treat unexplained remainders as errors in the findings.",
                                                           vi: "html: coi chênh lệch chưa giải thích là lỗi trong các phát hiện.")),
        ],
        examples: ["socai export --format html --out report.html --unit sop-cop --term 2020-2025 --to 2023-12-31 --lang vi",
                   "socai export --out report.html",
                   "socai export --format cloudevents --out events.json",
                   "socai export --format cloudevents | jq length"])

    enum Kind { case html, cloudEvents }

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let kind = try self.kind(arguments, invocation)
        let output: String
        var summary: LocalizedText
        switch kind {
        case .html:
            (output, summary) = try html(arguments, invocation)
        case .cloudEvents:
            (output, summary) = try cloudEvents(arguments, invocation)
        }
        guard let path = arguments.value("out") else {
            invocation.out(output)
            return .success
        }
        do {
            // Atomically and mode 0640, like every file socai writes (a report holds the journal's data).
            try ImportFile.write(path, contents: Array(output.utf8))
        } catch {
            throw .message(LocalizedText(en: "cannot write \(path): \(error.message.en)",
                                         vi: "không ghi được \(path): \(error.message.vi)"), .ioError)
        }
        summary = LocalizedText(en: "wrote \(path): ", vi: "đã ghi \(path): ") + summary
        invocation.out(invocation.presenter.text(summary) + "\n")
        return .success
    }

    /// `--format html|cloudevents`, or the extension of `--out`.
    static func kind(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> Kind {
        let explicit = invocation.globals.value("format") != nil || invocation.globals.flag("json")
        switch invocation.format {
        case .html: return .html
        case .cloudevents: return .cloudEvents
        default:
            let out = arguments.value("out")?.lowercased() ?? ""
            if !explicit && (out.hasSuffix(".html") || out.hasSuffix(".htm")) { return .html }
            if !explicit && out.hasSuffix(".json") { return .cloudEvents }
            throw .usage(UsageError(message: explicit ? LocalizedText(en: "export does not write --format \(invocation.format.rawValue)",
                                                                      vi: "export không ghi --format \(invocation.format.rawValue)")
                                                      : LocalizedText(en: "say what to export", vi: "hãy cho biết cần xuất gì"),
                                    command: spec.name,
                                    hint: LocalizedText(en: "use --format html (a printable report) or --format cloudevents (the events)",
                                                        vi: "dùng --format html (báo cáo để in) hoặc --format cloudevents (các sự kiện)")))
        }
    }

    // MARK: - HTML

    static func html(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> (String, LocalizedText) {
        let to = try invocation.date(arguments, "to") ?? invocation.today
        let knownAt = try invocation.knownAt(arguments)
        var term: TermLabel?
        if let text = arguments.value("term") {
            guard let parsed = TermLabel(text) else {
                throw .usage(UsageError(message: UsageText.notATerm(["value": text]), command: spec.name, hint: UsageText.writeATerm()))
            }
            term = parsed
        }
        let session = try JournalSession.load(invocation, knownAt: knownAt)
        let view = session.view
        let units: [Int32]
        if let text = arguments.value("unit") {
            units = [try invocation.unit(text, in: view, command: spec.name)]
        } else {
            units = view.topUnits(at: to)
        }
        let progress = Progress(invocation, label: LocalizedText(en: "reporting", vi: "đang lập báo cáo"), total: units.count)
        var reports: [OverviewReport] = []
        for unit in units {
            reports.append(view.overview(unit, term: term, to: to, knownAt: knownAt, strict: arguments.flag("strict")))
            progress.tick()
        }
        progress.finish()
        let metadata = HTMLReport.Metadata(generatedAt: invocation.context.now(), version: SocaiCLI.version,
                                           throughSeq: view.ledger.headSeq)
        let html = HTMLReport.render(reports, invocation.presenter, metadata: metadata)
        let names = reports.map(\.unit.rawValue).joined(separator: ", ")
        return (html, LocalizedText(en: "report on \(names.isEmpty ? "no units" : names) as of \(invocation.presenter.date(to))",
                                    vi: "báo cáo về \(names.isEmpty ? "(không có đơn vị)" : names) tính đến \(invocation.presenter.date(to))"))
    }

    // MARK: - CloudEvents

    /// The journal's lines spliced into a JSON array: each element is a stored line, unchanged.
    static func cloudEvents(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> (String, LocalizedText) {
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        let knownAt = try invocation.knownAt(arguments)
        var unit: UnitID?
        if let text = arguments.value("unit") {
            let session = try JournalSession.load(invocation, knownAt: knownAt)
            unit = session.view.registry[try invocation.unit(text, in: session.view, command: spec.name)].id
        }
        let progress = Progress(invocation, label: LocalizedText(en: "exporting", vi: "đang xuất"))
        var bytes: [UInt8] = Array("[".utf8)
        var count = 0
        let report: ReadReport
        do {
            report = try journal.read(ReadOptions(allowDamaged: invocation.globals.flag("allow-damaged"))) { record in
                progress.tick()
                if let knownAt, record.envelope.recordedTime > knownAt { return false }
                if let unit, !LogCommand.involves(record.envelope, unit) { return true }
                bytes.append(contentsOf: count == 0 ? Array("\n".utf8) : Array(",\n".utf8))
                bytes.append(contentsOf: record.line)
                count += 1
                return true
            }
        } catch {
            progress.finish()
            throw .journal(error)
        }
        progress.finish()
        for notice in report.notices { invocation.notice(notice) }
        bytes.append(contentsOf: Array((count == 0 ? "]\n" : "\n]\n").utf8))
        return (String(decoding: bytes, as: UTF8.self),
                LocalizedText(en: "\(count) events (application/cloudevents-batch+json)",
                              vi: "\(count) sự kiện (application/cloudevents-batch+json)"))
    }
}
