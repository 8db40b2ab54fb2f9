/// The rows a fold collects before it lays them out as an image. One struct per table; each
/// carries the seq range during which it is the fact in force (`Knowledge`).

/// One step of a unit's timeline.
struct FactRow {
    enum Kind: UInt8 {
        case established = 0, name, alias, kind, setting, parent, merged, dissolved
    }
    var unit: Int32
    var day: Int32
    var seq: Int64
    var kind: Kind
    /// A string, a unit index, a `UnitKind`/`UnitSetting` position, or -1 for "none".
    var value: Int64
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
    /// For names and aliases: the folded search key (`TextFolding.searchKey`), so lookups never fold
    /// every name of a large registry again.
    var folded: UInt32 = 0
}

/// A merger of named units (the handovers and the counts it changes).
struct MergerRow {
    var seq: Int64
    var day: Int32
    var target: Int32
    var targetIsNew: Bool
    var sources: [Int32]
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
}

/// Merger totals (`--in sop-cop --of village --before 128 --after 101`).
struct AggregateRow {
    var seq: Int64
    var day: Int32
    var scope: Int32
    var kind: UInt8
    var change: Int32
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
}

/// A level figure a conference stated.
struct LevelRow {
    var unit: Int32
    var key: FigureCode
    var day: Int32
    var seq: Int64
    var value: FigureValue
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
}

/// A flow total a conference stated for a period (or for its term up to its date).
struct FlowReportRow {
    var unit: Int32
    var key: FigureCode
    /// `Int32.min` when the period is "the conference's term up to its date" (resolved per query).
    var from: Int32
    var to: Int32
    var term: UInt32
    var value: FigureValue
    var seq: Int64
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
}

/// A conference, for terms (congress dates, labels) and targets.
struct ConferenceRow {
    var unit: Int32
    var day: Int32
    var asOf: Int32
    var kind: UInt8
    var term: UInt32
    var seq: Int64
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
}

/// A rating, by unit, year and subject.
struct RatingRow {
    var unit: Int32
    var year: Int32
    var subject: UInt8
    var day: Int32
    var seq: Int64
    var validFrom: Int64
    var validTo: Int64 = validForever
    var record: UInt32
}

/// One version of a non-flow event (or of a flow that carries printed percentages).
struct RecordRow {
    var seq: Int64
    var type: UInt8
    var subject: Int32
    var day: Int32
    var recordedAt: Int64
    var id: EventKey
    var recorder: UInt32
    var source: UInt32
    var dataOffset: UInt64
    var dataLength: UInt32
    var validFrom: Int64
    var validTo: Int64 = validForever
    /// Bit 0: this version is a retraction (shown, never applied); bit 1: corrected.
    var flags: UInt8
}

/// A correction as the fold applied it.
struct CorrectionRow {
    var seq: Int64
    var target: Int64
    var targetUnit: Int32
    var recordedAt: Int64
    var id: EventKey
    var recorder: UInt32
    var source: UInt32
    /// The correction's own data (event, reason, set or retract) as JSON text.
    var data: UInt32
    /// What the corrected event said just before ("date D {json}"), or 0.
    var previous: UInt32
    /// Why it could not be applied ("en\u{1F}vi"), or 0.
    var failure: UInt32
}

/// A later version of a flow event (a correction changed or retracted it).
struct FlowVersionRow {
    var unit: Int32
    var day: Int32
    var seq: Int64
    var count: Int32
    var kind: UInt8
    var flags: UInt8
    var since: Int32
    var recordedAt: Int64
    var id: EventKey
    var source: UInt32
    var recorder: UInt32
    var validFrom: Int64
    var validTo: Int64 = validForever
}

/// Flags of a flow row.
enum FlowFlag {
    /// This version retracts the event: it is shown, never counted.
    static let retracted: UInt8 = 1
    /// A correction touched this event.
    static let corrected: UInt8 = 2
    /// The count covers a period starting on `since`.
    static let hasSince: UInt8 = 4
    /// The row's validity is not simply `[seq, ∞)`: see the version columns.
    static let versioned: UInt8 = 8
}

/// Texts interned once per image; index 0 is the empty string.
struct StringInterner {
    private(set) var strings: [String] = [""]
    private var index: [String: UInt32] = ["": 0]
    private var last: (text: String, index: UInt32) = ("", 0)

    mutating func intern(_ text: String) -> UInt32 {
        if text == last.text { return last.index }
        let i: UInt32
        if let existing = index[text] { i = existing } else {
            i = UInt32(strings.count)
            strings.append(text)
            index[text] = i
        }
        last = (text, i)
        return i
    }
}
