import SocaiCore

/// `socai completion bash|zsh|fish`: a completion script for the shell, generated from the
/// same command descriptions that scan and document the command line.
enum CompletionCommand: Command {
    static let spec = CommandSpec(
        name: "completion", abstract: LocalizedText(en: "Print a shell completion script (bash, zsh or fish).",
                                                    vi: "In tập lệnh gợi ý hoàn thành cho shell (bash, zsh hoặc fish)."),
        discussion: LocalizedText(en: """
        The script completes commands, options, figure keys, fixed values (--format, --lang, --kind, --of, --reason, …),
        files, and units, which it asks from the journal as you type (socai __complete units, honouring --journal and
        $SOCAI_JOURNAL): a plain word completes to unit ids (sop + Tab → sop-cop), a word with diacritics to names
        (Sốp + Tab → Huyện ủy Sốp Cộp).

         bash:  source <(socai completion bash)    or save it as ~/.local/share/bash-completion/completions/socai
         zsh:   source <(socai completion zsh)     (after compinit), or save it as _socai in a directory of $fpath
         fish:  socai completion fish | source     or save it as ~/.config/fish/completions/socai.fish
        """, vi: """
        Tập lệnh gợi ý lệnh, tùy chọn, mã số liệu, các giá trị cố định (--format, --lang, --kind, --of, --reason, …), tệp,
        và đơn vị, lấy từ sổ ngay khi gõ (socai __complete units, theo --journal và $SOCAI_JOURNAL): gõ không dấu thì gợi
        ý mã đơn vị (sop + Tab → sop-cop), gõ có dấu thì gợi ý tên (Sốp + Tab → Huyện ủy Sốp Cộp).

         bash:  source <(socai completion bash)    hoặc lưu thành ~/.local/share/bash-completion/completions/socai
         zsh:   source <(socai completion zsh)     (sau compinit), hoặc lưu thành _socai trong một thư mục của $fpath
         fish:  socai completion fish | source     hoặc lưu thành ~/.config/fish/completions/socai.fish
        """),
        positionals: [PositionalSpec(name: "shell", help: LocalizedText(en: "bash, zsh or fish.", vi: "bash, zsh hoặc fish."))],
        examples: ["source <(socai completion bash)", "socai completion fish > ~/.config/fish/completions/socai.fish"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let shell = arguments.positionals.first ?? ""
        let model = CompletionModel(root: SocaiCLI.root, globals: GlobalOptions.specs, language: invocation.language)
        guard arguments.positionals.count == 1, let script = CompletionScripts.script(for: shell, model) else {
            throw .usage(UsageError(message: shell.isEmpty ? CommandText.nameTheShell() : CommandText.noCompletionFor(["shell": shell]),
                                    command: spec.name, hint: CommandText.useACompletionShell()))
        }
        invocation.out(script)
        return .success
    }
}
