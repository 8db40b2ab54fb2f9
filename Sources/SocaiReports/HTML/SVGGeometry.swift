/// Coordinates and axes for socai's inline SVG charts: plain arithmetic on `Double`, written out
/// with at most one decimal so the markup is stable across platforms.
enum SVGGeometry {
    /// A coordinate as SVG text: one decimal at most, no exponent, no locale (`12.5`, `-3`, `0`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10, fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? sign + String(whole) : sign + String(whole) + "." + String(fraction)
    }

    /// A linear map from a domain to a pixel range.
    struct Scale {
        var domain: (Double, Double)
        var range: (Double, Double)

        func callAsFunction(_ value: Double) -> Double {
            let span = domain.1 - domain.0
            guard span != 0 else { return (range.0 + range.1) / 2 }
            return range.0 + (value - domain.0) / span * (range.1 - range.0)
        }
    }

    /// Round tick values covering `low...high` with about `count` steps of 1, 2 or 5 × 10ⁿ; with
    /// `whole`, steps of at least 1 (an axis of counts labelled 0, 0, 1, 1 says nothing).
    static func ticks(_ low: Double, _ high: Double, count: Int = 5, whole: Bool = false) -> [Double] {
        guard high > low else { return [low] }
        var rough = (high - low) / Double(max(1, count))
        if whole { rough = max(rough, 1) }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        var value = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        while value <= high + step * 0.001 && ticks.count < 50 {
            ticks.append(value)
            value += step
        }
        if let last = ticks.last, last < high { ticks.append(last + step) }
        return ticks
    }
}
