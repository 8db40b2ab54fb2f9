import SocaiReports
import Testing

@Suite("Text for a terminal")
struct TerminalTextTests {
    @Test func controlCharactersBecomeVisibleReplacements() {
        let hostile = "Bản \u{1B}[2J\u{1B}]0;pwned\u{07}A\u{7F}B\u{9B}C\rD"
        let shown = TerminalText.neutralised(hostile)
        #expect(shown == "Bản \u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD}A\u{FFFD}B\u{FFFD}C\u{FFFD}D")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test func colourTabsNewlinesAndVietnameseAreKept() {
        let text = "\u{1B}[1;31merror\u{1B}[0m\tSốp Cộp\nĐiện Biên ¢ ÿ"
        #expect(TerminalText.neutralised(text) == text)
        #expect(TerminalText.neutralised("\u{1B}[") == "\u{FFFD}[", "an unfinished sequence is not colour")
        #expect(TerminalText.neutralised("\u{1B}[2;3H") == "\u{FFFD}[2;3H", "cursor movement is not colour")
    }
}
