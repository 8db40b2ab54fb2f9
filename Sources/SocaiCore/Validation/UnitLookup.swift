/// Finds the unit a user means: by id, or by any name it has had, ignoring diacritics and case
/// (`sop cop` finds *Huyện ủy Sốp Cộp*; `đ` matches `d`), best matches first.
public enum UnitLookup {
    public enum Outcome: Sendable, Hashable {
        case found(Int32)
        case unknown(suggestions: [String])
        case ambiguous(candidates: [String])
    }

    public static func resolve(_ text: String, in registry: UnitRegistry) -> Outcome {
        let trimmed = text.trimmingSpaces
        if let id = UnitID(trimmed), let index = registry.index[id], registry[index].established != nil { return .found(index) }
        var best: MatchQuality?
        var matches: [Int32] = []
        for entry in registry.entries where entry.established != nil {
            var quality = TextFolding.matches(trimmed, entry.id.rawValue)
            for name in entry.allNames {
                if let q = TextFolding.matches(trimmed, name), quality == nil || q < quality! { quality = q }
            }
            guard let quality else { continue }
            if best == nil || quality < best! {
                best = quality
                matches = [entry.index]
            } else if quality == best! {
                matches.append(entry.index)
            }
        }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(candidates: matches.map { describe(registry[$0]) }) }
        let ids = registry.entries.filter { $0.established != nil }.map(\.id.rawValue)
        let suggestions = EditDistance.nearest(to: TextFolding.searchKey(trimmed).replacingSpaces(), among: ids)
        return .unknown(suggestions: suggestions.compactMap { id in registry.entry(UnitID(id)!).map(describe) })
    }

    /// `sop-cop (Huyện ủy Sốp Cộp)`.
    public static func describe(_ entry: UnitRegistry.Entry) -> String {
        "\(entry.id) (\(entry.allNames.last ?? entry.id.rawValue))"
    }
}

extension String {
    /// Spaces as dashes, for comparing a typed name with kebab-case ids.
    func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
