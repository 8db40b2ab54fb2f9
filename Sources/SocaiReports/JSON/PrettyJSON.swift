import SocaiCore

/// JSON for people and scripts alike: two-space indentation, keys in the order built, one
/// document ending with a newline.
public enum PrettyJSON {
    public static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch value {
        case .array(let values) where !values.isEmpty:
            if values.allSatisfy({ if case .array = $0 { return false }; if case .object = $0 { return false }; return true }) {
                out += JSONWriter.string(value)
                return
            }
            out += "[\n"
            for (i, element) in values.enumerated() {
                out += inner
                write(element, indent: indent + 1, into: &out)
                out += i == values.count - 1 ? "\n" : ",\n"
            }
            out += pad + "]"
        case .object(let object) where !object.isEmpty:
            out += "{\n"
            for (i, entry) in object.entries.enumerated() {
                out += inner + JSONWriter.string(.string(entry.key)) + ": "
                write(entry.value, indent: indent + 1, into: &out)
                out += i == object.count - 1 ? "\n" : ",\n"
            }
            out += pad + "}"
        default:
            out += JSONWriter.string(value)
        }
    }
}

extension JSONValue {
    /// A percentage for JSON: a number with two decimals (117.25), as the contract says.
    public static func percent(_ value: FixedDecimal?) -> JSONValue {
        guard let value else { return .null }
        let two = value.scale >= 2 ? value : value.rescaled(to: 2)
        return .decimal(two.description)
    }

    public static func optionalInteger(_ value: Int?) -> JSONValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    public static func optionalString(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }
}
