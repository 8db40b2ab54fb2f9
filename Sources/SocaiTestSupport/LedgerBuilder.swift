import SocaiCore

/// Builds a ledger in memory by recording events the way `socai record` does (through
/// `EventBuilder`, so they are validated), with a controllable recording clock.
public struct LedgerBuilder {
    public private(set) var ledger = Ledger()
    /// Every event folded so far, in seq order (to fold prefixes, or feed a journal).
    public private(set) var events: [EventEnvelope] = []
    /// The recording time of the next event; advanced one second per event unless set.
    public var now = Instant.parseRFC3339("2024-06-01T08:00:00Z")!
    public var today: CalendarDate { now.dateInVietnam }
    private var generator = SeededGenerator(seed: 7)

    public init() {}

    /// Records one event; `options` are `(name, value)` pairs as on the command line.
    /// Fails the test's expectation by returning the issues when it is invalid.
    @discardableResult
    public mutating func record(_ type: String, _ options: [(String, String)], by: String = "tester",
                                source: String? = nil) -> Result<EventEnvelope, ValidationFailure> {
        let request = RecordRequest(type: type, options: options.map { RecordRequest.Option($0.0, $0.1) })
        let context = RecordContext(today: today, recordedBy: by, source: source,
                                    eventID: EventID.version7(at: now, using: &generator))
        switch EventBuilder.build(request, view: LedgerView(ledger), context: context) {
        case .success(let built):
            let envelope = built.event.envelope(seq: ledger.headSeq + 1, recordedTime: now, batch: nil)
            ledger.apply(envelope)
            events.append(envelope)
            now = Instant(millisecondsSinceEpoch: now.millisecondsSinceEpoch + 1000)
            return .success(envelope)
        case .failure(let failure):
            return .failure(failure)
        }
    }

    /// Records an event that must be valid, returning it.
    @discardableResult
    public mutating func must(_ type: String, _ options: [(String, String)], source: String? = nil) -> EventEnvelope {
        switch record(type, options, source: source) {
        case .success(let event): return event
        case .failure(let failure):
            preconditionFailure("invalid \(type): \(failure.issues.map { $0.message.en })")
        }
    }

    public var view: LedgerView { LedgerView(ledger) }

    /// The ledger as known at `instant`: the fold of the events recorded by then.
    public func known(at instant: Instant) -> Ledger {
        var prefix = Ledger()
        for event in events where event.recordedTime <= instant { prefix.apply(event) }
        return prefix
    }
}

public extension CalendarDate {
    /// `CalendarDate("2021-03-01")` for tests.
    init(_ iso: String) { self.init(isoText: iso)! }
}
