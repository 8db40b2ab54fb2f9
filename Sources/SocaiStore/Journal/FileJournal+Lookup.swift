import SocaiCore

extension FileJournal {
    /// The last committed event (seq 0 and the genesis hash for an empty journal).
    public func head() throws(JournalError) -> JournalHead {
        try tail(verifyHead: false).head
    }

    /// The stored events with these ids, found by their bytes (lines are not decoded unless their
    /// id is one of them): how an import tells an event already recorded from a new one, and finds
    /// the seq a correction must name here.
    public func events(withIDs ids: Set<EventID>) throws(JournalError) -> [EventID: EventEnvelope] {
        guard !ids.isEmpty else { return [:] }
        return try findEvents(withIDs: ids, segments: try segments())
    }
}
