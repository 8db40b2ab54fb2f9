import SocaiCore

/// An import line that is a plain flow, read from its bytes (`PlainFlowLineReader`).
public struct PlainFlowLine: Sendable {
    public var request: PlainFlowRequest
    /// `source` and `by` as the line gives them (NFC), nil when it does not.
    public var source: String?
    public var by: String?
    /// The line's `event-id`, when it gives one in canonical form.
    public var eventID: EventKey?
}

/// Reads the import lines that are plain flows straight from their bytes, without a JSON tree or
/// a String per value: `{"type":"admission"|"arrival"|"departure","unit":ID,"date":"YYYY-MM-DD",
/// "count":N}` with optionally `"reason"` (a departure's code), `"since"`, `"source"`, `"by"` and
/// `"event-id"`, in any order, with JSON whitespace anywhere between tokens.
///
/// It answers only for lines whose meaning it is sure of: any other member, value form (an escape,
/// a Vietnamese type or reason, a count as text, a date as 31/12/2023, a unit by name, `null`), a
/// repeated member or a line that is not valid JSON gives nil, and the line goes to the general
/// reader (`ImportParser`), which gives today's meaning and messages.
public struct PlainFlowLineReader {
    private var units = ByteInterner<UnitID>()
    private var texts = ByteInterner<String>()
    private let normalise: (String) -> String

    /// `normalise`: NFC (the store imports no Foundation); called once per distinct non-ASCII text.
    public init(normalise: @escaping (String) -> String) {
        self.normalise = normalise
    }

    /// The departure reasons by their codes' bytes.
    private static let reasons: [(bytes: [UInt8], kind: FlowKind)] = FlowKind.allCases.compactMap { kind in kind.reason.map { (Array($0.utf8), kind) } }

    private enum Key: UInt16 {
        case type = 1, unit = 2, date = 4, count = 8, reason = 16, since = 32, source = 64, by = 128, eventID = 256
    }

    public mutating func read(_ line: UnsafeRawBufferPointer, number: Int) -> PlainFlowLine? {
        guard !line.isEmpty else { return nil }
        var s = ByteCursor(line)
        s.skipWhitespace()
        guard s.take(0x7B) else { return nil }
        var seen: UInt16 = 0
        var type: EventType?
        var unit: UnitID?
        var date: CalendarDate?
        var count = 0
        var reason: FlowKind?
        var since: CalendarDate?
        var source: String?
        var by: String?
        var eventID: EventKey?
        var length = 0
        while true {
            s.skipWhitespace()
            guard let name = Self.ascii(&s), let key = Self.key(name) else { return nil }
            guard seen & key.rawValue == 0 else { return nil }
            seen |= key.rawValue
            s.skipWhitespace()
            guard s.take(0x3A) else { return nil }
            s.skipWhitespace()
            switch key {
            case .type:
                guard let body = Self.ascii(&s) else { return nil }
                if Self.equals(body, "admission") { type = .admission } else if Self.equals(body, "arrival") { type = .arrival }
                else if Self.equals(body, "departure") { type = .departure } else { return nil }
            case .unit:
                guard let body = Self.ascii(&s), let id = units.value(body, make: { UnitID(String(decoding: $0, as: UTF8.self)) }) else { return nil }
                unit = id
                length += body.count
            case .date, .since:
                guard s.take(0x22), let day = s.isoDate(), s.take(0x22) else { return nil }
                if key == .date { date = day } else { since = day }
                length += 10
            case .count:
                let start = s.i
                guard let n = s.integer(), s.atValueEnd, n <= Int64(Int32.max) else { return nil }
                count = Int(n)
                length += s.i - start
            case .reason:
                guard let body = Self.ascii(&s) else { return nil }
                guard let kind = Self.reasons.first(where: { ByteInterner<Int>.equal(body, $0.bytes) })?.kind else { return nil }
                reason = kind
                length += body.count
            case .source, .by:
                guard s.peek == 0x22, case .plain(let range, let ascii)? = s.string() else { return nil }
                let normalise = self.normalise
                let text = texts.value(UnsafeRawBufferPointer(rebasing: line[range])) { bytes in
                    let text = String(decoding: bytes, as: UTF8.self)
                    return ascii ? text : normalise(text)
                }
                if key == .source { source = text } else { by = text }
            case .eventID:
                guard let body = Self.ascii(&s), let id = EventKey(canonicalBytes: body) else { return nil }
                eventID = id
            }
            s.skipWhitespace()
            if s.take(0x2C) { continue }
            guard s.take(0x7D) else { return nil }
            break
        }
        s.skipWhitespace()
        guard s.atEnd, let type, let unit, let date, seen & Key.count.rawValue != 0 else { return nil }
        let kind: FlowKind
        switch type {
        case .departure:
            guard let reason else { return nil }
            kind = reason
        default:
            guard reason == nil else { return nil }
            kind = type == .admission ? .admission : .arrival
        }
        let request = PlainFlowRequest(line: number, kind: kind, unit: unit, date: date, count: count, since: since, optionsLength: length)
        return PlainFlowLine(request: request, source: source, by: by, eventID: eventID)
    }

    /// A string of printable ASCII without escapes at the cursor: its body.
    @inline(__always)
    private static func ascii(_ s: inout ByteCursor) -> UnsafeRawBufferPointer? {
        guard s.take(0x22) else { return nil }
        let start = s.i
        guard let end = s.plainASCII() else { return nil }
        return UnsafeRawBufferPointer(rebasing: s.bytes[start..<end])
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && (bytes.isEmpty || ByteCursor.equal(bytes.baseAddress!, UnsafeRawPointer(text.utf8Start), bytes.count))
    }

    private static func key(_ name: UnsafeRawBufferPointer) -> Key? {
        if equals(name, "type") { return .type }
        if equals(name, "unit") { return .unit }
        if equals(name, "date") { return .date }
        if equals(name, "count") { return .count }
        if equals(name, "reason") { return .reason }
        if equals(name, "since") { return .since }
        if equals(name, "source") { return .source }
        if equals(name, "by") { return .by }
        if equals(name, "event-id") { return .eventID }
        return nil
    }
}
