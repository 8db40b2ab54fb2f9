/// The rules of DECISIONS.md over one projection and one state of knowledge: what every query,
/// check and validation asks. Built once per question; each rule remembers what it computed.
public final class Rules {
    public let projection: Projection
    public let knowledge: Knowledge
    public let registry: Registry
    public private(set) var levels: LevelRule
    public private(set) var terms: TermRule
    public private(set) var flows: FlowRule

    public init(_ projection: Projection, knowledge: Knowledge = .latest) {
        self.projection = projection
        self.knowledge = knowledge
        registry = Registry(projection, knowledge: knowledge)
        levels = LevelRule(registry)
        terms = TermRule(registry)
        flows = FlowRule(registry, terms: terms)
    }

    /// Events staged (validated, not yet in the journal), by seq: what a later line of an import may correct.
    private var staged: [Int64: EventEnvelope] = [:]
    /// The same events by subject, in seq order: what the warnings of a later line compare with
    /// (the same fact twice, a second rating, a level taken below zero).
    private var stagedBySubject: [UnitID: [EventEnvelope]] = [:]
    /// Staged flows by unit and day: the same flow twice is looked up once per line.
    private var stagedFlowsByDay: [StagedDay: [EventEnvelope]] = [:]
    private struct StagedDay: Hashable {
        let unit: UnitID
        let day: Int
    }

    /// Adds an event not yet folded (an import's earlier line): the registry sees its units and a
    /// later correction finds it; the rules forget what they computed (flows only need finding).
    public func stage(_ event: EventEnvelope) {
        staged[event.seq] = event
        stagedBySubject[event.subject, default: []].append(event)
        if event.type.isFlow {
            stagedFlowsByDay[StagedDay(unit: event.subject, day: event.effectiveDate.dayNumber), default: []].append(event)
        }
        guard !event.type.isFlow else { return }
        registry.stage(event)
        levels = LevelRule(registry)
        terms = TermRule(registry)
        flows = FlowRule(registry, terms: terms)
    }

    /// The events staged about `unit` (its subject), in seq order.
    public func staged(at unit: UnitID) -> [EventEnvelope] { stagedBySubject[unit] ?? [] }

    /// The flows staged at `unit` on `date`, in seq order.
    public func stagedFlows(at unit: UnitID, on date: CalendarDate) -> [EventEnvelope] {
        stagedFlowsByDay[StagedDay(unit: unit, day: date.dayNumber)] ?? []
    }

    /// The units that staged events are about.
    public var stagedSubjects: Dictionary<UnitID, [EventEnvelope]>.Keys { stagedBySubject.keys }

    /// The seq the next event appended after the journal and the staged events will get (what a
    /// warning names when it shows the correction to make).
    public var nextSeq: Int64 { max(projection.headSeq, staged.keys.max() ?? 0) + 1 }

    /// The event with `id` as it stands (a staged one first).
    public func locate(_ id: EventID) -> LocatedEvent? {
        if let event = staged.values.first(where: { $0.id == id }) { return located(event) }
        return projection.locate(id)
    }

    /// The event with `seq` as it stands (a staged one first).
    public func locate(seq: Int64) -> LocatedEvent? {
        if let event = staged[seq] { return located(event) }
        return projection.locate(seq: seq)
    }

    /// The seq of the event with `id` (a staged one first), retracted or not.
    public func seq(of id: EventID) -> Int64? { staged.values.first { $0.id == id }?.seq ?? projection.seq(of: id) }

    /// The seq of the correction that retracted event `seq`, if one did (staged ones included).
    public func retraction(of seq: Int64) -> Int64? {
        let staging = staged.values.filter {
            if case .correction(let c) = $0.payload, c.eventSeq == seq, case .retract = c.action { return true }
            return false
        }
        return staging.map(\.seq).min() ?? corrections(of: seq).first { fact in
            if case .retract? = fact.correction?.action { return true }
            return false
        }?.seq
    }

    /// The id of the event with `seq`.
    public func eventID(seq: Int64) -> EventID? { staged[seq]?.id ?? projection.eventID(seq: seq) }

    private func located(_ event: EventEnvelope) -> LocatedEvent {
        LocatedEvent(seq: event.seq, subject: event.subject, date: event.effectiveDate, payload: event.payload)
    }

    /// Corrections that applied, by the seq of the event they correct.
    public func corrections(of seq: Int64) -> [CorrectionFact] {
        if let known = correctionsOf[seq] { return known }
        let found = projection.corrections(of: seq, knowledge).filter { $0.failure == nil }
        correctionsOf[seq] = found
        return found
    }
    private var correctionsOf: [Int64: [CorrectionFact]] = [:]

    /// The seq the answers reflect.
    public var throughSeq: Int64 { knowledge.isLatest ? projection.headSeq : min(knowledge.seq, projection.headSeq) }
}
