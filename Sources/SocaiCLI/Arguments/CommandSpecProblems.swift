extension CommandSpec {
    /// Mistakes in a command tree that the scanner would otherwise turn into confusing behaviour
    /// (an option shadowed by another, a positional that can never be filled); one line each, empty
    /// when the tree is sound. Meant for a test over socai's real command tree.
    public func problems(globals: [OptionSpec]) -> [String] {
        var found: [String] = []
        let lookup = ArgumentScanner.OptionLookup(command: options, globals: globals)
        let label = name.isEmpty ? "(root)" : name

        var names = Set<String>()
        var shorts = Set<Character>()
        for option in options {
            if !names.insert(option.name).inserted { found.append("\(label): --\(option.name) declared twice") }
            if let short = option.short, !shorts.insert(short).inserted {
                found.append("\(label): -\(short) declared twice")
            }
            if lookup.globals.contains(where: { $0.name == option.name }) {
                found.append("\(label): --\(option.name) shadows a global option")
            }
            if let short = option.short, lookup.globals.contains(where: { $0.short == short }) {
                found.append("\(label): -\(short) shadows a global option")
            }
            if option.name.isEmpty || option.name.hasPrefix("-") || option.name.contains("=")
                || option.name.contains(" ") {
                found.append("\(label): '\(option.name)' is not a valid option name")
            }
            if option.required && option.hidden { found.append("\(label): --\(option.name) is required but hidden") }
        }
        for (index, positional) in positionals.enumerated() where positional.repeatable && index != positionals.count - 1 {
            found.append("\(label): <\(positional.name)> is repeatable but not last")
        }
        var words = Set<String>()
        for sub in subcommands {
            let expected = name.isEmpty ? sub.word : "\(name) \(sub.word)"
            if sub.name != expected { found.append("\(label): subcommand '\(sub.name)' should be named '\(expected)'") }
            if !words.insert(sub.word).inserted { found.append("\(label): subcommand '\(sub.word)' declared twice") }
            found += sub.problems(globals: globals)
        }
        return found
    }
}
