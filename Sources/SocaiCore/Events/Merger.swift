/// Units merged into one (*sáp nhập*): the sources close, what they held moves to the target.
public struct Merger: Sendable, Hashable {
    public var from: [UnitID]
    public var into: UnitID
    /// Set when the merger creates `into` as a new unit.
    public var newUnit: NewUnit?

    public struct NewUnit: Sendable, Hashable {
        public var name: String
        public var kind: UnitKind
        public var setting: UnitSetting?
        public var parent: UnitID?

        public init(name: String, kind: UnitKind, setting: UnitSetting? = nil, parent: UnitID? = nil) {
            self.name = name
            self.kind = kind
            self.setting = setting
            self.parent = parent
        }
    }

    public var printed: [PrintedPercent]

    public init(from: [UnitID], into: UnitID, newUnit: NewUnit? = nil, printed: [PrintedPercent] = []) {
        self.from = from
        self.into = into
        self.newUnit = newUnit
        self.printed = printed
    }
}

/// Mergers known only by their totals: "3 rounds, 128 villages merged into 101".
///
/// Documents often report mergers of units nobody registered one by one; recording the totals
/// keeps counts explainable without inventing which villages merged.
public struct AggregateMerger: Sendable, Hashable {
    /// The unit within which the merged units lie (the district of the villages).
    public var scope: UnitID
    public var of: UnitKind
    public var before: Int
    public var after: Int
    public var rounds: Int?
    public var since: CalendarDate?
    public var printed: [PrintedPercent]

    public init(scope: UnitID, of: UnitKind, before: Int, after: Int, rounds: Int? = nil, since: CalendarDate? = nil,
                printed: [PrintedPercent] = []) {
        self.printed = printed
        self.scope = scope
        self.of = of
        self.before = before
        self.after = after
        self.rounds = rounds
        self.since = since
    }

    public var change: Int { after - before }
}
