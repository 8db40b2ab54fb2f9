import SocaiCore

/// `socai completion bash|zsh|fish`: a completion script for the shell, generated from the
/// same command descriptions that scan and document the command line.
enum CompletionCommand: Command {
    static let spec = CommandSpec(
        name: "completion", abstract: "Print a shell completion script (bash, zsh or fish).",
        discussion: """
        The script completes commands, options, figure keys, fixed values (--format, --lang, --kind, --of, --reason, …),
        files, and unit ids, which it asks from the journal as you type (socai __complete units, honouring --journal and
        $SOCAI_JOURNAL).

         bash:  source <(socai completion bash)    or save it as ~/.local/share/bash-completion/completions/socai
         zsh:   source <(socai completion zsh)     (after compinit), or save it as _socai in a directory of $fpath
         fish:  socai completion fish | source     or save it as ~/.config/fish/completions/socai.fish
        """,
        positionals: [PositionalSpec(name: "shell", help: "bash, zsh or fish.")],
        examples: ["source <(socai completion bash)", "socai completion fish > ~/.config/fish/completions/socai.fish"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let shell = arguments.positionals.first ?? ""
        let model = CompletionModel(root: SocaiCLI.root, globals: GlobalOptions.specs)
        guard arguments.positionals.count == 1, let script = CompletionScripts.script(for: shell, model) else {
            throw .usage(UsageError(message: shell.isEmpty ? "name the shell" : "no completion for '\(shell)'", command: spec.name,
                                    hint: "use socai completion bash, zsh or fish"))
        }
        invocation.out(script)
        return .success
    }
}
