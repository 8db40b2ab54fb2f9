/// Finds the unit a user means: by id, or by any name it has had, ignoring diacritics and case
/// (`sop cop` finds *Huyện ủy Sốp Cộp*; `đ` matches `d`), best matches first.
public enum UnitLookup {
    public enum Outcome: Sendable, Hashable {
        case found(Int32)
        case unknown(suggestions: [String])
        case ambiguous(candidates: [String])
    }

    public static func resolve(_ text: String, in registry: Registry) -> Outcome {
        let trimmed = text.trimmingSpaces
        if let id = UnitID(trimmed), let index = registry.index(of: id), registry[index].established != nil { return .found(index) }
        let query = TextFolding.searchKey(trimmed)
        var best: MatchQuality?
        var matches: [Int32] = []
        let established = registry.established
        for u in established {
            let entry = registry[u]
            var quality = TextFolding.matches(trimmed, entry.id.rawValue)
            for (name, key) in zip(entry.allNames + entry.aliases, entry.searchKeys) {
                if let q = TextFolding.matches(trimmed, name, foldedQuery: query, foldedCandidate: key), quality == nil || q < quality! { quality = q }
            }
            guard let quality else { continue }
            if best == nil || quality < best! {
                best = quality
                matches = [u]
            } else if quality == best! {
                matches.append(u)
            }
        }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(candidates: matches.map { describe(registry[$0]) }) }
        let ids = established.map { registry[$0].id.rawValue }
        let suggestions = EditDistance.nearest(to: query.replacingSpaces(), among: ids)
        return .unknown(suggestions: suggestions.compactMap { id in registry.timeline(UnitID(id)!).map(describe) })
    }

    /// `sop-cop (Huyện ủy Sốp Cộp)`.
    public static func describe(_ entry: UnitTimeline) -> String {
        "\(entry.id) (\(entry.allNames.last ?? entry.id.rawValue))"
    }
}

extension String {
    /// Spaces as dashes, for comparing a typed name with kebab-case ids.
    func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
