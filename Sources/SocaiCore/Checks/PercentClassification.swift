/// How a printed percentage relates to the exact value of its counts (SEMANTICS.md §6).
public enum PercentClassification: String, Sendable, Hashable {
    /// Equals the exact value rounded half up at the printed number of decimals.
    case rounded
    /// Equals it only when rounded first to one more decimal, then to the printed ones (seed 004).
    case roundedViaIntermediate = "rounded-via-intermediate"
    /// Equals the exact value cut at the printed decimals (seed 001).
    case truncated
    /// None of the above: the document's figure does not follow from its counts.
    case inconsistent

    /// Classifies `printed` (at its own number of decimals) against `exact`.
    public static func classify(_ printed: FixedDecimal, exact: Ratio) -> PercentClassification {
        let d = printed.scale
        if exact.rounded(scale: d) == printed { return .rounded }
        if exact.truncated(scale: d) == printed { return .truncated }
        let intermediate = exact.rounded(scale: d + 1)
        if intermediate.ratio.rounded(scale: d) == printed { return .roundedViaIntermediate }
        return .inconsistent
    }

    public var label: LocalizedText {
        switch self {
        case .rounded: LocalizedText(en: "rounded", vi: "làm tròn")
        case .roundedViaIntermediate: LocalizedText(en: "rounded twice", vi: "làm tròn hai lần")
        case .truncated: LocalizedText(en: "truncated", vi: "cắt bớt chữ số")
        case .inconsistent: LocalizedText(en: "inconsistent", vi: "không khớp")
        }
    }
}
