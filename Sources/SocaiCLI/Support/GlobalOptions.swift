import SocaiCore
import SocaiReports

/// The options every command accepts, before or after the command words (CONTRACT.md).
enum GlobalOptions {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "journal", value: .directory, help: LocalizedText(
            en: "The journal directory (default: $SOCAI_JOURNAL or ./Journal). Give it again (or list several in $SOCAI_JOURNAL, separated by :) to read several journals as one; record and import write to the first.",
            vi: "Thư mục sổ (mặc định: $SOCAI_JOURNAL hoặc ./Journal). Ghi nhiều lần (hoặc liệt kê nhiều sổ trong $SOCAI_JOURNAL, cách nhau bởi dấu :) để đọc nhiều sổ như một; record và import ghi vào sổ đầu tiên."),
                   repeatable: true),
        OptionSpec(name: "snapshots", value: .directory, help: LocalizedText(
            en: "The snapshot directory (default: $SOCAI_SNAPSHOTS, or Snapshots beside the journal).",
            vi: "Thư mục ảnh chụp (mặc định: $SOCAI_SNAPSHOTS, hoặc Snapshots cạnh thư mục sổ).")),
        OptionSpec(name: "format", value: .format, help: LocalizedText(
            en: "Output format (default text); export writes html, cloudevents or cloudevents-lines.",
            vi: "Định dạng kết quả (mặc định text); lệnh export ghi html, cloudevents hoặc cloudevents-lines.")),
        OptionSpec(name: "json", help: LocalizedText(en: "Short for --format json: one JSON document on stdout.",
                                                     vi: "Viết tắt của --format json: một tài liệu JSON ra màn hình.")),
        OptionSpec(name: "lang", value: .language, help: LocalizedText(
            en: "Labels and number format: vi (5.275; 91,57%) or en (default; $SOCAI_LANG).",
            vi: "Ngôn ngữ và cách viết số: vi (5.275; 91,57%) hoặc en (mặc định; $SOCAI_LANG).")),
        OptionSpec(name: "quiet", short: "q", help: LocalizedText(en: "No progress lines or notices on stderr.",
                                                                  vi: "Không hiện dòng tiến độ hay lưu ý.")),
        OptionSpec(name: "allow-damaged", help: LocalizedText(en: "Answer from the intact part of a damaged journal, and say so.",
                                                              vi: "Trả lời từ phần còn nguyên của sổ bị hỏng, và báo rõ điều đó.")),
        OptionSpec(name: "no-snapshot", help: LocalizedText(en: "Ignore snapshots and fold the whole journal.",
                                                            vi: "Bỏ qua ảnh chụp, đọc lại toàn bộ sổ.")),
        OptionSpec(name: "bom", help: LocalizedText(en: "With --format csv: start with a UTF-8 byte order mark (for Excel).",
                                                    vi: "Với --format csv: thêm dấu BOM UTF-8 ở đầu tệp (để Excel đọc đúng dấu tiếng Việt).")),
        OptionSpec(name: "version", help: LocalizedText(en: "Print socai's version.", vi: "In phiên bản của socai.")),
    ]

    /// The language asked for on a line not yet (or not) scanned: `--lang vi`/`--lang=vi` anywhere
    /// before `--` (even after `--help`), else `$SOCAI_LANG`, else English. Errors about the line
    /// itself, and help, are shown in it.
    static func requestedLanguage(_ arguments: [String], environment: [String: String]) -> Language {
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst("--lang=".count))) {
                return language
            }
            index += 1
        }
        return Language(rawValue: environment["SOCAI_LANG"] ?? "") ?? .en
    }
}

/// Output formats.
enum OutputFormat: String {
    case text, json, csv, html, cloudevents
    /// One CloudEvent per line, the journal's own lines (`export`, and `import` reading them).
    case cloudeventsLines = "cloudevents-lines"
}

/// One run of socai: the context, the global options as given, and helpers every command uses.
struct Invocation {
    let context: CommandContext
    let globals: ParsedArguments
    let language: Language
    let format: OutputFormat
    let presenter: Presenter

    init(context: CommandContext, globals: ParsedArguments) throws(CLIError) {
        self.context = context
        self.globals = globals
        let langText = globals.value("lang") ?? context.environment["SOCAI_LANG"] ?? "en"
        guard let language = Language(rawValue: langText) else {
            throw .usage(UsageError(message: UsageText.notALanguage(["value": langText]), command: "", hint: UsageText.useALanguage()))
        }
        self.language = language
        var formatText = globals.value("format") ?? "text"
        if globals.flag("json") { formatText = "json" }
        guard let format = OutputFormat(rawValue: formatText) else {
            throw .usage(UsageError(message: UsageText.notAFormat(["value": formatText]), command: "", hint: UsageText.useAFormat()))
        }
        self.format = format
        self.presenter = Presenter(language: language)
    }

