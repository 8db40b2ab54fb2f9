import Foundation
import SocaiCore

/// What Tab offers at each question of guided entry: units by id or name with diacritics
/// optional (`sop` + Tab → `sop-cop`, listing `Huyện ủy Sốp Cộp`), the choices of a choice in the
/// reader's language (`d` + Tab → `death`; `tu` + Tab → `từ trần` in Vietnamese), and figure keys
/// before the `=` of a `KEY=VALUE` answer (`memb` + Tab → `members=`).
struct GuidedCompletion {
    let view: Rules
    /// The day the entry is made: units closed before it are offered after the open ones.
    let today: CalendarDate
    var language: Language = .en

    func candidates(_ field: GuidedField?, word: String) -> [LineCompletion] {
        guard let field else { return [] }
        switch field.kind {
        case .unit, .units, .unitOrNew:
            return units(matching: word)
        case .choice(let list):
            // Inserted as the reader would type it, without the commas some Vietnamese names hold
            // ("Thôn, bản" → "Thôn bản"), since a comma starts the next word of a list.
            return list.codes(startingWith: word).map { code in
                let shown = list.shown(code).text(language)
                return LineCompletion(insert: shown.replacingOccurrences(of: ",", with: ""), display: shown)
            }
        case .pairs where field.name == "figure" || field.name == "target":
            guard !word.contains("=") else { return [] }
            let key = TextFolding.searchKey(word)
            // A target may also be a yearly one (admissions-per-year), as `record` accepts it.
            let keys = field.name == "target" ? FigureCatalogue.keys + FigureCatalogue.keys.map { $0 + "-per-year" } : FigureCatalogue.keys
            return keys.filter { $0.hasPrefix(key) }.map { LineCompletion(insert: $0 + "=", display: $0) }
        default:
            return []
        }
    }

    /// Units whose id or any of whose names match `word` (folded: no diacritics, no case), best
    /// matches first: a prefix of the id or a name before a match inside a name; open units before
    /// closed ones.
    func units(matching word: String) -> [LineCompletion] {
        let trimmed = String(word.trimmingPrefix(while: { $0 == " " }))
        guard !trimmed.isEmpty else { return [] }
        var ranked: [(rank: Int, id: UnitID, completion: LineCompletion)] = []
        for entry in view.registry.established.map({ view.registry[$0] }) {
            let qualities = [TextFolding.matches(trimmed, entry.id.rawValue)]
                + entry.allNames.map { TextFolding.matches(trimmed, $0) }
            let best = qualities.compactMap { $0 }.min()
            guard let best else { continue }
            let rank = best.rawValue + (entry.isActive(at: today) ? 0 : MatchQuality.allCases.count)
            ranked.append((rank, entry.id, LineCompletion(insert: entry.id.rawValue, display: UnitLookup.describe(entry))))
        }
        ranked.sort { ($0.rank, $0.id) < ($1.rank, $1.id) }
        // An exact match is the answer, even when longer names contain it (all of them, when
        // several units share the name).
        let exact = ranked.filter { $0.rank <= MatchQuality.exactFolded.rawValue }
        return (exact.isEmpty ? ranked : exact).map(\.completion)
    }
}
