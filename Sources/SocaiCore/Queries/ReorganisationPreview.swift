/// What a batch of structural events (mergers, moves, dissolutions) does to the tree and its
/// members, for a dry run (issue 17: "prints the before/after tree and the totals that change").
///
/// It compares two sets of rules over the same journal, without and with the batch: the units the
/// batch touches, their children when they are dissolved, and every ancestor, the day before and
/// the day itself; then the members of each top unit both days. When no member left, the totals
/// do not change, and the preview says so.
public struct ReorganisationPreview: Sendable {
    public struct Row: Sendable, Hashable {
        public var id: UnitID
        public var name: String
        public var depth: Int
        public var members: LevelValue?
    }

    public struct Total: Sendable, Hashable {
        public var id: UnitID
        public var name: String
        public var before: LevelValue?
        public var after: LevelValue?
        /// After minus before, when both are known.
        public var change: Int? {
            guard let b = before?.count, let a = after?.count else { return nil }
            return a - b
        }
    }

    /// The day the batch takes effect (its latest structural date).
    public var date: CalendarDate
    /// The tree on `date − 1`, without the batch.
    public var before: [Row]
    /// The tree on `date`, with it.
    public var after: [Row]
    public var totals: [Total]

    /// Whether `payload` changes the tree: what a preview is for.
    public static func isStructural(_ payload: EventPayload) -> Bool {
        switch payload {
        case .merger, .aggregateMerger, .unitMoved, .unitDissolved: true
        default: false
        }
    }

    /// The preview of `events` (the batch) from `before` (the journal) to `after` (the journal
    /// with the batch folded); nil when the batch changes no structure.
    public init?(events: [EventEnvelope], before: Rules, after: Rules) {
        let structural = events.filter { Self.isStructural($0.payload) }
        guard let date = structural.map(\.effectiveDate).max() else { return nil }
        var touched: [UnitID] = []
        for event in structural {
            switch event.payload {
            case .merger(let m):
                touched += m.from + [m.into]
                if let parent = m.newUnit?.parent { touched.append(parent) }
            case .aggregateMerger(let a): touched.append(a.scope)
            case .unitMoved(let m): touched += [event.subject, m.parent]
            case .unitDissolved(let d):
                touched.append(event.subject)
                if let successor = d.successor { touched.append(successor) }
                // Its children move with what it held: show them on both sides.
                if let u = before.registry.index(of: event.subject) {
                    touched += before.registry.children(of: u, at: date.adding(days: -1)).map { before.registry[$0].id }
                }
            default: break
            }
        }
        self.date = date
        let dayBefore = date.adding(days: -1)
        self.before = Self.tree(before, touched: touched, at: dayBefore)
        self.after = Self.tree(after, touched: touched, at: date)
        var totals: [Total] = []
        var seen = Set<UnitID>()
        for (rules, day) in [(before, dayBefore), (after, date)] {
            for top in rules.registry.topUnits(at: day) where seen.insert(rules.registry[top].id).inserted {
                let id = rules.registry[top].id
                func members(_ r: Rules, _ d: CalendarDate) -> LevelValue? {
                    guard let u = r.registry.index(of: id), r.registry.isActive(u, at: d) else { return nil }
                    return r.levels.value(u, "members", at: d)
                }
                totals.append(Total(id: id, name: rules.registry[top].name(at: day),
                                    before: members(before, dayBefore), after: members(after, date)))
            }
        }
        self.totals = totals
    }

    /// The touched units active on `day` and their ancestors, depth first from the top.
    private static func tree(_ rules: Rules, touched: [UnitID], at day: CalendarDate) -> [Row] {
        let registry = rules.registry
        var shown = Set<Int32>()
        for id in touched {
            guard let u = registry.index(of: id), registry.isActive(u, at: day) else { continue }
            shown.insert(u)
            for a in registry.ancestors(of: u, at: day) { shown.insert(a) }
        }
        var rows: [Row] = []
        func visit(_ u: Int32, _ depth: Int) {
            guard shown.contains(u) else { return }
            rows.append(Row(id: registry[u].id, name: registry[u].name(at: day), depth: depth,
                            members: rules.levels.value(u, "members", at: day)))
            for child in registry.children(of: u, at: day).sorted(by: { registry[$0].id.rawValue < registry[$1].id.rawValue }) {
                visit(child, depth + 1)
            }
        }
        for top in registry.topUnits(at: day).sorted(by: { registry[$0].id.rawValue < registry[$1].id.rawValue }) { visit(top, 0) }
        return rows
    }
}
