#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore
import SocaiReports
import SocaiStore

/// `socai import FILE`: many events from JSON Lines or CSV, every line validated first, then
/// appended as one all-or-nothing batch; every bad line reported at once, with its number.
enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import", abstract: LocalizedText(en: "Record many events from a JSON Lines or CSV file, all or nothing.",
                                                vi: "Ghi nhiều sự kiện từ một tệp JSON Lines hoặc CSV: ghi tất cả hoặc không ghi gì."),
        discussion: LocalizedText(en: """
        JSON Lines: one object per line, {"type": "admission", "unit": "huyen", "date": "2023-02-01", "count": 1};
        "type" is the record subcommand (or its Vietnamese name: "kết nạp", "hội nghị", …), the other keys its option
        names ("figures"/"targets"/"printed"/"set" as objects, "from" as an array; "source", "by", "event-id" per line).
        CSV: a header row of option names and a "type" column; figures.KEY, targets.KEY and printed.NAME columns for
        conference figures.

        --format cloudevents-lines: another journal's lines (socai export --format cloudevents-lines, or a broker's
        messages), each event kept with its id, date and data, and where it came from (`originsource`, `originseq`,
        `origintime`); ids already here with the same event are skipped as already recorded, the same id with another
        event is a conflict (exit 75). See docs/FEDERATION.md.
        """, vi: """
        JSON Lines: mỗi dòng một đối tượng, {"type": "admission", "unit": "huyen", "date": "01/02/2023", "count": 1};
        "type" là loại sự kiện của lệnh record (hoặc tên tiếng Việt: "kết nạp", "hội nghị", …), các khóa khác là tên tùy
        chọn của nó ("figures"/"targets"/"printed"/"set" là đối tượng, "from" là mảng; "source", "by", "event-id" cho
        từng dòng). CSV: dòng tiêu đề gồm tên các tùy chọn và một cột "type"; các cột figures.MÃ, targets.MÃ và printed.TÊN
        cho số liệu của hội nghị.

        --format cloudevents-lines: các dòng của một sổ khác (socai export --format cloudevents-lines, hoặc các tin nhắn
        nhận từ máy chủ trung chuyển tin nhắn), mỗi sự kiện giữ nguyên mã, ngày và dữ liệu, kèm nơi nó được ghi lần đầu
        (`originsource`, `originseq`, `origintime`); mã đã có trong sổ với cùng sự kiện thì bỏ qua vì đã ghi rồi, cùng mã
        mà khác sự kiện là xung đột (mã thoát 75). Xem docs/FEDERATION.md.
        """),
        options: [
            OptionSpec(name: "input-format", value: .inputFormat, help: LocalizedText(
                en: "The file's format (default: from its extension; --format cloudevents-lines also says it).",
                vi: "Định dạng của tệp (mặc định: theo đuôi tệp; --format cloudevents-lines cũng chọn được định dạng này).")),
            OptionSpec(name: "by", value: .name, help: LocalizedText(
                en: "Who records the events that do not say (default: the login name).",
                vi: "Người ghi các sự kiện không nêu người ghi (mặc định: tên đăng nhập).")),
            OptionSpec(name: "source", value: .text, help: LocalizedText(
                en: "The source document of the events that do not say.", vi: "Văn bản nguồn của các sự kiện không nêu nguồn.")),
            OptionSpec(name: "expect-seq", value: .count, help: CommandHelp.expectSeq),
            OptionSpec(name: "dry-run", help: LocalizedText(en: "Validate every line; write nothing.",
                                                            vi: "Kiểm tra từng dòng; không ghi gì.")),
            OptionSpec(name: "allow-future", help: LocalizedText(en: "Accept dates after today.", vi: "Chấp nhận ngày sau hôm nay.")),
        ],
        positionals: [PositionalSpec(name: "file", help: LocalizedText(en: "The file to import (- for standard input).",
                                                                       vi: "Tệp cần nhập (- để đọc từ đầu vào chuẩn)."))],
        examples: ["socai import admissions-2024.jsonl", "socai import --dry-run ratings.csv",
                   "socai import --format cloudevents-lines sop-cop-events.jsonl"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let invocation = invocation.writingToFirst()
        guard let path = arguments.positionals.first else {
            throw .usage(UsageError(message: LocalizedText(en: "give the file to import", vi: "hãy ghi tệp cần nhập"), command: spec.name))
        }
        if invocation.format == .cloudeventsLines || arguments.value("input-format") == OutputFormat.cloudeventsLines.rawValue {
            return try CloudEventsLineImport.run(path, arguments, invocation)
        }
        let bytes: [UInt8]
        do {
            bytes = try ImportFile.readBytes(path)
        } catch .io(_, _, let code) where code == EILSEQ {
            // Bad input, not an I/O failure: 64 like every other problem with the file's content.
            throw .invalid([ValidationIssue(field: "file", value: path, message: LocalizedText(
                en: "\(path) is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again",
                vi: "\(path) không phải văn bản UTF-8; hãy lưu lại dạng UTF-8 (CSV UTF-8 trong bảng tính) rồi nhập lại"))])
        } catch {
            throw .journal(error)
        }
        let isCSV = arguments.value("input-format").map { $0 == "csv" } ?? path.lowercased().hasSuffix(".csv")
        let parsed = isCSV ? ImportParser.csv(String(decoding: bytes, as: UTF8.self)) : ImportParser.jsonLines(bytes)
        // Lines that could not be read are reported together with every other line's problems.
        if parsed.lines.isEmpty && !parsed.issues.isEmpty { throw .invalid(parsed.issues) }
        if parsed.lines.isEmpty {
            throw .invalid([ValidationIssue(field: "file", value: path, message: LocalizedText(en: "\(path) holds no events", vi: "\(path) không có sự kiện nào"))])
        }

        var session = try JournalSession.load(invocation)
        let reportsTo = session.journal.metadata.reportsTo
        let expectSeq = try LogCommand.integer(arguments, "expect-seq").map(Int64.init)
        let writer = EventWriter(invocation: invocation, dryRun: arguments.flag("dry-run"), expectSeq: expectSeq)
        let defaultBy = arguments.value("by").map(RecordCommand.normalised) ?? invocation.context.loginName
        let defaultSource = arguments.value("source").map(RecordCommand.normalised)
        let progress = Progress(invocation, label: LocalizedText(en: "validating", vi: "đang kiểm tra"), total: parsed.lines.count)
        defer { progress.finish() }
        // Lines without an event-id get one derived from the file (the same file twice records once).
        let derived = ImportLineIDs.derive(bytes, recordLines: parsed.lines.map(\.number), csv: isCSV)
        let journal = session.journal
        let allowFuture = arguments.flag("allow-future")
        var fromThisFile = 0
        var newEvents = 0
        var warningCount = 0
        let status = try writer.write(retryingOn: &session, written: { newEvents = $0 }) { rules, now throws(CLIError) in
            // Later lines see what earlier lines establish: each event is staged in the rules as it
            // is validated; the fast path's flows are staged only when a line needs the general
            // validation (`UnstagedFlows`), which then sees every earlier line as before.
            var items: [PendingItem] = []
            items.reserveCapacity(parsed.lines.count)
            var unstaged = UnstagedFlows()
            var issues: [ValidationIssue] = parsed.issues
            var warnings: [ValidationIssue] = []
            var checkIDs = false
            var lineOfID: [EventKey: Int] = [:]
            var generator = SystemRandomNumberGenerator()
            var nextSeq = rules.projection.headSeq + 1
            let recorded = try recordedAlready(parsed.lines.indices.filter { !parsed.lines[$0].givesEventID }.map { derived[$0] },
                                               rules: rules, journal: journal)
            let today = now.dateInVietnam
            // The fast path's context: the same for every line but the recorder, the source and
            // whether the id was given; its event id is not read (the flow's id is passed apart).
            var plainContext = RecordContext(today: today, allowFuture: allowFuture, recordedBy: defaultBy, source: defaultSource,
                                             eventID: EventID(canonical: ""), reportsTo: reportsTo)
            fromThisFile = 0
            for (index, line) in parsed.lines.enumerated() {
                progress.tick()
                if !line.givesEventID, recorded.contains(derived[index]) {
                    fromThisFile += 1
                    continue
                }
                var eventID: EventKey?
                if line.givesEventID {
                    guard let id = line.eventID(bytes) else {
                        let text = line.general(bytes).eventID ?? ""
                        issues.append(ValidationIssue(field: "event-id", value: text, message: LocalizedText(
                            en: "event-id '\(text)' is not a UUID", vi: "event-id '\(text)' không phải UUID"), line: line.number))
                        continue
                    }
                    eventID = id
                    checkIDs = true
                    if let firstIndex = lineOfID[id] {
                        // The same event twice under its id records once (an idempotent retry); another event is refused.
                        let first = parsed.lines[firstIndex].general(bytes), this = line.general(bytes)
                        if first.request.type == this.request.type && first.request.options == this.request.options
                            && first.source == this.source && first.by == this.by {
                            warnings.append(ValidationIssue(field: "event-id", value: this.eventID, message: LocalizedText(
                                en: "repeats line \(first.number) (event-id \(id.eventID)); recorded once",
                                vi: "lặp lại dòng \(first.number) (event-id \(id.eventID)); chỉ ghi một lần"), severity: .warning, line: line.number))
                        } else {
                            issues.append(ValidationIssue(field: "event-id", value: this.eventID, message: LocalizedText(
                                en: "event-id \(id.eventID) is already used by line \(first.number); give each event its own id",
                                vi: "event-id \(id.eventID) đã dùng ở dòng \(first.number); mỗi sự kiện cần một mã riêng"), line: line.number))
                        }
                        continue
                    }
                    lineOfID[id] = index
                }
                if case .plain(let plain, _) = line {
                    plainContext.recordedBy = plain.by ?? defaultBy
                    plainContext.source = plain.source ?? defaultSource
                    plainContext.eventIDGiven = eventID != nil
                    if let (flow, flowWarnings) = PlainFlowCheck.accept(plain.request, rules: rules, context: plainContext,
                                                                        id: eventID ?? derived[index], seq: nextSeq, unstaged: &unstaged) {
                        items.append(.flow(flow))
                        warnings += flowWarnings
                        nextSeq += 1
                        continue
                    }
                }
                // The general validation sees every earlier line.
                if !unstaged.isEmpty { unstaged.staged(into: rules, recordedTime: now, from: items) }
                let general = line.general(bytes)
                let context = RecordContext(today: today, allowFuture: allowFuture || general.allowFuture,
                                            recordedBy: general.by ?? defaultBy, source: general.source ?? defaultSource,
                                            eventID: (eventID ?? (index < derived.count ? derived[index] : nil))?.eventID
                                                ?? EventID.version7(at: now, using: &generator),
                                            eventIDGiven: eventID != nil, reportsTo: reportsTo)
                switch EventBuilder.build(general.request, rules: rules, context: context) {
                case .success(let built):
                    items.append(.event(built.event))
                    warnings += built.warnings
                    rules.stage(built.event.envelope(seq: nextSeq, recordedTime: now, batch: nil))
                    nextSeq += 1
                case .failure(let failure):
                    issues += failure.issues
                }
            }
            if !issues.isEmpty {
                // In file order, whichever stage found them.
                let ordered = issues.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
                throw .invalid(ordered.map(\.element))
            }
            warningCount = warnings.count
            return (items, warnings, checkIDs)
        }
        if fromThisFile > 0 {
            invocation.out(invocation.presenter.text(CommandText.importedBefore([
                "new": .count(newEvents), "events": LocalizedText(en: newEvents == 1 ? "event" : "events", vi: "sự kiện"),
                "already": .count(fromThisFile)])) + "\n")
        }
        if writer.dryRun {
            // The listing above can be long: the total closes it.
            invocation.out(invocation.presenter.text(CommandText.dryRunTotal([
                "valid": .count(newEvents), "events": LocalizedText(en: newEvents == 1 ? "event" : "events", vi: "sự kiện"),
                "warnings": .count(warningCount), "noun": LocalizedText(en: warningCount == 1 ? "warning" : "warnings", vi: "cảnh báo")])) + "\n")
        }
        return status
    }

    /// The derived ids (in file order) that the journal already holds: the lines an earlier import
    /// of this file recorded. When the first is not there, none is (every later line's id hashes
    /// the text through the first), so a new file costs one lookup in memory, not a read of the journal.
    static func recordedAlready(_ ids: [EventKey], rules: Rules, journal: FileJournal) throws(CLIError) -> Set<EventKey> {
        guard let first = ids.first, rules.seq(of: first.eventID) != nil else { return [] }
        do { return Set(try journal.events(withIDs: Set(ids.map(\.eventID))).keys.map(EventKey.init)) } catch { throw .journal(error) }
    }
}

