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
        case choice([String])
        /// `KEY=VALUE`, asked again until an empty answer.
        case pairs
        case yesNo
        case text
    }

    var name: String
    var kind: Kind
    var required: Bool
    /// The default offered in brackets, taken on an empty answer.
    var defaultValue: String?
    /// The option's help line from `RecordSpecs` (shown on `?`).
    var help: String
    /// Whether the prompt says "(optional)" (not when the prompt itself says Enter skips).
    var marksOptional = true

    init(_ name: String, _ kind: Kind, required: Bool = false, default defaultValue: String? = nil, spec: CommandSpec?) {
        self.name = name
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.help = spec?.options.first { $0.name == name }?.help ?? ""
    }
}

/// Which questions each event type asks, in order. The options come from `RecordSpecs` (help
/// text, and any option not asked here can still be given as NAME=VALUE at the end).
enum GuidedPlan {
    static func spec(_ type: String) -> CommandSpec? {
        RecordSpecs.subcommands.first { $0.name == "record " + type }
    }

    static let departureReasons = ["transfer-out", "death", "expulsion", "struck-off", "exit"]

    /// The questions for `type`; merger asks `named` (units merged) or totals.
    static func fields(_ type: String, today: CalendarDate, mergerOfNamedUnits: Bool = true) -> [GuidedField] {
        let s = spec(type)
        let date = GuidedField("date", .date, required: true, default: today.iso, spec: s)
        let unit = GuidedField("unit", .unit, required: true, spec: s)
        let kinds = UnitKind.allCases.map(\.rawValue)
        func f(_ name: String, _ kind: GuidedField.Kind, required: Bool = false, default value: String? = nil) -> GuidedField {
            GuidedField(name, kind, required: required, default: value, spec: s)
        }
        switch type {
        case "unit":
            return [f("id", .newID, required: true), f("name", .text, required: true), f("kind", .choice(kinds), required: true),
                    f("parent", .unit), date]
        case "rename":
            return [unit, f("name", .text), f("kind", .choice(kinds)), date]
        case "move":
            return [unit, f("parent", .unit, required: true), date]
        case "dissolve":
            return [unit, f("reason", .text), date]
        case "conference":
            return [unit, date, f("title", .text, required: true), f("kind", .choice(ConferenceKind.allCases.map(\.rawValue))),
                    f("term", .text), f("as-of", .date), f("figure", .pairs), f("target", .pairs), f("printed", .pairs)]
        case "admission", "arrival":
            return [unit, date, f("count", .number, required: true)]
        case "departure":
            return [unit, date, f("count", .number, required: true), f("reason", .choice(departureReasons), required: true)]
        case "merger":
            if mergerOfNamedUnits {
                return [f("from", .units, required: true), f("into", .unitOrNew, required: true), date]
            }
            return [f("in", .unit, required: true), f("of", .choice(kinds), required: true, default: "village"),
                    f("before", .number, required: true), f("after", .number, required: true), f("rounds", .number),
                    f("since", .date), date]
        case "rating":
            return [unit, f("year", .number, required: true, default: String(today.year - 1)),
                    f("of", .choice(RatingSubject.allCases.map(\.rawValue)), required: true),
                    f("excellent", .text), f("good", .text), f("completed", .text), f("failed", .text), f("rated", .number),
                    f("date", .date)]
        case "correction":
            return [f("event", .text, required: true), f("reason", .text, required: true), f("retract", .yesNo)]
        default:
            return []
        }
    }

    /// The fields a new merger target needs.
    static func newUnitFields(today: CalendarDate) -> [GuidedField] {
        let s = spec("merger")
        return [GuidedField("name", .text, required: true, spec: s),
                GuidedField("kind", .choice(UnitKind.allCases.map(\.rawValue)), required: true, spec: s),
                GuidedField("parent", .unit, spec: s)]
    }
}
