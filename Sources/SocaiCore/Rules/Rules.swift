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

    /// Adds an event not yet folded (an import's earlier line): the registry sees its units; the
    /// rules forget what they computed.
    public func stage(_ event: EventEnvelope) {
        registry.stage(event)
        levels = LevelRule(registry)
        terms = TermRule(registry)
        flows = FlowRule(registry, terms: terms)
    }

    /// Corrections that applied, by the seq of the event they correct.
    public private(set) lazy var correctionsByTarget: [Int64: [CorrectionFact]] = {
        Dictionary(grouping: projection.corrections(knowledge).filter { $0.failure == nil }, by: \.target)
    }()

    /// The seq the answers reflect.
    public var throughSeq: Int64 { knowledge.isLatest ? projection.headSeq : min(knowledge.seq, projection.headSeq) }
}
