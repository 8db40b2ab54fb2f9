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
