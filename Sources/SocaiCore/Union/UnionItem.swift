/// One event of a journal read for a union, in the form the reader decoded it: a flow in its
/// compact form (nearly every line of a large journal), anything else as an envelope.
public enum UnionItem: Sendable {
    case flow(FlowLine)
    case event(EventEnvelope)

    public var seq: Int64 {
        switch self {
        case .flow(let f): f.seq
        case .event(let e): e.seq
        }
    }

    public var recordedTime: Instant {
        switch self {
        case .flow(let f): f.recordedTime
        case .event(let e): e.recordedTime
        }
    }

    public var key: EventKey {
        switch self {
        case .flow(let f): f.id
        case .event(let e): EventKey(e.id)
        }
    }

    public var envelope: EventEnvelope {
        switch self {
        case .flow(let f): f.envelope
        case .event(let e): e
        }
    }
}