/// One line of an import file, as a request plus its per-line recording options.
struct ImportLine {
    var number: Int
    var request: RecordRequest
    var source: String?
    var by: String?
    var eventID: String?
    var allowFuture = false
}

/// A line of an import file as read: a plain flow read from its bytes (the fast path), or a
/// request for the general validation.
enum ScannedLine {
    case plain(PlainFlowLine, bytes: Range<Int>)
    // Boxed: nearly every line of a large import is a plain flow.
    indirect case general(ImportLine)

    var number: Int {
        switch self {
        case .plain(let plain, _): plain.request.line
        case .general(let line): line.number
        }
    }

    var givesEventID: Bool {
        switch self {
        case .plain(let plain, _): plain.eventID != nil
        case .general(let line): line.eventID != nil
        }
    }

    /// The id the line gives, nil when it gives none or one that is not a UUID.
    func eventID(_ file: [UInt8]) -> EventKey? {
        switch self {
        case .plain(let plain, _): plain.eventID
        case .general(let line): line.eventID.flatMap(EventID.init).map(EventKey.init)
        }
    }

    /// The line as a request, read again by the JSON parser when it was read as a plain flow.
    func general(_ file: [UInt8]) -> ImportLine {
        switch self {
        case .general(let line):
            return line
        case .plain(let plain, let range):
            var lines: [ImportLine] = []
            var issues: [ValidationIssue] = []
            ImportParser.jsonLine(Substring(String(decoding: file[range], as: UTF8.self)), number: plain.request.line,
                                  into: &lines, issues: &issues)
            return lines[0]
        }
    }
}

