/// A goal a congress set (DOMAIN.md §3 "target shapes"): a total or minimum (`400`, `>=90`),
/// a range (`15..20`, per year for reduction rates), an open minimum (`20..`), or a share (`7%`).
public struct Target: Sendable, Hashable, CustomStringConvertible {
    public enum Shape: Sendable, Hashable {
        /// Reach at least this many (a term's admissions, or per year with a `-per-year` key).
        case minimum(FixedDecimal)
        /// Stay within a range, e.g. a yearly reduction of 15–20 %.
        case range(FixedDecimal, FixedDecimal)
        /// At least this much, with no upper bound (`20..` for "từ 20% trở lên").
        case atLeast(FixedDecimal)
        /// A share, e.g. 7 % of the members at the start of the year.
        case share(FixedDecimal)
    }

    public var shape: Shape

    public init(_ shape: Shape) { self.shape = shape }

    public var description: String { written(\.description) }

    /// The target with its numbers written by `number` (`400`, `10..12`, `20..`, `7%`): the one
    /// place a target's shape is spelled, whatever the reader's number format.
    public func written(_ number: (FixedDecimal) -> String) -> String {
        switch shape {
        case .minimum(let n): number(n)
        case .range(let a, let b): number(a) + ".." + number(b)
        case .atLeast(let a): number(a) + ".."
        case .share(let p): number(p) + "%"
        }
    }

    public var json: JSONValue {
        if case .minimum(let n) = shape, n.scale == 0 { return .integer(Int64(n.units)) }
        return .string(description)
    }

    /// The single number a target names, for attainment (actual ÷ target): nil for ranges.
    public var amount: FixedDecimal? {
        switch shape {
        case .minimum(let n), .share(let n), .atLeast(let n): n
        case .range: nil
        }
    }

    public static func parse(_ input: String) -> Target? {
        var text = input.trimmingSpaces
        if text.hasPrefix(">=") { text.removeFirst(2) }
        if let range = text.firstRange(of: "..") {
            let low = String(text[..<range.lowerBound]).trimmingSpaces
            let high = String(text[range.upperBound...]).trimmingSpaces
            guard let a = FixedDecimal.parse(low) else { return nil }
            if high.isEmpty { return Target(.atLeast(a)) }
            guard let b = FixedDecimal.parse(high), !(b.ratio < a.ratio) else { return nil }
            return Target(.range(a, b))
        }
        // "15-20" as documents write ranges.
        if let dash = text.firstIndex(of: "-"), dash != text.startIndex,
           let a = FixedDecimal.parse(String(text[..<dash])), let b = FixedDecimal.parse(String(text[text.index(after: dash)...])) {
            return b.ratio < a.ratio ? nil : Target(.range(a, b))
        }
        if text.hasSuffix("%") {
            guard let p = FixedDecimal.parse(String(text.dropLast())) else { return nil }
            return Target(.share(p))
        }
        if let n = CountParser.parse(text) { return Target(.minimum(FixedDecimal(integer: n))) }
        if let n = FixedDecimal.parse(text) { return Target(.minimum(n)) }
        return nil
    }

    public static func parse(_ json: JSONValue) -> Target? {
        switch json {
        case .integer(let n): Target(.minimum(FixedDecimal(integer: Int(n))))
        case .string(let s): parse(s)
        case .decimal(let d): parse(d)
        default: nil
        }
    }
}
