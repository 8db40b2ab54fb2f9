import SocaiCore

/// Builds a journal's events in memory by recording them the way `socai record` does (through
/// `EventBuilder`, so they are validated), with a controllable recording clock, and folds them
/// into a projection.
public struct LedgerBuilder {
    /// Every event recorded so far, in seq order (to fold prefixes, or feed a journal).
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
        switch EventBuilder.build(request, rules: view, context: context) {
        case .success(let built):
            let envelope = built.event.envelope(seq: Int64(events.count + 1), recordedTime: now, batch: nil)
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

    /// The projection of every event recorded so far.
    public var projection: Projection { LedgerBuilder.fold(events) }

    /// The rules over everything recorded so far.
    public var view: Rules { Rules(projection) }

    /// The rules as known at `instant`, through socai's own `--known-at` (the knowledge filter).
    public func known(at instant: Instant) -> Rules {
        let seq = events.last { $0.recordedTime <= instant }?.seq ?? 0
        return Rules(projection, knowledge: Knowledge(seq: seq))
    }

    /// The rules over only the events recorded by `instant`: a fold of that prefix, what
    /// `known(at:)` must agree with.
    public func prefix(at instant: Instant) -> Rules {
        Rules(LedgerBuilder.fold(events.filter { $0.recordedTime <= instant }))
    }

    /// The projection of `events` (in seq order).
    public static func fold(_ events: [EventEnvelope]) -> Projection {
        var builder = ProjectionBuilder()
        for event in events { builder.apply(event) }
        return Projection(builder)
    }
}

public extension CalendarDate {
    /// `CalendarDate("2021-03-01")` for tests.
    init(_ iso: String) { self.init(isoText: iso)! }
}
