/// Flows an import's fast path accepted but has not staged in `Rules` yet (`PlainFlowCheck`), in
/// seq order: what R7's warnings on a later flow look at besides the rules' staged events.
///
/// Staging builds an envelope and three index entries per event; a flow-heavy import keeps its
/// flows here instead and stages them only when a line that needs the general validation comes
/// (`staged(into:)`), so every line sees every earlier line, as before. Every seq here is above
/// every seq the rules have staged.
///
/// The flows sit in one array, chained by unit and by unit and day through indices, so adding
/// one allocates nothing of its own (a million flows over a few thousand units and days would
/// otherwise make a small array per key).
public struct UnstagedFlows: Sendable {
    /// What the warnings compare; the flows themselves are the batch's last items (`staged(into:)`).
    struct Entry: Sendable {
        var seq: Int64
        var day: Int32
        var since: Int32?
        var count: Int32
        var kind: FlowKind
        /// The next entry at the same unit and day, and at the same unit (-1: none).
        var nextSameDay: Int32 = -1
        var nextSameUnit: Int32 = -1
    }

    private var entries: [Entry] = []
    /// First and last entry by unit and day, and by unit.
    private var byUnitDay: [UnitDay: (first: Int32, last: Int32)] = [:]
    private var byUnit: [Int32: (first: Int32, last: Int32)] = [:]

    private struct UnitDay: Hashable {
        var unit: Int32
        var day: Int
    }

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ flow: PendingFlow, unit: Int32, seq: Int64) {
        let index = Int32(entries.count)
        entries.append(Entry(seq: seq, day: Int32(flow.effectiveDate.dayNumber), since: flow.flow.since.map { Int32($0.dayNumber) },
                             count: Int32(flow.flow.count), kind: flow.flow.kind))
        let key = UnitDay(unit: unit, day: flow.effectiveDate.dayNumber)
        if let chain = byUnitDay[key] {
            entries[Int(chain.last)].nextSameDay = index
            byUnitDay[key] = (chain.first, index)
        } else {
            byUnitDay[key] = (index, index)
        }
        if let chain = byUnit[unit] {
            entries[Int(chain.last)].nextSameUnit = index
            byUnit[unit] = (chain.first, index)
        } else {
            byUnit[unit] = (index, index)
        }
    }

    /// The first flow held at `unit` on `day` that `matches`.
    func first(at unit: Int32, day: Int, where matches: (Entry) -> Bool) -> Entry? {
        var next = byUnitDay[UnitDay(unit: unit, day: day)]?.first ?? -1
        while next >= 0 {
            let entry = entries[Int(next)]
            if matches(entry) { return entry }
            next = entry.nextSameDay
        }
        return nil
    }

    /// The flows held at `unit`, in seq order.
    func flows(at unit: Int32) -> [Entry] {
        var found: [Entry] = []
        var next = byUnit[unit]?.first ?? -1
        while next >= 0 {
            found.append(entries[Int(next)])
            next = entries[Int(next)].nextSameUnit
        }
        return found
    }

    /// Stages every flow held here in `rules` (recorded at `recordedTime`) and forgets them.
    /// `items`: the batch so far, which ends with these flows (a line that is not one stages
    /// them before it is added).
    public mutating func staged(into rules: Rules, recordedTime: Instant, from items: [PendingItem]) {
        for (entry, item) in zip(entries, items.suffix(entries.count)) {
            guard case .flow(let flow) = item else { preconditionFailure("the batch ends with the unstaged flows") }
            rules.stage(flow.event.envelope(seq: entry.seq, recordedTime: recordedTime, batch: nil))
        }
        self = UnstagedFlows()
    }
}
