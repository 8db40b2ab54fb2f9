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

    /// The order events are applied and listed in: by date and seq, then handovers (by the unit
    /// handing over) before moves and re-kinds, merger totals, and a merger's new target.
    static func precedes(_ a: StructuralEvent, _ b: StructuralEvent) -> Bool {
        (a.date, a.seq, a.rank, a.unit) < (b.date, b.seq, b.rank, b.unit)
    }

    private var rank: Int {
        switch change {
        case .handover: 0
        case .move, .rekind: 1
        case .aggregate: 2
        case .newTarget: 3
        }
    }

    private var unit: Int32 {
        switch change {
        case .handover(let h): h.from
        case .move(let u), .rekind(let u, _, _), .newTarget(let u): u
        case .aggregate(let a): a.scope
        }
    }

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
    /// The structural events in force in which `u` takes part (`participants`), in (date, seq)
    /// order: its own closing, what was handed over to it, its moves and re-kinds, merger totals
    /// in its scope, and the merger that created it. The same events `structuralEvents()` lists,
    /// found from `u` alone.
    public func structuralEvents(involving u: Int32) -> [StructuralEvent] {
        if let known = eventsInvolving(cached: u) { return known }
        var events: [StructuralEvent] = []
        let t = self[u]
        if t.closing != nil, let h = handover(from: u) { events.append(StructuralEvent(date: h.date, seq: h.seq, change: .handover(h))) }
        for h in handovers(into: u) {
            let event = StructuralEvent(date: h.date, seq: h.seq, change: .handover(h))
            if !events.contains(event) { events.append(event) }
        }
        if t.established != nil {
            let changes = facts(u).filter { ($0.kind == .parent || $0.kind == .kind) && $0.seq != t.establishedSeq && knowledge.holds($0.validFrom, $0.validTo) }
            for fact in Self.lastOfEachDay(changes.map { (u, $0) }).map(\.fact) {
                if fact.kind == .parent {
                    events.append(StructuralEvent(date: fact.date, seq: fact.seq, change: .move(unit: u)))
                } else if fact.value >= 0 && Int(fact.value) < UnitKind.allCases.count {
                    events.append(StructuralEvent(date: fact.date, seq: fact.seq,
                                                  change: .rekind(unit: u, from: t.kind(at: fact.date.adding(days: -1)),
                                                                  to: UnitKind.allCases[Int(fact.value)])))
                }
            }
        }
        for a in aggregateMergers(in: u) { events.append(StructuralEvent(date: a.date, seq: a.seq, change: .aggregate(a))) }
        for m in mergers(withTarget: u) where m.targetIsNew {
            events.append(StructuralEvent(date: m.date, seq: m.seq, change: .newTarget(unit: m.target)))
        }
        events.sort(by: StructuralEvent.precedes)
        remember(events, involving: u)
        return events
    }

    /// A unit's moves (or re-kinds) of one day are one change, from where it stood (what it was)
    /// the day before to where the day ends: the last fact of each unit, kind of fact and day.
    /// (Each fact on its own would move the unit's value out of the old place once per fact.)
    static func lastOfEachDay(_ changes: [(unit: Int32, fact: UnitFact)]) -> [(unit: Int32, fact: UnitFact)] {
        struct Slot: Hashable { let unit: Int32, kind: UnitFact.Kind, day: Int }
        var last: [Slot: (unit: Int32, fact: UnitFact)] = [:]
        for change in changes {
            let slot = Slot(unit: change.unit, kind: change.fact.kind, day: change.fact.day)
            if let known = last[slot], known.fact.seq > change.fact.seq { continue }
            last[slot] = change
        }
        return changes.filter { change in last[Slot(unit: change.unit, kind: change.fact.kind, day: change.fact.day)]?.fact.seq == change.fact.seq }
    }

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
        let changes = changeFacts(ofKinds: [.parent, .kind]).filter { self[$0.unit].established != nil && $0.fact.seq != self[$0.unit].establishedSeq }
        for (unit, fact) in Self.lastOfEachDay(changes) {
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
        return events.sorted(by: StructuralEvent.precedes)
    }
}
