/// Flows an import's fast path accepted but has not staged in `Rules` yet (`PlainFlowCheck`), in
/// seq order: what R7's warnings on a later flow look at besides the rules' staged events.
///
/// Staging builds an envelope and three index entries per event; a flow-heavy import keeps its
/// flows here instead (a few words each) and stages them only when a line that needs the general
/// validation comes (`staged(into:)`), so every line sees every earlier line, as before. Every seq
/// here is above every seq the rules have staged.
public struct UnstagedFlows: Sendable {
    struct Entry: Sendable {
        var seq: Int64
        var day: Int
        var kind: FlowKind
        var count: Int
        var since: CalendarDate?
    }

    /// By unit index and day: the same flow twice is one lookup.
    private var byUnitDay: [UnitDay: [Entry]] = [:]
    /// By unit index, for the below-zero sum over a holder's descendants.
    private var byUnit: [Int32: [Entry]] = [:]
    /// What to stage, in seq order.
    private var pending: [(seq: Int64, flow: PendingFlow)] = []

    private struct UnitDay: Hashable {
        var unit: Int32
        var day: Int
    }

    public init() {}

    public var isEmpty: Bool { pending.isEmpty }

    /// The seq after the last flow held here (nil when empty).
    var nextSeq: Int64? { pending.last.map { $0.seq + 1 } }

    mutating func add(_ flow: PendingFlow, unit: Int32, seq: Int64) {
        let entry = Entry(seq: seq, day: flow.effectiveDate.dayNumber, kind: flow.flow.kind, count: flow.flow.count, since: flow.flow.since)
        byUnitDay[UnitDay(unit: unit, day: entry.day), default: []].append(entry)
        byUnit[unit, default: []].append(entry)
        pending.append((seq, flow))
    }

    /// The first flow held at `unit` on `day` that `matches`.
    func first(at unit: Int32, day: Int, where matches: (Entry) -> Bool) -> Entry? {
        byUnitDay[UnitDay(unit: unit, day: day)]?.first(where: matches)
    }

    /// The flows held at `unit`.
    func flows(at unit: Int32) -> [Entry] { byUnit[unit] ?? [] }

    /// Stages every flow held here in `rules` (recorded at `recordedTime`) and forgets them.
    public mutating func staged(into rules: Rules, recordedTime: Instant) {
        for (seq, flow) in pending {
            rules.stage(flow.event.envelope(seq: seq, recordedTime: recordedTime, batch: nil))
        }
        self = UnstagedFlows()
    }
}
