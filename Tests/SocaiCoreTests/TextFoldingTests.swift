import Testing
@testable import SocaiCore

@Suite("TextFolding")
struct TextFoldingTests {
    @Test func foldsVietnameseNames() {
        #expect(TextFolding.searchKey("Huyện ủy Sốp Cộp") == "huyen uy sop cop")
        #expect(TextFolding.searchKey("ĐẢNG ỦY") == "dang uy")
        #expect(TextFolding.searchKey("Đảng bộ xã Mường Và") == "dang bo xa muong va")
        #expect(TextFolding.searchKey("Chi bộ Quân sự") == "chi bo quan su")
    }

    @Test func foldsEveryVietnameseVowelAndD() {
        let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        let expected = String(repeating: "a", count: 17) + String(repeating: "e", count: 11)
            + String(repeating: "i", count: 5) + String(repeating: "o", count: 17)
            + String(repeating: "u", count: 11) + String(repeating: "y", count: 5) + "d"
        #expect(TextFolding.searchKey(lower) == expected)
        #expect(TextFolding.searchKey(lower.uppercased()) == expected)
    }

    @Test func nfdAndNfcGiveTheSameKey() {
        // "Cộp" decomposed, with the marks in both orders; and "ố" as o + circumflex + acute.
        let nfdCanonical = "So\u{302}\u{301}p Co\u{323}\u{302}p"
        let nfdOtherOrder = "So\u{302}\u{301}p Co\u{302}\u{323}p"
        let partlyComposed = "S\u{F4}\u{301}p C\u{F4}\u{323}p"  // ô + combining acute / dot below
        #expect(nfdCanonical.unicodeScalars.count == 11)
        #expect(TextFolding.searchKey(nfdCanonical) == "sop cop")
        #expect(TextFolding.searchKey(nfdOtherOrder) == "sop cop")
        #expect(TextFolding.searchKey(partlyComposed) == "sop cop")
        #expect(TextFolding.searchKey("Sốp Cộp") == "sop cop")
        #expect(TextFolding.searchKey("D\u{335}a\u{306}\u{309}ng") == "dang")
    }

    @Test func oldAndNewTonePlacementFoldTogether() {
        // Not canonically equivalent, so String == tells them apart…
        #expect("khoá" != "khóa")
        #expect("hoà" != "hòa")
        // …but a search for either finds both.
        #expect(TextFolding.searchKey("khoá") == "khoa")
        #expect(TextFolding.searchKey("khóa") == "khoa")
        #expect(TextFolding.searchKey("Uỷ ban") == TextFolding.searchKey("Ủy ban"))
    }

    @Test func spacesAndDashesAreNormalised() {
        #expect(TextFolding.searchKey("Sốp\u{00A0}Cộp") == "sop cop")
        #expect(TextFolding.searchKey("  Sốp \t\n  Cộp\u{2009}\u{3000} ") == "sop cop")
        #expect(TextFolding.searchKey("124\u{2013}QĐ/TW") == "124-qd/tw")
        #expect(TextFolding.searchKey("2020\u{2014}2025") == "2020-2025")
        #expect(TextFolding.searchKey("\u{2212}5") == "-5")
        #expect(TextFolding.searchKey("Sốp\u{200B}Cộp\u{FEFF}") == "sopcop")
        #expect(TextFolding.searchKey("") == "")
        #expect(TextFolding.searchKey(" \u{00A0} ") == "")
    }

    @Test func otherLatinAndNonLatinText() {
        #expect(TextFolding.searchKey("Crème Brûlée Ångström Łódź") == "creme brulee angstrom lodz")
        #expect(TextFolding.searchKey("İstanbul") == "istanbul")
        // ø is "O WITH STROKE"; Æ and ß have no single base letter (no "WITH"): only lowercased.
        #expect(TextFolding.searchKey("Ærø Straße") == "æro straße")
        #expect(TextFolding.searchKey("中文 Ban") == "中文 ban")
    }

    @Test func matchQualityRanksExactDiacriticsFirst() {
        #expect(TextFolding.matches("Sốp Cộp", "Sốp Cộp") == .exact)
        #expect(TextFolding.matches("So\u{302}\u{301}p Co\u{323}\u{302}p", "Sốp Cộp") == .exact)
        #expect(TextFolding.matches("sop cop", "Sốp Cộp") == .exactFolded)
        #expect(TextFolding.matches("Sop  Cop", "Sốp Cộp") == .exactFolded)
        #expect(TextFolding.matches("huyen uy", "Huyện ủy Sốp Cộp") == .prefixFolded)
        #expect(TextFolding.matches("sop", "Huyện ủy Sốp Cộp") == .containsFolded)
        #expect(TextFolding.matches("dang", "Đảng ủy") == .prefixFolded)
        #expect(TextFolding.matches("mường", "Huyện ủy Sốp Cộp") == nil)
        #expect(TextFolding.matches("", "Sốp Cộp") == nil)
        #expect(TextFolding.matches("  ", "Sốp Cộp") == nil)

        let candidates = ["dương", "đường", "đương"]
        let ranked = candidates
            .compactMap { c in TextFolding.matches("đương", c).map { (c, $0) } }
            .sorted { $0.1 < $1.1 }
        #expect(ranked.first?.0 == "đương")
        #expect(ranked.first?.1 == .exact)
        #expect(ranked.dropFirst().allSatisfy { $0.1 == .exactFolded })
        #expect(MatchQuality.exact < .exactFolded)
        #expect(MatchQuality.exactFolded < .prefixFolded)
        #expect(MatchQuality.prefixFolded < .containsFolded)
    }
}
