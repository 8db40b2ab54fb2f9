import SocaiCore

extension ArgumentScanner {
    /// Finds which command a line asks for by walking subcommand words from `root`
    /// (`record conference`), skipping global options and their values wherever they appear
    /// (`socai --journal J record --json conference …`).
    ///
    /// Walking stops at the first word under a command without subcommands (a positional), at the
    /// first option that is not global (command words come before command options), and at `--`.
    /// `rest` is `arguments` without the command words, in order, ready for `scan`.
    ///
    /// Separate from `scan` because the options to scan for depend on the command found.
    public static func resolveCommand(
        _ arguments: [String],
        root: CommandSpec,
        globals: [OptionSpec]
    ) throws(UsageError) -> (command: CommandSpec, path: [String], rest: [String]) {
        var current = root
        var path: [String] = []
        var rest: [String] = []
        var index = 0

        walking: while index < arguments.count {
            let argument = arguments[index]
            let lookup = OptionLookup(command: current.options, globals: globals)
            switch Token(argument) {
            case .endOfOptions, .singleDashWord:
                break walking
            case .long(let name, let inline):
                guard let spec = lookup.globals.first(where: { $0.name == name }) else { break walking }
                rest.append(argument)
                index += 1
                if spec.takesValue, inline == nil, index < arguments.count,
                   !lookup.namesOption(arguments[index]) {
                    rest.append(arguments[index])
                    index += 1
                }
            case .short(let letter):
                guard let spec = lookup.globals.first(where: { $0.short == letter }) else { break walking }
                rest.append(argument)
                index += 1
                if spec.takesValue, index < arguments.count, !lookup.namesOption(arguments[index]) {
                    rest.append(arguments[index])
                    index += 1
                }
            case .word:
                if current.subcommands.isEmpty { break walking }
                if let sub = current.subcommand(argument) {
                    current = sub
                    path.append(argument)
                    index += 1
                    continue walking
                }
                // A group that also takes positionals reads an unknown word as one of them.
                if !current.positionals.isEmpty { break walking }
                let words = current.subcommands.map(\.word)
                let near = EditDistance.nearest(to: argument, among: words)
                throw UsageError(
                    message: UsageText.unknownCommand(["word": argument]),
                    command: current.name,
                    hint: UsageError.didYouMean(near.map { "'\($0)'" })
                        ?? UsageText.commandsAre(["commands": words.joined(separator: ", ")])
                )
            }
        }
        rest.append(contentsOf: arguments[index...])
        return (current, path, rest)
    }
}
