/// How a figure came to be: every event that moved it, in effective-date order, with running
/// values, sources and corrections. What `socai audit` shows.
public struct AuditReport: Sendable {
    public struct Entry: Sendable {
        public var seq: Int64
        public var id: EventID
        public var type: EventType
        public var date: CalendarDate
        public var recordedTime: Instant
        public var recordedBy: String
        /// The unit the event is about (a descendant or predecessor of the audited unit, or itself).
        public var unit: UnitID
        public var delta: Int?
        public var reported: FigureValue?
        /// Reported minus the value derived just before the report: what no recorded event explains.
        public var unexplained: Int?
        /// The running value after this event (nil before any baseline).
        public var value: Int?
        public var source: String?
        public var corrected: Bool
        public var retracted: Bool
        /// For a report: how the value derived before it was reached since the previous report.
        public var explanation: Explanation?
        /// Corrections of this event, oldest first.
        public var corrections: [CorrectionNote]
        /// Extra words (a merger's description, a predecessor's role).
        public var note: LocalizedText?
        /// In a union of journals: the journal the event is in and its seq there (`seq` is the union's).
        public var place: JournalPlace?
    }

    /// previous report + admissions + arrivals − departures ± transfers = derived.
    public struct Explanation: Sendable, Hashable {
        public var previous: Int
        public var admissions: Int
        public var arrivals: Int
        public var departures: Int
        public var transfers: Int
        public var derived: Int

        public init(previous: Int, admissions: Int, arrivals: Int, departures: Int, transfers: Int, derived: Int) {
            self.previous = previous
            self.admissions = admissions
            self.arrivals = arrivals
            self.departures = departures
            self.transfers = transfers
            self.derived = derived
        }
    }

    public struct CorrectionNote: Sendable, Hashable {
        public var seq: Int64
        public var recordedTime: Instant
        public var recordedBy: String
        public var reason: String
        /// What the event said before this correction, as data fields.
        public var previous: String
        public var retracts: Bool
        /// In a union of journals: the journal the correction is in and its seq there.
        public var place: JournalPlace?
    }

    public struct Component: Sendable {
        public var unit: UnitID
        public var name: String
        public var value: LevelValue
    }

    public var unit: UnitID
    public var unitName: String
    public var figure: String
    public var from: CalendarDate?
    public var to: CalendarDate
    public var knownAt: Instant?
    /// With `--boundaries`: the date whose units the register is restated in (R8).
    public var boundaries: CalendarDate?
    public var entries: [Entry]
    /// The figure's value at `to`, as replay computes it.
    public var value: LevelValue?
    /// For a rolled-up value: the children that make it up.
    public var components: [Component]
    /// Units merged into this one, and when: their history before that date is part of this one's.
    public var predecessors: [(unit: UnitID, name: String, date: CalendarDate)]
    /// For a closed unit: where it went.
    public var mergedInto: (unit: UnitID, date: CalendarDate)?
}
