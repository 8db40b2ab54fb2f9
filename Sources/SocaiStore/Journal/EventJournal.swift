import SocaiCore

/// What every journal offers: read from a seq, append with an expected seq. The same contract
/// suite runs against `FileJournal` and `InMemoryJournal` (Tests/SocaiStoreTests).
public protocol EventJournal: Sendable {
    /// Streams committed events in seq order from `options.fromSeq`; `body` returns false to stop.
    @discardableResult
    func read(_ options: ReadOptions, _ body: (JournalRecord) -> Bool) throws(JournalError) -> ReadReport

    /// Appends all of `events` or none, returning once they are durable.
    func append(_ events: [PendingEvent], options: AppendOptions, now: Instant) throws(JournalError) -> AppendResult
}

extension FileJournal: EventJournal {}

extension Array where Element == PendingEvent {
    /// The events of one append with repeated ids taken out: an id is unique in a journal, so an
    /// identical repeat is the same fact (recorded once, reported as already recorded) and two
    /// different events under one id are refused, with the seq the first of them would have had.
    func withoutRepeatedIDs(firstSeq: Int64) throws(JournalError) -> (events: [PendingEvent], repeated: [EventID]) {
        var seen: [EventID: Int] = [:]
        var kept: [PendingEvent] = []
        var repeated: [EventID] = []
        for event in self {
            if let index = seen[event.id] {
                guard kept[index] == event else { throw .eventIDInUse(event.id, seq: firstSeq + Int64(index)) }
                repeated.append(event.id)
            } else {
                seen[event.id] = kept.count
                kept.append(event)
            }
        }
        return (kept, repeated)
    }
}

extension Array where Element == PendingItem {
    /// The same rule for a batch of items (`[PendingEvent].withoutRepeatedIDs`); `repeated` gives,
    /// for each repeat, the index in `items` of the event it repeats.
    func withoutRepeatedIDs(firstSeq: Int64) throws(JournalError) -> (items: [PendingItem], repeated: [Int]) {
        var seen: [EventKey: Int] = [:]
        seen.reserveCapacity(count)
        // Built only from the first repeat on: a batch without one is returned as it is.
        var kept: [PendingItem]?
        var repeated: [Int] = []
        for (offset, item) in enumerated() {
            let key = item.idKey
            if let index = seen[key] {
                if kept == nil { kept = Array(self[..<offset]) }
                guard kept![index].event == item.event else { throw .eventIDInUse(key.eventID, seq: firstSeq + Int64(index)) }
                repeated.append(index)
            } else if kept != nil {
                seen[key] = kept!.count
                kept!.append(item)
            } else {
                seen[key] = offset
            }
        }
        return (kept ?? self, repeated)
    }
}
