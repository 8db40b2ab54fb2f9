import Testing
import SocaiCLI
import SocaiCore

/// A small command tree shaped like socai's, so the scanner is tested apart from the real commands.
enum ArgumentScannerFixtures {
    static let globals: [OptionSpec] = [
        OptionSpec(name: "journal", valueName: "DIR", help: "The journal directory (default ./Journal)."),
        OptionSpec(name: "format", valueName: "FORMAT", help: "Output format: text, json or csv."),
        OptionSpec(name: "json", help: "Short for --format json."),
        OptionSpec(name: "lang", valueName: "LANG", help: "Labels and number format: vi or en."),
        OptionSpec.help,
    ]

    static let admission = CommandSpec(
        name: "record admission",
        abstract: "Record members admitted to a unit.",
        discussion: "The count is added to the unit's members on the effective date.",
        options: [
            OptionSpec(name: "unit", valueName: "UNIT", help: "The unit, by id or name.", required: true),
            OptionSpec(name: "date", valueName: "D", help: "The effective date (2023-12-31 or 31/12/2023).",
                       required: true),
            OptionSpec(name: "count", valueName: "N", help: "How many members were admitted.", required: true),
            OptionSpec(name: "source", valueName: "TEXT", help: "The document the figures come from."),
            OptionSpec(name: "dry-run", help: "Validate, write nothing."),
        ],
        examples: ["socai record admission --unit sop-cop --date 2023-02-01 --count 3"]
    )

    static let conference = CommandSpec(
        name: "record conference",
        abstract: "Record a conference and the figures it reported.",
        options: [
            OptionSpec(name: "unit", valueName: "UNIT", help: "The unit, by id or name.", required: true),
            OptionSpec(name: "date", valueName: "D", help: "The date of the conference.", required: true),
            OptionSpec(name: "title", valueName: "TEXT", help: "The conference's title."),
            OptionSpec(name: "figure", valueName: "KEY=N", help: "A figure the conference reported.",
                       repeatable: true),
            OptionSpec(name: "target", valueName: "KEY=N", help: "A target set for the term.", repeatable: true),
            OptionSpec(name: "from", valueName: "UNIT", help: "Hidden on purpose: an old spelling.", hidden: true),
        ]
    )

    static let record = CommandSpec(
        name: "record",
        abstract: "Record an event in the journal.",
        subcommands: [admission, conference]
    )

    static let replay = CommandSpec(
        name: "replay",
        abstract: "Show the state of units at a date.",
        options: [OptionSpec(name: "to", valueName: "D", help: "The date (default: today).")]
    )

    static let importCommand = CommandSpec(
        name: "import",
        abstract: "Record events from a JSON Lines or CSV file.",
        positionals: [PositionalSpec(name: "file", help: "The file to read.")]
    )

    static let root = CommandSpec(
        name: "",
        abstract: "An event-sourced record keeper for party-unit statistics.",
        subcommands: [
            CommandSpec(name: "init", abstract: "Create an empty journal."),
            record, replay, importCommand,
        ]
    )
}

/// Runs `scan` and returns the error it throws, or `nil` when it succeeds.
private func scanError(_ arguments: [String], _ command: CommandSpec) -> UsageError? {
    do {
        _ = try ArgumentScanner.scan(arguments, command: command, globals: ArgumentScannerFixtures.globals)
        return nil
    } catch {
        return error
    }
}

/// Runs `resolveCommand` and returns the error it throws, or `nil` when it succeeds.
private func resolveError(_ arguments: [String]) -> UsageError? {
    do {
        _ = try ArgumentScanner.resolveCommand(arguments, root: ArgumentScannerFixtures.root,
                                               globals: ArgumentScannerFixtures.globals)
        return nil
    } catch {
        return error
    }
}

@Suite("ArgumentScanner.scan")
struct ArgumentScannerTests {
    /// The usage error `body` throws, in English; nil when it throws none.
    static func error(_ body: () throws -> ParsedArguments) -> English? {
        do { _ = try body(); return nil } catch { return (error as? UsageError)?.english }
    }

    typealias F = ArgumentScannerFixtures

