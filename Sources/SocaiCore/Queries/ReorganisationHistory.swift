/// Where members went when a unit closed or moved (issue 17: "the HTML report shows the
/// reorganisation"): one merger, dissolution or move, what the unit held the day before, the
/// units that went on with it, and who received them (DECISIONS R1).
public struct ReorganisationStep: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable {
        /// Merged into the receiver.
        case merged
        /// Dissolved; its successor received what it held.
        case dissolvedToSuccessor = "dissolved-to-successor"
        /// Dissolved with no successor; its parent keeps what it held (a `check` warning when members).
        case dissolvedKeptByParent = "dissolved-kept-by-parent"
        /// Dissolved with no successor and no parent: what it held is counted nowhere (a `check` error).
        case dissolvedLost = "dissolved-lost"
        /// Placed under another parent, with its members.
        case moved
    }

    /// A unit as the step names it.
    public struct Party: Sendable, Hashable {
        public var id: UnitID
        public var name: String
        /// Its members the day before the step, when it had a value.
        public var members: Int?
    }

    public var date: CalendarDate
    public var seq: Int64
    /// The unit that closed or moved, with its members the day before (for a closing unit, all
    /// it handed over: what it held itself and what the units that went on with it held).
    public var unit: Party
    public var change: Change
    /// Who received it: the merger target, the successor, the parent that keeps it, or the new parent.
    public var receiver: Party?
    /// For a move: the parent it left.
    public var previousParent: Party?
    /// For a closing: the members it held itself (beyond its units), which pass to the receiver.
    public var held: Int?
    /// For a closing: the units still under it that went on to the receiver, with their members.
    public var carried: [Party]
}

extension Rules {
    /// The mergers, dissolutions and moves in `period` of `unit`, every unit ever under it and the
    /// units it was formed from, in date order: where their members went.
    public func reorganisation(under unit: Int32, over period: ClosedPeriod?) -> [ReorganisationStep] {
        var units = Set(registry.everDescendants(of: unit))
        for (predecessor, _) in registry.predecessors(of: unit) { units.formUnion(registry.everDescendants(of: predecessor)) }
        return reorganisation(of: units, over: period)
    }

    /// The mergers, dissolutions and moves of `units` (in `period`, or ever), in date order.
    public func reorganisation(of units: some Sequence<Int32>, over period: ClosedPeriod?) -> [ReorganisationStep] {
        var steps: [ReorganisationStep] = []
        for x in units {
            if let closing = registry[x].closing, period?.contains(closing.date) ?? true, let step = closingStep(x) { steps.append(step) }
            for move in registry[x].moves {
                let date = CalendarDate(dayNumber: move.day)
                guard period?.contains(date) ?? true, registry.isActive(x, at: date) else { continue }
                let before = date.adding(days: -1)
                steps.append(ReorganisationStep(
                    date: date, seq: move.seq, unit: party(x, at: before), change: .moved,
                    receiver: registry.parent(of: x, at: date).map { party($0, at: date, members: false) },
                    previousParent: registry.parent(of: x, at: before).map { party($0, at: before, members: false) },
                    held: nil, carried: []))
            }
        }
        return steps.sorted { ($0.date, $0.seq, $0.unit.id.rawValue) < ($1.date, $1.seq, $1.unit.id.rawValue) }
    }

    /// How unit `x` closed and what it handed over (R1): its members the day before, split into
    /// what it held itself and what the units still under it carried on to the receiver.
    public func closingStep(_ x: Int32) -> ReorganisationStep? {
        guard let closing = registry[x].closing else { return nil }
        let before = closing.date.adding(days: -1)
        let h = registry.handover(from: x)
        let change: ReorganisationStep.Change
        switch (closing.status, h?.reason) {
        case (.merged, _): change = .merged
        case (_, .successor?): change = .dissolvedToSuccessor
        case (_, .parentKeeps?): change = .dissolvedKeptByParent
        default: change = closing.successor != nil ? .dissolvedToSuccessor : .dissolvedLost
        }
        let held = levels.residual(x, "members", at: before)?.amount
        let carried = registry.children(of: x, at: before).filter { registry.isActive($0, at: closing.date) }.map { party($0, at: before) }
        var unit = party(x, at: before)
        if held != nil || carried.contains(where: { $0.members != nil }) {
            unit.members = (held ?? 0) + carried.compactMap(\.members).reduce(0, +)
        }
        return ReorganisationStep(date: closing.date, seq: closing.seq, unit: unit, change: change,
                                  receiver: h.map { party($0.to, at: closing.date, members: false) }, previousParent: nil,
                                  held: held, carried: carried)
    }

    private func party(_ u: Int32, at date: CalendarDate, members: Bool = true) -> ReorganisationStep.Party {
        ReorganisationStep.Party(id: registry[u].id, name: registry[u].name(at: date),
                                 members: members ? levels.value(u, "members", at: date)?.count : nil)
    }
}
