import SocaiCore

/// R1 "Units and lineage", computed directly from the facts: who each unit is on a day, when it
/// is active, where it sits, and to whom it hands over what it holds when it closes.
public final class ReferenceUnits {
    /// A value that changes from a day on; the latest change on or before a day wins (ties by seq).
    struct Timeline<Value: Sendable>: Sendable {
        var changes: [(date: CalendarDate, seq: Int64, value: Value)] = []

        mutating func add(_ date: CalendarDate, _ seq: Int64, _ value: Value) {
            changes.append((date, seq, value))
            changes.sort { ($0.date, $0.seq) < ($1.date, $1.seq) }
        }

        /// Before the first change, the first value (R1: "before the unit exists, its first value").
        func value(at date: CalendarDate) -> Value? {
            guard let first = changes.first else { return nil }
            var current = first.value
            for change in changes where change.date <= date { current = change.value }
            return current
        }
    }

    /// Why a unit closed and who receives what it still holds.
    public enum Closing: Sendable, Hashable {
        case mergedInto(UnitID)
        /// Dissolved, handing over to its successor (`--successor`) or, without one, to its parent.
        case dissolved(successor: UnitID?)
    }

    struct Unit: Sendable {
        var id: UnitID
        var established: CalendarDate
        var establishedSeq: Int64
        var names = Timeline<String>()
        var kinds = Timeline<UnitKind>()
        var parents = Timeline<UnitID?>()
        var closeDay: CalendarDate?
        var closeSeq: Int64 = 0
        var closing: Closing?
    }

    /// A merger as stated: the participants and the day it takes effect.
    public struct MergerFact: Sendable, Hashable {
        public var seq: Int64
        public var date: CalendarDate
        public var sources: [UnitID]
        public var target: UnitID
        public var targetIsNew: Bool
    }

    var units: [UnitID: Unit] = [:]
    public private(set) var order: [UnitID] = []
    public private(set) var mergers: [MergerFact] = []
    /// Explicit moves (`record move`): the unit, the day, the seq.
    public private(set) var moves: [(unit: UnitID, date: CalendarDate, seq: Int64)] = []
    /// Re-kinds (`record rename --kind`): the unit, the day, the seq.
    public private(set) var rekinds: [(unit: UnitID, date: CalendarDate, seq: Int64)] = []
    public private(set) var dissolutions: [(unit: UnitID, date: CalendarDate, seq: Int64)] = []

    public init(_ facts: [ReferenceFact]) {
        // Establishments first (a unit may be renamed by an event recorded before it, late records).
        for fact in facts {
            switch fact.payload {
            case .unitEstablished(let u):
                guard units[u.id] == nil else { continue }
                var unit = Unit(id: u.id, established: fact.date, establishedSeq: fact.seq)
                unit.names.add(fact.date, fact.seq, u.name)
                unit.kinds.add(fact.date, fact.seq, u.kind)
                unit.parents.add(fact.date, fact.seq, u.parent)
                units[u.id] = unit
                order.append(u.id)
            case .merger(let m) where m.newUnit != nil:
                let n = m.newUnit!
                guard units[m.into] == nil else { continue }
                var unit = Unit(id: m.into, established: fact.date, establishedSeq: fact.seq)
                unit.names.add(fact.date, fact.seq, n.name)
                unit.kinds.add(fact.date, fact.seq, n.kind)
                unit.parents.add(fact.date, fact.seq, n.parent)
                units[m.into] = unit
                order.append(m.into)
            default: break
            }
        }
        let sorted = facts.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
        for fact in sorted {
            switch fact.payload {
            case .unitRenamed(let r):
                if let name = r.name { units[fact.unit]?.names.add(fact.date, fact.seq, name) }
                if let kind = r.kind, units[fact.unit] != nil {
                    // One re-kind per unit and day: its effect is from the kind of the day before to
                    // the kind at the end of the day, however many facts the day has.
                    if units[fact.unit]!.kinds.value(at: fact.date) != kind,
                       !rekinds.contains(where: { $0.unit == fact.unit && $0.date == fact.date }) {
                        rekinds.append((fact.unit, fact.date, fact.seq))
                    }
                    units[fact.unit]!.kinds.add(fact.date, fact.seq, kind)
                }
            case .unitMoved(let m):
                guard units[fact.unit] != nil else { continue }
                units[fact.unit]!.parents.add(fact.date, fact.seq, m.parent)
                // One move per unit and day: from where it stood the day before to where the day ends.
                if !moves.contains(where: { $0.unit == fact.unit && $0.date == fact.date }) { moves.append((fact.unit, fact.date, fact.seq)) }
            case .unitDissolved(let d):
                guard units[fact.unit] != nil, units[fact.unit]!.closeDay == nil else { continue }
                units[fact.unit]!.closeDay = fact.date
                units[fact.unit]!.closeSeq = fact.seq
                units[fact.unit]!.closing = .dissolved(successor: d.successor)
                dissolutions.append((fact.unit, fact.date, fact.seq))
            case .merger(let m):
                let isNew = m.newUnit != nil && units[m.into]?.establishedSeq == fact.seq
                mergers.append(MergerFact(seq: fact.seq, date: fact.date, sources: m.from, target: m.into, targetIsNew: isNew))
                for source in m.from where source != m.into {
                    guard units[source] != nil, units[source]!.closeDay == nil else { continue }
                    units[source]!.closeDay = fact.date
                    units[source]!.closeSeq = fact.seq
                    units[source]!.closing = .mergedInto(m.into)
                }
            default: break
            }
        }
    }

