/// Where a figure's value comes from (SEMANTICS.md §2).
public enum Provenance: String, Sendable, Hashable {
    /// Stated by a report on that very date.
    case reported
    /// A report plus the flows (and transfers) recorded since, or counted from the registry.
    case derived
    /// The sum of the unit's children.
    case rolledUp = "rolled-up"

    public var label: LocalizedText {
        switch self {
        case .reported: LocalizedText(en: "reported", vi: "báo cáo")
        case .derived: LocalizedText(en: "derived", vi: "tính toán")
        case .rolledUp: LocalizedText(en: "rolled-up", vi: "cộng từ đơn vị con")
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

    public init(amount: FixedDecimal, qualifier: Qualifier = .exact, isPercent: Bool = false,
                provenance: Provenance, basis: CalendarDate? = nil) {
        self.amount = amount
        self.qualifier = qualifier
        self.isPercent = isPercent
        self.provenance = provenance
        self.basis = basis
    }

    public static func count(_ n: Int, _ provenance: Provenance, basis: CalendarDate? = nil, qualifier: Qualifier = .exact) -> LevelValue {
        LevelValue(amount: FixedDecimal(integer: n), qualifier: qualifier, provenance: provenance, basis: basis)
    }

    /// The whole number, when the value is a count.
    public var count: Int? { !isPercent && amount.scale == 0 ? amount.units : nil }

    /// The value as a `FigureValue` (for display and JSON).
    public var figure: FigureValue { FigureValue(qualifier: qualifier, amount: amount, isPercent: isPercent) }
}