    @Test("--name value and --name=value give the same value; flags are true when given")
    func valuesAndFlags() throws {
        let parsed = try ArgumentScanner.scan(
            ["--unit", "sop-cop", "--date=2023-02-01", "--count", "3", "--dry-run"],
            command: F.admission, globals: F.globals)
        #expect(parsed.value("unit") == "sop-cop")
        #expect(parsed.value("date") == "2023-02-01")
        #expect(parsed.value("count") == "3")
        #expect(parsed.value("source") == nil)
        #expect(parsed.flag("dry-run"))
        #expect(!parsed.flag("json"))
        #expect(!parsed.helpRequested)
        #expect(parsed.givenOptions == ["unit", "date", "count", "dry-run"])
        #expect(parsed.isGiven("count"))
        #expect(!parsed.isGiven("source"))
        #expect(parsed.command == "record admission")
    }

    @Test("--name= gives an empty value, and only the first = splits")
    func inlineValueEdges() throws {
        let parsed = try ArgumentScanner.scan(
            ["--unit=", "--date", "d", "--title=a=b"], command: F.conference, globals: F.globals)
        #expect(parsed.value("unit") == "")
        #expect(parsed.value("title") == "a=b")
        let admission = try ArgumentScanner.scan(
            ["--unit=u", "--date=d", "--count=1", "--source=Báo cáo số 12=BC/HU"],
            command: F.admission, globals: F.globals)
        #expect(admission.value("source") == "Báo cáo số 12=BC/HU")
    }

    @Test("repeatable options keep every value, raw and in order")
    func repeatable() throws {
        let parsed = try ArgumentScanner.scan(
            ["--unit", "u", "--figure", "members=10", "--date", "d", "--figure=cells=2",
             "--target", "admissions=40", "--figure", "villages,cells=3"],
            command: F.conference, globals: F.globals)
        #expect(parsed.values("figure") == ["members=10", "cells=2", "villages,cells=3"])
        #expect(parsed.values("target") == ["admissions=40"])
        #expect(parsed.value("figure") == "villages,cells=3")
        #expect(parsed.values("title") == [])
        #expect(parsed.occurrences.map(\.name) == ["unit", "figure", "date", "figure", "target", "figure"])
    }

    @Test("a value may start with '-': it is checked by the command, not refused here")
    func valueStartingWithDash() throws {
        let parsed = try ArgumentScanner.scan(
            ["--unit", "u", "--date", "d", "--figure", "-5", "--title", "-- draft --", "--target", "--x"],
            command: F.conference, globals: F.globals)
        #expect(parsed.values("figure") == ["-5"])
        #expect(parsed.value("title") == "-- draft --")
        #expect(parsed.values("target") == ["--x"])
        let count = try ArgumentScanner.scan(
            ["--unit", "u", "--date", "d", "--count", "-3"], command: F.admission, globals: F.globals)
        #expect(count.value("count") == "-3")
    }