/// Reads import files into requests: JSON Lines and CSV, with line numbers for every problem.
enum ImportParser {
    static let perLine: Set<String> = ["source", "by", "event-id", "allow-future"]
    static let objectOptions = ["figures": "figure", "targets": "target", "printed": "printed", "set": "set"]

    /// The lines of a JSON Lines file: plain flows read from their bytes (`PlainFlowLineReader`),
    /// every other line through the JSON parser (`jsonLine`). Every `\n` ends a line, and a `\r`
    /// before it is not part of the line: a file saved by a Windows editor reads as the same lines
    /// (JSON Lines allows it; `ImportLineIDs` numbers and hashes its lines the same way).
    static func jsonLines(_ bytes: [UInt8]) -> (lines: [ScannedLine], issues: [ValidationIssue]) {
        var lines: [ScannedLine] = []
        var issues: [ValidationIssue] = []
        var reader = PlainFlowLineReader(normalise: { $0.precomposedNFC })
        bytes.withUnsafeBytes { file in
            // A byte order mark (Notepad's "UTF-8 with BOM") is not part of the first line's JSON.
            var start = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var number = 0
            var i = start
            while i <= file.count {
                guard i == file.count || file[i] == 0x0A else {
                    i += 1
                    continue
                }
                number += 1
                let range = start..<(i > start && file[i - 1] == 0x0D ? i - 1 : i)
                if let plain = reader.read(UnsafeRawBufferPointer(rebasing: file[range]), number: number) {
                    lines.append(.plain(plain, bytes: range))
                } else {
                    var general: [ImportLine] = []
                    jsonLine(Substring(String(decoding: UnsafeRawBufferPointer(rebasing: file[range]), as: UTF8.self)), number: number,
                             into: &general, issues: &issues)
                    lines += general.map(ScannedLine.general)
                }
                i += 1
                start = i
            }
        }
        return (lines, issues)
    }

