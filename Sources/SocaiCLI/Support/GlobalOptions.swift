import SocaiCore
import SocaiReports

/// The options every command accepts, before or after the command words (CONTRACT.md).
enum GlobalOptions {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "journal", valueName: "DIR", help: "The journal directory (default: $SOCAI_JOURNAL or ./Journal)."),
        OptionSpec(name: "snapshots", valueName: "DIR", help: "The snapshot directory (default: $SOCAI_SNAPSHOTS, or Snapshots beside the journal)."),
        OptionSpec(name: "format", valueName: "text|json|csv", help: "Output format (default text); export writes html, cloudevents or cloudevents-lines."),
        OptionSpec(name: "json", help: "Short for --format json: one JSON document on stdout."),
        OptionSpec(name: "lang", valueName: "vi|en", help: "Labels and number format: vi (5.275; 91,57%) or en (default; $SOCAI_LANG)."),
        OptionSpec(name: "quiet", short: "q", help: "No progress lines or notices on stderr."),
        OptionSpec(name: "allow-damaged", help: "Answer from the intact part of a damaged journal, and say so."),
        OptionSpec(name: "no-snapshot", help: "Ignore snapshots and fold the whole journal."),
        OptionSpec(name: "bom", help: "With --format csv: start with a UTF-8 byte order mark (for Excel)."),
        OptionSpec(name: "version", help: "Print socai's version."),
    ]
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
            throw .usage(UsageError(message: "--lang '\(langText)' is not a language", command: "", hint: "use --lang vi or --lang en"))
        }
        self.language = language
        var formatText = globals.value("format") ?? "text"
        if globals.flag("json") { formatText = "json" }
        guard let format = OutputFormat(rawValue: formatText) else {
            throw .usage(UsageError(message: "--format '\(formatText)' is not a format", command: "", hint: "use text, json or csv"))
        }
        self.format = format
        self.presenter = Presenter(language: language)
    }

    var quiet: Bool { globals.flag("quiet") }

    var journalPath: String {
        globals.value("journal") ?? context.environment["SOCAI_JOURNAL"] ?? "Journal"
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
        context.stderr.writeLine(TerminalText.neutralised((language == .vi ? "lưu ý: " : "note: ") + text.text(language)))
    }

    func warning(_ text: LocalizedText) {
        context.stderr.writeLine(TerminalText.neutralised((language == .vi ? "cảnh báo: " : "warning: ") + text.text(language)))
    }

    var today: CalendarDate { context.now().dateInVietnam }

    /// Reads a date option (ISO or Vietnamese), or fails with the option's name.
    func date(_ parsed: ParsedArguments, _ name: String) throws(CLIError) -> CalendarDate? {
        guard let text = parsed.value(name) else { return nil }
        do { return try DateParser.parse(text) } catch {
            throw .usage(UsageError(message: "--\(name) '\(text)': \(error.reason.en)", command: parsed.command,
                                    hint: "write 2023-12-31 or 31/12/2023"))
        }
    }

    /// `--known-at T`: an RFC 3339 instant, or a date meaning the end of that day in Vietnam.
    func knownAt(_ parsed: ParsedArguments) throws(CLIError) -> Instant? {
        guard let text = parsed.value("known-at") else { return nil }
        if let instant = Instant.parseRFC3339(text) { return instant }
        if let date = try? DateParser.parse(text) { return Instant.endOfDayInVietnam(date) }
        throw .usage(UsageError(message: "--known-at '\(text)' is neither a time nor a date", command: parsed.command,
                                hint: "write 2024-01-23T08:00:00Z, or a date such as 23/01/2024 for the end of that day"))
    }
}
