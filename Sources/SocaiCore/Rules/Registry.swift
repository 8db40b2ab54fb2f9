/// Who each unit is at any date, for one state of knowledge: existence, names, kinds, and the
/// tree — parents followed through handovers, so the children a closing unit still has belong to
/// whoever received what it held (DECISIONS R1).
///
/// Built per question; timelines are read from the projection only for the units a question
/// touches, and cached.
public final class Registry {
    public let projection: Projection
    public let knowledge: Knowledge
    public private(set) var count: Int

    /// Where each unit's timeline sits in `timelineStore` (−1: not read yet; −2 − i: read into
    /// place i, then changed by a staged event, to be read again into the same place). Slots are 4 bytes a
    /// unit and timelines are stored only for the units a question reads: a point question on a
    /// national journal does not zero a timeline's worth of memory for each of its 83k units.
    private var timelineSlot: [Int32]
    private var timelineStore: [UnitTimeline] = []
    /// Events staged on top of the projection (an import validating later lines against earlier ones).
    private var staged = Staged()
    private var potentialChildrenCache: [Int32: [Int32]] = [:]
    private var everDescendantsCache: [Int32: [Int32]] = [:]
    private var childrenCache: [Int: [Int32: [Int32]]] = [:]
    private var epochCache: [Int32: [Epoch]] = [:]
    private var handoversInto: [Int32: [Handover]] = [:]
    private var closingsByReceiverCache: [Int32: [Int32]]?
    private var eventsInvolvingCache: [Int32: [StructuralEvent]] = [:]
    private var mergersByTargetCache: [Int32: [MergerFact]]?
    private var mergersBySeqCache: [Int64: MergerFact]?
    private var aggregatesByScopeCache: [Int32: [AggregateFact]]?
    private lazy var mergerList: [MergerFact] = projection.mergers(knowledge) + staged.mergers
    private lazy var aggregateList: [AggregateFact] = projection.aggregateMergers(knowledge) + staged.aggregates

    struct Staged {
        var facts: [Int32: [UnitFact]] = [:]
        var ids: [UnitID: Int32] = [:]
        var newIDs: [UnitID] = []
        var mergers: [MergerFact] = []
        var aggregates: [AggregateFact] = []
        var children: [Int32: [Int32]] = [:]
    }

    /// A closing unit passing what it held to a receiver (R1).
    public struct Handover: Sendable, Hashable {
        public var from: Int32
        public var to: Int32
        public var date: CalendarDate
        public var seq: Int64
        /// Why: merged into the receiver, dissolved with it as successor, or dissolved with no
        /// successor (the receiver is then its parent).
        public var reason: Reason

        public enum Reason: Sendable, Hashable { case merger, successor, parentKeeps }
    }

    /// Days `[from, to)` over which a unit's chain of ancestors does not change.
    public struct Epoch: Sendable {
        public var from: Int
        public var to: Int
        public var chain: [Int32]
    }

    public init(_ projection: Projection, knowledge: Knowledge = .latest) {
        self.projection = projection
        self.knowledge = knowledge
        self.count = projection.unitCount
        self.timelineSlot = [Int32](repeating: -1, count: projection.unitCount)
    }

    /// Unit `u`'s timeline (read on first use).
    public subscript(_ u: Int32) -> UnitTimeline {
        let slot = timelineSlot[Int(u)]
        if slot >= 0 { return timelineStore[Int(slot)] }
        let timeline = UnitTimeline(id: id(u), index: u, facts: facts(u), knowledge: knowledge)
        if slot <= -2 {
            // Read before and staged since: the unit's place in the store is reused.
            timelineStore[Int(-slot - 2)] = timeline
            timelineSlot[Int(u)] = -slot - 2
        } else {
            timelineSlot[Int(u)] = Int32(timelineStore.count)
            timelineStore.append(timeline)
        }
        return timeline
    }

    public func index(of id: UnitID) -> Int32? { projection.unitIndex(id) ?? staged.ids[id] }

    func id(_ u: Int32) -> UnitID {
        Int(u) >= projection.unitCount ? staged.newIDs[Int(u) - projection.unitCount] : projection.unitID(u)
    }

    /// Unit `u`'s recorded facts: the projection's and any staged.
    func facts(_ u: Int32) -> [UnitFact] {
        let recorded = Int(u) < projection.unitCount ? projection.facts(u) : []
        guard let extra = staged.facts[u] else { return recorded }
        return recorded + extra
    }

