import SocaiCore

/// `socai __complete units [-- WORD]|figures`: the words completion scripts offer at completion
/// time, one per line (units: `UnitWords`, ids or names with diacritics). Hidden from help; prints
/// nothing (and succeeds) when there is nothing to offer, so a missing journal never disturbs the
/// shell.
enum CompleteCommand {
    static let word = "__complete"

    static let spec = CommandSpec(
        name: word, abstract: LocalizedText(en: "Words for shell completion (used by the completion scripts).",
                                            vi: "Các từ gợi ý cho shell (do tập lệnh gợi ý hoàn thành gọi)."),
        positionals: [PositionalSpec(name: "what", help: LocalizedText(en: "units or figures.", vi: "units (đơn vị) hoặc figures (số liệu).")),
                      PositionalSpec(name: "word", help: LocalizedText(en: "What has been typed of the unit so far.",
                                                                       vi: "Phần tên hoặc mã đơn vị đã gõ."), optional: true)])

    /// The arguments for `__complete` when the line asks for it (globals may come first), else nil.
    static func match(_ arguments: [String]) -> [String]? {
        let root = CommandSpec(name: "", abstract: LocalizedText(""), subcommands: [spec])
        guard let resolved = try? ArgumentScanner.resolveCommand(arguments, root: root, globals: GlobalOptions.specs),
              resolved.command.name == word else { return nil }
        return resolved.rest
    }

    static func run(_ rest: [String], _ context: CommandContext) -> ExitStatus {
        guard let parsed = try? ArgumentScanner.scan(rest, command: spec, globals: GlobalOptions.specs),
              let invocation = try? Invocation(context: context, globals: parsed) else { return .badInput }
        if parsed.helpRequested {
            invocation.out(HelpFormatter.help(for: spec, path: [word], globals: GlobalOptions.specs, width: 100,
                                              language: invocation.language) + "\n")
            return .success
        }
        switch parsed.positionals.first {
        case "units":
            guard let session = try? JournalSession.load(invocation) else { return .success }
            let words = UnitWords.offered(for: parsed.positional("word") ?? "", in: session.rules.registry)
            if !words.isEmpty { invocation.out(words.joined(separator: "\n") + "\n") }
        case "figures":
            invocation.out(FigureCatalogue.keys.joined(separator: "\n") + "\n")
        default:
            return .badInput
        }
        return .success
    }
}
