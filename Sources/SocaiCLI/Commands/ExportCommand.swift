import Foundation
import SocaiCore
import SocaiReports
import SocaiStore

/// `socai export`: the report people read (one printable HTML file) or the journal's events as a
/// CloudEvents batch for other systems.
enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", abstract: LocalizedText(en: "Write a printable HTML report, or the journal's events as a CloudEvents batch or stream.",
                                                vi: "Ghi báo cáo HTML để in, hoặc các sự kiện của sổ thành một lô hay một luồng CloudEvents."),
        usage: [LocalizedText(en: "socai export --format html [--out FILE] [--unit UNIT] [--term YYYY-YYYY] [--to DATE] [--boundaries DATE] [--lang vi|en]",
                              vi: "socai export --format html [--out TỆP] [--unit ĐƠN_VỊ] [--term YYYY-YYYY] [--to NGÀY] [--boundaries NGÀY] [--lang vi|en]"),
                LocalizedText(en: "socai export --format cloudevents [--out FILE] [--unit UNIT]",
                              vi: "socai export --format cloudevents [--out TỆP] [--unit ĐƠN_VỊ]"),
                LocalizedText(en: "socai export --format cloudevents-lines [--from-seq N] [--unit UNIT] [--follow] [--out FILE]",
                              vi: "socai export --format cloudevents-lines [--from-seq N] [--unit ĐƠN_VỊ] [--follow] [--out TỆP]")],
        discussion: LocalizedText(en: """
        --format html: one self-contained file (styles and SVG charts inline, no script, nothing fetched, printable on A4)
        about the unit (default: each top-level unit) as of --to (default today): its members over time (counts reported
        by documents as points, the level socai derives as a line), admissions per year of the term against the target,
        rating tiers per year, the units under it with their key figures, the mergers, dissolutions and moves of the term
        (where the members went), and the `check` findings; with --boundaries DATE, figures restated in the units of DATE. Open it in a browser
        and print it, or print it headless: chromium --headless --print-to-pdf=report.pdf report.html

        --format cloudevents: the stored events exactly as recorded (every line of the journal, byte for byte, with its
        seq, hash chain and extension attributes) as one JSON array, the application/cloudevents-batch+json format.

        --format cloudevents-lines: the same lines, one structured-mode CloudEvent per line, from seq --from-seq, for
        --unit's whole subtree (the unit, every unit ever under it, mergers naming them); every line is checked as a
        reader checks it, and damage stops the export with exit 65 naming the line. --follow keeps writing the lines
        writers add until interrupted (Ctrl-C, SIGTERM) or until the reader goes away, then exits 0: pipe it into a
        broker's producer, and feed another journal with socai import --format cloudevents-lines (docs/FEDERATION.md).

        Without --out the document goes to standard output. Without --format, an --out ending in .html or .json picks it.
        """, vi: """
        --format html: một tệp duy nhất (kiểu trình bày và biểu đồ SVG nằm sẵn trong tệp, không chạy mã lệnh nào, không tải gì
        từ ngoài, in được trên khổ A4) về đơn vị (mặc định: từng đơn vị cấp cao nhất) tính đến --to (mặc định hôm nay):
        số đảng viên theo thời gian (số tài liệu báo cáo là các điểm, số socai tính được là đường), kết nạp từng năm của
        nhiệm kỳ so với chỉ tiêu, các mức xếp loại từng năm, các đơn vị trực thuộc với số liệu chính, các lần sáp nhập, giải
        thể, chuyển đơn vị trong nhiệm kỳ (đảng viên chuyển về đâu), và các phát hiện của `check`; với --boundaries NGÀY, số
        liệu quy đổi theo đơn vị tại NGÀY. Mở bằng trình duyệt rồi in, hoặc in không cần giao diện: chromium --headless --print-to-pdf=report.pdf report.html

        --format cloudevents: các sự kiện đúng như đã ghi (từng dòng của sổ, giữ nguyên từng byte, với số thứ tự, chuỗi băm
        và các thuộc tính mở rộng) thành một mảng JSON, định dạng application/cloudevents-batch+json.

        --format cloudevents-lines: cũng các dòng ấy, mỗi dòng là một sự kiện CloudEvents đầy đủ, từ số thứ tự --from-seq, cho
        đơn vị --unit cùng mọi đơn vị từng trực thuộc nó và các lần sáp nhập có nêu tên chúng; từng dòng được kiểm tra như khi
        đọc sổ, gặp chỗ hỏng thì dừng xuất với mã thoát 65 và nêu rõ dòng đó. --follow tiếp tục ghi các dòng mới được ghi vào
        sổ cho đến khi bị ngắt (Ctrl-C, tín hiệu dừng) hoặc bên nhận thôi đọc, rồi thoát với mã 0: hãy chuyển kết quả sang
        chương trình gửi tin của máy chủ trung chuyển tin nhắn, và nạp vào một sổ khác bằng
        socai import --format cloudevents-lines (docs/FEDERATION.md).

        Không có --out thì tài liệu được in ra màn hình. Không có --format thì đuôi .html hoặc .json của --out quyết định.
        """),
        options: [
            OptionSpec(name: "out", short: "o", value: .file, help: LocalizedText(
                en: "Write to FILE (replaced atomically) instead of standard output.",
                vi: "Ghi vào TỆP (thay thế nguyên khối) thay vì in ra màn hình.")),
            OptionSpec(name: "unit", value: .unit, help: LocalizedText(
                en: "html: the unit to report on (default: each top-level unit); cloudevents: only events about it; "
                    + "cloudevents-lines: its whole subtree.",
                vi: "html: đơn vị cần báo cáo (mặc định: từng đơn vị cấp cao nhất); cloudevents: chỉ các sự kiện về đơn vị đó; "
                    + "cloudevents-lines: đơn vị đó và mọi đơn vị từng trực thuộc nó.")),
            OptionSpec(name: "term", value: .term, help: LocalizedText(
                en: "html: the term for admissions and targets (default: the one running at --to).",
                vi: "html: nhiệm kỳ dùng cho kết nạp và chỉ tiêu (mặc định: nhiệm kỳ đang diễn ra vào ngày --to).")),
            OptionSpec(name: "to", value: .date, help: LocalizedText(en: "html: the report's date (end of day; default today).",
                                                                     vi: "html: ngày của báo cáo (cuối ngày; mặc định hôm nay).")),
            OptionSpec(name: "boundaries", value: .date, help: CommandHelp.boundaries),
            OptionSpec(name: "known-at", value: .time, help: CommandHelp.knownAt),
            OptionSpec(name: "strict", help: LocalizedText(en: "html: treat unexplained remainders as errors in the findings.",
                                                           vi: "html: coi chênh lệch chưa giải thích là lỗi trong các phát hiện.")),
            OptionSpec(name: "from-seq", value: .count, help: LocalizedText(en: "cloudevents-lines: start at seq N.",
                                                                            vi: "cloudevents-lines: bắt đầu từ số thứ tự N.")),
            OptionSpec(name: "follow", short: "f", help: LocalizedText(
                en: "cloudevents-lines: keep writing new lines as they are recorded, until interrupted.",
                vi: "cloudevents-lines: tiếp tục ghi các dòng mới ngay khi chúng được ghi vào sổ, cho đến khi bị ngắt.")),
        ],
        examples: ["socai export --format html --out report.html --unit sop-cop --term 2020-2025 --to 2023-12-31 --lang vi",
                   "socai export --format html --out x.html --unit x --term 2020-2025 --to 2025-06-30 --boundaries 2025-07-01",
                   "socai export --out report.html",
                   "socai export --format cloudevents --out events.json",
                   "socai export --format cloudevents | jq length",
                   "socai export --format cloudevents-lines --follow --unit sop-cop | nats pub --force-stdin socai.sop-cop"])

    enum Kind { case html, cloudEvents, cloudEventsLines }

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        if let out = arguments.value("out") { try refuseProtected(out, invocation) }
        let kind = try self.kind(arguments, invocation)
        let output: String
        var summary: LocalizedText
        switch kind {
        case .html:
            (output, summary) = try html(arguments, invocation)
        case .cloudEvents:
            (output, summary) = try cloudEvents(arguments, invocation)
        case .cloudEventsLines:
            try invocation.requireOneJournal(spec.name, as: "export --format cloudevents-lines", why: LocalizedText(
                en: "the stream is one journal's lines in its seq order; stream each journal on its own",
                vi: "luồng là các dòng của một sổ theo số thứ tự của sổ đó; hãy xuất luồng từng sổ riêng"))
            return try CloudEventsLineExport.run(arguments, invocation)
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

    /// A report written over a segment or journal.json would destroy what it reports on: `--out`
    /// must lie outside the journal and snapshot directories and be none of their files by another name.
    static func refuseProtected(_ out: String, _ invocation: Invocation) throws(CLIError) {
        let journals = invocation.journalPaths, snapshots = invocation.snapshotsPath
        guard let conflict = ProtectedPaths.conflict(writing: out, protecting: journals + [snapshots]) else { return }
        let journal = journals.joined(separator: ", ")
        let kind = journals.contains(conflict.directory) ? LocalizedText(en: "the journal directory", vi: "thư mục sổ")
                                                         : LocalizedText(en: "the snapshot directory", vi: "thư mục ảnh chụp")
        let place = conflict.sameFileAs.map { LocalizedText(en: "is another name for \($0), in ", vi: "là tên khác của \($0), trong ") }
            ?? LocalizedText(en: "is inside ", vi: "nằm trong ")
        throw .message(LocalizedText(en: "--out \(out) ", vi: "--out \(out) ") + place + kind
                       + LocalizedText(en: " \(conflict.directory): writing it would replace the journal's own files; "
                                           + "write the report outside \(journal) and \(snapshots); nothing was written",
                                       vi: " \(conflict.directory): ghi vào đó sẽ thay thế chính các tệp của sổ; "
                                           + "hãy ghi báo cáo ra ngoài \(journal) và \(snapshots); không ghi gì"), .badInput)
    }

    /// `--format html|cloudevents`, or the extension of `--out`.
    static func kind(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> Kind {
        let explicit = invocation.globals.value("format") != nil || invocation.globals.flag("json")
        switch invocation.format {
        case .html: return .html
        case .cloudevents: return .cloudEvents
        case .cloudeventsLines: return .cloudEventsLines
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
        let session = try JournalSession.load(invocation, knownAt: knownAt, refresh: true)
        let rules = session.rules
        let units: [Int32]
        let boundaries: CalendarDate?
        if let text = arguments.value("unit") {
            units = [try invocation.unit(text, in: rules, command: spec.name)]
            boundaries = try invocation.boundaries(arguments, unit: units[0], in: rules, command: spec.name)
        } else {
            boundaries = try invocation.boundaries(arguments, unit: nil, in: rules, command: spec.name)
            units = rules.registry.topUnits(at: boundaries ?? to)
        }
        let progress = Progress(invocation, label: LocalizedText(en: "reporting", vi: "đang lập báo cáo"), total: units.count)
        var reports: [OverviewReport] = []
        for unit in units {
            reports.append(rules.overview(unit, term: term, to: to, knownAt: knownAt, strict: arguments.flag("strict"),
                                         boundaries: boundaries, union: session.union))
            progress.tick()
        }
        progress.finish()
        let metadata = HTMLReport.Metadata(generatedAt: invocation.context.now(), version: SocaiCLI.version,
                                           throughSeq: rules.throughSeq)
        let html = HTMLReport.render(reports, invocation.presenter, metadata: metadata)
        let names = reports.map(\.unit.rawValue).joined(separator: ", ")
        return (html, LocalizedText(en: "report on \(names.isEmpty ? "no units" : names) as of \(invocation.presenter.date(to))",
                                    vi: "báo cáo về \(names.isEmpty ? "(không có đơn vị)" : names) tính đến \(invocation.presenter.date(to))"))
    }

    // MARK: - CloudEvents

    /// The journal's lines spliced into a JSON array: each element is a stored line, unchanged.
    static func cloudEvents(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> (String, LocalizedText) {
        if invocation.isUnion { return try unionCloudEvents(arguments, invocation) }
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        let knownAt = try invocation.knownAt(arguments)
        var unit: UnitID?
        if let text = arguments.value("unit") {
            let session = try JournalSession.load(invocation, knownAt: knownAt, refresh: true)
            unit = session.rules.registry[try invocation.unit(text, in: session.rules, command: spec.name)].id
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
                              vi: "\(LocalizedText.count(count).vi) sự kiện (application/cloudevents-batch+json)"))
    }

    /// Several journals read as one: their events in the union's order, each once (a forwarded
    /// copy is left out), each the stored line unchanged; every line's `source` names its journal.
    static func unionCloudEvents(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> (String, LocalizedText) {
        let knownAt = try invocation.knownAt(arguments)
        let session = try JournalSession.load(invocation, knownAt: knownAt)
        let unit = try arguments.value("unit").map { (text) throws(CLIError) in
            session.rules.registry[try invocation.unit(text, in: session.rules, command: spec.name)].id
        }
        let known = session.knowledge.seq
        let lines = try UnionLines.read(session.union!, invocation) { event, seq in
            seq <= known && (unit.map { LogCommand.involves(event, $0) } ?? true)
        }
        let body = lines.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: ",\n")
        return ((lines.isEmpty ? "[" : "[\n") + body + (lines.isEmpty ? "]\n" : "\n]\n"),
                LocalizedText(en: "\(lines.count) events (application/cloudevents-batch+json)",
                              vi: "\(LocalizedText.count(lines.count).vi) sự kiện (application/cloudevents-batch+json)"))
    }
}
