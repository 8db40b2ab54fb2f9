/// One event as the journal holds it: the CloudEvents attributes socai uses, and the payload.
///
/// `effectiveDate` is when it happened (CloudEvents `time`, a Vietnam calendar date);
/// `recordedTime` is when it was written (`recordedtime`, UTC, never decreasing along `seq`).
public struct EventEnvelope: Sendable, Hashable {
    public var seq: Int64
    public var id: EventID
    public var subject: UnitID
    public var effectiveDate: CalendarDate
    public var recordedTime: Instant
    public var recordedBy: String
    /// The document the fact comes from: file or title, and a short quote.
    public var sourceDocument: String?
    /// Set on the lines of a multi-event batch, so a batch cut by a crash is recognised whole.
    public var batch: BatchMark?
    /// Where an event imported from another journal was first recorded (nil for events recorded here).
    public var origin: EventOrigin?
    public var payload: EventPayload

    public init(seq: Int64, id: EventID, subject: UnitID, effectiveDate: CalendarDate, recordedTime: Instant,
                recordedBy: String, sourceDocument: String? = nil, batch: BatchMark? = nil, origin: EventOrigin? = nil,
                payload: EventPayload) {
        self.seq = seq
        self.id = id
        self.subject = subject
        self.effectiveDate = effectiveDate
        self.recordedTime = recordedTime
        self.recordedBy = recordedBy
        self.sourceDocument = sourceDocument
        self.batch = batch
        self.origin = origin
        self.payload = payload
    }

    public var type: EventType { payload.type }
}

/// "Line i of a batch of n": a batch is committed when its line n is present.
public struct BatchMark: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 2, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }
}

/// An event not yet in the journal: everything but `seq`, `recordedTime` and the batch mark,
/// which the journal assigns under its lock.
public struct PendingEvent: Sendable, Hashable {
    public var id: EventID
    public var subject: UnitID
    public var effectiveDate: CalendarDate
    public var recordedBy: String
    public var sourceDocument: String?
    /// Set on an event imported from another journal's lines (`import --format cloudevents-lines`).
    public var origin: EventOrigin?
    public var payload: EventPayload

    public init(id: EventID, subject: UnitID, effectiveDate: CalendarDate, recordedBy: String,
                sourceDocument: String? = nil, origin: EventOrigin? = nil, payload: EventPayload) {
        self.id = id
        self.subject = subject
        self.effectiveDate = effectiveDate
        self.recordedBy = recordedBy
        self.sourceDocument = sourceDocument
        self.origin = origin
        self.payload = payload
    }

    public func envelope(seq: Int64, recordedTime: Instant, batch: BatchMark?) -> EventEnvelope {
        EventEnvelope(seq: seq, id: id, subject: subject, effectiveDate: effectiveDate, recordedTime: recordedTime,
                      recordedBy: recordedBy, sourceDocument: sourceDocument, batch: batch, origin: origin, payload: payload)
    }
}
