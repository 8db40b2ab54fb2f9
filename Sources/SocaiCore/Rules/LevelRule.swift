/// Level figures (a count at a date): DECISIONS R2, written once.
///
/// value(U, K, D) is U's own latest report plus what changed since (flows under U, structural
/// events crossing its boundary), or else the sum of its parts (children and what units handed
/// over to it). Every value at another date the rules need (a source's members the day before a
/// merger) is computed by the same function and remembered for the question.
public final class LevelRule {
    public let registry: Registry
    public var projection: Projection { registry.projection }
    public var knowledge: Knowledge { registry.knowledge }

    private struct Key: Hashable {
        let unit: Int32
        let code: UInt16
        let day: Int32
    }
    private var memo: [Key: LevelValue?] = [:]
    private var inProgress = Set<Key>()
    var effectCache: [Int: [UInt16: [StructuralStep]]] = [:]
    /// The structural events this question has met, numbered in the order it met them (a unit's
    /// are found from the unit: `Registry.structuralEvents(involving:)`).
    private(set) var events: [StructuralEvent] = []
    private var eventNumbers: [StructuralEvent: Int] = [:]
    var relevantEventCache: [Int32: [Int]] = [:]
    /// When a question asks one figure's values day after day: the days each unit's value may
    /// change on, and the last day each unit's value was computed (see `carryValues`).
    private var carry: LevelCarry?
    private var lastComputed: [Int32: Int32] = [:]
    /// The registered units under each unit on the last day counted, while `carry` is set.
    private var registeredCarried: [Int32: (day: Int, count: Int)] = [:]

    /// Reuse, for figure `key`, the value of a unit ever under `root` computed for an earlier day
    /// when nothing under the unit happened since (`LevelCarry`). Only counts of units: their
    /// values depend on the facts `LevelCarry` marks, not on flows.
    func carryValues(_ key: String, under root: Int32) {
        guard FigureCatalogue.definition(key)?.isUnitCount ?? false,
              carry?.code != FigureCode(key).rawValue || carry?.root != root else { return }
        carry = LevelCarry(key, under: root, registry)
        lastComputed = [:]
        registeredCarried = [:]
    }

    /// The number of `event` in `events`, adding it on first sight.
    func eventNumber(_ event: StructuralEvent) -> Int {
        if let known = eventNumbers[event] { return known }
        events.append(event)
        eventNumbers[event] = events.count - 1
        return events.count - 1
    }

    public init(_ registry: Registry) { self.registry = registry }

    /// Unit `u`'s value of level figure `key` at the end of `date`, or nil.
    public func value(_ u: Int32, _ key: String, at date: CalendarDate) -> LevelValue? {
        let memoKey = Key(unit: u, code: FigureCode(key).rawValue, day: Int32(clamping: date.dayNumber))
        if let known = memo[memoKey] { return known }
        // A cycle (a damaged registry, or same-day handovers that refer to each other): no value.
        guard inProgress.insert(memoKey).inserted else { return nil }
        var result: LevelValue?
        if let carry, carry.code == memoKey.code, let earlier = lastComputed[u], earlier < memoKey.day,
           let known = memo[Key(unit: u, code: memoKey.code, day: earlier)],
           !carry.mayChange(u, after: Int(earlier), through: Int(memoKey.day)) {
            result = known
        } else {
            result = compute(u, key, at: date)
        }
        inProgress.remove(memoKey)
        memo[memoKey] = result
        if let carry, carry.code == memoKey.code, lastComputed[u].map({ $0 < memoKey.day }) ?? true { lastComputed[u] = memoKey.day }
        return result
    }

    /// Every active unit's value at the end of `date` (units without one are absent).
    public func values(_ key: String, at date: CalendarDate) -> [Int32: LevelValue] {
        var result: [Int32: LevelValue] = [:]
        for u in registry.all where registry.isActive(u, at: date) {
            if let v = value(u, key, at: date) { result[u] = v }
        }
        return result
    }