    /// One line of a JSON Lines file (`number`, 1-based) into a request, or its problems.
    static func jsonLine(_ raw: Substring, number: Int, into lines: inout [ImportLine], issues: inout [ValidationIssue]) {
        let trimmed = raw.trimmingCharacters(in: " \t\r")
        if trimmed.isEmpty { return }
        let value: JSONValue
        do { value = try JSONParser.parse(String(trimmed)) } catch {
            issues.append(issue(number, "line", en: "not valid JSON: \(error)", vi: "không phải JSON hợp lệ (lỗi ở byte \(error.offset + 1))"))
            return
        }
        guard let object = value.object else {
            issues.append(issue(number, "line", en: "each line must be a JSON object", vi: "mỗi dòng phải là một đối tượng JSON"))
            return
        }
        guard let type = object["type"]?.string else {
            issues.append(issue(number, "type", en: "\"type\" is missing: the record subcommand (admission, conference, …)",
                                vi: "thiếu \"type\": loại sự kiện (admission, conference, …)"))
            return
        }
        // Another journal's line (`socai export --format cloudevents-lines`) read as a clerk's line.
        if object["specversion"] != nil, type.hasPrefix("vn.socai.") {
            issues.append(issue(number, "type", en: "'\(type)' is a CloudEvents line of another journal; import the file with --format cloudevents-lines",
                                vi: "'\(type)' là một dòng CloudEvents của sổ khác; hãy nhập tệp với --format cloudevents-lines"))
            return
        }
        var line = ImportLine(number: number, request: RecordRequest(type: type, options: [], line: number))
        for (key, value) in object where key != "type" {
            if perLine.contains(key) {
                switch key {
                case "source": line.source = value.commandLineText?.precomposedNFC
                case "by": line.by = value.commandLineText?.precomposedNFC
                case "event-id": line.eventID = value.commandLineText
                default: line.allowFuture = value == .bool(true)
                }
                continue
            }
            let option = objectOptions[key] ?? key
            switch value {
            case .object(let inner):
                for (k, v) in inner {
                    for item in v.array ?? [v] {
                        line.request.options.append(.init(option, k + "=" + (item.commandLineText ?? JSONWriter.string(item)).precomposedNFC))
                    }
                }
            case .array(let items):
                for item in items {
                    guard let text = item.commandLineText else {
                        issues.append(issue(number, key, en: "\"\(key)\" must hold plain values", vi: "\"\(key)\" chỉ chứa giá trị đơn"))
                        continue
                    }
                    line.request.options.append(.init(option, text.precomposedNFC))
                }
            case .bool(true):
                line.request.options.append(.init(option, ""))
            case .bool(false), .null:
                continue
            default:
                line.request.options.append(.init(option, (value.commandLineText ?? "").precomposedNFC))
            }
        }
        lines.append(line)
    }

