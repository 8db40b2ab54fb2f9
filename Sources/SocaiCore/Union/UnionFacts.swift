/// What reading several journals as one (a union, issue 19) learned about them beyond the events
/// it folds: where each event came from, the facts two journals disagree on, and which units each
/// journal speaks about. `check` turns it into findings (`UnionChecks`).
public struct UnionFacts: Sendable {
    /// Two journals disagreeing about one fact; the union keeps the first (by union order).
    public struct Conflict: Sendable {
        public enum Kind: Sendable, Hashable {
            /// One event id, two different facts.
            case sameID
            /// One unit id registered (`record unit`) with different names, kinds, parents or dates.
            case registration
        }

        public var kind: Kind
        public var id: EventID
        public var unit: UnitID
        public var date: CalendarDate
        /// The copy the union keeps, its union seq, and what it states.
        public var kept: JournalPlace
        public var keptSeq: Int64
        public var keptFact: LocalizedText
        /// The copy left out, and what it states.
        public var other: JournalPlace
        public var otherFact: LocalizedText
        /// When the copy left out was recorded: from then on the union knows of the conflict.
        public var recordedTime: Instant
    }

    /// The first event of a journal about a unit.
    public struct Mention: Sendable {
        public var place: JournalPlace
        public var date: CalendarDate
        /// The union seq the event is folded at (its first copy's, when it is a copy).
        public var unionSeq: Int64
        public var recordedTime: Instant
    }

    public internal(set) var places: UnionPlaces
    public internal(set) var conflicts: [Conflict] = []
    /// Per journal: the units it registers (`record unit`, or a merger that creates one), each with
    /// when it was first recorded there, so that `--known-at` sees only the registrations known then.
    public internal(set) var registered: [[UnitID: Instant]]
    /// Per journal: for each unit its events are about, the first such event.
    public internal(set) var mentions: [[UnitID: Mention]]
    /// Events left out because an earlier journal holds the same fact (counted once).
    public internal(set) var copies = 0
    /// The question's `--known-at`: conflicts and mentions recorded after it are not yet known.
    public var knownAt: Instant?

    public init(journals: [String]) {
        places = UnionPlaces(journals: journals)
        registered = Array(repeating: [:], count: journals.count)
        mentions = Array(repeating: [:], count: journals.count)
    }

    public var journals: [String] { places.journals }
}
