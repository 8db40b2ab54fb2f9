import SocaiCore

/// The units a shell offers for what has been typed of one (`socai __complete units -- WORD`),
/// one per line, matched like every unit argument: without case or diacritics, by id or by any
/// name the unit has had.
///
/// - Nothing typed: every unit id.
/// - A word with diacritics (`Sốp`): the user is writing a name, so the matching names, as
///   recorded (`Huyện ủy Sốp Cộp`), which the shell quotes.
/// - A plain word: the ids it begins (`sop` → `sop-cop`); when it begins none, the ids of the
///   units whose names it matches (`cop`, `huyen uy` → `sop-cop`).
enum UnitWords {
    static func offered(for word: String, in registry: Registry) -> [String] {
        let units = registry.established.map { registry[$0] }
        let typed = word.trimmingPrefix(while: { $0 == " " })
        guard !typed.isEmpty else { return units.map(\.id.rawValue).sorted() }
        if typed.unicodeScalars.contains(where: { !$0.isASCII }) {
            var names: [(quality: MatchQuality, name: String)] = []
            for entry in units {
                for name in entry.allNames {
                    if let quality = TextFolding.matches(String(typed), name), !names.contains(where: { $0.name == name }) {
                        names.append((quality, name))
                    }
                }
            }
            return names.sorted { ($0.quality, $0.name) < ($1.quality, $1.name) }.map(\.name)
        }
        let key = TextFolding.searchKey(String(typed)).split(separator: " ").joined(separator: "-")
        let starting = units.map(\.id.rawValue).filter { $0.hasPrefix(key) }.sorted()
        if !starting.isEmpty { return starting }
        var ids: [(quality: MatchQuality, id: String)] = []
        for entry in units {
            let qualities = [TextFolding.matches(String(typed), entry.id.rawValue)] + entry.allNames.map { TextFolding.matches(String(typed), $0) }
            if let best = qualities.compactMap({ $0 }).min() { ids.append((best, entry.id.rawValue)) }
        }
        return ids.sorted { ($0.quality, $0.id) < ($1.quality, $1.id) }.map(\.id)
    }
}
