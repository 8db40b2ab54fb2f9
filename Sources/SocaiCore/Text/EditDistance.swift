/// How far apart two words are, for "did you mean …?" suggestions (options, commands, figure keys,
/// unit names).
///
/// Works over `Character`s, so a Vietnamese letter with its diacritics counts as one edit, and
/// canonically equivalent spellings (NFC or NFD) compare equal.
public enum EditDistance {
    /// Optimal-string-alignment (Damerau-Levenshtein) distance over Characters.
    ///
    /// Insertions, deletions, substitutions and swaps of two adjacent characters each cost 1; a
    /// swapped pair is not edited again (the "optimal string alignment" restriction), which is what
    /// typing mistakes look like and keeps the computation to three rows.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a)
        let t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }

        var beforePrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)

        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[t.count]
    }

    /// The candidates close enough to `word` to be worth suggesting, nearest first (ties in input order):
    /// distance <= max(2, word.count / 3); also a candidate that has `word` as a prefix counts as close.
    /// At most `limit`.
    ///
    /// The threshold grows with the word so that long keys (`villages-without-members`) still find
    /// their match through several typos, while short words are not "close" to everything. The prefix
    /// rule lets an abbreviation (`--fig`) find what it abbreviates. Duplicate candidates are
    /// suggested once.
    public static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        guard limit > 0 else { return [] }
        let threshold = max(2, word.count / 3)
        var seen = Set<String>()
        var close: [(distance: Int, index: Int, candidate: String)] = []
        for (index, candidate) in candidates.enumerated() where seen.insert(candidate).inserted {
            let d = distance(word, candidate)
            if d <= threshold || (!word.isEmpty && candidate.hasPrefix(word)) {
                close.append((d, index, candidate))
            }
        }
        close.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        return close.prefix(limit).map(\.candidate)
    }
}
