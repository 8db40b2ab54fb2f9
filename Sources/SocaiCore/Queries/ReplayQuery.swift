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
    /// With `--boundaries`: the date whose units the answer is given in (values `restated`).
    public var boundaries: CalendarDate?
    /// The journal seq the answer reflects.
    public var throughSeq: Int64
    public var units: [UnitState]
}

extension Rules {
    /// Every unit (or `root` and its descendants) at the end of `date`: active units with their
    /// level figures, closed ones with where they went. With `boundaries`, the units active on that
    /// date, their values restated (DECISIONS R8).
    public func replay(at date: CalendarDate, root: UnitID? = nil, knownAt: Instant? = nil,
                       boundaries: CalendarDate? = nil) -> ReplayReport {
        let keys = levelKeys()
        let treeDate = boundaries ?? date
        let order = treeOrder(at: treeDate, root: root.flatMap { registry.index(of: $0) })
        // Only the units shown are asked for (and whatever their values need): a question about
        // one district does not compute the province.
        let shown = order.map(\.0).filter { registry.isActive($0, at: date) }
        var tables: [(String, [Int32: LevelValue])] = keys.map { key in
            if let boundaries { return (key, restated(key, at: date, boundaries: boundaries)) }
            var table: [Int32: LevelValue] = [:]
            for u in shown { if let v = levels.value(u, key, at: date) { table[u] = v } }
            return (key, table)
        }
        if boundaries == nil { tables.append(contentsOf: compositionFigures(tables, at: date)) }
        var units: [ReplayReport.UnitState] = []
        for (index, depth) in order {
            let entry = registry[index]
            guard let established = entry.established, established <= treeDate else { continue }
            let closed = entry.closing.flatMap { $0.date <= treeDate ? $0 : nil }
            if boundaries != nil && closed != nil { continue }
            var figures: [(String, LevelValue)] = []
            if closed == nil {
                for key in FigureCatalogue.keys + keys where !figures.contains(where: { $0.0 == key }) {
                    if let table = tables.first(where: { $0.0 == key }), let value = table.1[index] { figures.append((key, value)) }
                }
            }
            let mergedInto = closed.flatMap { c in c.mergedInto ?? c.successor }.map { registry[$0].id }
            units.append(ReplayReport.UnitState(
                id: entry.id, name: entry.name(at: treeDate), kind: entry.kind(at: treeDate),
                parent: registry.parent(of: index, at: closed.map { $0.date.adding(days: -1) } ?? treeDate).map { registry[$0].id },
                status: closed?.status ?? .active, mergedInto: mergedInto, closedOn: closed?.date, figures: figures,
                periodFigures: boundaries == nil ? periodFigures(index, at: date) : [], depth: depth))
        }
        return ReplayReport(to: date, knownAt: knownAt, boundaries: boundaries, throughSeq: throughSeq, units: units)
    }

    /// The latest reported total per flow key whose period ends by `date`.
    func periodFigures(_ unit: Int32, at date: CalendarDate) -> [ReplayReport.PeriodFigure] {
        var latest: [String: (FlowReport, ClosedPeriod)] = [:]
        for key in projection.flowReportKeys(unit, knowledge) {
            for report in projection.flowReports(unit, key, knowledge) {
                guard let period = terms.period(of: report), period.to <= date else { continue }
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
        var keys = Set(projection.reportedLevelKeys(knowledge))
        if projection.flowRowCount > 0 { keys.insert("members") }
        // Every kind a unit has been recorded with (the image's header, not every unit's
        // timeline): a count whose kind no unit has now only finds no value.
        var kinds = projection.kindsRecorded
        for (_, fact) in registry.stagedFacts(ofKinds: [.kind]) where fact.value >= 0 && Int(fact.value) < UnitKind.allCases.count {
            kinds.insert(UnitKind.allCases[Int(fact.value)])
        }
        for definition in FigureCatalogue.all where definition.isUnitCount && !definition.countsUnitKinds.isDisjoint(with: kinds) {
            keys.insert(definition.key)
        }
        return FigureCatalogue.keys.filter { keys.contains($0) }
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
        let candidates: [Int32] = root.map { registry.everDescendants(of: $0) } ?? Array(registry.all)
        for u in candidates {
            let entry = registry[u]
            guard let established = entry.established else { continue }
            let parentDate = entry.closing.map { min(date, $0.date.adding(days: -1)) } ?? date
            if let parent = registry.parent(of: u, at: max(parentDate, established)), parent != u {
                children[parent, default: []].append(u)
            } else {
                roots.append(u)
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
            for u in candidates where registry[u].established != nil { visit(u, 0) }
        }
        return result
    }
}
