import Foundation
import SocaiCore

/// The JSON shapes of CONTRACT.md's "JSON output" section, read from its own text: each command's
/// shape becomes the list of its leaf fields, as paths (`units[].parent`, `figures.*.percentChange`).
///
/// The shapes are written in a JSON-like shorthand: `{"a", "b": {KEY: N}}` (a field without a
/// value is a leaf), `"x"|null` (nullable), `"a"|"b"` (one of), `[{…}]` (an array of objects),
/// `[ …prose… ]` (an array described in words), `…` (more of the same). A key in capitals (`KEY`,
/// `"YYYY"`) or a choice of keys stands for any key: `*` in the path.
enum ContractJSONShape {
    /// The leaf paths of each command's shape, in the order the section gives them.
    static func parse(section: String) -> [(command: String, paths: [String])] {
        var result: [(String, [String])] = []
        var rest = Substring(section)
        while let bullet = rest.range(of: "\n- `") {
            rest = rest[bullet.upperBound...]
            guard let nameEnd = rest.firstIndex(of: "`") else { break }
            let command = String(rest[..<nameEnd])
            rest = rest[rest.index(after: nameEnd)...]
            guard rest.hasPrefix(": `"), let shapeEnd = rest.dropFirst(3).firstIndex(of: "`") else { continue }
            let shape = rest[rest.index(rest.startIndex, offsetBy: 3)..<shapeEnd]
            var parser = Parser(tokens: tokenize(shape))
            var paths: [String] = []
            parser.value(prefix: "", into: &paths)
            result.append((command, paths))
            rest = rest[shapeEnd...]
        }
        return result
    }

    enum Token: Equatable {
        case punctuation(Character)
        case string(String)
        case word(String)
    }

    static func tokenize(_ text: Substring) -> [Token] {
        var tokens: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if "{}[]:,|".contains(c) {
                tokens.append(.punctuation(c))
                i = text.index(after: i)
            } else if c == "\"" {
                let start = text.index(after: i)
                let end = text[start...].firstIndex(of: "\"") ?? text.endIndex
                tokens.append(.string(String(text[start..<end])))
                i = end < text.endIndex ? text.index(after: end) : end
            } else if c == "…" {
                tokens.append(.word("…"))
                i = text.index(after: i)
            } else if c.isWhitespace {
                i = text.index(after: i)
            } else {
                let end = text[i...].firstIndex { "{}[]:,|\"…".contains($0) || $0.isWhitespace } ?? text.endIndex
                tokens.append(.word(String(text[i..<end])))
                i = end
            }
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        var next: Token? { position < tokens.count ? tokens[position] : nil }
        mutating func take() -> Token? {
            defer { position += 1 }
            return next
        }

        /// A value at `prefix`: an object or array adds the paths under it, anything else is a leaf.
        mutating func value(prefix: String, into paths: inout [String]) {
            switch next {
            case .punctuation("{"):
                _ = take()
                object(prefix: prefix, into: &paths)
            case .punctuation("["):
                _ = take()
                if next == .punctuation("{") {
                    value(prefix: prefix + "[]", into: &paths)
                    while let t = take(), t != .punctuation("]") {}
                } else {
                    // Prose: the array's elements are described in words.
                    var depth = 1
                    while let t = take() {
                        if t == .punctuation("[") { depth += 1 }
                        if t == .punctuation("]") { depth -= 1; if depth == 0 { break } }
                    }
                    paths.append(prefix + "[]")
                }
            default:
                // A scalar, or a choice of scalars (`"a"|"b"`, `T|null`).
                _ = take()
                while next == .punctuation("|") { _ = take(); _ = take() }
                paths.append(prefix)
            }
        }

        mutating func object(prefix: String, into paths: inout [String]) {
            while let token = take() {
                var keys: [String] = []
                var isPlaceholder = false
                switch token {
                case .punctuation("}"): return
                case .punctuation(","), .word("…"): continue
                case .string(let key): keys.append(key)
                case .word(let key): keys.append(key); isPlaceholder = true
                default: continue
                }
                while next == .punctuation("|") {
                    _ = take()
                    if case .string(let other)? = take() { keys.append(other) }   // `|null` adds no key
                }
                let key = keys[0]
                let anyKey = isPlaceholder || keys.count > 1 || (key.allSatisfy(\.isUppercase) && key.count > 1)
                let path = (prefix.isEmpty ? "" : prefix + ".") + (anyKey ? "*" : key)
                if next == .punctuation(":") {
                    _ = take()
                    value(prefix: path, into: &paths)
                } else {
                    paths.append(path)
                }
            }
        }
    }

    /// The segments of a path: `units[id=cb-a].figures.members` → `units`, `[id=cb-a]`, `figures`, `members`.
    static func segments(_ path: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inBrackets = false
        for c in path {
            switch c {
            case "[" where !inBrackets:
                if !current.isEmpty { result.append(current) }
                current = "["
                inBrackets = true
            case "]" where inBrackets:
                result.append(current + "]")
                current = ""
                inBrackets = false
            case "." where !inBrackets:
                if !current.isEmpty { result.append(current) }
                current = ""
            default:
                current.append(c)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Whether the concrete path `asserted` reads the contract field `field`: one is a prefix of
    /// the other, segment by segment (asserting a whole object reads every field in it), with any
    /// `[…]` matching `[]` and any key matching `*`.
    static func reads(_ asserted: String, _ field: String) -> Bool {
        let a = segments(asserted), f = segments(field)
        return zip(a, f).allSatisfy { a, f in
            f == "*" || a == f || (f == "[]" && a.hasPrefix("["))
        }
    }

    /// The value at a concrete path: keys, `[n]` (an index, `-1` the last) or `[field=value]`
    /// (the first element whose string or integer field has that value).
    static func resolve(_ path: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for segment in segments(path) {
            guard let here = current else { return nil }
            if segment.hasPrefix("[") {
                let inner = segment.dropFirst().dropLast()
                guard let array = here.array else { return nil }
                if let equals = inner.firstIndex(of: "=") {
                    let key = String(inner[..<equals]), wanted = String(inner[inner.index(after: equals)...])
                    current = array.first { element in
                        guard let field = element.object?[key] else { return false }
                        return field.string == wanted || field.integer.map(String.init) == wanted
                    }
                } else if let index = Int(inner) {
                    let i = index < 0 ? array.count + index : index
                    current = array.indices.contains(i) ? array[i] : nil
                } else {
                    return nil
                }
            } else {
                current = here.object?[segment]
            }
        }
        return current
    }
}