    /// Staged facts of `kinds` (an import's earlier lines).
    func stagedFacts(ofKinds kinds: Set<UnitFact.Kind>) -> [(unit: Int32, fact: UnitFact)] {
        staged.facts.flatMap { unit, list in list.filter { kinds.contains($0.kind) }.map { (unit, $0) } }
    }

    /// The facts of `kinds` in force that changed a unit after it was established (moves,
    /// re-kinds, closings), staged ones included: the image keeps an index of these.
    func changeFacts(ofKinds kinds: Set<UnitFact.Kind>) -> [(unit: Int32, fact: UnitFact)] {
        var result = projection.changeFacts(ofKinds: kinds, knowledge)
        for (unit, list) in staged.facts {
            let establishing = Set(list.filter { $0.kind == .established }.map(\.seq))
            for fact in list where kinds.contains(fact.kind) && !establishing.contains(fact.seq) { result.append((unit, fact)) }
        }
        return result
    }

    /// Adds an event not yet in the projection (a line an import has validated): later questions
    /// see the units, names, parents and closings it makes. Flows and reports are not staged.
    public func stage(_ event: EventEnvelope) {
        let seq = event.seq
        func index(_ id: UnitID) -> Int32 {
            if let known = self.index(of: id) { return known }
            let new = Int32(count)
            staged.ids[id] = new
            staged.newIDs.append(id)
            count += 1
            timelineSlot.append(-1)
            return new
        }
        for draft in UnitFacts.drafts(event.payload, subject: event.subject) {
            let unit = index(draft.unit)
            var fact = UnitFact(day: event.effectiveDate.dayNumber, seq: seq, kind: UnitFact.Kind(rawValue: draft.kind.rawValue)!, value: -1,
                                text: nil, folded: nil, validFrom: seq, validTo: validForever)
            switch draft.value {
            case .none: fact.value = 0
            case .text(let text): fact.text = text; fact.folded = TextFolding.searchKey(text)
            case .unit(let other): fact.value = other.map { Int64(index($0)) } ?? -1
            case .position(let position): fact.value = position.map(Int64.init) ?? -1
            }
            if fact.kind == .parent, fact.value >= 0 { staged.children[Int32(fact.value), default: []].append(unit) }
            staged.facts[unit, default: []].append(fact)
            if timelineSlot[Int(unit)] >= 0 { timelineSlot[Int(unit)] = -timelineSlot[Int(unit)] - 2 }
        }
        if case .merger(let m) = event.payload {
            staged.mergers.append(MergerFact(seq: seq, date: event.effectiveDate, sources: m.from.map { index($0) }, target: index(m.into),
                                             targetIsNew: m.newUnit != nil, record: RecordRef(part: -1, row: -1)))
        }
        if case .aggregateMerger(let a) = event.payload {
            staged.aggregates.append(AggregateFact(seq: seq, date: event.effectiveDate, scope: index(a.scope), of: a.of, change: a.change,
                                                   record: RecordRef(part: -1, row: -1)))
        }
        // What depends on the tree is computed again.
        potentialChildrenCache = [:]
        everDescendantsCache = [:]
        childrenCache = [:]
        epochCache = [:]
        handoversInto = [:]
        closingsByReceiverCache = nil
        eventsInvolvingCache = [:]
        mergersByTargetCache = nil
        mergersBySeqCache = nil
        aggregatesByScopeCache = nil
        mergerList = projection.mergers(knowledge) + staged.mergers
        aggregateList = projection.aggregateMergers(knowledge) + staged.aggregates
    }

    public func timeline(_ id: UnitID) -> UnitTimeline? { index(of: id).map { self[$0] } }

    /// Every unit index.
    public var all: Range<Int32> { 0..<Int32(count) }

    /// Units the journal established (in force).
    public var established: [Int32] { all.filter { self[$0].established != nil } }

    public func isActive(_ u: Int32, at date: CalendarDate) -> Bool { self[u].isActive(at: date) }

    // MARK: - Handovers

    /// Where unit `u` handed over what it held, if it closed. A receiver that had itself closed
    /// by then passes it on to its own receiver; a chain that comes back to `u` hands over nothing.
    public func handover(from u: Int32) -> Handover? {
        guard var h = directHandover(from: u) else { return nil }
        var seen: Set<Int32> = [u]
        while let closing = self[h.to].closing, closing.date <= h.date {
            guard seen.insert(h.to).inserted, let next = directHandover(from: h.to) else { return nil }
            h.to = next.to
        }
        return h.to == u ? nil : h
    }

