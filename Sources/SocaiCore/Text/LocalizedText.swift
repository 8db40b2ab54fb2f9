/// A sentence in both of socai's languages, chosen when it is shown.
///
/// Errors and findings are values built deep in the domain, long before anyone knows which
/// `--lang` the user asked for, so they carry both texts and the renderer picks one. Texts written
/// once and shown often belong in a `TextCatalogue`; numbers and dates inside a sentence are built
/// with `count`, `decimal`, `percent` and `date`, so each language gets its own format (4,014 and
/// 4.014; 2023-12-31 and 31/12/2023).
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public var en: String
    public var vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    /// The same text in both languages: identifiers, option names, quoted input.
    public init(_ both: String) {
        self.en = both
        self.vi = both
    }

    public func text(_ language: Language) -> String {
        language == .vi ? vi : en
    }

    public var description: String { en }

    public static func + (a: LocalizedText, b: LocalizedText) -> LocalizedText {
        LocalizedText(en: a.en + b.en, vi: a.vi + b.vi)
    }

    /// The same transformation applied to both texts.
    public func map(_ transform: (String) -> String) -> LocalizedText {
        LocalizedText(en: transform(en), vi: transform(vi))
    }
}

extension LocalizedText {
    /// A whole number, grouped: en `4,014`, vi `4.014`.
    public static func count(_ n: Int) -> LocalizedText {
        LocalizedText(en: NumberFormat(language: .en).integer(n), vi: NumberFormat(language: .vi).integer(n))
    }

    /// A decimal as stored (its own number of decimals): en `14.63`, vi `14,63`.
    public static func decimal(_ d: FixedDecimal) -> LocalizedText {
        LocalizedText(en: NumberFormat(language: .en).decimal(units: d.units, scale: d.scale),
                      vi: NumberFormat(language: .vi).decimal(units: d.units, scale: d.scale))
    }

    /// A percentage already in percent: en `14.63%`, vi `14,63%`.
    public static func percent(_ d: FixedDecimal) -> LocalizedText {
        decimal(d) + LocalizedText("%")
    }

    /// A calendar date: en `2023-12-31` (ISO, as in JSON), vi `31/12/2023`.
    public static func date(_ d: CalendarDate) -> LocalizedText {
        LocalizedText(en: d.iso, vi: d.vietnamese)
    }

    /// A recorded time, in UTC with the offset shown: en `2024-01-23 08:00:00 UTC`, vi
    /// `23/01/2024 08:00:00 UTC` (what `log` and the reports print).
    public static func instant(_ instant: Instant) -> LocalizedText {
        let text = instant.formatted(offsetMinutes: 0)  // 2024-01-23T08:00:00Z
        let day = date(CalendarDate(isoText: String(text.prefix(10)))!)
        return day + LocalizedText(" " + text.dropFirst(11).dropLast() + " UTC")
    }
}

extension Sequence where Element == LocalizedText {
    /// The texts joined in each language: `["a", "b"].joined(separator: ", ")`.
    public func joined(separator: String) -> LocalizedText {
        var en: [String] = []
        var vi: [String] = []
        for text in self {
            en.append(text.en)
            vi.append(text.vi)
        }
        return LocalizedText(en: en.joined(separator: separator), vi: vi.joined(separator: separator))
    }
}
