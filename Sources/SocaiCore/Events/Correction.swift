/// A correction of an earlier event, which itself is never edited or deleted.
///
/// It names the event by id (and by seq, resolved when recorded, so the fold finds it without an
/// index of every id) and either retracts it or replaces some of its fields.
public struct Correction: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case retract
        /// Replacement data fields, in the target type's own field names (`count`, `figures.members`)
        /// plus `date` for its effective date.
        case set(JSONObject)
    }

    public var event: EventID
    public var eventSeq: Int64
    public var reason: String
    public var action: Action

    public init(event: EventID, eventSeq: Int64, reason: String, action: Action) {
        self.event = event
        self.eventSeq = eventSeq
        self.reason = reason
        self.action = action
    }
}