    public var all: [UnitID] { order }

    public func exists(_ u: UnitID) -> Bool { units[u] != nil }

    public func established(_ u: UnitID) -> CalendarDate? { units[u]?.established }

    /// The parent the unit's registration names (a move on that day may place it elsewhere).
    public func registeredParent(_ u: UnitID) -> UnitID? {
        guard let unit = units[u] else { return nil }
        return unit.parents.changes.first { $0.seq == unit.establishedSeq }?.value ?? nil
    }

    /// The day the unit closed (its last active day is the day before).
    public func closeDay(_ u: UnitID) -> CalendarDate? { units[u]?.closeDay }

    public func closing(_ u: UnitID) -> Closing? { units[u]?.closing }

    /// R1: active from its establishment day until the day before it closes.
    public func isActive(_ u: UnitID, _ d: CalendarDate) -> Bool {
        guard let unit = units[u] else { return false }
        return unit.established <= d && (unit.closeDay.map { d < $0 } ?? true)
    }

    public func kind(_ u: UnitID, _ d: CalendarDate) -> UnitKind? { units[u]?.kinds.value(at: d) }

    public func name(_ u: UnitID, _ d: CalendarDate) -> String? { units[u]?.names.value(at: d) }

    /// The parent as recorded (registration and moves), without the implicit moves of handovers.
    func recordedParent(_ u: UnitID, _ d: CalendarDate) -> UnitID? { units[u]?.parents.value(at: d) ?? nil }

    /// R1: who receives what `u` still holds when it closes on day M.
    public func receiver(_ u: UnitID) -> UnitID? {
        // R1: a handover to a unit that itself closes that day (or had closed) passes it by, to
        // the unit that one hands over to: a chain of mergers on one day ends at its last unit.
        guard let m = closeDay(u), var r = directReceiver(u) else { return nil }
        var hops = 0
        while let rm = closeDay(r), rm <= m, let next = directReceiver(r), next != u, hops < 64 {
            r = next
            hops += 1
        }
        return r
    }

    /// The unit `u`'s closing fact names (merged into, successor), or its parent when none.
    private func directReceiver(_ u: UnitID) -> UnitID? {
        guard let unit = units[u], let m = unit.closeDay, let closing = unit.closing else { return nil }
        switch closing {
        case .mergedInto(let target): return target
        case .dissolved(let successor?): return successor
        case .dissolved(nil): return parent(u, m.adding(days: -1))
        }
    }

    /// The parent on day `d`, with R1's implicit moves: a child still under a unit that closed is
    /// under the unit's receiver from the closing day on.
    public func parent(_ u: UnitID, _ d: CalendarDate) -> UnitID? {
        let question = Question(unit: u, date: d)
        if let memo = parentMemo[question] { return memo }
        let answer = computeParent(u, d)
        parentMemo[question] = answer
        return answer
    }

    struct Question: Hashable {
        var unit: UnitID
        var date: CalendarDate
    }

    var parentMemo: [Question: UnitID?] = [:]

    private func computeParent(_ u: UnitID, _ d: CalendarDate) -> UnitID? {
        var p = recordedParent(u, d)
        var hops = 0
        while let current = p, let m = units[current]?.closeDay, m <= d, hops < 64 {
            p = receiver(current)
            hops += 1
        }
        // A merger's new unit placed under one of its own sources ends up under itself: socai
        // accepts it, and the reference treats the unit as having no parent from then on.
        return p == u ? nil : p
    }

    /// The active children of `u` on `d`.
    public func children(_ u: UnitID, _ d: CalendarDate) -> [UnitID] {
        order.filter { $0 != u && isActive($0, d) && parent($0, d) == u }
    }

    /// Whether `x` is `u` or under it on `d` (both active).
    public func isWithin(_ x: UnitID, _ u: UnitID, _ d: CalendarDate) -> Bool {
        guard isActive(x, d) else { return false }
        var current: UnitID? = x
        var hops = 0
        while let c = current, hops < 64 {
            if c == u { return true }
            current = parent(c, d)
            hops += 1
        }
        return false
    }

    /// The units that handed over to `u` (directly), with the day of the handover.
    public func handovers(to u: UnitID) -> [(unit: UnitID, day: CalendarDate)] {
        order.compactMap { x in
            guard let m = units[x]?.closeDay, receiver(x) == u else { return nil }
            return (x, m)
        }
    }

    /// The children re-parented by `x`'s handover: under `x` on M−1, still active on M and not
    /// moved on M, whether recorded under `x` or held by it through an earlier handover.
    public func reparentedChildren(of x: UnitID) -> [UnitID] {
        guard let m = closeDay(x) else { return [] }
        let before = m.adding(days: -1)
        return children(x, before).filter { isActive($0, m) && recordedParent($0, m) == recordedParent($0, before) }
    }
}
