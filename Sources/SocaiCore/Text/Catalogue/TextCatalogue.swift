/// One area of socai's user-facing texts (argument errors, guided entry's questions, check kinds,
/// …): an enum whose every case is a text in both languages.
///
/// Why enums: `text` is a `switch` the compiler makes cover every case, and `LocalizedText(en:vi:)`
/// takes both languages, so a text cannot be added in one language only; `CaseIterable` lets
/// `CatalogueTests` walk every text and refuse a Vietnamese text that is empty, equal to the English
/// one (outside its allow-list: ids, option names, figure keys), or whose `{placeholders}` differ.
///
/// How to add a string:
/// 1. add a case to the enum of its area (`UsageText` for argument errors, `GuidedText` for guided
///    entry, `CommandText` for what commands print, `CheckKindTitle` for check kinds…), or a new
///    enum conforming to `TextCatalogue`, listed in `Catalogue.core` (SocaiCore) or
///    `SocaiCLI.catalogue` (SocaiCLI), which walks them all;
/// 2. write its `text` in both languages, with `{name}` where a value goes (both languages use the
///    same names; a number or date goes in as `LocalizedText.count(_:)` / `.date(_:)` so each
///    language formats it its own way);
/// 3. use it as `UsageText.unknownOption(["option": spelled])`, and show it with the reader's
///    language (`Presenter.text`, `LocalizedText.text(_:)`).
/// Help texts of commands and options are `LocalizedText` in their `CommandSpec`s, which the walk
/// covers too.
public protocol TextCatalogue: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// The area's name, the first part of every id (`usage.unknownOption`).
    static var area: String { get }
    /// The text in both languages, with `{name}` placeholders.
    var text: LocalizedText { get }
}

extension TextCatalogue {
    /// `area.case`: how a test or a translator names the text.
    public var id: String { Self.area + "." + rawValue }

    /// The text with each `{name}` replaced by its value in the same language.
    public func callAsFunction(_ values: KeyValuePairs<String, LocalizedText> = [:]) -> LocalizedText {
        Placeholders.fill(text, values)
    }

    /// The text with each `{name}` replaced by a value that reads the same in both languages
    /// (an option name, what the user typed).
    public func callAsFunction(_ values: KeyValuePairs<String, String>) -> LocalizedText {
        var localized: [(String, LocalizedText)] = []
        for (name, value) in values { localized.append((name, LocalizedText(value))) }
        return Placeholders.fill(text, localized)
    }

    /// Every text of the area, for the catalogue walk.
    public static var entries: [CatalogueEntry] {
        allCases.map { CatalogueEntry(id: $0.id, text: $0.text) }
    }
}