    private func directHandover(from u: Int32) -> Handover? {
        guard let closing = self[u].closing else { return nil }
        switch closing.status {
        case .merged:
            guard let into = closing.mergedInto, into != u else { return nil }
            return Handover(from: u, to: into, date: closing.date, seq: closing.seq, reason: .merger)
        case .dissolved:
            if let successor = closing.successor, successor != u {
                return Handover(from: u, to: successor, date: closing.date, seq: closing.seq, reason: .successor)
            }
            guard let parent = parent(of: u, at: closing.date.adding(days: -1)) else { return nil }
            return Handover(from: u, to: parent, date: closing.date, seq: closing.seq, reason: .parentKeeps)
        case .active:
            return nil
        }
    }

    /// The handovers into `u`, in (date, seq) order. Found from `u` outwards, so a question about
    /// one unit reads only the closings that can reach it: units merged into it or naming it
    /// their successor, its children dissolved without one, and, through units that handed over
    /// to it, whatever was handed to them after they closed.
    public func handovers(into u: Int32) -> [Handover] {
        if let known = handoversInto[u] { return known }
        var result: [Handover] = []
        var considered = Set<Int32>()
        var frontier = [u]
        var reached: Set<Int32> = [u]
        while let n = frontier.popLast() {
            let candidates = (closingsByReceiver[n] ?? []) + (Int(n) < projection.unitCount ? projection.everChildren(n) : [])
                + (staged.children[n] ?? [])
            for x in candidates where x != u && considered.insert(x).inserted {
                guard self[x].closing != nil, let h = handover(from: x) else { continue }
                if h.to == u, !result.contains(h) { result.append(h) }
                // A unit that handed over to one reached (to u, or to a unit that did so before)
                // is reached too: a child of it closing later hands over to u (seed 1335: a cell of
                // a commune merged into m2, m2 merged into u, the cell dissolved after).
                if reached.contains(h.to), reached.insert(x).inserted { frontier.append(x) }
            }
        }
        result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) }
        handoversInto[u] = result
        return result
    }

    /// Closed units by the unit their closing fact names (merged into, or successor).
    private var closingsByReceiver: [Int32: [Int32]] {
        if let known = closingsByReceiverCache { return known }
        var map: [Int32: [Int32]] = [:]
        for (unit, fact) in changeFacts(ofKinds: [.merged, .dissolved]) where fact.value >= 0 {
            map[Int32(fact.value), default: []].append(unit)
        }
        closingsByReceiverCache = map
        return map
    }

    /// Units that merged into `u` or named it their successor, directly or through earlier
    /// handovers, with the dates (a dissolved child its parent keeps is not a predecessor).
    public func predecessors(of u: Int32) -> [(unit: Int32, date: CalendarDate)] {
        var result: [(Int32, CalendarDate)] = []
        var frontier = [u]
        var seen: Set<Int32> = [u]
        while let current = frontier.popLast() {
            for h in handovers(into: current) where h.reason != .parentKeeps && seen.insert(h.from).inserted {
                result.append((h.from, h.date))
                frontier.append(h.from)
            }
        }
        return result
    }

    // MARK: - The tree

    /// The parent of `u` at the end of `date`: the recorded parent, or whoever received what it
    /// held once it closed.
    public func parent(of u: Int32, at date: CalendarDate) -> Int32? {
        let p = self[u].recordedParent(at: date).map { holder(of: $0, at: date) }
        return p == u ? nil : p
    }

    /// `q`, or, when `q` closed on or before `date`, the unit that holds what it held then: its
    /// receiver, followed on through receivers that closed too (R1). What a unit placed under `q`
    /// is under at `date`.
    public func holder(of q: Int32, at date: CalendarDate) -> Int32 {
        var current = q
        var hops = 0
        while let closing = self[current].closing, closing.date <= date, let h = handover(from: current), hops < 64 {
            current = h.to
            hops += 1
        }
        return current
    }

    /// The unit's ancestors at `date`, nearest first (never loops, even on a damaged registry).
    public func ancestors(of u: Int32, at date: CalendarDate) -> [Int32] {
        var chain: [Int32] = []
        var current = parent(of: u, at: date)
        while let p = current, chain.count < 64, !chain.contains(p), p != u {
            chain.append(p)
            current = parent(of: p, at: date)
        }
        return chain
    }

    /// Where `u` would stand at the end of `date` had it not moved that day: under its parent of
    /// the day before, as the day's other changes leave that parent (closed and handed over, or
    /// moved). What a move of `u` takes away is taken from there: the day's handovers and moves of
    /// its ancestors carry `u`'s value with theirs (their values of the day before hold it), so
    /// counting from where it stood the day before counted it twice (the differential's seed 3738:
    /// a district dissolved into its successor while one of its cells moved between two of its
    /// communes, 425 members counted twice in the successor).
    public func ancestorsWithoutOwnMove(of u: Int32, on date: CalendarDate) -> [Int32] {
        guard let p = parent(of: u, at: date.adding(days: -1)) else { return [] }
        let q = holder(of: p, at: date)
        return [q] + ancestors(of: q, at: date).filter { $0 != q }
    }

    /// Where what `u` held leaves from when `u` closes on `date`: its parent of the day before, as
    /// the day's other changes leave that parent. A parent still active that day is carried (by
    /// its own move, by an ancestor's move or handover) with its value of the day before, `u`'s
    /// included, so `u` leaves from where that parent ends the day; a parent closing that day
    /// hands over only its children still active, not `u`, so `u` leaves from where that parent
    /// itself leaves. (From where `u` stood the day before, a cell merged away on the day its
    /// commune's district was dissolved into another counted twice there: seed 6330.)
    public func ancestorsLeaving(of u: Int32, on date: CalendarDate) -> [Int32] {
        var chain: [Int32] = []
        var current = u
        while let q = parent(of: current, at: date.adding(days: -1)), q != u, !chain.contains(q), chain.count < 64 {
            chain.append(q)
            guard let closing = self[q].closing, closing.date == date else {
                return chain + ancestors(of: q, at: date).filter { !chain.contains($0) }
            }
            current = q
        }
        return chain
    }

    /// Whether `u` is `ancestor` or lies under it at `date`.
    public func isWithin(_ u: Int32, _ ancestor: Int32, at date: CalendarDate) -> Bool {
        u == ancestor || ancestors(of: u, at: date).contains(ancestor)
    }

    /// Facts dated inside `days` that send something to `u`: a unit merged into it or naming it
    /// its successor, a unit registered or moved under it. Closing `u` on one of those days would
    /// leave them pointing at a unit that no longer exists (R7): what they send would be handed
    /// on, or back, by a chain the clerk never recorded.
    public func arrivals(at u: Int32, in days: ClosedRange<Int>) -> [(seq: Int64, unit: Int32, date: CalendarDate, type: EventType)] {
        var result: [(seq: Int64, unit: Int32, date: CalendarDate, type: EventType)] = []
        for x in closingsByReceiver[u] ?? [] where x != u {
            guard let closing = self[x].closing, days.contains(closing.date.dayNumber) else { continue }
            result.append((closing.seq, x, closing.date, closing.status == .merged ? .merger : .unitDissolved))
        }
        let recorded = (Int(u) < projection.unitCount ? projection.everChildren(u) : []) + (staged.children[u] ?? [])
        for child in Set(recorded) where child != u {
            let t = self[child]
            for change in t.parents where change.value == u && days.contains(change.day) {
                result.append((change.seq, child, CalendarDate(dayNumber: change.day),
                               change.seq == t.establishedSeq ? .unitEstablished : .unitMoved))
            }
        }
        return result
    }

    /// Units that may ever be `u`'s children: recorded under it, or under a unit that handed over to it.
    public func potentialChildren(of u: Int32) -> [Int32] {
        if let cached = potentialChildrenCache[u] { return cached }
        potentialChildrenCache[u] = []
        var result = (Int(u) < projection.unitCount ? projection.everChildren(u) : []) + (staged.children[u] ?? [])
        let received = handovers(into: u)
        if !received.isEmpty {
            var seen = Set(result)
            seen.insert(u)
            for h in received {
                for c in potentialChildren(of: h.from) where seen.insert(c).inserted { result.append(c) }
            }
        }
        potentialChildrenCache[u] = result
        return result
    }

    /// `u`'s active children at the end of `date`, by id.
    public func children(of u: Int32, at date: CalendarDate) -> [Int32] {
        if let all = childrenCache[date.dayNumber] { return all[u] ?? [] }
        return potentialChildren(of: u).filter { isActive($0, at: date) && parent(of: $0, at: date) == u }
            .sorted { self[$0].id < self[$1].id }
    }

    /// Every unit's active children at `date` (computed once per date: replay asks for all).
    public func childrenByParent(at date: CalendarDate) -> [Int32: [Int32]] {
        if let cached = childrenCache[date.dayNumber] { return cached }
        var map: [Int32: [Int32]] = [:]
        for u in all where isActive(u, at: date) {
            if let p = parent(of: u, at: date) { map[p, default: []].append(u) }
        }
        for key in map.keys { map[key]!.sort { self[$0].id < self[$1].id } }
        childrenCache[date.dayNumber] = map
        return map
    }

    /// Every unit ever under `u` (through handovers too), itself first.
    public func everDescendants(of u: Int32) -> [Int32] {
        if let cached = everDescendantsCache[u] { return cached }
        var result: [Int32] = [u]
        var seen: Set<Int32> = [u]
        var i = 0
        while i < result.count {
            for child in potentialChildren(of: result[i]) where seen.insert(child).inserted { result.append(child) }
            i += 1
        }
        everDescendantsCache[u] = result
        return result
    }

    /// Spans of days over which `u`'s chain of ancestors is constant: flows inside one span count
    /// toward the same ancestors. `from` inclusive, `to` exclusive.
    public func epochs(of u: Int32) -> [Epoch] {
        if let cached = epochCache[u] { return cached }
        var boundaries = Set<Int>()
        var visited = Set<Int32>()
        var frontier = [u]
        while let x = frontier.popLast(), visited.count < 512 {
            guard visited.insert(x).inserted else { continue }
            let t = self[x]
            for change in t.parents.dropFirst() { boundaries.insert(change.day) }
            for p in t.recordedParents { frontier.append(p) }
            if let closing = t.closing {
                if x != u { boundaries.insert(closing.date.dayNumber) }
                if let h = handover(from: x) { frontier.append(h.to) }
            }
        }
        let days = boundaries.sorted()
        var epochs: [Epoch] = []
        var start = Int(Int32.min)
        for day in days + [Int(Int32.max)] {
            let probe = CalendarDate(dayNumber: max(start, -700_000))
            epochs.append(Epoch(from: start, to: day, chain: ancestors(of: u, at: probe)))
            start = day
        }
        // A flow dated on or after its own unit closed is stranded (a union of journals, or a
        // journal written by another tool: `record` refuses to strand one, R7): no epoch covers
        // it, so it counts nowhere, and `check` names it as `inactive-unit`.
        if let closed = self[u].closing?.date.dayNumber {
            epochs = epochs.compactMap { $0.from >= closed ? nil : Epoch(from: $0.from, to: min($0.to, closed), chain: $0.chain) }
        }
        epochCache[u] = epochs
        return epochs
    }

    // MARK: - Structural events

    public var mergers: [MergerFact] { mergerList }
    public var aggregateMergers: [AggregateFact] { aggregateList }

    /// The merger totals stated for `scope` itself.
    public func aggregateMergers(in scope: Int32) -> [AggregateFact] {
        if aggregatesByScopeCache == nil { aggregatesByScopeCache = Dictionary(grouping: aggregateList, by: \.scope) }
        return aggregatesByScopeCache?[scope] ?? []
    }

    /// The named mergers into `target`.
    public func mergers(withTarget target: Int32) -> [MergerFact] {
        if mergersByTargetCache == nil { mergersByTargetCache = Dictionary(grouping: mergerList, by: \.target) }
        return mergersByTargetCache?[target] ?? []
    }

    /// The named merger recorded as `seq`.
    public func merger(seq: Int64) -> MergerFact? {
        if mergersBySeqCache == nil { mergersBySeqCache = Dictionary(mergerList.map { ($0.seq, $0) }) { a, _ in a } }
        return mergersBySeqCache?[seq]
    }

    func eventsInvolving(cached u: Int32) -> [StructuralEvent]? { eventsInvolvingCache[u] }
    func remember(_ events: [StructuralEvent], involving u: Int32) { eventsInvolvingCache[u] = events }

    /// Units that lie directly under `unit` on `date` or any later day they exist: what a
    /// dissolution on `date` would leave without a parent.
    public func unitsUnder(_ unit: Int32, onOrAfter date: CalendarDate) -> [Int32] {
        potentialChildren(of: unit).filter { child in
            let t = self[child]
            var days = [date.dayNumber] + t.parents.dropFirst().map(\.day).filter { $0 > date.dayNumber }
            if let established = t.established, established > date { days.append(established.dayNumber) }
            return days.contains { day in
                let d = CalendarDate(dayNumber: day)
                return t.isActive(at: d) && parent(of: child, at: d) == unit
            }
        }
    }

    /// The units at the top of the tree at `date` (no parent, or a parent not active).
    public func topUnits(at date: CalendarDate) -> [Int32] {
        all.filter { u in
            guard isActive(u, at: date) else { return false }
            guard let p = parent(of: u, at: date) else { return true }
            return !isActive(p, at: date)
        }.sorted { self[$0].id < self[$1].id }
    }
}
