/// A flow event as read from the journal, before it is an `EventEnvelope`: what the fold needs,
/// without the allocations of a full envelope (its id stays 16 bytes, not a 36-character String).
///
/// Flows are nearly every line of a large journal; readers hand these to `ProjectionBuilder.apply(_:)`
/// directly, and build the envelope only when someone asks for it (`envelope`).
public struct FlowLine: Sendable, Equatable {
    public var seq: Int64
    public var id: EventKey
    public var subject: UnitID
    public var effectiveDate: CalendarDate
    public var recordedTime: Instant
    public var recordedBy: String
    public var sourceDocument: String?
    public var batch: BatchMark?
    /// Where the event was first recorded, when it came from another journal.
    public var origin: EventOrigin?
    public var flow: Flow

    public init(seq: Int64, id: EventKey, subject: UnitID, effectiveDate: CalendarDate, recordedTime: Instant,
                recordedBy: String, sourceDocument: String?, batch: BatchMark?, origin: EventOrigin? = nil, flow: Flow) {
        self.seq = seq
        self.id = id
        self.subject = subject
        self.effectiveDate = effectiveDate
        self.recordedTime = recordedTime
        self.recordedBy = recordedBy
        self.sourceDocument = sourceDocument
        self.batch = batch
        self.origin = origin
        self.flow = flow
    }

    public var envelope: EventEnvelope {
        EventEnvelope(seq: seq, id: id.eventID, subject: subject, effectiveDate: effectiveDate, recordedTime: recordedTime,
                      recordedBy: recordedBy, sourceDocument: sourceDocument, batch: batch, origin: origin, payload: .flow(flow))
    }
}

extension EventKey {
    /// Parses a canonical lowercase UUID's 32 hex digits straight from bytes.
    public init?(canonicalBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 36 else { return nil }
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        guard p[8] == 0x2D, p[13] == 0x2D, p[18] == 0x2D, p[23] == 0x2D else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0, bad: UInt8 = 0
        // Positions of the 32 hex digits, skipping the dashes.
        for i in 0..<36 where i != 8 && i != 13 && i != 18 && i != 23 {
            let b = p[i]
            var nibble: UInt8
            if b &- 0x30 < 10 { nibble = b &- 0x30 } else if b &- 0x61 < 6 { nibble = b &- 0x61 &+ 10 } else { nibble = 0; bad = 1 }
            if i < 19 { high = high &<< 4 | UInt64(nibble) } else { low = low &<< 4 | UInt64(nibble) }
        }
        guard bad == 0 else { return nil }
        self.init(high: high, low: low)
    }
}
