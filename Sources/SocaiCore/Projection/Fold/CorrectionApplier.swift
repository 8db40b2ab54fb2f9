/// Applies a correction's `--set FIELD=VALUE` fields to an event's data.
///
/// The fields use the corrected event's own data names (`count`, `reason`, `name`), with a dot
/// for entries of its objects (`figures.members`, `targets.admissions`, `printed.excellent-share`),
/// and `date` for the effective date; a value of null removes an optional field or entry.
public enum CorrectionApplier {
    public struct Failure: Error, Sendable, Hashable {
        public var text: LocalizedText
        public var message: String { text.en }
    }

    public static func apply(_ fields: JSONObject, to payload: EventPayload,
                             date: CalendarDate) -> Result<(EventPayload, CalendarDate), Failure> {
        var data = payload.data
        var newDate = date
        for (field, value) in fields {
            if field == "date" {
                guard let text = value.string, let parsed = CalendarDate(isoText: text) else {
                    return .failure(Failure(text: LocalizedText(en: "date must be an ISO date (2023-12-31)", vi: "date phải là ngày dạng ISO (2023-12-31)")))
                }
                newDate = parsed
                continue
            }
            if let dot = field.firstIndex(of: ".") {
                let outer = String(field[..<dot])
                let inner = String(field[field.index(after: dot)...])
                var object = data[outer]?.object ?? JSONObject()
                object[inner] = value == .null ? nil : value
                data[outer] = object.isEmpty ? nil : .object(object)
            } else {
                data[field] = value == .null ? nil : value
            }
        }
        do {
            return .success((try EventPayload(type: payload.type, data: data), newDate))
        } catch {
            return .failure(Failure(text: error.text))
        }
    }
}
