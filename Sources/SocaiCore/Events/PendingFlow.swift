/// A flow not yet in the journal, kept as small as the fold keeps one (`FlowLine`): its id packed
/// in 16 bytes and no payload tree, so an import of a million flows holds a million of these, not
/// a million `PendingEvent`s. Like `PendingEvent`, it lacks what the journal assigns under its lock
/// (seq, recorded time, batch mark). Only flows without printed percentages take this form.
public struct PendingFlow: Sendable, Hashable {
    public var id: EventKey
    public var subject: UnitID
    public var effectiveDate: CalendarDate
    public var recordedBy: String
    public var sourceDocument: String?
    public var flow: Flow

    public init(id: EventKey, subject: UnitID, effectiveDate: CalendarDate, recordedBy: String, sourceDocument: String?, flow: Flow) {
        self.id = id
        self.subject = subject
        self.effectiveDate = effectiveDate
        self.recordedBy = recordedBy
        self.sourceDocument = sourceDocument
        self.flow = flow
    }

    /// The same event in its general form (a dry run's listing, staging it for a later line).
    public var event: PendingEvent {
        PendingEvent(id: id.eventID, subject: subject, effectiveDate: effectiveDate, recordedBy: recordedBy,
                     sourceDocument: sourceDocument, payload: .flow(flow))
    }

    /// The line the journal reader makes of it once written: what the writer's read-back compares with.
    public func line(seq: Int64, recordedTime: Instant, batch: BatchMark?) -> FlowLine {
        FlowLine(seq: seq, id: id, subject: subject, effectiveDate: effectiveDate, recordedTime: recordedTime,
                 recordedBy: recordedBy, sourceDocument: sourceDocument, batch: batch, flow: flow)
    }
}

/// One event of a batch to append: any event, or a flow in its compact form.
public enum PendingItem: Sendable, Hashable {
    // Boxed: most items of a large batch are flows, so the array holds flow-sized values.
    indirect case event(PendingEvent)
    case flow(PendingFlow)

    public var event: PendingEvent {
        switch self {
        case .event(let event): event
        case .flow(let flow): flow.event
        }
    }

    public var idKey: EventKey {
        switch self {
        case .event(let event): EventKey(event.id)
        case .flow(let flow): flow.id
        }
    }
}
