import SocaiCore

/// One question of guided entry: the `record` option it fills and how its answer is read.
struct GuidedField {
    enum Kind: Equatable {
        /// A unit already in the journal, found by id or name (diacritics optional).
        case unit
        /// Several units, comma-separated (`--from` of a merger).
        case units
        /// An existing unit, or the id of a new one (`--into` of a merger).
        case unitOrNew
        /// A new unit id.
        case newID
        case date
        case number
        /// One of a list, typed as its code, its Vietnamese name or their beginning (`từ trần`, `d`).
        case choice(ChoiceList)
        /// `KEY=VALUE`, asked again until an empty answer.
        case pairs
        case text
    }

    var name: String
    var kind: Kind
    /// How the question reads: the option's name in English, words in Vietnamese.
    var label: GuidedText
    var required: Bool
    /// The default offered in brackets, taken on an empty answer, as the `record` option takes it
    /// (an ISO date, a choice's code); shown in the reader's language.
    var defaultValue: String?
    /// The option's help from `RecordSpecs` (shown on `?`).
    var help: LocalizedText
    /// Whether the prompt says "(optional)" (not when the prompt itself says Enter skips).
    var marksOptional = true

    init(_ name: String, _ kind: Kind, label: GuidedText? = nil, required: Bool = false, default defaultValue: String? = nil,
         spec: CommandSpec?) {
        self.init(name, kind, label: label, required: required, default: defaultValue,
                  help: spec?.options.first { $0.name == name }?.help ?? LocalizedText(""))
    }

    init(_ name: String, _ kind: Kind, label: GuidedText? = nil, required: Bool = false, default defaultValue: String? = nil,
         help: LocalizedText) {
        self.name = name
        self.kind = kind
        self.label = label ?? GuidedText(rawValue: name) ?? .unit
        self.required = required
        self.defaultValue = defaultValue
        self.help = help
    }

    var isUnit: Bool { kind == .unit || kind == .units || kind == .unitOrNew }
}

/// Which questions each event type asks, in order. The options come from `RecordSpecs` (help
/// text, and any option not asked here can still be given as NAME=VALUE at the end).
enum GuidedPlan {
    static func spec(_ type: String) -> CommandSpec? {
        RecordSpecs.subcommands.first { $0.name == "record " + type }
    }

    /// The questions for `type`; merger asks `named` (units merged) or totals.
    static func fields(_ type: String, today: CalendarDate, mergerOfNamedUnits: Bool = true) -> [GuidedField] {
        let s = spec(type)
        let date = GuidedField("date", .date, required: true, default: today.iso, spec: s)
        let unit = GuidedField("unit", .unit, required: true, spec: s)
        func f(_ name: String, _ kind: GuidedField.Kind, _ label: GuidedText? = nil, required: Bool = false,
               default value: String? = nil) -> GuidedField {
            GuidedField(name, kind, label: label, required: required, default: value, spec: s)
        }
        switch type {
        case "unit":
            return [f("id", .newID, required: true), f("name", .text, required: true), f("kind", .choice(.unitKinds), required: true),
                    f("parent", .unit), date]
        case "rename":
            return [unit, f("name", .text), f("kind", .choice(.unitKinds)), date]
        case "move":
            return [unit, f("parent", .unit, required: true), date]
        case "dissolve":
            return [unit, f("reason", .text), date]
        case "conference":
            return [unit, date, f("title", .text, required: true), f("kind", .choice(.conferenceKinds), .conferenceKind),
                    f("term", .text), f("as-of", .date), f("figure", .pairs), f("target", .pairs), f("printed", .pairs)]
        case "admission", "arrival":
            return [unit, date, f("count", .number, required: true)]
        case "departure":
            return [unit, date, f("count", .number, required: true),
                    f("reason", .choice(.departureReasons), .departureReason, required: true)]
        case "merger":
            if mergerOfNamedUnits {
                return [f("from", .units, required: true), f("into", .unitOrNew, required: true), date]
            }
            return [f("in", .unit, required: true), f("of", .choice(.unitKinds), .mergedKind, required: true, default: "village"),
                    f("before", .number, required: true), f("after", .number, required: true), f("rounds", .number),
                    f("since", .date), date]
        case "rating":
            return [unit, f("year", .number, required: true, default: String(today.year - 1)),
                    f("of", .choice(.ratingSubjects), .subject, required: true),
                    f("excellent", .text), f("good", .text), f("completed", .text), f("failed", .text), f("rated", .number),
                    f("date", .date)]
        case "correction":
            return [f("event", .text, required: true), f("reason", .text, required: true),
                    GuidedField("retract", .choice(GuidedChoices.yesNo), help: GuidedText.retractHelp())]
        default:
            return []
        }
    }

    /// The fields a new merger target needs.
    static func newUnitFields(today: CalendarDate) -> [GuidedField] {
        let s = spec("merger")
        return [GuidedField("name", .text, required: true, spec: s),
                GuidedField("kind", .choice(.unitKinds), required: true, spec: s),
                GuidedField("parent", .unit, spec: s)]
    }
}
