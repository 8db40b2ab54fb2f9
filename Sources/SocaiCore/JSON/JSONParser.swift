/// A strict JSON (RFC 8259) parser over UTF-8 bytes.
///
/// Strict because a journal line that parses "leniently" is a line whose damage went unnoticed:
/// invalid UTF-8, control characters in strings, lone surrogates, trailing bytes and nesting
/// deeper than 64 levels are all errors, with the byte offset where they were found.
public struct JSONParser {
    private let bytes: UnsafeRawBufferPointer
    private var index: Int = 0
    private var depth: Int = 0
    private static let maximumDepth = 64

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses exactly one JSON value filling all of `bytes` (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected bytes after the JSON value") }
        return value
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBytes { buffer in
            do { return .success(try parse(buffer)) } catch let error as JSONError { return .failure(error) } catch {
                return .failure(JSONError(offset: 0, message: "\(error)"))
            }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private func error(_ message: String) -> JSONError {
        JSONError(offset: index, message: message)
    }

    @inline(__always)
    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONError) -> JSONValue {
        guard let byte = peek() else { throw error("unexpected end of input") }
        switch byte {
        case 0x7B: return .object(try parseObject())
        case 0x5B: return .array(try parseArray())
        case 0x22: return .string(try parseString())
        case 0x74: try expectLiteral("true"); return .bool(true)
        case 0x66: try expectLiteral("false"); return .bool(false)
        case 0x6E: try expectLiteral("null"); return .null
        case 0x2D, 0x30...0x39: return try parseNumber()
        default: throw error("unexpected character")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of input") }
        let pointer = literal.utf8Start
        for i in 0..<count where bytes[index + i] != pointer[i] { throw error("invalid literal") }
        index += count
    }

    private mutating func enter() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(JSONError) -> JSONObject {
        try enter()
        defer { depth -= 1 }
        index += 1
        var entries: [(String, JSONValue)] = []
        skipWhitespace()
        if peek() == 0x7D { index += 1; return JSONObject(entries) }
        while true {
            skipWhitespace()
            guard peek() == 0x22 else { throw error("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == 0x3A else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            for existing in entries where existing.0 == key { throw error("duplicate key \"\(key)\"") }
            entries.append((key, value))
            skipWhitespace()
            guard let next = peek() else { throw error("unexpected end of input") }
            index += 1
            if next == 0x7D { return JSONObject(entries) }
            guard next == 0x2C else { index -= 1; throw error("expected ',' or '}'") }
        }
    }

    private mutating func parseArray() throws(JSONError) -> [JSONValue] {
        try enter()
        defer { depth -= 1 }
        index += 1
        var values: [JSONValue] = []
        skipWhitespace()
        if peek() == 0x5D { index += 1; return values }
        while true {
            skipWhitespace()
            values.append(try parseValue())
            skipWhitespace()
            guard let next = peek() else { throw error("unexpected end of input") }
            index += 1
            if next == 0x5D { return values }
            guard next == 0x2C else { index -= 1; throw error("expected ',' or ']'") }
        }
    }

    private mutating func parseString() throws(JSONError) -> String {
        index += 1  // opening quote
        let start = index
        var ascii = true
        // Fast path: no escapes. ASCII needs no UTF-8 validation.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw JSONError(offset: start, message: "invalid UTF-8 in string")
                }
                return text
            }
            if byte == 0x5C { break }
            if byte < 0x20 { throw error("control character in string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        // Slow path: escapes.
        var buffer: [UInt8] = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw JSONError(offset: start, message: "invalid UTF-8 in string")
                }
                return text
            }
            if byte < 0x20 { throw error("control character in string") }
            if byte != 0x5C {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard let escape = peek() else { throw error("unterminated escape") }
            index += 1
            switch escape {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x2F: buffer.append(0x2F)
            case 0x62: buffer.append(0x08)
            case 0x66: buffer.append(0x0C)
            case 0x6E: buffer.append(0x0A)
            case 0x72: buffer.append(0x0D)
            case 0x74: buffer.append(0x09)
            case 0x75:
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw error("lone surrogate in \\u escape")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("lone surrogate in \\u escape")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw error("invalid escape")
            }
        }
    }

    private mutating func parseHex4() throws(JSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = index
        if peek() == 0x2D { index += 1 }
        guard let first = peek(), first >= 0x30 && first <= 0x39 else { throw error("invalid number") }
        if first == 0x30 {
            index += 1
            if let next = peek(), next >= 0x30 && next <= 0x39 { throw error("leading zero in number") }
        } else {
            while let d = peek(), d >= 0x30 && d <= 0x39 { index += 1 }
        }
        var isInteger = true
        if peek() == 0x2E {
            isInteger = false
            index += 1
            guard let d = peek(), d >= 0x30 && d <= 0x39 else { throw error("invalid number") }
            while let d = peek(), d >= 0x30 && d <= 0x39 { index += 1 }
        }
        if peek() == 0x65 || peek() == 0x45 {
            isInteger = false
            index += 1
            if peek() == 0x2B || peek() == 0x2D { index += 1 }
            guard let d = peek(), d >= 0x30 && d <= 0x39 else { throw error("invalid number") }
            while let d = peek(), d >= 0x30 && d <= 0x39 { index += 1 }
        }
        let literal = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int64(literal) { return .integer(value) }
        return .decimal(literal)
    }
}

/// Why bytes are not the JSON expected, and where.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset from the start of the parsed text.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(message) at byte \(offset + 1)" }
}
