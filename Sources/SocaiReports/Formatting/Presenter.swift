import SocaiCore

/// Everything a renderer needs to write values for people in one language: numbers, dates,
/// times, percentages, qualified figures and labels.
public struct Presenter: Sendable {
    public let language: Language
    public let numbers: NumberFormat

    public init(language: Language) {
        self.language = language
        self.numbers = NumberFormat(language: language)
    }

    public func text(_ localized: LocalizedText) -> String { localized.text(language) }

    public func date(_ date: CalendarDate) -> String {
        numbers.date(year: date.year, month: date.month, day: date.day)
    }

    /// A recorded time, in UTC with the offset shown: en `2024-01-23 08:00:00 UTC`, vi `23/01/2024 08:00:00 UTC`.
    public func instant(_ instant: Instant) -> String { text(.instant(instant)) }

    public func count(_ n: Int) -> String { numbers.integer(n) }

    /// A signed change: `+38`, `-27`, `0`.
    public func signed(_ n: Int) -> String { n > 0 ? "+" + numbers.integer(n) : numbers.integer(n) }

    public func decimal(_ d: FixedDecimal) -> String { numbers.decimal(units: d.units, scale: d.scale) }

    public func percent(_ d: FixedDecimal) -> String { numbers.percent(units: d.units, scale: d.scale) }

    public func signedPercent(_ d: FixedDecimal) -> String { (d.units > 0 ? "+" : "") + percent(d) }

    /// A stated figure with its qualifier: `gần 120`, `trên 3.700`, `83%`.
    public func figure(_ value: FigureValue) -> String {
        var number = value.amount.scale == 0 ? count(value.amount.units) : decimal(value.amount)
        if value.isPercent { number += "%" }
        return text(value.qualifier.label) + number
    }

    public func level(_ value: LevelValue) -> String { figure(value.figure) }

    /// A target as the reader's language writes it: `400`, `10..12`, `7,5%`.
    public func target(_ target: Target) -> String { target.written(decimal) }

    /// A figure key with its label in the language: `members (đảng viên)`.
    public func figureLabel(_ key: String) -> String {
        guard let definition = FigureCatalogue.definition(key) else { return key }
        return text(definition.label)
    }

    /// An event named by its seq: `seq 25`, `số 25` (never grouped: it is an id).
    public func seq(_ seq: Int64) -> String { text(LocalizedText(en: "seq ", vi: "số ")) + String(seq) }

    public var dash: String { "—" }
}
