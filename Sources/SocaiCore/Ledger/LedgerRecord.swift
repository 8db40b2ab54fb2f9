/// A non-flow event as the fold keeps it: the payload in force (after corrections), the original,
/// and whether it was retracted.
public struct LedgerRecord: Sendable, Hashable {
    public var seq: Int64
    public var id: EventID
    public var subject: UnitID
    /// The effective date in force (a correction may move it).
    public var date: CalendarDate
    public var recordedTime: Instant
    public var recordedBy: String
    public var sourceDocument: String?
    /// The payload in force: the original with every correction recorded so far applied.
    public var payload: EventPayload
    public var isRetracted: Bool = false
    /// Seqs of the corrections applied to this record, in order.
    public var corrections: [Int64] = []

    public var type: EventType { payload.type }
    public var isCorrected: Bool { !corrections.isEmpty }
}

/// A correction as the fold applied it, with what the corrected event said before it.
public struct CorrectionRecord: Sendable, Hashable {
    public var seq: Int64
    public var id: EventID
    public var recordedTime: Instant
    public var recordedBy: String
    public var sourceDocument: String?
    public var correction: Correction
    /// The corrected event's date and data just before this correction applied.
    public var previousDate: CalendarDate?
    public var previousData: JSONObject?
    /// Why the fold could not apply it (a target that does not exist, a field that does not fit).
    public var failure: LocalizedText?
}
