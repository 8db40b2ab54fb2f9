/// An exact fraction of integers, the only arithmetic socai does on figures.
///
/// Percentages are computed from counts (469/400), never through binary floating point, so
/// 117.25 rounds half away from zero to 117.3 as the documents expect, and never to 117.2.
public struct Ratio: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Normalises the sign into the numerator; the denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Ratio with a zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Ratio.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int(divisor)
        self.denominator = sign * denominator / Int(divisor)
    }

    public init(integer: Int) {
        self.numerator = integer
        self.denominator = 1
    }

    /// `part / whole × 100`, or nil when `whole` is zero.
    public static func percent(_ part: Int, of whole: Int) -> Ratio? {
        whole == 0 ? nil : Ratio(part * 100, whole)
    }

    public static func + (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func - (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func * (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    public static func / (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    public static func < (a: Ratio, b: Ratio) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Rounded half away from zero to `scale` decimals: the contract's rule for every percentage shown.
    public func rounded(scale: Int) -> FixedDecimal {
        let scaled = numerator * FixedDecimal.powerOfTen(scale)
        let quotient = scaled / denominator
        let remainder = (scaled % denominator).magnitude
        let roundsAway = 2 * remainder >= denominator.magnitude
        let units = roundsAway ? quotient + (scaled < 0 ? -1 : 1) : quotient
        return FixedDecimal(units: units, scale: scale)
    }

    /// Cut toward zero at `scale` decimals, as seed 001 prints 87/95 = 91,57.
    public func truncated(scale: Int) -> FixedDecimal {
        FixedDecimal(units: numerator * FixedDecimal.powerOfTen(scale) / denominator, scale: scale)
    }

    public var description: String { "\(numerator)/\(denominator)" }

    private static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
