import SocaiCore

/// Turns the words of a command line into `ParsedArguments`, checking only their shape: known
/// options, values present, nothing repeated that should not be, required options given.
///
/// Hand-written because socai takes no package dependencies. Rules:
/// - `--name value` and `--name=value`; `-h`; flags take no value (`--dry-run=yes` is an error).
/// - The word after a value option is its value even when it starts with `-` (`--figure -5`), so a
///   bad value is reported by the command that understands it; a word that names a known option is
///   not taken (`--unit --date …` is a missing value). `--title=--help` passes such a value.
/// - `--` ends the options; everything after it is positional.
/// - Global options are accepted anywhere before `--`.
/// - `-h/--help` is always accepted and suppresses "missing" errors, so help works on an incomplete line.
public enum ArgumentScanner {
    /// Scans `arguments` (the `rest` from `resolveCommand`: the command words removed, global
    /// options still in place) for `command`.
    public static func scan(
        _ arguments: [String],
        command: CommandSpec,
        globals: [OptionSpec]
    ) throws(UsageError) -> ParsedArguments {
        let lookup = OptionLookup(command: command.options, globals: globals)
        var parsed = ParsedArguments(command: command.name)
        /// Positional words, with the flag just before each (for the hint "--dry-run takes no value").
        var words: [(word: String, afterFlag: String?)] = []
        var onlyPositionals = false
        var previousFlag: String?
        var index = 0

        func error(_ message: LocalizedText, hint: LocalizedText? = nil) -> UsageError {
            UsageError(message: message, command: command.name, hint: hint)
        }

        func unknownOption(_ spelled: String, name: String) -> UsageError {
            let near = EditDistance.nearest(to: name, among: lookup.suggestionNames)
            return error(UsageText.unknownOption(["option": spelled]), hint: UsageError.didYouMean(near.map { "--\($0)" }))
        }

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals {
                words.append((argument, nil))
                continue
            }
            let token = Token(argument)
            let spec: OptionSpec
            let spelled: String
            let inlineValue: String?
            switch token {
            case .endOfOptions:
                onlyPositionals = true
                previousFlag = nil
                continue
            case .word:
                words.append((argument, previousFlag))
                previousFlag = nil
                continue
            case .singleDashWord(let body):
                throw unknownOption(argument, name: body)
            case .long(let name, let inline):
                guard let found = lookup.long(name) else { throw unknownOption("--\(name)", name: name) }
                (spec, spelled, inlineValue) = (found, "--\(name)", inline)
            case .short(let letter):
                guard let found = lookup.short(letter) else {
                    throw error(UsageText.unknownOption(["option": "-\(letter)"]))
                }
                (spec, spelled, inlineValue) = (found, "-\(letter)", nil)
            }
            previousFlag = nil

            // Repeating --help is harmless; repeating anything else non-repeatable is ambiguous.
            if !spec.repeatable, spec.name != OptionSpec.help.name, parsed.isGiven(spec.name) {
                throw error(UsageText.givenTwice(["name": spec.name]), hint: UsageText.giveOnce(["name": spec.name]))
            }

            guard let valueName = spec.valueName else {
                if inlineValue != nil {
                    throw error(UsageText.takesNoValue(["option": spelled]), hint: UsageText.writeAlone(["option": spelled]))
                }
                parsed.occurrences.append(.init(name: spec.name, value: nil))
                previousFlag = spelled
                continue
            }

            if let inlineValue {
                parsed.occurrences.append(.init(name: spec.name, value: inlineValue))
            } else if index < arguments.count, !lookup.namesOption(arguments[index]) {
                parsed.occurrences.append(.init(name: spec.name, value: arguments[index]))
                index += 1
            } else if index < arguments.count {
                throw error(UsageText.needsValue(["option": spelled]),
                            hint: UsageText.writeValueLikeOption(["option": LocalizedText(spelled), "value": valueName,
                                                                  "name": LocalizedText(spec.name)]))
            } else {
                throw error(UsageText.needsValue(["option": spelled]),
                            hint: UsageText.writeValue(["option": LocalizedText(spelled), "value": valueName]))
            }
        }

        let help = parsed.helpRequested
        parsed.positionals = words.map(\.word)
        parsed.positionalsByName = try assign(words, to: command.positionals, lookup: lookup,
                                              allowMissing: help, error: error)

        if !help {
            let missing = lookup.all.filter { $0.required && !parsed.isGiven($0.name) }
            if !missing.isEmpty {
                let names = missing.map { "--\($0.name)" }.joined(separator: ", ")
                let usage = missing.map { option in
                    LocalizedText("--\(option.name)") + (option.valueName.map { LocalizedText(" <") + $0 + LocalizedText(">") } ?? LocalizedText(""))
                }.joined(separator: " ")
                throw error((missing.count == 1 ? UsageText.missingOption : UsageText.missingOptions)(["names": names]),
                            hint: UsageText.add(["usage": usage]))
            }
        }
        return parsed
    }

    /// Hands the positional words to the command's positional specs in order; a repeatable one takes
    /// what the specs after it leave over.
    private static func assign(
        _ words: [(word: String, afterFlag: String?)],
        to specs: [PositionalSpec],
        lookup: OptionLookup,
        allowMissing: Bool,
        error: (LocalizedText, LocalizedText?) -> UsageError
    ) throws(UsageError) -> [String: [String]] {
        var byName: [String: [String]] = [:]
        var next = 0
        for (position, spec) in specs.enumerated() {
            let remaining = words.count - next
            let take = spec.repeatable
                ? max(0, remaining - (specs.count - position - 1))
                : min(1, remaining)
            if take == 0 {
                if !spec.optional, !allowMissing {
                    throw error(UsageText.missingArgument(["name": spec.name]), nil)
                }
                continue
            }
            byName[spec.name, default: []] += words[next..<(next + take)].map(\.word)
            next += take
        }
        if next < words.count {
            let extra = words[next]
            var hint: LocalizedText?
            if let flag = extra.afterFlag {
                hint = UsageText.isAFlag(["flag": flag])
            } else if let option = lookup.long(extra.word), !option.hidden {
                hint = UsageError.didYouMean(["--\(option.name)"])
            }
            throw error(UsageText.unexpectedArgument(["word": extra.word]), hint)
        }
        return byName
    }
}
