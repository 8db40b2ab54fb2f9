/// One event of a journal read for a union, in the form the reader decoded it: a flow in its
/// compact form (nearly every line of a large journal), anything else as an envelope.
///
/// A union holds every event of every journal until it has merged them, so the size of one item
/// is the union's memory: an envelope (408 bytes inline) is boxed, and an item is the size of a
/// flow line (232 bytes, not 408: 0.5 GB less at 3M events, BENCHMARKS.md "A union of journals").
public enum UnionItem: Sendable {
    case flow(FlowLine)
    indirect case event(EventEnvelope)

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
