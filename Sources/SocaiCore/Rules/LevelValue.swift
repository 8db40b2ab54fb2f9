/// Where a figure's value comes from (SEMANTICS.md §2, DECISIONS R2 and R8).
public enum Provenance: String, Sendable, Hashable {
    /// Stated by a report on that very date.
    case reported
    /// A report plus the flows (and transfers) recorded since, or counted from the registry.
    case derived
    /// The sum of the unit's children.
    case rolledUp = "rolled-up"
    /// Carried back to a date before a reorganisation, in the units as they stood after it (`--boundaries`).
    case restated

    public var label: LocalizedText {
        switch self {
        case .reported: LocalizedText(en: "reported", vi: "báo cáo")
        case .derived: LocalizedText(en: "derived", vi: "tính toán")
        case .rolledUp: LocalizedText(en: "rolled-up", vi: "cộng từ đơn vị con")
        case .restated: LocalizedText(en: "restated", vi: "quy đổi theo địa giới mới")
        }
    }
}

/// A level figure's value at a date, and how it was arrived at.
public struct LevelValue: Sendable, Hashable {
    public var amount: FixedDecimal
    public var qualifier: Qualifier
    public var isPercent: Bool
    public var provenance: Provenance
    /// The date of the report the value starts from, when it starts from one.
    public var basis: CalendarDate?
    /// When what the facts imply is below what the value can be (below zero, or fewer units than
    /// are registered), that implied value; the value shown is then the floor, "at least" (R2).
    public var belowFloor: Int?

    public init(amount: FixedDecimal, qualifier: Qualifier = .exact, isPercent: Bool = false,
                provenance: Provenance, basis: CalendarDate? = nil, belowFloor: Int? = nil) {
        self.amount = amount
        self.qualifier = qualifier
        self.isPercent = isPercent
        self.provenance = provenance
        self.basis = basis
        self.belowFloor = belowFloor
    }

    public static func count(_ n: Int, _ provenance: Provenance, basis: CalendarDate? = nil, qualifier: Qualifier = .exact) -> LevelValue {
        LevelValue(amount: FixedDecimal(integer: n), qualifier: qualifier, provenance: provenance, basis: basis)
    }

    /// The whole number, when the value is a count.
    public var count: Int? { !isPercent && amount.scale == 0 ? amount.units : nil }

    /// The value as a `FigureValue` (for display and JSON).
    public var figure: FigureValue { FigureValue(qualifier: qualifier, amount: amount, isPercent: isPercent) }
}

extension Qualifier {
    /// The qualifier of a sum of two qualified counts (R2): about when either is about or the
    /// bounds point different ways; a minimum when either is one; exact otherwise.
    /// The qualifier of a value subtracted: a minimum taken away leaves a maximum.
    public var flipped: Qualifier {
        switch self {
        case .over: .under
        case .atLeast: .atMost
        case .under: .over
        case .atMost: .atLeast
        case .exact, .about: self
        }
    }

    public func combined(with other: Qualifier) -> Qualifier {
        if self == .exact { return other }
        if other == .exact || other == self { return self }
        let lower: Set<Qualifier> = [.over, .atLeast], upper: Set<Qualifier> = [.under, .atMost]
        if lower.contains(self) && lower.contains(other) { return .over }
        if upper.contains(self) && upper.contains(other) { return .under }
        return .about
    }

    /// The JSON name (`over`, `at-least`, `about`, `under`, `at-most`).
    public var jsonName: String {
        switch self {
        case .exact: "exact"
        case .about: "about"
        case .over: "over"
        case .atLeast: "at-least"
        case .under: "under"
        case .atMost: "at-most"
        }
    }
}
