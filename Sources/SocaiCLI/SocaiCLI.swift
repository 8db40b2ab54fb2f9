import SocaiCore
import SocaiReports

/// socai's entry point as a library, so tests can run commands in-process.
public enum SocaiCLI {
    public static let version = "0.1.0"

    /// Computed, not stored: a stored array of metatypes is global state Swift 6 cannot prove safe.
    static var commands: [any Command.Type] {
        [InitCommand.self, RecordCommand.self, ImportCommand.self, ReplayCommand.self, TermCommand.self, AuditCommand.self,
         CheckCommand.self, VerifyCommand.self, LogCommand.self, SnapshotCommand.self, HelpCommand.self,
         ExportCommand.self, CompletionCommand.self]
    }

    static var root: CommandSpec {
        CommandSpec(name: "", abstract: LocalizedText(
                        en: "socai (sổ cái): an event-sourced record keeper for party-unit statistics.",
                        vi: "socai (sổ cái): sổ ghi sự kiện cho số liệu thống kê của các tổ chức đảng."),
                    discussion: LocalizedText(
                        en: "Every fact is an event appended to a journal; replay, term, audit and check rebuild figures from it.",
                        vi: "Mỗi dữ kiện là một sự kiện ghi nối vào sổ; các lệnh replay, term, audit và check tính lại số liệu từ sổ."),
                    subcommands: commands.map { $0.spec },
                    examples: ["swift run socai replay --to 2023-12-31", "socai term --unit sop-cop --term 2020-2025",
                               "socai audit --unit sop-cop --figure villages", "socai check"])
    }

    /// Runs one command line (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        let language = GlobalOptions.requestedLanguage(arguments, environment: context.environment)
        do {
            return try dispatch(arguments, context).rawValue
        } catch {
            context.stderr.writeLine(TerminalText.neutralised(error.render(language)))
            return error.status.rawValue
        }
    }

    private static func dispatch(_ arguments: [String], _ context: CommandContext) throws(CLIError) -> ExitStatus {
        if let rest = CompleteCommand.match(arguments) { return CompleteCommand.run(rest, context) }
        let root = self.root
        let globals = GlobalOptions.specs
        let resolved: (command: CommandSpec, path: [String], rest: [String])
        do { resolved = try ArgumentScanner.resolveCommand(arguments, root: root, globals: globals) } catch { throw .usage(error) }
        let parsed: ParsedArguments
        do { parsed = try ArgumentScanner.scan(resolved.rest, command: resolved.command, globals: globals) } catch { throw .usage(error) }
        if parsed.flag("version") {
            context.stdout.writeLine("socai " + version)
            return .success
        }
        if parsed.helpRequested || (resolved.command.name == "" ) || (resolved.command.name == "record" && !context.stdinIsTerminal) {
            let language = GlobalOptions.requestedLanguage(arguments, environment: context.environment)
            context.stdout.writeLine(HelpFormatter.help(for: resolved.command, path: resolved.path, globals: globals, width: 100,
                                                        language: language))
            return parsed.helpRequested || resolved.command.name == "" ? .success : .badInput
        }
        let invocation = try Invocation(context: context, globals: parsed)
        if resolved.command.name == "record" {
            return try GuidedEntry.run(invocation.writingToFirst())
        }
        let top = resolved.command.name.split(separator: " ").first.map(String.init) ?? ""
        guard let command = commands.first(where: { $0.spec.name == top }) else {
            throw .usage(UsageError(message: UsageText.noCommand(), command: resolved.command.name))
        }
        let exportOnly = invocation.format == .html || invocation.format == .cloudevents
            || (invocation.format == .cloudeventsLines && command != ImportCommand.self)
        if exportOnly, command != ExportCommand.self {
            let format = invocation.format.rawValue
            throw .usage(UsageError(message: UsageText.formatIsExports(["format": format]), command: resolved.command.name,
                                    hint: UsageText.useExportForFormat(["format": format])))
        }
        return try command.run(parsed, invocation)
    }
}
