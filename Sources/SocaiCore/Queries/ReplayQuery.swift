/// The state of units at a date: what `socai replay` shows.
public struct ReplayReport: Sendable {
    public struct UnitState: Sendable {
        public var id: UnitID
        public var name: String
        public var kind: UnitKind?
        public var parent: UnitID?
        public var status: UnitStatus
        public var mergedInto: UnitID?
        /// When the unit closed (merged or dissolved), for "where it went".
        public var closedOn: CalendarDate?
        /// Figures in catalogue order.
        public var figures: [(key: String, value: LevelValue)]
        /// Totals over periods that reports stated, the latest per key ending by the date
        /// ("1,206 admitted 2008–2018"): not levels, but what a reader of that date knew.
        public var periodFigures: [PeriodFigure]
        /// Nesting depth in the unit tree, for indented listings.
        public var depth: Int
    }

    public struct PeriodFigure: Sendable {
        public var key: String
        public var value: FigureValue
        public var period: ClosedPeriod
        public var seq: Int64
    }

    public var to: CalendarDate
    public var knownAt: Instant?
    /// The journal seq the answer reflects.
    public var throughSeq: Int64
    public var units: [UnitState]
}

extension LedgerView {
    /// Every unit (or `root` and its descendants) at the end of `date`: active units with their
    /// level figures, closed ones with where they went.
    public func replay(at date: CalendarDate, root: UnitID? = nil, knownAt: Instant? = nil) -> ReplayReport {
        let keys = levelKeys()
        var figureTables: [(String, [Int32: LevelValue])] = keys.map { ($0, levels($0, at: date)) }
        figureTables.append(contentsOf: compositionFigures(figureTables, at: date))

        let order = treeOrder(at: date, root: root.flatMap { registry.index[$0] })
        var units: [ReplayReport.UnitState] = []
        for (index, depth) in order {
            let entry = registry[index]
            guard let established = entry.established, established <= date else { continue }
            let closed = entry.closing.flatMap { $0.date <= date ? $0 : nil }
            var figures: [(String, LevelValue)] = []
            if closed == nil {
                for key in FigureCatalogue.keys + keys where !figures.contains(where: { $0.0 == key }) {
                    if let table = figureTables.first(where: { $0.0 == key }), let value = table.1[index] {
                        figures.append((key, value))
                    }
                }
            }
            units.append(ReplayReport.UnitState(
                id: entry.id, name: entry.name(at: date), kind: entry.kind(at: date),
                parent: entry.parentIndex(at: date).map { registry[$0].id },
                status: closed?.status ?? .active, mergedInto: closed?.mergedInto.map { registry[$0].id },
                closedOn: closed?.date, figures: figures, periodFigures: periodFigures(index, at: date), depth: depth))
        }
        return ReplayReport(to: date, knownAt: knownAt, throughSeq: ledger.headSeq, units: units)
    }

    /// The latest reported total per flow key whose period ends by `date`.
    func periodFigures(_ unit: Int32, at date: CalendarDate) -> [ReplayReport.PeriodFigure] {
        var latest: [String: (FlowReport, ClosedPeriod)] = [:]
        for (key, list) in reports.flows[unit] ?? [:] {
            for report in list {
                guard let period = period(of: report), period.to <= date else { continue }
                if let current = latest[key], (current.1.to, current.0.seq) > (period.to, report.seq) { continue }
                latest[key] = (report, period)
            }
        }
        let order = FigureCatalogue.keys
        return latest.values.map { ReplayReport.PeriodFigure(key: $0.0.key, value: $0.0.value, period: $0.1, seq: $0.0.seq) }
            .sorted { (order.firstIndex(of: FigureCatalogue.baseKey($0.key, suffix: "-per-year") ?? $0.key) ?? 999, $0.key)
                < (order.firstIndex(of: FigureCatalogue.baseKey($1.key, suffix: "-per-year") ?? $1.key) ?? 999, $1.key) }
    }

    /// The level keys worth computing: those reported, members when flows exist, unit counts when
    /// units of the counted kinds are registered.
    public func levelKeys() -> [String] {
        var keys = Set(reports.levelKeys)
        if ledger.flowCount > 0 { keys.insert("members") }
        let kinds = Set(registry.entries.compactMap { $0.kind(at: CalendarDate(year: 9999, month: 12, day: 31)!) })
        for definition in FigureCatalogue.all where definition.isUnitCount && !definition.countsUnitKinds.isDisjoint(with: kinds) {
            keys.insert(definition.key)
        }
        return FigureCatalogue.keys.filter { keys.contains($0) } + keys.subtracting(FigureCatalogue.keys).sorted()
    }

    /// `base-cells` = `grassroots-orgs` − `base-committees` where a unit states the other two
    /// (seed 004: 41 organisations, 13 committees, so 28 cells).
    func compositionFigures(_ tables: [(String, [Int32: LevelValue])], at date: CalendarDate) -> [(String, [Int32: LevelValue])] {
        func table(_ key: String) -> [Int32: LevelValue] { tables.first { $0.0 == key }?.1 ?? [:] }
        let total = table("grassroots-orgs"), committees = table("base-committees"), cells = table("base-cells")
        var derived: [Int32: LevelValue] = [:]
        for (unit, whole) in total where cells[unit] == nil {
            // Only from stated figures: a registry that lists a few committees says nothing of the rest.
            guard let w = whole.count, let part = committees[unit], let c = part.count, w >= c,
                  whole.basis != nil, part.basis != nil else { continue }
            derived[unit] = LevelValue.count(w - c, .derived, basis: whole.basis)
        }
        return derived.isEmpty ? [] : [("base-cells", cells.merging(derived) { a, _ in a })]
    }

    /// Units in tree order (parents before children, siblings by id) with their depth; `root`
    /// limits it to one subtree (including units that were ever under it).
    func treeOrder(at date: CalendarDate, root: Int32?) -> [(Int32, Int)] {
        var children: [Int32: [Int32]] = [:]
        var roots: [Int32] = []
        for entry in registry.entries where entry.established != nil {
            let parentDate = entry.closing.map { min(date, $0.date.adding(days: -1)) } ?? date
            if let parent = entry.parentIndex(at: max(parentDate, entry.established!)), parent != entry.index {
                children[parent, default: []].append(entry.index)
            } else {
                roots.append(entry.index)
            }
        }
        var result: [(Int32, Int)] = []
        var seen = Set<Int32>()
        func visit(_ unit: Int32, _ depth: Int) {
            guard seen.insert(unit).inserted else { return }
            result.append((unit, depth))
            for child in (children[unit] ?? []).sorted(by: { registry[$0].id < registry[$1].id }) { visit(child, depth + 1) }
        }
        if let root {
            visit(root, 0)
        } else {
            for unit in roots.sorted(by: { registry[$0].id < registry[$1].id }) { visit(unit, 0) }
            // Units caught in a parent cycle (a damaged registry) still appear.
            for entry in registry.entries where entry.established != nil { visit(entry.index, 0) }
        }
        return result
    }
}
