import Testing
@testable import SocaiCore

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func vietnameseMeasuresTheSameInNfcAndNfd() {
        #expect(DisplayWidth.of("Sốp Cộp") == 7)
        #expect(DisplayWidth.of("So\u{302}\u{301}p Co\u{323}\u{302}p") == 7)
        #expect(DisplayWidth.of("Huyện ủy Sốp Cộp") == 16)
        #expect(DisplayWidth.of("ĐẢNG ỦY") == 7)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func combiningAndControlCharactersHaveNoWidth() {
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{7}b") == 2)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{00A0}") == 1)
    }

    @Test func eastAsianWideAndFullwidthTakeTwoColumns() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("越南共产党") == 10)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("カタカナ") == 8)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("a中b") == 4)
        #expect(DisplayWidth.of("\u{3000}") == 2)
    }

    @Test func emojiPresentationTakesTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("🇻🇳") == 2)
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 2)
        #expect(DisplayWidth.of("☺") == 1)
        #expect(DisplayWidth.of("☺\u{FE0F}") == 2)
        #expect(DisplayWidth.of("✅ ok") == 5)
    }

    @Test func truncatedKeepsWholeClustersAndEndsInAnEllipsis() {
        #expect(DisplayWidth.truncated("Sốp Cộp", to: 7) == "Sốp Cộp", "what fits is unchanged")
        #expect(DisplayWidth.truncated("Sốp Cộp", to: 5) == "Sốp …")
        // NFD: the marks stay with their letter.
        #expect(DisplayWidth.truncated("Mu\u{31B}o\u{31B}\u{300}ng Va\u{300}", to: 4) == "Mu\u{31B}o\u{31B}\u{300}…")
        // A wide character that does not fit whole is left out, not split.
        #expect(DisplayWidth.truncated("a中文", to: 3) == "a…")
        #expect(DisplayWidth.truncated("abc", to: 0) == "")
    }
}