    var quiet: Bool { globals.flag("quiet") }

    /// Set by `writingToFirst()`: the one journal a writer works on.
    private var onlyJournal: String?

    /// The journals to read, in the order given: every `--journal`, else `$SOCAI_JOURNAL` split
    /// at `:`, else `./Journal`. More than one is a union (issue 19).
    var journalPaths: [String] {
        if let onlyJournal { return [onlyJournal] }
        let given = globals.values("journal")
        if !given.isEmpty { return given }
        let listed = (context.environment["SOCAI_JOURNAL"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        return listed.isEmpty ? ["Journal"] : listed
    }

    /// The journal a single-journal command works on: the first given.
    var journalPath: String { journalPaths[0] }

    /// Several journals are read as one.
    var isUnion: Bool { journalPaths.count > 1 }

    /// What `record` and `import` work on when several journals are given: the first alone (the
    /// event is validated against it, as a fact must stand in the journal that holds it), said on
    /// stderr.
    func writingToFirst() -> Invocation {
        guard isUnion else { return self }
        notice(LocalizedText(
            en: "recording in \(journalPath), the first of the \(journalPaths.count) journals given (checked against it alone; the others are not changed)",
            vi: "ghi vào sổ \(journalPath), sổ đầu tiên trong \(journalPaths.count) sổ đã chỉ định (chỉ đối chiếu với sổ này; các sổ khác không thay đổi)"))
        var narrowed = self
        narrowed.onlyJournal = journalPath
        return narrowed
    }

    /// Refuses a union for a command that works on one journal's own files (`init`, `snapshot`,
    /// `export --format cloudevents-lines`).
    func requireOneJournal(_ command: String, as shown: String? = nil, why: LocalizedText) throws(CLIError) {
        guard isUnion else { return }
        let name = shown ?? command
        throw .usage(UsageError(message: LocalizedText(en: "\(name) works on one journal; \(journalPaths.count) were given (",
                                                       vi: "\(name) chỉ làm việc với một sổ; đã chỉ định \(journalPaths.count) sổ (")
                                    + LocalizedText(journalPaths.joined(separator: ", ")) + LocalizedText("): ") + why,
                                command: command, hint: LocalizedText(en: "give --journal once", vi: "chỉ ghi --journal một lần")))
    }

    var snapshotsPath: String {
        if let explicit = globals.value("snapshots") ?? context.environment["SOCAI_SNAPSHOTS"] { return explicit }
        var journal = journalPath
        while journal.count > 1 && journal.hasSuffix("/") { journal.removeLast() }
        guard let slash = journal.lastIndex(of: "/") else { return "Snapshots" }
        return String(journal[...slash]) + "Snapshots"
    }

    /// Text output, and anything written to a terminal, is neutralised (a unit named with terminal
    /// escapes cannot drive the reader's terminal); CSV or HTML to a file or pipe is left as bytes.
    func out(_ text: String) {
        let terminal = context.stdout.isTerminal
        guard format == .text || terminal else { return context.stdout.write(text) }
        let colour = TextStyle.forTerminal(isTerminal: terminal, environment: context.environment).colour
        context.stdout.write(TerminalText.neutralised(text, keepingColour: colour))
    }

    /// A notice on stderr (unless --quiet).
    func notice(_ text: LocalizedText) {
        guard !quiet else { return }
        context.stderr.writeLine(TerminalText.neutralised((CommandText.notePrefix() + text).text(language)))
    }

    func warning(_ text: LocalizedText) {
        context.stderr.writeLine(TerminalText.neutralised((CommandText.warningPrefix() + text).text(language)))
    }

    var today: CalendarDate { context.now().dateInVietnam }

    /// Reads a date option (ISO or Vietnamese), or fails with the option's name.
    func date(_ parsed: ParsedArguments, _ name: String) throws(CLIError) -> CalendarDate? {
        guard let text = parsed.value(name) else { return nil }
        do { return try DateParser.parse(text) } catch {
            throw .usage(UsageError(message: UsageText.badDate(["name": LocalizedText(name), "value": LocalizedText(text),
                                                                 "reason": error.reason]),
                                    command: parsed.command, hint: UsageText.writeADate()))
        }
    }

    /// `--known-at T`: an RFC 3339 instant, or a date meaning the end of that day in Vietnam.
    func knownAt(_ parsed: ParsedArguments) throws(CLIError) -> Instant? {
        guard let text = parsed.value("known-at") else { return nil }
        if let instant = Instant.parseRFC3339(text) { return instant }
        if let date = try? DateParser.parse(text) { return Instant.endOfDayInVietnam(date) }
        throw .usage(UsageError(message: UsageText.badKnownAt(["value": text]), command: parsed.command,
                                hint: UsageText.writeKnownAt()))
    }
}
