/// The ledger made ready for questions at effective dates: the unit registry, the report index,
/// and caches of flow totals and computed levels. One per command; not shared between threads.
public final class LedgerView {
    public let ledger: Ledger
    public let registry: UnitRegistry
    /// Built on first use: recording a unit or a flow validates against the registry alone.
    public private(set) lazy var reports: ReportIndex = ReportIndex(ledger, registry: registry)
    /// Positions in `ledger.corrections` of the corrections applied to each event, by its seq.
    private(set) lazy var appliedCorrections: [Int64: [Int]] = {
        var positions: [Int64: [Int]] = [:]
        for (i, record) in ledger.corrections.enumerated() where record.failure == nil {
            positions[record.correction.eventSeq, default: []].append(i)
        }
        return positions
    }()
    /// For each unit, the units whose member flows count toward it and the day ranges in which they
    /// do (its own flows, and its descendants' while they were under it). Built once for `check`,
    /// which otherwise scanned every unit of the registry for each pair of reports.
    private(set) lazy var memberFlowContributors: [Int32: [(unit: Int32, from: Int, to: Int)]] = {
        var contributors: [Int32: [(unit: Int32, from: Int, to: Int)]] = [:]
        for entry in registry.entries where !ledger.flows[Int(entry.index)].isEmpty {
            for epoch in epochs(entry.index) {
                var counted: Set<Int32> = [entry.index]
                counted.formUnion(epoch.chain)
                for target in counted {
                    contributors[target, default: []].append((entry.index, epoch.from, epoch.to))
                }
            }
        }
        return contributors
    }()
    private var memberSums: [FlowSums?]
    private var kindSums: [Int32: FlowSums] = [:]
    private var levelCache: [LevelCacheKey: [Int32: LevelValue]] = [:]
    private var epochCache: [Int32: [(from: Int, to: Int, chain: [Int32])]] = [:]
    /// Units that are ever anyone's parent.
    private var parents: Set<Int32>?
    private var childrenCache: [Int: [Int32: [Int32]]] = [:]

    /// The active children of each unit at `date`, computed once per date.
    public func children(at date: CalendarDate) -> [Int32: [Int32]] {
        if let cached = childrenCache[date.dayNumber] { return cached }
        let children = registry.childrenByParent(at: date)
        childrenCache[date.dayNumber] = children
        return children
    }

    private struct LevelCacheKey: Hashable {
        let key: String
        let day: Int
    }

    public convenience init(_ ledger: Ledger) {
        self.init(ledger, registry: UnitRegistry(ledger))
    }

    /// A view over `ledger` with its registry already built (`UnitRegistry.establishing`).
    public init(_ ledger: Ledger, registry: UnitRegistry) {
        self.ledger = ledger
        self.registry = registry
        self.memberSums = [FlowSums?](repeating: nil, count: ledger.unitIDs.count)
    }

    /// Totals of the unit's own flows (members only).
    func memberFlowSums(_ unit: Int32) -> FlowSums {
        if let cached = memberSums[Int(unit)] { return cached }
        let sums = FlowSums(ledger.flows[Int(unit)])
        memberSums[Int(unit)] = sums
        return sums
    }

    /// Totals of the unit's own flows, per kind.
    func perKindFlowSums(_ unit: Int32) -> FlowSums {
        if let cached = kindSums[unit] { return cached }
        let sums = FlowSums(ledger.flows[Int(unit)], perKind: true)
        kindSums[unit] = sums
        return sums
    }

    func epochs(_ unit: Int32) -> [(from: Int, to: Int, chain: [Int32])] {
        if let cached = epochCache[unit] { return cached }
        let epochs = registry.ancestorEpochs(of: unit)
        epochCache[unit] = epochs
        return epochs
    }

    /// Every unit's value of level figure `key` at the end of `date` (units without one are absent).
    public func levels(_ key: String, at date: CalendarDate) -> [Int32: LevelValue] {
        let cacheKey = LevelCacheKey(key: key, day: date.dayNumber)
        if let cached = levelCache[cacheKey] { return cached }
        let values = computeLevels(key, at: date)
        levelCache[cacheKey] = values
        return values
    }

    public func level(_ unit: Int32, _ key: String, at date: CalendarDate) -> LevelValue? {
        levels(key, at: date)[unit]
    }

