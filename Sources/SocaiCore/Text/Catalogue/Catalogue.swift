/// One text of the catalogue, by id.
public struct CatalogueEntry: Sendable, Hashable {
    public var id: String
    public var text: LocalizedText

    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}

/// Every text SocaiCore owns (SocaiCLI adds its own: `SocaiCLI.catalogue`).
public enum Catalogue {
    public static var core: [CatalogueEntry] {
        CheckKindTitle.entries + ChoiceList.all.flatMap(\.entries)
    }
}
