import SocaiCore

/// The events a stream for one unit carries (`export --format cloudevents-lines --unit U`): those
/// whose subject is U or any unit ever under it, and mergers naming one of them.
///
/// It starts from the registry of the journal as loaded (every unit ever under U, whatever the
/// date) and grows as the stream goes on: a unit established, moved or merged into being under a
/// member becomes a member from that event on, with whatever is already under it. A unit that
/// comes under U after the stream started is carried from then on; its earlier events are not sent
/// again (run the export again from seq 1: `import` skips what it already holds).
struct UnitSubtree {
    private(set) var members: Set<UnitID>
    /// The root: a merger of U itself into a new unit does not put that unit under U.
    private let root: UnitID
    private let registry: Registry
    /// Parent → children named by events the stream saw (the registry knows the earlier ones).
    private var childrenSeen: [UnitID: [UnitID]] = [:]

    init(_ unit: Int32, registry: Registry) {
        self.registry = registry
        root = registry[unit].id
        members = Set(registry.everDescendants(of: unit).map { registry[$0].id })
    }

    /// Whether the stream carries `event`; notes the units it puts under a member.
    mutating func carries(_ event: EventEnvelope) -> Bool {
        switch event.payload {
        case .unitEstablished(let u):
            if let parent = u.parent { place(u.id, under: parent) }
        case .unitMoved(let m):
            place(event.subject, under: m.parent)
        case .merger(let m):
            if let new = m.newUnit {
                if let parent = new.parent {
                    place(m.into, under: parent)
                } else if m.from.contains(where: { $0 != root && members.contains($0) }) {
                    admit(m.into)
                }
            }
            if members.contains(m.into) || m.from.contains(where: members.contains) { return true }
        case .aggregateMerger(let a):
            if members.contains(a.scope) { return true }
        default:
            break
        }
        return members.contains(event.subject)
    }

    private mutating func place(_ child: UnitID, under parent: UnitID) {
        childrenSeen[parent, default: []].append(child)
        if members.contains(parent) { admit(child) }
    }

    /// Makes `unit` and everything known to be under it members.
    private mutating func admit(_ unit: UnitID) {
        var frontier = [unit]
        while let next = frontier.popLast() {
            guard members.insert(next).inserted else { continue }
            if let index = registry.index(of: next) {
                frontier += registry.everDescendants(of: index).dropFirst().map { registry[$0].id }
            }
            frontier += childrenSeen[next] ?? []
        }
    }
}
