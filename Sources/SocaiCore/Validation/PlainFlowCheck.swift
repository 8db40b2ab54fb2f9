/// An import line that is a plain flow (admission, arrival or departure with a unit id, an ISO
/// date, a whole count, and optionally a reason code and an ISO `since`), as read from its bytes.
public struct PlainFlowRequest: Sendable {
    public var line: Int
    public var kind: FlowKind
    public var unit: UnitID
    public var date: CalendarDate
    public var count: Int
    public var since: CalendarDate?
    /// The characters of the option values together (unit, date, count, reason, since), as
    /// `TextBounds.event` counts them.
    public var optionsLength: Int

    public init(line: Int, kind: FlowKind, unit: UnitID, date: CalendarDate, count: Int, since: CalendarDate?, optionsLength: Int) {
        self.line = line
        self.kind = kind
        self.unit = unit
        self.date = date
        self.count = count
        self.since = since
        self.optionsLength = optionsLength
    }
}

/// An import's fast path for flows: accepts a plain flow that `EventBuilder` would accept, with
/// the same warnings (one implementation of them: `FlowWarnings`), without building a request,
/// an envelope or a String per line. Whatever it is not sure of (any error, a bound it cannot
/// judge from byte counts) it leaves to `EventBuilder`, which then gives today's messages: the
/// fast path never refuses a line and never accepts one the general validation would refuse.
public enum PlainFlowCheck {
    /// The flow and its warnings, or nil when `EventBuilder` must decide. `seq`: the seq the flow
    /// will get (every earlier accepted line has one); an accepted flow is added to `unstaged`.
    public static func accept(_ request: PlainFlowRequest, rules: Rules, context: RecordContext, id: EventKey,
                              seq: Int64, unstaged: inout UnstagedFlows) -> (flow: PendingFlow, warnings: [ValidationIssue])? {
        let registry = rules.registry
        guard let unit = registry.index(of: request.unit) else { return nil }
        let timeline = registry[unit]
        guard timeline.established != nil, request.unit != context.reportsTo, timeline.isActive(at: request.date),
              (1...Int(Int32.max)).contains(request.count), context.allowFuture || request.date <= context.today else { return nil }
        if let since = request.since {
            guard since <= request.date, timeline.isActive(at: since) else { return nil }
        }
        // Bytes bound characters from above: within the bounds in bytes is within them in characters.
        let source = context.source?.utf8.count ?? 0, by = context.recordedBy.utf8.count
        guard source <= TextBounds.source, by <= TextBounds.recordedBy,
              request.optionsLength + source + by <= TextBounds.event else { return nil }
        let flow = Flow(kind: request.kind, count: request.count, since: request.since)
        var warnings: [ValidationIssue] = []
        if let same = FlowWarnings.sameFlow(rules, unit, request.date, flow, eventIDGiven: context.eventIDGiven, unstaged: unstaged,
                                            nextSeq: seq, line: request.line) {
            warnings.append(same)
        }
        if let below = FlowWarnings.belowZero(rules, unit, request.date, request.kind, request.count, unstaged: unstaged,
                                              nextSeq: seq, line: request.line) {
            warnings.append(below)
        }
        let pending = PendingFlow(id: id, subject: timeline.id, effectiveDate: request.date, recordedBy: context.recordedBy,
                                  sourceDocument: context.source, flow: flow)
        unstaged.add(pending, unit: unit, seq: seq)
        return (pending, warnings)
    }
}
