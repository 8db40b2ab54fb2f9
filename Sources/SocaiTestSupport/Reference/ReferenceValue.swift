import SocaiCore

/// A count with the qualifier R2 says travels with it ("over", "about", …).
public struct QualifiedCount: Sendable, Hashable, CustomStringConvertible {
    public var value: Int
    public var qualifier: Qualifier

    public init(_ value: Int, _ qualifier: Qualifier = .exact) {
        self.value = value
        self.qualifier = qualifier
    }

    public static let zero = QualifiedCount(0)

    /// R2 "Qualifiers": a sum is about when any part is about (or when lower and upper bounds mix),
    /// else over/at least when any part is a minimum (under/at most for maxima), else exact.
    public static func + (a: QualifiedCount, b: QualifiedCount) -> QualifiedCount {
        QualifiedCount(a.value + b.value, combine(a.qualifier, b.qualifier))
    }

    /// Subtracting a bound turns it around: 100 − (>30) is under 70.
    public static func - (a: QualifiedCount, b: QualifiedCount) -> QualifiedCount {
        a + QualifiedCount(-b.value, flipped(b.qualifier))
    }

    public static prefix func - (a: QualifiedCount) -> QualifiedCount { QualifiedCount(-a.value, flipped(a.qualifier)) }

    static func flipped(_ q: Qualifier) -> Qualifier {
        switch q {
        case .over: .under
        case .atLeast: .atMost
        case .under: .over
        case .atMost: .atLeast
        case .exact, .about: q
        }
    }

    static func combine(_ a: Qualifier, _ b: Qualifier) -> Qualifier {
        if a == .exact { return b }
        if b == .exact { return a }
        if a == .about || b == .about { return .about }
        let lower: Set<Qualifier> = [.over, .atLeast]
        if lower.contains(a) != lower.contains(b) { return .about }
        if lower.contains(a) { return a == .over || b == .over ? .over : .atLeast }
        return a == .under || b == .under ? .under : .atMost
    }

    public var description: String { qualifier.symbol + String(value) }
}

/// The answer of the reference fold to "what is K of U on D" (R2).
public struct ReferenceLevel: Sendable, Hashable, CustomStringConvertible {
    public var count: QualifiedCount
    /// `reported`, `derived`, `rolled-up` or `restated`, as the contract spells them.
    public var provenance: String
    /// R2 "Below zero": the derivation fell below the floor and `count` is the floor, "at least".
    public var belowFloor: Bool
    /// What the derivation gave before the floor was applied.
    public var derived: Int

    public var value: Int { count.value }
    public var qualifier: Qualifier { count.qualifier }

    public var description: String {
        "\(count) (\(provenance)\(belowFloor ? ", below floor: derived \(derived)" : ""))"
    }
}

/// The answer to a flow total over a period (R3).
public struct ReferenceFlowTotal: Sendable, Hashable, CustomStringConvertible {
    public var count: QualifiedCount
    /// Whether a stated total was used anywhere in the recursion.
    public var usedStated: Bool

    public var value: Int { count.value }
    public var description: String { count.description + (usedStated ? " (stated)" : "") }
}