    private func computeLevels(_ key: String, at date: CalendarDate) -> [Int32: LevelValue] {
        let definition = FigureCatalogue.definition(key)
        let nature = definition?.nature ?? .level
        let countedKinds = definition?.countsUnitKinds ?? []
        let isCount = nature == .level
        let day = date.dayNumber
        var baselines: [Int32: (value: LevelValue, windowStart: Int, structuralStart: Int)] = [:]

        // 1. Baselines: the latest report, or what mergers brought a unit that had none.
        for entry in registry.entries where entry.isActive(at: date) {
            if let report = reports.latestLevel(entry.index, key, atOrBefore: date) {
                let provenance: Provenance = report.date == date ? .reported : .derived
                baselines[entry.index] = (LevelValue(amount: report.value.amount, qualifier: report.value.qualifier,
                                                     isPercent: report.value.isPercent, provenance: provenance,
                                                     basis: report.date),
                                          report.date.dayNumber + 1, report.date.dayNumber + 1)
            }
        }
        if isCount && countedKinds.isEmpty {
            for merger in registry.mergers where merger.date <= date && baselines[merger.target] == nil {
                guard registry[merger.target].isActive(at: date),
                      reports.latestLevel(merger.target, key, atOrBefore: date) == nil,
                      merger.sources.contains(where: { $0 != merger.target && mayHaveValue($0, key) }) else { continue }
                let before = merger.date.adding(days: -1)
                let previous = levels(key, at: before)
                let carried = merger.sources.filter { $0 != merger.target }.compactMap { previous[$0]?.count }
                guard !carried.isEmpty else { continue }
                // Flows on the merger's day count; the merger itself is the baseline, not a change.
                baselines[merger.target] = (.count(carried.reduce(0, +), .derived), merger.date.dayNumber,
                                            merger.date.dayNumber + 1)
            }
        }

        // 2. Changes since each baseline: flows in the subtree, transfers, unit-count adjustments.
        var deltas: [Int32: Int] = [:]
        if isCount && !baselines.isEmpty {
            if key == "members" {
                for entry in registry.entries where !ledger.flows[Int(entry.index)].isEmpty {
                    let sums = memberFlowSums(entry.index)
                    for epoch in epochs(entry.index) {
                        for unit in [entry.index] + epoch.chain {
                            guard let start = baselines[unit]?.windowStart else { continue }
                            let from = max(start, epoch.from), to = min(day + 1, epoch.to)
                            if from < to { deltas[unit, default: 0] += sums.memberChange(from: from, to: to) }
                        }
                    }
                }
            }
            for (unit, delta) in structuralChanges(key, countedKinds: countedKinds, at: date) {
                guard let start = baselines[unit]?.structuralStart else { continue }
                for change in delta where change.day >= start { deltas[unit, default: 0] += change.delta }
            }
        }

        var values: [Int32: LevelValue] = [:]
        for (unit, baseline) in baselines {
            var value = baseline.value
            if let delta = deltas[unit], delta != 0, value.count != nil {
                value.amount = FixedDecimal(integer: value.amount.units + delta)
                value.provenance = .derived
            }
            values[unit] = value
        }

        // 3. Roll-ups: a unit with no value of its own takes its children's sum. A count of units
        // a unit reports itself is not mixed with registry counts before its first report.
        guard isCount else { return values }
        let reportsLater = Set(registry.entries.compactMap { entry -> Int32? in
            !countedKinds.isEmpty && values[entry.index] == nil && !reports.levelReports(entry.index, key).isEmpty ? entry.index : nil
        })
        let children = self.children(at: date)
        var visiting = Set<Int32>()
        func rollUp(_ unit: Int32) -> LevelValue? {
            if let existing = values[unit] { return existing }
            guard !reportsLater.contains(unit), visiting.insert(unit).inserted else { return nil }
            var sum = 0
            var contributed = false
            var fromReports = false
            for child in children[unit] ?? [] {
                if let kind = registry[child].kind(at: date), countedKinds.contains(kind) {
                    sum += 1
                    contributed = true
                }
                if let value = rollUp(child), let n = value.count {
                    sum += n
                    contributed = true
                    if value.provenance != .derived || value.basis != nil { fromReports = true }
                }
            }
            guard contributed else { return nil }
            let value = LevelValue.count(sum, countedKinds.isEmpty || fromReports ? .rolledUp : .derived)
            values[unit] = value
            return value
        }
        for entry in registry.entries where entry.isActive(at: date) { _ = rollUp(entry.index) }
        return values
    }

