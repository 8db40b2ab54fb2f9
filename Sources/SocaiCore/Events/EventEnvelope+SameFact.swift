extension EventPayload {
    /// Whether two payloads state the same fact. A correction names its event by id and by the
    /// seq that event has in the correction's own journal; seqs belong to a journal, so two copies
    /// of one correction (a district's, and the province's imported copy) differ in that seq and
    /// are still the same correction.
    public func statesSameFact(as other: EventPayload) -> Bool {
        if case .correction(var mine) = self, case .correction(var theirs) = other {
            mine.eventSeq = 0
            theirs.eventSeq = 0
            return mine == theirs
        }
        return self == other
    }
}

extension EventEnvelope {
    /// Whether `other` states the same fact: the same type, unit, effective date, data and source
    /// document. Where and when each copy was recorded (seq, recorded time, recorder, chain hash,
    /// origin) is set aside: this is what makes one id found in two journals one event (a report
    /// forwarded upward), and a retried `record --event-id` or a re-imported line "already
    /// recorded", rather than a conflict.
    public func statesSameFact(as other: EventEnvelope) -> Bool {
        subject == other.subject && effectiveDate == other.effectiveDate && sourceDocument == other.sourceDocument
            && payload.statesSameFact(as: other.payload)
    }
}
