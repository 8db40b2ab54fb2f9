/// A sentence in both of socai's languages, chosen when it is shown.
///
/// Errors and findings are values built deep in the domain, long before anyone knows which
/// `--lang` the user asked for, so they carry both texts and the renderer picks one.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public var en: String
    public var vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    /// The same text in both languages: identifiers, numbers, quoted input.
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
}
