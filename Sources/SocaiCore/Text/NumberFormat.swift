/// Numbers, percentages and dates as the chosen language writes them.
///
/// In SocaiCore (not SocaiReports) because messages are built in the domain before anyone knows
/// the reader's language: `LocalizedText.count(_:)` and friends format a number both ways here,
/// with the same rule the renderers use.
///
/// Integer arithmetic only: figures are counts and percentages are computed upstream as exact
/// scaled integers (469/400 → 11725 at scale 2), so printing never rounds and never goes through
/// `Double` or `NumberFormatter` (whose Linux build ignores `maximumFractionDigits` once
/// `minimumFractionDigits` is set, and whose default rounding is half-even; DOMAIN.md §7).
/// - en: "5,275", "117.25", "117.25%", "2023-12-31" (ISO 8601, as in JSON output);
/// - vi: "5.275", "117,25", "117,25%", "31/12/2023" (dd/MM/yyyy, zero-padded as in
///   Nghị định 30/2020/NĐ-CP).
public struct NumberFormat: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public static let en = NumberFormat(language: .en)
    public static let vi = NumberFormat(language: .vi)

    /// A decimal as printed in this language (`91,57` in Vietnamese).
    public func decimal(_ d: FixedDecimal) -> String { decimal(units: d.units, scale: d.scale) }
    /// A percentage as printed in this language (`91,57%` in Vietnamese).
    public func percent(_ d: FixedDecimal) -> String { percent(units: d.units, scale: d.scale) }

    /// Thousands separator: "," in English, "." in Vietnamese.
    public var groupingSeparator: Character { language == .vi ? "." : "," }
    /// Decimal separator: "." in English, "," in Vietnamese.
    public var decimalSeparator: Character { language == .vi ? "," : "." }

    /// A whole number with thousands grouped: en "5,275", vi "5.275", "-27".
    public func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(String(n.magnitude))
    }

    /// `units / 10^scale` with exactly `scale` fraction digits and a grouped integer part:
    /// `decimal(units: 11725, scale: 2)` is en "117.25", vi "117,25"; -2109 → "-21.09";
    /// -5 → "-0.05". A negative `scale` is treated as 0.
    public func decimal(units: Int, scale: Int) -> String {
        let scale = max(scale, 0)
        var digits = String(units.magnitude)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale + 1 - digits.count) + digits
        }
        let integerDigits = String(digits.dropLast(scale))
        var result = (units < 0 ? "-" : "") + grouped(integerDigits)
        if scale > 0 {
            result.append(decimalSeparator)
            result += digits.suffix(scale)
        }
        return result
    }

    /// A percentage already scaled by 100 (11725 at scale 2 is 117.25%): en "117.25%", vi "117,25%".
    /// No space before "%", as `#,##0%` prints it.
    public func percent(units: Int, scale: Int) -> String {
        decimal(units: units, scale: scale) + "%"
    }

    /// A calendar date: en "2023-12-31", vi "31/12/2023". Fields are printed as given (not validated).
    public func date(year: Int, month: Int, day: Int) -> String {
        switch language {
        case .en: return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
        case .vi: return "\(padded(day, 2))/\(padded(month, 2))/\(padded(year, 4))"
        }
    }

    /// Inserts the grouping separator every three digits from the right ("1234567" → "1,234,567").
    private func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 {
                result.append(groupingSeparator)
            }
            result.append(digit)
        }
        return result
    }

    private func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (n < 0 ? "-" : "") + zeros + digits
    }
}
