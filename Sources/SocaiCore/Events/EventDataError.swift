/// A journal line whose `data` does not hold what its `type` requires.
public struct EventDataError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String
    /// The message for a clerk reading Vietnamese (the journal's own words stay English).
    public var messageVietnamese: String

    public init(field: String, message: String, vietnamese: String? = nil) {
        self.field = field
        self.message = message
        self.messageVietnamese = vietnamese ?? message
    }

    public var description: String { "data.\(field): \(message)" }

    public var text: LocalizedText {
        LocalizedText(en: description, vi: "data.\(field): \(messageVietnamese)")
    }

    static func missing(_ field: String) -> EventDataError {
        EventDataError(field: field, message: "missing", vietnamese: "thiếu")
    }

    static func invalid(_ field: String, _ value: JSONValue?) -> EventDataError {
        let shown = value.map { JSONWriter.string($0) } ?? "null"
        return EventDataError(field: field, message: "invalid value \(shown)", vietnamese: "giá trị không hợp lệ \(shown)")
    }
}

/// Typed reads of an event's `data`, failing with the field's name.
struct DataReader {
    let object: JSONObject
    private var seen: Set<String> = []

    init(_ object: JSONObject) { self.object = object }

    mutating func string(_ key: String) throws(EventDataError) -> String {
        guard let value = try optionalString(key) else { throw .missing(key) }
        return value
    }

    mutating func optionalString(_ key: String) throws(EventDataError) -> String? {
        seen.insert(key)
        guard let value = object[key] else { return nil }
        guard let text = value.string else { throw .invalid(key, value) }
        return text
    }

    mutating func integer(_ key: String) throws(EventDataError) -> Int {
        guard let value = try optionalInteger(key) else { throw .missing(key) }
        return value
    }

    mutating func optionalInteger(_ key: String) throws(EventDataError) -> Int? {
        seen.insert(key)
        guard let value = object[key] else { return nil }
        guard let n = value.integer, n >= 0, n <= Int64(Int32.max) else { throw .invalid(key, value) }
        return Int(n)
    }

    mutating func unit(_ key: String) throws(EventDataError) -> UnitID {
        guard let value = try optionalUnit(key) else { throw .missing(key) }
        return value
    }

    mutating func optionalUnit(_ key: String) throws(EventDataError) -> UnitID? {
        guard let text = try optionalString(key) else { return nil }
        guard let id = UnitID(text) else { throw .invalid(key, .string(text)) }
        return id
    }

    mutating func optionalDate(_ key: String) throws(EventDataError) -> CalendarDate? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = CalendarDate(isoText: text) else { throw .invalid(key, .string(text)) }
        return date
    }

    mutating func optionalObject(_ key: String) throws(EventDataError) -> JSONObject? {
        seen.insert(key)
        guard let value = object[key] else { return nil }
        guard let inner = value.object else { throw .invalid(key, value) }
        return inner
    }

    mutating func optionalValue(_ key: String) -> JSONValue? {
        seen.insert(key)
        return object[key]
    }

    /// Fails on a field the type does not define: in a v1 line it is damage or a newer writer.
    func finish() throws(EventDataError) {
        for key in object.keys where !seen.contains(key) {
            throw EventDataError(field: key, message: "unknown field for this event type", vietnamese: "loại sự kiện này không có trường này")
        }
    }
}

extension CalendarDate {
    /// Strict `YYYY-MM-DD`, the only form the journal stores.
    public init?(isoText text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