    @Test("a word that names a known option is not taken as a value")
    func optionIsNotAValue() {
        #expect(scanError(["--unit", "--date", "d", "--count", "1"], F.admission)?.english == English(
            message: "option --unit needs a value",
            command: "record admission",
            hint: "write --unit <UNIT>; a value that looks like an option can be written --unit=VALUE"))
    }

    @Test("-- ends the options: what follows is positional, even -h and --name")
    func endOfOptions() throws {
        let parsed = try ArgumentScanner.scan(["--journal", "J", "--", "--unit"], command: F.importCommand,
                                              globals: F.globals)
        #expect(parsed.value("journal") == "J")
        #expect(parsed.positionals == ["--unit"])
        #expect(parsed.positional("file") == "--unit")
        #expect(!parsed.isGiven("unit"))

        let many = CommandSpec(name: "show", abstract: "", positionals: [
            PositionalSpec(name: "words", help: "", optional: true, repeatable: true),
        ])
        let after = try ArgumentScanner.scan(["a", "--", "-h", "--", "--json"], command: many, globals: F.globals)
        #expect(after.positionalValues("words") == ["a", "-h", "--", "--json"])
        #expect(!after.helpRequested)
        #expect(!after.flag("json"))
    }

    @Test("global options are accepted before and after the command's own options")
    func globalsAnywhere() throws {
        let parsed = try ArgumentScanner.scan(
            ["--journal", "/tmp/J", "--unit", "u", "--json", "--date", "d", "--count", "1", "--lang=vi"],
            command: F.admission, globals: F.globals)
        #expect(parsed.value("journal") == "/tmp/J")
        #expect(parsed.flag("json"))
        #expect(parsed.value("lang") == "vi")
        #expect(parsed.value("unit") == "u")
    }

    @Test("a short option stands for its long name, with or without a value")
    func shortOptions() throws {
        let globals = [OptionSpec(name: "journal", short: "j", valueName: "DIR", help: "")]
        let command = CommandSpec(name: "log", abstract: "", options: [OptionSpec(name: "verbose", short: "v", help: "")])
        let parsed = try ArgumentScanner.scan(["-v", "-j", "J"], command: command, globals: globals)
        #expect(parsed.value("journal") == "J")
        #expect(parsed.flag("verbose"))
        #expect(parsed.occurrences == [.init(name: "verbose", value: nil), .init(name: "journal", value: "J")])
        #expect(throws: UsageError.self) { try ArgumentScanner.scan(["-j"], command: command, globals: globals) }
        #expect(Self.error { try ArgumentScanner.scan(["-j"], command: command, globals: globals) }
            == English(message: "option -j needs a value", command: "log", hint: "write -j <DIR>"))
        #expect(Self.error { try ArgumentScanner.scan(["-j", "a", "--journal", "b"], command: command, globals: globals) }
            == English(message: "option --journal given more than once", command: "log", hint: "--journal takes one value; give it once"))
        let root = CommandSpec(name: "", abstract: "", subcommands: [command])
        let resolved = try ArgumentScanner.resolveCommand(["-j", "log", "log", "-v"], root: root, globals: globals)
        #expect(resolved.path == ["log"])
        #expect(resolved.rest == ["-j", "log", "-v"])
    }

    @Test("an unknown option is named, with the nearest option names")
    func unknownOption() throws {
        let error = try #require(scanError(["--unit", "u", "--figur", "members=3"], F.conference))
        #expect(error.english == English(message: "unknown option --figur", command: "record conference",
                                    hint: "did you mean --figure?"))
        #expect(error.summary() == "unknown option --figur; did you mean --figure?")
        #expect(error.description == """
            error: unknown option --figur
              hint: did you mean --figure?
              see: socai record conference --help
            """)
    }

    @Test("unknown options: several suggestions, globals included, hidden options never suggested")
    func unknownOptionSuggestions() {
        #expect(scanError(["--dat=2023"], F.admission)?.summary()
            == "unknown option --dat; did you mean --date?")
        #expect(scanError(["--jorunal", "J"], F.admission)?.summary()
            == "unknown option --jorunal; did you mean --journal?")
        #expect(scanError(["--tar", "x"], F.conference)?.summary()
            == "unknown option --tar; did you mean --target?")
        #expect(scanError(["--unt", "x"], F.admission)?.summary()
            == "unknown option --unt; did you mean --unit or --count?")
        // --from is a hidden (old) spelling: accepted, never suggested.
        #expect(scanError(["--fro", "x"], F.conference)?.summary() == "unknown option --fro")
        #expect(scanError(["--zzzzzzzz"], F.admission)?.english == English(message: "unknown option --zzzzzzzz", command: "record admission"))
        #expect(scanError(["-unit", "u"], F.admission)?.summary()
            == "unknown option -unit; did you mean --unit?")
        #expect(scanError(["-x"], F.admission)?.summary() == "unknown option -x")
    }

    @Test("a flag takes no value")
    func flagWithValue() {
        #expect(scanError(["--dry-run=yes"], F.admission)?.english == English(
            message: "option --dry-run takes no value", command: "record admission", hint: "write --dry-run alone"))
    }

    @Test("a word after a flag is an unexpected argument, with a hint about the flag")
    func wordAfterFlag() {
        #expect(scanError(["--unit", "u", "--dry-run", "yes"], F.admission)?.english == English(
            message: "unexpected argument 'yes'", command: "record admission",
            hint: "--dry-run is a flag and takes no value"))
    }

    @Test("an unexpected positional is named")
    func unexpectedPositional() {
        #expect(scanError(["--unit", "u", "huyen", "--date", "d", "--count", "1"], F.admission)?.english == English(
            message: "unexpected argument 'huyen'", command: "record admission"))
        #expect(scanError(["unit", "u"], F.admission)?.english == English(
            message: "unexpected argument 'unit'", command: "record admission", hint: "did you mean --unit?"))
        #expect(scanError(["a.jsonl", "b.jsonl"], F.importCommand)?.english == English(
            message: "unexpected argument 'b.jsonl'", command: "import"))
    }

    @Test("positionals are handed to their specs; - and negative numbers are words")
    func positionals() throws {
        let parsed = try ArgumentScanner.scan(["--json", "events.jsonl"], command: F.importCommand, globals: F.globals)
        #expect(parsed.positionals == ["events.jsonl"])
        #expect(parsed.positional("file") == "events.jsonl")
        #expect(parsed.positionalValues("file") == ["events.jsonl"])
        let stdin = try ArgumentScanner.scan(["-"], command: F.importCommand, globals: F.globals)
        #expect(stdin.positional("file") == "-")
        #expect(scanError([], F.importCommand)?.english == English(message: "missing argument <file>", command: "import"))
    }

    @Test("a repeatable positional takes what the others leave")
    func repeatablePositional() throws {
        let command = CommandSpec(name: "merge", abstract: "", positionals: [
            PositionalSpec(name: "into", help: ""),
            PositionalSpec(name: "from", help: "", repeatable: true),
        ])
        let parsed = try ArgumentScanner.scan(["a", "b", "-1", "c"], command: command, globals: [])
        #expect(parsed.positional("into") == "a")
        #expect(parsed.positionalValues("from") == ["b", "-1", "c"])
    }

    @Test("a non-repeatable option given twice is an error naming it, globals and flags included")
    func duplicate() {
        #expect(scanError(["--unit", "a", "--unit=b"], F.admission)?.english == English(
            message: "option --unit given more than once", command: "record admission",
            hint: "--unit takes one value; give it once"))
        #expect(scanError(["--journal", "a", "--unit", "u", "--journal", "b"], F.admission)?.message.en
            == "option --journal given more than once")
        #expect(scanError(["--dry-run", "--dry-run"], F.admission)?.message.en
            == "option --dry-run given more than once")
    }

    @Test("a value option at the end of the line is missing its value")
    func missingValue() {
        #expect(scanError(["--unit", "u", "--date"], F.admission)?.english == English(
            message: "option --date needs a value", command: "record admission", hint: "write --date <D>"))
        #expect(scanError(["--unit", "u", "--date", "--"], F.admission)?.message.en == "option --date needs a value")
    }

    @Test("missing required options are listed together, in declaration order")
    func missingRequired() {
        #expect(scanError(["--date", "d"], F.admission)?.english == English(
            message: "missing required options --unit, --count", command: "record admission",
            hint: "add --unit <UNIT> --count <N>"))
        #expect(scanError(["--date", "d", "--unit", "u"], F.admission)?.description == """
            error: missing required option --count
              hint: add --count <N>
              see: socai record admission --help
            """)
    }

    @Test("-h/--help anywhere asks for help and silences missing-option errors")
    func help() throws {
        for arguments in [["--help"], ["-h"], ["--date", "d", "-h"], ["--help", "--unit", "u", "--help"]] {
            let parsed = try ArgumentScanner.scan(arguments, command: F.admission, globals: F.globals)
            #expect(parsed.helpRequested)
            #expect(parsed.flag("help"))
        }
        let withoutHelpInGlobals = try ArgumentScanner.scan(["-h"], command: F.importCommand, globals: [])
        #expect(withoutHelpInGlobals.helpRequested)
        #expect(withoutHelpInGlobals.positional("file") == nil)
        // Help does not excuse an option that does not exist.
        #expect(scanError(["--help", "--cuont", "3"], F.admission)?.summary()
            == "unknown option --cuont; did you mean --count?")
    }

    @Test("errors print with their hint and the help command; the root's help is socai --help")
    func errorDescription() {
        #expect(UsageError(message: "no command given", command: "").description == """
            error: no command given
              see: socai --help
            """)
        #expect(UsageError(message: "bad", command: "record", hint: "fix").summary() == "bad; fix")
    }
}

@Suite("ArgumentScanner.resolveCommand")
struct CommandResolutionTests {
    typealias F = ArgumentScannerFixtures

    @Test("walks subcommand words and leaves the rest in order")
    func walk() throws {
        let (command, path, rest) = try ArgumentScanner.resolveCommand(
            ["record", "admission", "--unit", "u", "--count", "1"], root: F.root, globals: F.globals)
        #expect(command == F.admission)
        #expect(path == ["record", "admission"])
        #expect(rest == ["--unit", "u", "--count", "1"])
    }

    @Test("global options and their values are skipped wherever they appear")
    func globalsBetweenWords() throws {
        let arguments = ["--journal", "J", "record", "--format=json", "--lang", "vi", "conference",
                         "--unit", "u", "--json"]
        let (command, path, rest) = try ArgumentScanner.resolveCommand(arguments, root: F.root, globals: F.globals)
        #expect(path == ["record", "conference"])
        #expect(rest == ["--journal", "J", "--format=json", "--lang", "vi", "--unit", "u", "--json"])
        let parsed = try ArgumentScanner.scan(rest + ["--date", "d"], command: command, globals: F.globals)
        #expect(parsed.value("journal") == "J")
        #expect(parsed.value("format") == "json")
        #expect(parsed.value("lang") == "vi")
        #expect(parsed.flag("json"))
        #expect(parsed.value("unit") == "u")
    }

    @Test("a global option's value is not mistaken for a command word")
    func globalValueThatLooksLikeACommand() throws {
        let (_, path, rest) = try ArgumentScanner.resolveCommand(
            ["--journal", "record", "replay", "--to", "2024-01-01"], root: F.root, globals: F.globals)
        #expect(path == ["replay"])
        #expect(rest == ["--journal", "record", "--to", "2024-01-01"])
    }

    @Test("walking stops at a positional, a command option and --")
    func stops() throws {
        let imported = try ArgumentScanner.resolveCommand(["import", "record"], root: F.root, globals: F.globals)
        #expect(imported.path == ["import"])
        #expect(imported.rest == ["record"])

        let early = try ArgumentScanner.resolveCommand(
            ["record", "--unit", "u", "admission"], root: F.root, globals: F.globals)
        #expect(early.path == ["record"])
        #expect(early.rest == ["--unit", "u", "admission"])
        #expect(scanError(early.rest, early.command)?.summary() == "unknown option --unit")

        let ended = try ArgumentScanner.resolveCommand(["--", "record"], root: F.root, globals: F.globals)
        #expect(ended.path == [])
        #expect(ended.rest == ["--", "record"])
    }

    @Test("no words: the root, for the caller to show its help")
    func empty() throws {
        let (command, path, rest) = try ArgumentScanner.resolveCommand(["--json"], root: F.root, globals: F.globals)
        #expect(command == F.root)
        #expect(path == [])
        #expect(rest == ["--json"])
    }

    @Test("an unknown command is named with the nearest commands")
    func unknownCommand() throws {
        let error = try #require(resolveError(["replai", "--to", "2024-01-01"]))
        #expect(error.english == English(message: "unknown command 'replai'", command: "", hint: "did you mean 'replay'?"))
        #expect(error.summary() == "unknown command 'replai'; did you mean 'replay'?")
        #expect(error.description == """
            error: unknown command 'replai'
              hint: did you mean 'replay'?
              see: socai --help
            """)
    }

    @Test("an unknown subcommand names its group, and lists the commands when none is near")
    func unknownSubcommand() {
        #expect(resolveError(["--json", "record", "admision"])?.english == English(
            message: "unknown command 'admision'", command: "record", hint: "did you mean 'admission'?"))
        #expect(resolveError(["record", "xyzzy"])?.english == English(
            message: "unknown command 'xyzzy'", command: "record", hint: "commands: admission, conference"))
    }

    @Test("the fixture tree is sound, and problems are found in a broken one")
    func problems() {
        #expect(F.root.problems(globals: F.globals) == [])
        let broken = CommandSpec(name: "", abstract: "", subcommands: [
            CommandSpec(name: "log", abstract: "", options: [
                OptionSpec(name: "unit", valueName: "UNIT", help: ""),
                OptionSpec(name: "unit", short: "h", help: ""),
                OptionSpec(name: "json", help: ""),
            ], positionals: [
                PositionalSpec(name: "a", help: "", repeatable: true),
                PositionalSpec(name: "b", help: ""),
            ]),
            CommandSpec(name: "record unit", abstract: ""),
        ])
        #expect(broken.problems(globals: F.globals) == [
            "log: --unit declared twice",
            "log: -h shadows a global option",
            "log: --json shadows a global option",
            "log: <a> is repeatable but not last",
            "(root): subcommand 'record unit' should be named 'unit'",
        ])
    }
}
