/// What a request needs besides its options: today's date (Core has no clock), the recorder,
/// the source document, the id to give the event.
public struct RecordContext: Sendable {
    public var today: CalendarDate
    public var allowFuture: Bool
    public var recordedBy: String
    public var source: String?
    public var eventID: EventID
    /// The id came from the clerk (`--event-id`, an import line's `event-id`): a repeat of the
    /// same fact is then a deliberate retry, not a possible duplicate (R7).
    public var eventIDGiven: Bool
    /// The unit the journal reports to (`init --reports-to`): accepted as `--parent` of a unit or
    /// a move although the journal does not hold it (the superior's journal does).
    public var reportsTo: UnitID?

    public init(today: CalendarDate, allowFuture: Bool = false, recordedBy: String, source: String? = nil, eventID: EventID,
                eventIDGiven: Bool = false, reportsTo: UnitID? = nil) {
        self.today = today
        self.allowFuture = allowFuture
        self.recordedBy = recordedBy
        self.source = source
        self.eventID = eventID
        self.eventIDGiven = eventIDGiven
        self.reportsTo = reportsTo
    }
}

/// A validated event ready to append, and the warnings to show (recorded anyway).
public struct BuiltEvent: Sendable {
    public var event: PendingEvent
    public var warnings: [ValidationIssue]
}

/// Turns a `RecordRequest` into an event, or into every reason it cannot be one.
///
/// All validation lives here, against the ledger as it stands: unknown or ambiguous units, dates
/// outside a unit's life or in the future, bad counts, unknown figure keys (with the nearest),
/// duplicate ids, mergers of closed or repeated units, corrections of unknown events.
public enum EventBuilder {
    /// The options each `record` type takes (besides --source, --by, --event-id, --expect-seq,
    /// --dry-run, --allow-future), which are also the keys of an import line.
    public static let options: [String: [String]] = [
        "unit": ["id", "name", "kind", "setting", "parent", "alias", "date", "printed"],
        "rename": ["unit", "name", "kind", "setting", "alias", "date", "printed"],
        "move": ["unit", "parent", "date", "printed"],
        "dissolve": ["unit", "reason", "successor", "date", "printed"],
        "conference": ["unit", "date", "title", "kind", "term", "as-of", "figure", "target", "printed", "decision"],
        "admission": ["unit", "date", "count", "since", "printed"],
        "arrival": ["unit", "date", "count", "since", "printed"],
        "departure": ["unit", "date", "count", "reason", "since", "printed"],
        "merger": ["from", "into", "name", "kind", "setting", "parent", "in", "of", "before", "after", "rounds", "since", "date",
                   "printed"],
        "rating": ["unit", "year", "of", "excellent", "good", "good-or-better", "completed", "failed", "rated", "exempt",
                   "unrated", "regulation", "printed", "date"],
        "correction": ["event", "reason", "retract", "set"],
    ]

    public static var types: [String] { ["unit", "rename", "move", "dissolve", "conference", "admission", "departure",
                                         "arrival", "merger", "rating", "correction"] }

    /// The `record` type `text` names: the subcommand word, or its name in Vietnamese
    /// (`kết nạp`, `hội nghị`; `ChoiceList.eventTypes`), as import's `type` column and guided entry
    /// accept it.
    public static func type(_ text: String) -> String? {
        options[text] != nil ? text : ChoiceList.eventTypes.resolve(text)
    }

    public static func build(_ request: RecordRequest, rules: Rules,
                             context: RecordContext) -> Result<BuiltEvent, ValidationFailure> {
        var request = request
        var b = RequestReader(request: request, rules: rules, context: context)
        guard let type = type(request.type), let known = options[type] else {
            _ = b.choice("type", request.type, in: .eventTypes, what: LocalizedText(en: "event type", vi: "loại sự kiện"),
                       spelled: "type")
            return .failure(ValidationFailure(issues: b.issues))
        }
        request.type = type
        b = RequestReader(request: request, rules: rules, context: context)
        for option in request.options where !known.contains(option.name) {
            if option.name == "printed" && request.type == "correction" {
                b.fail("printed", option.value,
                       en: "a correction prints no percentages of its own; to change the corrected event's, use --set printed.NAME=P",
                       vi: "đính chính không có tỷ lệ in riêng; để sửa tỷ lệ của sự kiện được đính chính, dùng --set printed.TÊN=P")
                continue
            }
            let near = EditDistance.nearest(to: option.name, among: known)
            b.fail(option.name, option.value,
                   en: "'\(option.name)' is not a field of \(request.type)" + (near.isEmpty ? "; its fields are \(known.joined(separator: ", "))" : "; did you mean \(near.joined(separator: ", "))?"),
                   vi: "'\(option.name)' không phải trường của \(request.type)" + (near.isEmpty ? "; các trường là \(known.joined(separator: ", "))" : "; có phải ý bạn là \(near.joined(separator: ", "))?"))
        }
        b.checkBounds()
        let built: (subject: UnitID, date: CalendarDate, payload: EventPayload)?
        switch request.type {
        case "unit": built = b.unitEstablished()
        case "rename": built = b.unitRenamed()
        case "move": built = b.unitMoved()
        case "dissolve": built = b.unitDissolved()
        case "conference": built = b.conference()
        case "admission": built = b.flow(.admission)
        case "arrival": built = b.flow(.arrival)
        case "departure": built = b.flow(nil)
        case "merger": built = b.merger()
        case "rating": built = b.rating()
        default: built = b.correction()
        }
        guard let built, !b.issues.contains(where: { $0.severity == .error }) else {
            return .failure(ValidationFailure(issues: b.issues.filter { $0.severity == .error }))
        }
        let event = PendingEvent(id: context.eventID, subject: built.subject, effectiveDate: built.date,
                                 recordedBy: context.recordedBy, sourceDocument: context.source, payload: built.payload)
        return .success(BuiltEvent(event: event, warnings: b.issues))
    }
}

/// Every reason a request is not a valid event (never just the first).
public struct ValidationFailure: Error, Sendable, Hashable {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }
}
