/// What the journal knew: the events with seq ≤ `seq`, with the corrections among them applied
/// (SEMANTICS §1, DECISIONS R0). Every row of a projection carries the range of seqs during which
/// it was the fact in force, `[validFrom, validTo)`, so "as known at" is a filter, never a refold.
public struct Knowledge: Sendable, Hashable {
    public let seq: Int64

    public init(seq: Int64) { self.seq = seq }

    /// Everything recorded (every seq a journal can hold is below it).
    public static let latest = Knowledge(seq: .max - 1)

    public var isLatest: Bool { seq == .max - 1 }

    /// Whether a row valid over `[from, to)` is in force.
    @inlinable public func holds(_ from: Int64, _ to: Int64) -> Bool { from <= seq && seq < to }
}

/// The end of a row's validity when nothing has superseded it.
public let validForever = Int64.max
