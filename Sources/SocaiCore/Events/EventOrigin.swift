/// Where an event taken from another journal was first recorded: that journal's `source`, the
/// event's `seq` there and its `recordedtime` there (the `originsource`, `originseq` and
/// `origintime` attributes of the line that holds it here).
///
/// The importing journal gives the event its own seq, recorded time and chain hash, since its
/// chain covers only its own lines; the origin keeps the link back, so a committee can always say
/// which subordinate's journal, and which line of it, a fact came from. An event forwarded twice
/// (district → province → centre) keeps its first origin.
public struct EventOrigin: Sendable, Hashable {
    public var source: String
    public var seq: Int64
    public var recordedTime: Instant

    public init(source: String, seq: Int64, recordedTime: Instant) {
        self.source = source
        self.seq = seq
        self.recordedTime = recordedTime
    }
}
