/// A change of the tree that moves level figures between units (DECISIONS R2): a handover, a
/// move, a re-kind, merger totals, or a merger creating its target.
public struct StructuralEvent: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        /// A closing unit passes what it holds to a receiver (merger, successor, parent keeps).
        case handover(Registry.Handover)
        /// A unit placed under another parent.
        case move(unit: Int32)
        /// A unit's kind changed (`rename --kind`).
        case rekind(unit: Int32, from: UnitKind?, to: UnitKind)
        /// Merger totals in a scope.
        case aggregate(AggregateFact)
        /// A merger created its target.
        case newTarget(unit: Int32)
    }

    public var date: CalendarDate
    public var seq: Int64
    public var change: Change

    /// The units whose place the event is about (what makes it relevant to a subtree).
    var participants: [Int32] {
        switch change {
        case .handover(let h): [h.from, h.to]
        case .move(let u), .rekind(let u, _, _), .newTarget(let u): [u]
        case .aggregate(let a): [a.scope]
        }
    }
}

/// What a structural event does to one unit's figure: what the audit shows, what the level sums.
public struct StructuralStep: Sendable, Hashable {
    public var date: CalendarDate
    public var seq: Int64
    public var unit: Int32
    public var delta: Int
    public var qualifier: Qualifier
    public var description: LocalizedText
}

extension Registry {
    /// Every structural event in force, in (date, seq) order.
    public func structuralEvents() -> [StructuralEvent] {
        var events: [StructuralEvent] = []
        var closed = Set<Int32>()
        for (unit, _) in changeFacts(ofKinds: [.merged, .dissolved]) where closed.insert(unit).inserted {
            if let h = handover(from: unit) {
                events.append(StructuralEvent(date: h.date, seq: h.seq, change: .handover(h)))
            }
        }
        // The parent and kind a unit was established with are not changes (the image's index of
        // changes leaves them out), so this never reads every unit's timeline.
        for (unit, fact) in changeFacts(ofKinds: [.parent, .kind]) {
            guard self[unit].established != nil, fact.seq != self[unit].establishedSeq else { continue }
            if fact.kind == .parent {
                events.append(StructuralEvent(date: fact.date, seq: fact.seq, change: .move(unit: unit)))
            } else if fact.value >= 0 && Int(fact.value) < UnitKind.allCases.count {
                let before = self[unit].kind(at: fact.date.adding(days: -1))
                events.append(StructuralEvent(date: fact.date, seq: fact.seq,
                                              change: .rekind(unit: unit, from: before, to: UnitKind.allCases[Int(fact.value)])))
            }
        }
        for a in aggregateMergers { events.append(StructuralEvent(date: a.date, seq: a.seq, change: .aggregate(a))) }
        for m in mergers where m.targetIsNew {
            events.append(StructuralEvent(date: m.date, seq: m.seq, change: .newTarget(unit: m.target)))
        }
        return events.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    }
}