    private func compute(_ u: Int32, _ key: String, at date: CalendarDate) -> LevelValue? {
        guard registry.isActive(u, at: date) else { return nil }
        let definition = FigureCatalogue.definition(key)
        let nature = definition?.nature ?? .level
        let counted = definition?.countsUnitKinds ?? []
        let day = date.dayNumber

        // 1. Own report.
        if let report = projection.latestLevel(u, key, atOrBefore: day, knowledge) {
            var value = LevelValue(amount: report.value.amount, qualifier: report.value.qualifier, isPercent: report.value.isPercent,
                                   provenance: report.date == date ? .reported : .derived, basis: report.date)
            guard nature == .level, let base = value.count else { return value }
            let (delta, qualifier, changed) = change(u, key, after: report.date.dayNumber, through: day)
            // Derived (a day after the report) even when nothing changed: never below the floor.
            guard changed else { return report.date == date ? value : floored(value, u, key, at: date) }
            value.amount = FixedDecimal(integer: base + delta)
            value.qualifier = value.qualifier.combined(with: qualifier)
            value.provenance = .derived
            return floored(value, u, key, at: date)
        }
        guard nature == .level else { return nil }

        // 3. A count of units that the unit reports itself later: none before its first report.
        if !counted.isEmpty && !projection.levelReports(u, key, knowledge).isEmpty { return nil }

        return parts(u, key, at: date)
    }

    /// `u`'s value as the sum of its parts (R2 step 2): children, counted children, holding.
    func parts(_ u: Int32, _ key: String, at date: CalendarDate) -> LevelValue? {
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        var sum = 0
        var qualifier = Qualifier.exact
        var contributed = false
        var fromReports = false
        // Each derived child's value is already at least its floor: the sum can fall below U's floor
        // only when a part has no value (a count it reports later, R2 step 3), reports fewer units
        // than are registered under it, or a holding is negative.
        var partial = false
        for child in registry.children(of: u, at: date) {
            if let kind = registry[child].kind(at: date), counted.contains(kind) {
                sum += 1
                contributed = true
            }
            if let v = value(child, key, at: date), let n = v.count {
                sum += n
                qualifier = qualifier.combined(with: v.qualifier)
                contributed = true
                // R2.2: rolled-up when a value resting on a report (the child's own, or its parts') is in the sum.
                if v.provenance != .derived || v.basis != nil { fromReports = true }
                // A reported count is shown as reported, even below the units registered under it.
                if v.provenance == .reported && !counted.isEmpty { partial = true }
            } else {
                partial = true
            }
        }
        if let holding = holding(u, key, at: date) {
            sum += holding.amount
            qualifier = qualifier.combined(with: holding.qualifier)
            contributed = true
            if holding.amount < 0 { partial = true }
        }
        guard contributed else { return nil }
        let value = LevelValue(amount: FixedDecimal(integer: sum), qualifier: qualifier, provenance: fromReports ? .rolledUp : .derived)
        return partial ? floored(value, u, key, at: date) : value
    }

    /// `u`'s value at the end of `report`'s day as it would be without that report and any later
    /// one: what a report's jump is measured from (audit, and `check`'s unexplained remainders).
    public func value(_ u: Int32, _ key: String, before report: LevelReport) -> LevelValue? {
        let earlier = projection.levelReports(u, key, knowledge).last { ($0.date, $0.seq) < (report.date, report.seq) }
        if let earlier {
            guard let base = earlier.value.statedCount else { return nil }
            let (delta, qualifier, _) = change(u, key, after: earlier.date.dayNumber, through: report.date.dayNumber)
            return LevelValue(amount: FixedDecimal(integer: base + delta), qualifier: earlier.value.qualifier.combined(with: qualifier),
                              provenance: .derived, basis: earlier.date)
        }
        if !(FigureCatalogue.definition(key)?.countsUnitKinds ?? []).isEmpty { return nil }
        return parts(u, key, at: report.date)
    }

    /// What was handed over to `u` on or before `date` and is still its own (R2 "holding"): the
    /// residuals of the units that handed over to it and the merger totals stated for it, and
    /// since the first such day, the flows recorded at `u` itself. Nil when nothing with a value
    /// was handed over and no totals were stated.
    func holding(_ u: Int32, _ key: String, at date: CalendarDate) -> (amount: Int, qualifier: Qualifier)? {
        var total = 0
        var qualifier = Qualifier.exact
        var first: Int?
        for h in registry.handovers(into: u) where h.date <= date {
            guard let r = residual(h.from, key, at: h.date.adding(days: -1)) else { continue }
            total += r.amount
            qualifier = qualifier.combined(with: r.qualifier)
            first = min(first ?? h.date.dayNumber, h.date.dayNumber)
        }
        // Merger totals stated for `u` itself are what it holds too (the count of that kind in the
        // unit changes by after − before), from the day of the first.
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        if !counted.isEmpty {
            for a in registry.aggregateMergers(in: u) where counted.contains(a.of) && a.date <= date {
                total += a.change
                first = min(first ?? a.date.dayNumber, a.date.dayNumber)
            }
        }
        guard let first else { return nil }
        if key == "members" { total += projection.memberChange(u, from: first, to: date.dayNumber + 1, knowledge) }
        return (total, qualifier)
    }