    /// The header's column names.
    static func columnNames(_ header: CSVRecord) -> [String] { header.fields.map { $0.trimmingCharacters(in: " ") } }

    /// The file's records, split at `,` or, when that gives no "type" column and `;` does, at `;`
    /// (a spreadsheet in a locale whose decimal separator is the comma, Vietnamese among them).
    static func csvRecords(_ text: String) -> Result<[CSVRecord], CSVError> {
        let commas = Result { () throws(CSVError) in try CSVParser.parse(text) }
        if case .success(let records) = commas, let header = records.first, columnNames(header).contains("type") { return commas }
        let semicolons = Result { () throws(CSVError) in try CSVParser.parse(text, delimiter: CSVParser.semicolon) }
        if case .success(let records) = semicolons, let header = records.first, columnNames(header).contains("type") { return semicolons }
        return commas
    }

    static func csv(_ text: String) -> (lines: [ScannedLine], issues: [ValidationIssue]) {
        let records: [CSVRecord]
        switch csvRecords(text) {
        case .success(let parsed): records = parsed
        case .failure(let error): return ([], [issue(error.line, "line", en: error.message, vi: error.message)])
        }
        guard let header = records.first else { return ([], []) }
        let names = columnNames(header)
        guard let typeColumn = names.firstIndex(of: "type") else {
            return ([], [issue(header.line, "type", en: "the header has no \"type\" column (columns are separated by , or ;)",
                               vi: "dòng tiêu đề thiếu cột \"type\" (các cột cách nhau bằng , hoặc ;)")])
        }
        var lines: [ScannedLine] = []
        for record in records.dropFirst() {
            let fields = record.fields
            let type = typeColumn < fields.count ? fields[typeColumn].trimmingCharacters(in: " ") : ""
            var line = ImportLine(number: record.line, request: RecordRequest(type: type, options: [], line: record.line))
            for (i, name) in names.enumerated() where i != typeColumn && i < fields.count {
                let value = fields[i].precomposedNFC
                guard !value.trimmingCharacters(in: " ").isEmpty else { continue }
                switch name {
                case "source": line.source = value
                case "by": line.by = value
                case "event-id": line.eventID = value
                case "allow-future": line.allowFuture = ["true", "yes", "1"].contains(value.lowercased())
                default:
                    if let dot = name.firstIndex(of: "."), let option = objectOptions[String(name[..<dot])] {
                        line.request.options.append(.init(option, String(name[name.index(after: dot)...]) + "=" + value))
                    } else if name == "retract" {
                        if ["true", "yes", "1"].contains(value.lowercased()) { line.request.options.append(.init("retract", "")) }
                    } else {
                        line.request.options.append(.init(name, value))
                    }
                }
            }
            lines.append(.general(line))
        }
        return (lines, [])
    }

    static func issue(_ line: Int, _ field: String, en: String, vi: String) -> ValidationIssue {
        ValidationIssue(field: field, message: LocalizedText(en: en, vi: vi), line: line)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        guard let first = firstIndex(where: { !chars.contains($0) }), let last = lastIndex(where: { !chars.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
