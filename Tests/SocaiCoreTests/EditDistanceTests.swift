import Testing
import SocaiCore

@Suite("EditDistance")
struct EditDistanceTests {
    @Test("distance: insertions, deletions, substitutions, adjacent swaps", arguments: [
        ("", "", 0),
        ("abc", "", 3),
        ("", "abc", 3),
        ("figure", "figure", 0),
        ("figur", "figure", 1),
        ("replai", "replay", 1),
        ("kitten", "sitting", 3),
        ("ca", "ac", 1),
        ("recrod", "record", 1),
        ("admision", "admission", 1),
        ("flaw", "lawn", 2),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.distance(a, b) == expected)
        #expect(EditDistance.distance(b, a) == expected)
    }

    @Test("distance is optimal string alignment: a swapped pair is not edited again")
    func optimalStringAlignment() {
        // Unrestricted Damerau-Levenshtein gives 2 (swap, then insert between); OSA gives 3.
        #expect(EditDistance.distance("ca", "abc") == 3)
    }

    @Test("distance counts a letter with its diacritics as one Character, whatever the normalisation")
    func vietnamese() {
        #expect(EditDistance.distance("Sốp Cộp", "Sop Cop") == 2)
        #expect(EditDistance.distance("đảng", "dang") == 2)
        // "ố" precomposed (NFC) and as o + U+0302 + U+0301 (NFD) are the same Character.
        #expect(EditDistance.distance("S\u{1ED1}p", "So\u{0302}\u{0301}p") == 0)
    }

    @Test("nearest: nearest first, ties in input order")
    func nearestOrder() {
        // member: 2, members: 1, membres: 1.
        let keys = ["member", "cells", "members", "membres"]
        #expect(EditDistance.nearest(to: "membrs", among: keys) == ["members", "membres", "member"])
    }

    @Test("nearest: the threshold is max(2, count / 3)")
    func nearestThreshold() {
        // 5 characters: threshold 2.
        #expect(EditDistance.nearest(to: "figur", among: ["figure", "fig", "from"]) == ["figure", "fig"])
        #expect(EditDistance.nearest(to: "xyz", among: ["figure", "unit"]) == [])
        // 24 characters: threshold 8, so a long key survives several typos.
        #expect(EditDistance.nearest(to: "vilages-withot-membrs", among: ["villages-without-members", "villages"])
            == ["villages-without-members"])
    }

    @Test("nearest: a candidate that starts with the word counts as close")
    func nearestPrefix() {
        // deaths (4) is too far; departures (7) and deputy (3) start with "dep"; day is 2.
        #expect(EditDistance.nearest(to: "dep", among: ["departures", "deaths", "day", "deputy"])
            == ["day", "deputy", "departures"])
        #expect(EditDistance.nearest(to: "villages-with", among: ["villages-without-cell", "arrivals"])
            == ["villages-without-cell"])
        // The empty word is a prefix of everything; that is no reason to suggest everything.
        #expect(EditDistance.nearest(to: "", among: ["members", "cells"]) == [])
    }

    @Test("nearest: at most limit, duplicates once")
    func nearestLimit() {
        let candidates = ["ab", "ac", "ad", "ae", "ab"]
        #expect(EditDistance.nearest(to: "aa", among: candidates) == ["ab", "ac", "ad"])
        #expect(EditDistance.nearest(to: "aa", among: candidates, limit: 1) == ["ab"])
        #expect(EditDistance.nearest(to: "aa", among: candidates, limit: 0) == [])
        #expect(EditDistance.nearest(to: "aa", among: candidates, limit: 10) == ["ab", "ac", "ad", "ae"])
    }
}
