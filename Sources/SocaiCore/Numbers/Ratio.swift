/// An exact fraction of integers, the only arithmetic socai does on figures.
///
/// Percentages are computed from counts (469/400), never through binary floating point, so
/// 117.25 rounds half away from zero to 117.3 as the documents expect, and never to 117.2.
public struct Ratio: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Normalises the sign into the numerator; the denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(wide: Int128(numerator), Int128(denominator))
    }

    /// Products of two figures are formed in 128 bits and reduced, so hostile inputs (a target of
    /// 0.00000000000000001, a printed 66.32725027270161) cannot overflow and crash a report. A
    /// result that still does not fit 64 bits once reduced is approximated: both terms are halved
    /// until they fit (a denominator that reaches 0 stays 1, so a huge value is clamped), then
    /// reduced again. Figures socai accepts (`FixedDecimal.parse`) are far inside that range.
    init(wide numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "Ratio with a zero denominator")
        var n = denominator < 0 ? -numerator : numerator
        var d = denominator.magnitude
        let divisor = Ratio.gcd(n.magnitude, d)
        n /= Int128(divisor)
        d /= divisor
        while n > Int128(Int.max) || n < -Int128(Int.max) || d > UInt128(Int.max) {
            n /= 2
            d /= 2
            if d == 0 { d = 1 }
        }
        let again = Ratio.gcd(n.magnitude, d)
        n /= Int128(again)
        d /= again
        self.numerator = Int(n)
        self.denominator = Int(d)
    }

    public init(integer: Int) {
        self.numerator = integer
        self.denominator = 1
    }

    /// `part / whole × 100`, or nil when `whole` is zero.
    public static func percent(_ part: Int, of whole: Int) -> Ratio? {
        whole == 0 ? nil : Ratio(wide: Int128(part) * 100, Int128(whole))
    }

    public static func + (a: Ratio, b: Ratio) -> Ratio {
        Ratio(wide: a.wideNumerator * b.wideDenominator + b.wideNumerator * a.wideDenominator, a.wideDenominator * b.wideDenominator)
    }

    public static func - (a: Ratio, b: Ratio) -> Ratio {
        Ratio(wide: a.wideNumerator * b.wideDenominator - b.wideNumerator * a.wideDenominator, a.wideDenominator * b.wideDenominator)
    }

    public static func * (a: Ratio, b: Ratio) -> Ratio {
        Ratio(wide: a.wideNumerator * b.wideNumerator, a.wideDenominator * b.wideDenominator)
    }

    public static func / (a: Ratio, b: Ratio) -> Ratio {
        Ratio(wide: a.wideNumerator * b.wideDenominator, a.wideDenominator * b.wideNumerator)
    }

    /// Exact: each cross product of two 64-bit terms fits 128 bits.
    public static func < (a: Ratio, b: Ratio) -> Bool {
        a.wideNumerator * b.wideDenominator < b.wideNumerator * a.wideDenominator
    }

    private var wideNumerator: Int128 { Int128(numerator) }
    private var wideDenominator: Int128 { Int128(denominator) }

    /// Rounded half away from zero to `scale` decimals: the contract's rule for every percentage shown.
    public func rounded(scale: Int) -> FixedDecimal {
        let scaled = wideNumerator * Int128(FixedDecimal.powerOfTen(scale))
        let quotient = scaled / wideDenominator
        let remainder = (scaled % wideDenominator).magnitude
        let roundsAway = 2 * remainder >= wideDenominator.magnitude
        let units = roundsAway ? quotient + (scaled < 0 ? -1 : 1) : quotient
        return FixedDecimal(units: Ratio.clamped(units), scale: scale)
    }

    /// Cut toward zero at `scale` decimals, as seed 001 prints 87/95 = 91,57.
    public func truncated(scale: Int) -> FixedDecimal {
        FixedDecimal(units: Ratio.clamped(wideNumerator * Int128(FixedDecimal.powerOfTen(scale)) / wideDenominator), scale: scale)
    }

    private static func clamped(_ value: Int128) -> Int {
        Int(max(Int128(Int.min + 1), min(Int128(Int.max), value)))
    }

    public var description: String { "\(numerator)/\(denominator)" }

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
