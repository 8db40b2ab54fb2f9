import Testing
import SocaiCLI
import SocaiCore

@Suite("HelpFormatter")
struct HelpFormatterTests {
    typealias F = ArgumentScannerFixtures

    @Test("a leaf command: overview, discussion, usage, options with marks, globals, examples")
    func admission() {
        let help = HelpFormatter.help(for: F.admission, path: ["record", "admission"], globals: F.globals)
        #expect(help == """
            OVERVIEW: Record members admitted to a unit.

            The count is added to the unit's members on the effective date.

            USAGE: socai record admission --unit <UNIT> --date <D> --count <N>
                                          [--source <TEXT>] [--dry-run]

            OPTIONS:
              --unit <UNIT>      The unit, by id or name. (required)
              --date <D>         The effective date (2023-12-31 or 31/12/2023). (required)
              --count <N>        How many members were admitted. (required)
              --source <TEXT>    The document the figures come from.
              --dry-run          Validate, write nothing.

            GLOBAL OPTIONS:
              --journal <DIR>    The journal directory (default ./Journal).
              --format <FORMAT>  Output format: text, json or csv.
              --json             Short for --format json.
              --lang <LANG>      Labels and number format: vi or en.
              -h, --help         Show help information.

            EXAMPLES:
              socai record admission --unit sop-cop --date 2023-02-01 --count 3
            """)
    }

    @Test("a group: its subcommands with their abstracts, and where to find more")
    func group() {
        let help = HelpFormatter.help(for: F.record, path: ["record"], globals: F.globals)
        #expect(help == """
            OVERVIEW: Record an event in the journal.

            USAGE: socai record <subcommand>

            SUBCOMMANDS:
              admission          Record members admitted to a unit.
              conference         Record a conference and the figures it reported.

              See 'socai record <subcommand> --help' for detailed help.

            GLOBAL OPTIONS:
              --journal <DIR>    The journal directory (default ./Journal).
              --format <FORMAT>  Output format: text, json or csv.
              --json             Short for --format json.
              --lang <LANG>      Labels and number format: vi or en.
              -h, --help         Show help information.
            """)
    }

    @Test("in Vietnamese: section titles, marks, the subcommand token and value names in Vietnamese")
    func vietnamese() {
        let group = HelpFormatter.help(for: F.record, path: ["record"], globals: [OptionSpec.help], language: .vi)
        #expect(group == """
            TỔNG QUAN: Record an event in the journal.

            CÁCH DÙNG: socai record <lệnh-con>

            LỆNH CON:
              admission   Record members admitted to a unit.
              conference  Record a conference and the figures it reported.

              Xem 'socai record <lệnh-con> --help' để biết chi tiết.

            TÙY CHỌN CHUNG:
              -h, --help  Hiện hướng dẫn.
            """)
        let leaf = CommandSpec(name: "audit", abstract: LocalizedText(en: "How a figure changed.", vi: "Số liệu thay đổi thế nào."),
                               usage: [LocalizedText(en: "socai audit --unit UNIT", vi: "socai audit --unit ĐƠN_VỊ"), "socai audit --help"],
                               options: [OptionSpec(name: "unit", value: .unit, help: LocalizedText(en: "The unit.", vi: "Đơn vị."),
                                                    repeatable: true, required: true)])
        #expect(HelpFormatter.help(for: leaf, path: ["audit"], globals: [], language: .vi) == """
            TỔNG QUAN: Số liệu thay đổi thế nào.

            CÁCH DÙNG: socai audit --unit ĐƠN_VỊ
                       socai audit --help

            TÙY CHỌN:
              --unit <ĐƠN_VỊ>  Đơn vị. (bắt buộc, lặp lại được)

            TÙY CHỌN CHUNG:
              -h, --help       Hiện hướng dẫn.
            """)
    }

    @Test("a narrow width wraps the overview, the usage and the help column; hidden options are left out")
    func narrow() {
        let help = HelpFormatter.help(for: F.conference, path: ["record", "conference"], globals: F.globals,
                                      width: 50)
        #expect(help == """
            OVERVIEW: Record a conference and the figures it
            reported.

            USAGE: socai record conference --unit <UNIT>
                     --date <D> [--title <TEXT>]
                     [--figure <KEY=N> ...]
                     [--target <KEY=N> ...]

            OPTIONS:
              --unit <UNIT>      The unit, by id or name.
                                 (required)
              --date <D>         The date of the conference.
                                 (required)
              --title <TEXT>     The conference's title.
              --figure <KEY=N>   A figure the conference
                                 reported. (repeatable)
              --target <KEY=N>   A target set for the term.
                                 (repeatable)

            GLOBAL OPTIONS:
              --journal <DIR>    The journal directory
                                 (default ./Journal).
              --format <FORMAT>  Output format: text, json or
                                 csv.
              --json             Short for --format json.
              --lang <LANG>      Labels and number format: vi
                                 or en.
              -h, --help         Show help information.
            """)
    }

    /// Custom usage lines, a preformatted discussion paragraph, a label too long for the column,
    /// a hidden option, a command option shadowing a global, and a positional.
    static let correction = CommandSpec(
        name: "record correction",
        abstract: "Correct an earlier event without editing it.",
        usage: [
            "socai record correction --event <ID> --reason <TEXT> --retract",
            "socai record correction --event <ID> --reason <TEXT> --set <FIELD=VALUE> ...",
        ],
        discussion: """
            The journal is append-only: a correction is a new event that points at the old one, \
            so an audit shows both what was recorded and when it was corrected.

            Either:
              --retract            the event never happened
              --set FIELD=VALUE    a field had another value
            """,
        options: [
            OptionSpec(name: "event", valueName: "ID", help: "The id of the event to correct.", required: true),
            OptionSpec(name: "reason", valueName: "TEXT", help: "Why.", required: true),
            OptionSpec(name: "retract", help: "The event is withdrawn."),
            OptionSpec(name: "set", valueName: "FIELD=VALUE", help: "A field's corrected value.", repeatable: true),
            OptionSpec(name: "villages-without-members", valueName: "N",
                       help: "A long label puts its help on the next line.", repeatable: true, required: true),
            OptionSpec(name: "id", valueName: "UUID", help: "Old spelling of --event.", hidden: true),
            OptionSpec(name: "format", valueName: "STYLE", help: "Shadows the global --format."),
        ],
        positionals: [
            PositionalSpec(name: "note", help: "Free text kept with the correction.", optional: true, repeatable: true),
        ],
        examples: [
            "socai record correction --event 5f0c9a8e-7d7e-4a55-9a52-0c1f8d4e2b11 --reason 'typo in the report' --set count=4",
        ]
    )

    @Test("custom usage lines, preformatted discussion, long labels, shadowed globals, unwrapped examples")
    func correctionHelp() {
        let help = HelpFormatter.help(for: Self.correction, path: ["record", "correction"], globals: F.globals,
                                      width: 72)
        #expect(help == """
            OVERVIEW: Correct an earlier event without editing it.

            The journal is append-only: a correction is a new event that points at
            the old one, so an audit shows both what was recorded and when it was
            corrected.

            Either:
              --retract            the event never happened
              --set FIELD=VALUE    a field had another value

            USAGE: socai record correction --event <ID> --reason <TEXT> --retract
                   socai record correction --event <ID> --reason <TEXT> --set <FIELD=VALUE> ...

            ARGUMENTS:
              <note>                      Free text kept with the correction.

            OPTIONS:
              --event <ID>                The id of the event to correct. (required)
              --reason <TEXT>             Why. (required)
              --retract                   The event is withdrawn.
              --set <FIELD=VALUE>         A field's corrected value. (repeatable)
              --villages-without-members <N>
                                          A long label puts its help on the next
                                          line. (required, repeatable)
              --format <STYLE>            Shadows the global --format.

            GLOBAL OPTIONS:
              --journal <DIR>             The journal directory (default ./Journal).
              --json                      Short for --format json.
              --lang <LANG>               Labels and number format: vi or en.
              -h, --help                  Show help information.

            EXAMPLES:
              socai record correction --event 5f0c9a8e-7d7e-4a55-9a52-0c1f8d4e2b11 --reason 'typo in the report' --set count=4
            """)
    }

    @Test("the generated usage marks optional, repeatable and positional parts")
    func generatedUsage() {
        var command = Self.correction
        command.usage = nil
        command.discussion = nil
        let help = HelpFormatter.help(for: command, path: ["record", "correction"], globals: [], width: 72)
        let usage = help.split(separator: "\n\n")[1]
        #expect(usage == """
            USAGE: socai record correction --event <ID> --reason <TEXT> [--retract]
                                           [--set <FIELD=VALUE> ...]
                                           --villages-without-members <N> ...
                                           [--format <STYLE>] [<note> ...]
            """)
    }

    @Test("-h/--help is listed even when the globals do not declare it")
    func helpAlwaysListed() {
        let help = HelpFormatter.help(for: F.importCommand, path: ["import"], globals: [])
        #expect(help == """
            OVERVIEW: Record events from a JSON Lines or CSV file.

            USAGE: socai import <file>

            ARGUMENTS:
              <file>      The file to read.

            GLOBAL OPTIONS:
              -h, --help  Show help information.
            """)
    }

    @Test("the same spec and width give the same text")
    func deterministic() {
        let first = HelpFormatter.help(for: F.root, path: [], globals: F.globals, width: 60)
        let second = HelpFormatter.help(for: F.root, path: [], globals: F.globals, width: 60)
        #expect(first == second)
        #expect(first.hasPrefix("OVERVIEW: An event-sourced record keeper for party-unit\nstatistics.\n\nUSAGE: socai <subcommand>\n"))
    }
}
