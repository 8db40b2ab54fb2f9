/// One flow event (admission, arrival, departure) as the fold keeps it: a fixed-size row.
///
/// Flows are nearly all of a large journal, so they live in compact per-unit arrays sorted by
/// (date, seq) rather than as general records; everything a query or an audit line needs is here.
public struct FlowRow: Sendable, Hashable {
    // Fields are ordered so the row has no padding: snapshots copy rows as bytes, and padding
    // would carry whatever memory held before (non-deterministic files, leaked bytes).
    public var seq: Int64
    /// Recorded time in milliseconds since the epoch.
    public var recordedAt: Int64
    public var id: EventKey
    /// Effective date as `CalendarDate.dayNumber`.
    public var day: Int32
    public var count: Int32
    /// Interned `recordedby` and `sourcedoc` (see `Ledger.strings`).
    public var recordedBy: UInt32
    public var source: UInt32
    /// `FlowKind.rawValue`, stored as a plain byte so rows can be copied to and from snapshot
    /// bytes and checked, never trusted as an enum's memory.
    public var kindCode: UInt8
    public var flags: Flags
    private var reserved16: UInt16 = 0
    private var reserved32: UInt32 = 0

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let retracted = Flags(rawValue: 1)
        public static let corrected = Flags(rawValue: 2)
        /// The count covers a period; its first day is in `Ledger.periodStarts`.
        public static let hasPeriod = Flags(rawValue: 4)
    }

    public init(seq: Int64, recordedAt: Int64, id: EventKey, day: Int32, count: Int32, kind: FlowKind, flags: Flags,
                recordedBy: UInt32, source: UInt32) {
        self.seq = seq
        self.recordedAt = recordedAt
        self.id = id
        self.day = day
        self.count = count
        self.kindCode = kind.rawValue
        self.flags = flags
        self.recordedBy = recordedBy
        self.source = source
    }

    public var kind: FlowKind {
        get { FlowKind(rawValue: kindCode) ?? .admission }
        set { kindCode = newValue.rawValue }
    }

    public var isRetracted: Bool { flags.contains(.retracted) }
    public var date: CalendarDate { CalendarDate(dayNumber: Int(day)) }
    /// The signed effect on `members`: 0 once retracted.
    public var memberDelta: Int { isRetracted ? 0 : kind.memberSign * Int(count) }
}

/// An event id packed in 16 bytes, so a million flows do not carry a million Strings.
public struct EventKey: Sendable, Hashable {
    public let high: UInt64
    public let low: UInt64

    public init(_ id: EventID) {
        var high: UInt64 = 0, low: UInt64 = 0, count = 0
        var text = id.rawValue
        text.withUTF8 { bytes in
            for byte in bytes where byte != 0x2D {
                let nibble = UInt64(byte <= 0x39 ? byte &- 0x30 : byte &- 0x61 &+ 10)
                if count < 16 { high = high << 4 | nibble } else { low = low << 4 | nibble }
                count += 1
            }
        }
        self.high = high
        self.low = low
    }

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public var eventID: EventID {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for i in 0..<32 {
            if i == 8 || i == 12 || i == 16 || i == 20 { text.append(0x2D) }
            let word = i < 16 ? high : low
            let shift = UInt64(60 - 4 * (i % 16))
            text.append(hex[Int((word >> shift) & 0xF)])
        }
        return EventID(String(decoding: text, as: UTF8.self))!
    }
}