    /// What `x` holds itself at the end of `date`: its value minus its children's values (and, for
    /// counts of units, minus each counted child). Nil when `x` has no value.
    public func residual(_ x: Int32, _ key: String, at date: CalendarDate) -> (amount: Int, qualifier: Qualifier)? {
        guard let v = value(x, key, at: date), let n = v.count else { return nil }
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        var rest = n
        var qualifier = v.qualifier
        for child in registry.children(of: x, at: date) {
            if let kind = registry[child].kind(at: date), counted.contains(kind) { rest -= 1 }
            if let c = value(child, key, at: date), let amount = c.count {
                rest -= amount
                // Subtracting a minimum leaves a maximum (R2 qualifiers).
                qualifier = qualifier.combined(with: c.qualifier.flipped)
            }
        }
        // A value that is the sum of its parts (no report of its own) holds exactly what was
        // handed over to it: its bounds are those of what it holds, not those of the subtraction
        // (>373 − >373 is exactly 0, not about 0).
        if v.belowFloor == nil, projection.latestLevel(x, key, atOrBefore: date.dayNumber, knowledge) == nil {
            qualifier = holding(x, key, at: date)?.qualifier ?? .exact
        }
        return (rest, qualifier)
    }

    /// The change of `u`'s `key` on days `after+1 ... through`: flows at `u` and under it, and the
    /// structural steps crossing its boundary.
    func change(_ u: Int32, _ key: String, after: Int, through: Int) -> (delta: Int, qualifier: Qualifier, changed: Bool) {
        var delta = 0
        var changed = false
        var qualifier = Qualifier.exact
        if key == "members" {
            for x in registry.everDescendants(of: u) where projection.hasAnyFlows(x) {
                for epoch in registry.epochs(of: x) where x == u || epoch.chain.contains(u) {
                    let from = max(after + 1, epoch.from), to = min(through + 1, epoch.to)
                    guard from < to else { continue }
                    delta += projection.memberChange(x, from: from, to: to, knowledge)
                }
            }
        }
        for step in steps(u, key, fromDay: after + 1, throughDay: through) {
            delta += step.delta
            qualifier = qualifier.combined(with: step.qualifier)
        }
        // A step that moves nothing may still carry bounds ("at least 0" moved away leaves "at most").
        changed = delta != 0 || qualifier != .exact
        return (delta, qualifier, changed)
    }

    /// A derived value never below its floor: 0, or for counts of units the registered units of
    /// the counted kinds active under `u` (R2 "below zero").
    func floored(_ value: LevelValue, _ u: Int32, _ key: String, at date: CalendarDate) -> LevelValue {
        guard let n = value.count else { return value }
        var floor = 0
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        if !counted.isEmpty { floor = registeredCount(under: u, kinds: counted, at: date) }
        guard n < floor else { return value }
        var result = value
        result.amount = FixedDecimal(integer: floor)
        result.belowFloor = n
        // Whatever bounds the derivation had ("about −91"), what socai can stand behind is the floor.
        result.qualifier = .atLeast
        return result
    }

    /// Whether a part of `u` at `date` is shown at its floor: a child below it, or one that is
    /// itself the sum of its parts and has such a part (what makes `u`'s sum exceed the sum of
    /// the changes recorded under it; audit settles on it).
    func hasPartBelowFloor(_ u: Int32, _ key: String, at date: CalendarDate) -> Bool {
        registry.children(of: u, at: date).contains { child in
            guard let v = value(child, key, at: date) else { return false }
            if v.belowFloor != nil { return true }
            return projection.latestLevel(child, key, atOrBefore: date.dayNumber, knowledge) == nil
                && hasPartBelowFloor(child, key, at: date)
        }
    }

    /// Active registered units of `kinds` under `u` at `date`.
    func registeredCount(under u: Int32, kinds: Set<UnitKind>, at date: CalendarDate) -> Int {
        // Asked day after day (the floor of every sum), the count is reused while nothing under
        // `u` changed (`LevelCarry` marks registrations, closings, moves and re-kinds).
        let day = date.dayNumber
        let carried = carry?.kinds == kinds
        if carried, let known = registeredCarried[u], known.day <= day,
           known.day == day || !(carry?.mayChange(u, after: known.day, through: day) ?? true) {
            return known.count
        }
        var total = 0
        for child in registry.children(of: u, at: date) {
            if let kind = registry[child].kind(at: date), kinds.contains(kind) { total += 1 }
            total += registeredCount(under: child, kinds: kinds, at: date)
        }
        if carried, registeredCarried[u].map({ $0.day < day }) ?? true { registeredCarried[u] = (day, total) }
        return total
    }
}
