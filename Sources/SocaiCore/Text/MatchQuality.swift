/// How well a typed name matched a candidate (see `TextFolding.matches`).
///
/// Smaller is better, so sorting candidates ascending by quality puts exact-diacritic hits first:
/// "đương" typed as "đương" must rank above "dương" and "đường", which only match once folded
/// (DOMAIN.md §7, mapbox/carmen #611).
public enum MatchQuality: Int, Sendable, Comparable, CaseIterable {
    /// The same string (Swift `==`: canonically equivalent, so NFC and NFD agree).
    case exact = 0
    /// The same search key: equal once case, diacritics, đ and spacing are folded away.
    case exactFolded = 1
    /// The query's search key starts the candidate's search key.
    case prefixFolded = 2
    /// The query's search key occurs somewhere inside the candidate's search key.
    case containsFolded = 3

    public static func < (lhs: MatchQuality, rhs: MatchQuality) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