    /// Every structural change up to `date`, by the unit it changes: computed once per merger,
    /// move or dissolution for the units on either side of it, not once per unit and event.
    /// The same rules as `structuralSteps` (which explains one unit's changes in an audit).
    func structuralChanges(_ key: String, countedKinds: Set<UnitKind>, at date: CalendarDate) -> [Int32: [(day: Int, delta: Int)]] {
        var changes: [Int32: [(day: Int, delta: Int)]] = [:]
        let counts = !countedKinds.isEmpty
        func counted(_ u: Int32, _ d: CalendarDate) -> Bool { registry[u].kind(at: d).map { countedKinds.contains($0) } ?? false }
        func within(_ u: Int32, _ d: CalendarDate) -> [Int32] { [u] + registry.ancestors(of: u, at: d) }
        func add(_ units: [Int32], _ day: Int, _ delta: Int) {
            guard delta != 0 else { return }
            for u in units { changes[u, default: []].append((day, delta)) }
        }
        for merger in registry.mergers where merger.date <= date {
            let before = merger.date.adding(days: -1)
            let targetChain = within(merger.target, merger.date)
            if counts {
                var participants = Set(merger.sources)
                if !merger.targetIsNew { participants.insert(merger.target) }
                var net: [Int32: Int] = [:]
                for x in participants where counted(x, before) && registry[x].isActive(at: before) {
                    for u in within(x, before) { net[u, default: 0] -= 1 }
                }
                if counted(merger.target, merger.date) { for u in targetChain { net[u, default: 0] += 1 } }
                for (u, delta) in net where delta != 0 { changes[u, default: []].append((merger.date.dayNumber, delta)) }
            } else {
                for source in merger.sources where source != merger.target {
                    let sourceChain = within(source, before)
                    let gaining = targetChain.filter { !sourceChain.contains($0) }
                    let losing = sourceChain.filter { !targetChain.contains($0) }
                    guard !(gaining.isEmpty && losing.isEmpty), mayHaveValue(source, key),
                          let moved = levels(key, at: before)[source]?.count, moved != 0 else { continue }
                    add(gaining, merger.date.dayNumber, moved)
                    add(losing, merger.date.dayNumber, -moved)
                }
            }
        }
        for move in registry.moves where move.date <= date {
            let before = move.date.adding(days: -1)
            let old = registry.ancestors(of: move.unit, at: before), new = registry.ancestors(of: move.unit, at: move.date)
            let gaining = new.filter { !old.contains($0) }, losing = old.filter { !new.contains($0) }
            guard !(gaining.isEmpty && losing.isEmpty) else { continue }
            var moved = levels(key, at: before)[move.unit]?.count ?? 0
            if counts && counted(move.unit, before) { moved += 1 }
            add(gaining, move.date.dayNumber, moved)
            add(losing, move.date.dayNumber, -moved)
        }
        if counts {
            for dissolution in registry.dissolutions where dissolution.date <= date {
                let before = dissolution.date.adding(days: -1)
                guard counted(dissolution.unit, before) else { continue }
                add(registry.ancestors(of: dissolution.unit, at: before), dissolution.date.dayNumber, -1)
            }
            for aggregate in registry.aggregateMergers where aggregate.date <= date && countedKinds.contains(aggregate.merger.of) {
                add(within(aggregate.scope, aggregate.date), aggregate.date.dayNumber, aggregate.merger.change)
            }
        }
        return changes
    }

    /// Whether `unit` could have a value of `key` at all (a report, flows, or units under it): units
    /// that cannot are skipped before computing anything at another date.
    func mayHaveValue(_ unit: Int32, _ key: String) -> Bool {
        if !reports.levelReports(unit, key).isEmpty { return true }
        if key == "members" && !ledger.flows[Int(unit)].isEmpty { return true }
        return hasChildren(unit)
    }

    private func hasChildren(_ unit: Int32) -> Bool {
        if parents == nil {
            var set = Set<Int32>()
            for entry in registry.entries {
                for change in entry.parentIndexes { set.insert(change) }
            }
            parents = set
        }
        return parents!.contains(unit)
    }

    /// How mergers, moves, dissolutions and aggregate mergers in `[fromDay, date]` changed `key`
    /// at `unit` (SEMANTICS.md §4): members move with their units; counts of units change.
    func structuralChange(_ key: String, countedKinds: Set<UnitKind>, unit: Int32, fromDay: Int, to date: CalendarDate) -> Int {
        structuralSteps(key, countedKinds: countedKinds, unit: unit, fromDay: fromDay, to: date).reduce(0) { $0 + $1.delta }
    }

