/// The `record` subcommands and their options: the command-line face of `EventBuilder.options`.
enum RecordSpecs {
    /// Options every `record` takes.
    static let common: [OptionSpec] = [
        OptionSpec(name: "source", valueName: "TEXT", help: "The document the fact comes from, with a short quote."),
        OptionSpec(name: "by", valueName: "NAME", help: "Who records it (default: the login name)."),
        OptionSpec(name: "event-id", valueName: "UUID", help: "The event's id: retrying with the same id records it once."),
        OptionSpec(name: "expect-seq", valueName: "N", help: "Refuse (exit 75) unless the journal's last seq is N."),
        OptionSpec(name: "dry-run", help: "Validate and show the event; write nothing."),
        OptionSpec(name: "allow-future", help: "Accept dates after today (a planned event)."),
    ]

    static func option(_ name: String, _ value: String?, _ help: String, repeatable: Bool = false, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: value, help: help, repeatable: repeatable, required: required)
    }

    static let unit = option("unit", "UNIT", "The unit: its id or name (diacritics optional: sop cop).", required: true)
    static let date = option("date", "DATE", "When it happened: 2023-12-31 or 31/12/2023.", required: true)
    /// Every record but a correction may carry what its document printed (CONTRACT.md).
    static let printed = option("printed", "NAME=P", "A percentage the document printed with it, for `check` (see `socai help figures`).",
                                repeatable: true)

    static let subcommands: [CommandSpec] = [
        CommandSpec(name: "record unit", abstract: "Establish a unit.",
                    options: [option("id", "ID", "A stable ASCII id, e.g. sop-cop.", required: true),
                              option("name", "NAME", "The Vietnamese name, e.g. 'Huyện ủy Sốp Cộp'.", required: true),
                              option("kind", "KIND", "province, bloc, district, base-committee, base-cell, cell, village, …", required: true),
                              option("setting", "SETTING", "commune, ward, school, enterprise, ban, … (optional)."),
                              option("parent", "UNIT", "The unit it belongs to."), date, printed] + common,
                    examples: ["socai record unit --id sop-cop --name 'Huyện ủy Sốp Cộp' --kind district --parent son-la --date 2020-01-01"]),
        CommandSpec(name: "record rename", abstract: "Give a unit a new name or kind from a date on.",
                    options: [unit, option("name", "NAME", "The new name."), option("kind", "KIND", "The new kind."),
                              option("setting", "SETTING", "The new setting."), date, printed] + common),
        CommandSpec(name: "record move", abstract: "Place a unit under another parent from a date on (its members go with it).",
                    options: [unit, option("parent", "UNIT", "The new parent.", required: true), date, printed] + common),
        CommandSpec(name: "record dissolve", abstract: "End a unit without a successor.",
                    options: [unit, option("reason", "TEXT", "Why (optional)."), date, printed] + common),
        CommandSpec(name: "record conference", abstract: "A conference or published report and the figures it stated.",
                    discussion: """
                    Figures: --figure KEY=VALUE, VALUE like 5275 or 5.275, ~120 (about), >3700 (over), 2,9% (a share),
                    95@2016-05-23 (a level on another date), 492@2015-01-01..2020-08-14 (a flow over a period).
                    Targets: --target admissions=400, admissions-per-year=90, X-reduction-per-year=15..20, …
                    Printed percentages: --printed admissions-attainment=117,3 (see `socai help figures`).
                    """,
                    options: [unit, date, option("title", "TEXT", "The conference's title.", required: true),
                              option("kind", "KIND", "congress, review, report or other (default other)."),
                              option("term", "YYYY-YYYY", "The congress term it belongs to, e.g. 2020-2025."),
                              option("as-of", "DATE", "The date its figures describe, when not the conference's date."),
                              option("figure", "KEY=VALUE", "A figure it reported.", repeatable: true),
                              option("target", "KEY=VALUE", "A target it set.", repeatable: true),
                              option("printed", "NAME=P", "A percentage as printed, for `check`.", repeatable: true),
                              option("decision", "TEXT", "A conclusion or directive it adopted (not a figure).", repeatable: true)] + common,
                    examples: ["socai record conference --unit sop-cop --date 23/01/2024 --as-of 31/12/2023 --title 'Hội nghị đánh giá Đề án' --kind review --term 2020-2025 --figure members=4014 --printed admissions-attainment=117,3"]),
        CommandSpec(name: "record admission", abstract: "Members admitted at a unit.",
                    options: [unit, date, option("count", "N", "How many.", required: true),
                              option("since", "DATE", "When the count covers a period: its first day."), printed] + common,
                    examples: ["socai record admission --unit muong-thanh --date 2021-03-01 --count 25"]),
        CommandSpec(name: "record departure", abstract: "Members leaving a unit.",
                    options: [unit, date, option("count", "N", "How many.", required: true),
                              option("reason", "REASON", "transfer-out, death, expulsion, struck-off or exit.", required: true),
                              option("since", "DATE", "When the count covers a period: its first day."), printed] + common),
        CommandSpec(name: "record arrival", abstract: "Members transferred in.",
                    options: [unit, date, option("count", "N", "How many.", required: true),
                              option("since", "DATE", "When the count covers a period: its first day."), printed] + common),
        CommandSpec(name: "record merger", abstract: "Units merged into an existing or a new unit (or merger totals).",
                    discussion: "Named units: --from A,B --into C (add --name/--kind/--parent when C is new). Totals only: --in UNIT --of village --before 128 --after 101 [--rounds 3].",
                    options: [option("from", "UNIT,UNIT…", "The units merged.", repeatable: true),
                              option("into", "UNIT", "The unit they become (new with --name)."),
                              option("name", "NAME", "The new unit's name."), option("kind", "KIND", "The new unit's kind."),
                              option("setting", "SETTING", "The new unit's setting."), option("parent", "UNIT", "The new unit's parent."),
                              option("in", "UNIT", "Totals: the unit the merged units lie in."), option("of", "KIND", "Totals: what was merged (village, cell, …)."),
                              option("before", "N", "Totals: how many before."), option("after", "N", "Totals: how many after."),
                              option("rounds", "N", "Totals: in how many rounds."), option("since", "DATE", "Totals: the first day of the period."),
                              date, printed] + common,
                    examples: ["socai record merger --from ban-a,ban-b --into ban-c --name 'Bản C' --kind village --date 2022-05-01",
                               "socai record merger --in sop-cop --of village --before 128 --after 101 --rounds 3 --since 2020-01-01 --date 2023-12-31 --printed villages-reduction=21,1"]),
        CommandSpec(name: "record rating", abstract: "A year's rating results (counts or printed shares).",
                    options: [unit, option("year", "YYYY", "The rated year.", required: true),
                              option("of", "WHAT", "organizations, cells, committees or members.", required: true),
                              option("excellent", "N|P%", "Hoàn thành xuất sắc nhiệm vụ."), option("good", "N|P%", "Hoàn thành tốt nhiệm vụ."),
                              option("good-or-better", "N|P%", "When the document prints good including excellent."),
                              option("completed", "N|P%", "Hoàn thành nhiệm vụ."), option("failed", "N|P%", "Không hoàn thành nhiệm vụ / Yếu kém."),
                              option("rated", "N", "The number rated, as the document states it."), option("exempt", "N", "Exempt from rating."),
                              option("unrated", "N", "Not rated."), option("regulation", "TEXT", "The regulation followed, e.g. QĐ 124-QĐ/TW."),
                              option("printed", "NAME=P", "A share as printed, e.g. excellent-share=15,2.", repeatable: true),
                              option("date", "DATE", "When it was decided (default 31/12 of the year).")] + common,
                    examples: ["socai record rating --unit sop-cop --year 2023 --of organizations --excellent 6 --good 32 --completed 3 --failed 0 --rated 41 --printed excellent-share=15,2"]),
        CommandSpec(name: "record correction", abstract: "Correct an earlier event without editing it: retract it or replace fields.",
                    options: [option("event", "ID", "The id of the event to correct (see `socai log`).", required: true),
                              option("reason", "TEXT", "Why.", required: true), option("retract", nil, "The event should not have been recorded."),
                              option("set", "FIELD=VALUE", "Replace a field: count=20, date=2021-03-02, figures.members=4015.", repeatable: true)] + common,
                    examples: ["socai record correction --event 0190… --reason 'typo: 20 not 25' --set count=20"]),
    ]
}