    /// One structural change, for audits.
    public struct StructuralStep: Sendable, Hashable {
        public var date: CalendarDate
        public var seq: Int64
        public var delta: Int
        public var description: LocalizedText
    }

    func structuralSteps(_ key: String, countedKinds: Set<UnitKind>, unit: Int32, fromDay: Int,
                         to date: CalendarDate) -> [StructuralStep] {
        var steps: [StructuralStep] = []
        let counts = !countedKinds.isEmpty
        func counted(_ u: Int32, _ d: CalendarDate) -> Bool {
            registry[u].kind(at: d).map { countedKinds.contains($0) } ?? false
        }
        func name(_ u: Int32, _ d: CalendarDate) -> String { registry[u].name(at: d) }
        for merger in registry.mergers where merger.date.dayNumber >= fromDay && merger.date <= date {
            let before = merger.date.adding(days: -1)
            if counts {
                var participants = Set(merger.sources)
                if !merger.targetIsNew { participants.insert(merger.target) }
                let gone = participants.filter {
                    counted($0, before) && registry[$0].isActive(at: before) && registry.isWithin($0, unit, at: before)
                }.count
                let came = counted(merger.target, merger.date) && registry.isWithin(merger.target, unit, at: merger.date) ? 1 : 0
                if came - gone != 0 {
                    steps.append(StructuralStep(date: merger.date, seq: merger.seq, delta: came - gone, description: LocalizedText(
                        en: "merger into \(name(merger.target, merger.date)): \(gone) → \(came)",
                        vi: "sáp nhập vào \(name(merger.target, merger.date)): \(gone) → \(came)")))
                }
            } else {
                let targetIn = registry.isWithin(merger.target, unit, at: merger.date)
                for source in merger.sources where source != merger.target {
                    // Only a merger across this unit's boundary moves its members (the day before's values).
                    guard registry.isWithin(source, unit, at: before) != targetIn,
                          let moved = levels(key, at: before)[source]?.count, moved != 0 else { continue }
                    steps.append(StructuralStep(date: merger.date, seq: merger.seq, delta: targetIn ? moved : -moved,
                                                description: LocalizedText(
                        en: "\(name(source, before)) merged into \(name(merger.target, merger.date)) with \(moved)",
                        vi: "\(name(source, before)) sáp nhập vào \(name(merger.target, merger.date)) với \(moved)")))
                }
            }
        }
        for move in registry.moves where move.date.dayNumber >= fromDay && move.date <= date {
            let before = move.date.adding(days: -1)
            let wasIn = registry.isWithin(move.unit, unit, at: before)
            let isIn = registry.isWithin(move.unit, unit, at: move.date)
            guard wasIn != isIn else { continue }
            var moved = levels(key, at: before)[move.unit]?.count ?? 0
            if counts && counted(move.unit, before) { moved += 1 }
            guard moved != 0 else { continue }
            steps.append(StructuralStep(date: move.date, seq: move.seq, delta: isIn ? moved : -moved, description: LocalizedText(
                en: "\(name(move.unit, before)) moved \(isIn ? "in" : "out") with \(moved)",
                vi: "\(name(move.unit, before)) chuyển \(isIn ? "đến" : "đi") với \(moved)")))
        }
        if counts {
            for dissolution in registry.dissolutions where dissolution.date.dayNumber >= fromDay && dissolution.date <= date {
                let before = dissolution.date.adding(days: -1)
                guard counted(dissolution.unit, before), registry.isWithin(dissolution.unit, unit, at: before),
                      dissolution.unit != unit else { continue }
                steps.append(StructuralStep(date: dissolution.date, seq: dissolution.seq, delta: -1, description: LocalizedText(
                    en: "\(name(dissolution.unit, before)) dissolved", vi: "\(name(dissolution.unit, before)) giải thể")))
            }
            for aggregate in registry.aggregateMergers where aggregate.date.dayNumber >= fromDay && aggregate.date <= date {
                guard countedKinds.contains(aggregate.merger.of),
                      registry.isWithin(aggregate.scope, unit, at: aggregate.date) else { continue }
                let m = aggregate.merger
                let rounds = m.rounds.map { LocalizedText(en: " in \($0) rounds", vi: " qua \($0) đợt") } ?? LocalizedText("")
                steps.append(StructuralStep(date: aggregate.date, seq: aggregate.seq, delta: m.change, description: LocalizedText(
                    en: "mergers: \(m.before) → \(m.after)", vi: "sáp nhập: \(m.before) → \(m.after)") + rounds))
            }
        }
        return steps.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    }
}
