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

    @Test func socaisOwnColourTabsNewlinesAndVietnameseAreKept() {
        let text = "\u{1B}[1;31merror\u{1B}[0m\t\u{1B}[33mSốp Cộp\u{1B}[0m\nĐiện Biên ¢ ÿ · \u{1B}[2mnote\u{1B}[1m"
        #expect(TerminalText.neutralised(text, keepingColour: true) == text)
        #expect(TerminalText.neutralised("\u{1B}[") == "\u{FFFD}[", "an unfinished sequence is not colour")
        #expect(TerminalText.neutralised("\u{1B}[2;3H", keepingColour: true) == "\u{FFFD}[2;3H", "cursor movement is not colour")
    }

    @Test func colourFromDataOrWithColourOffIsNeutralised() {
        #expect(TerminalText.neutralised("\u{1B}[1;31mX\u{1B}[0m") == "\u{FFFD}[1;31mX\u{FFFD}[0m", "colour off: no escape at all")
        #expect(TerminalText.neutralised("\u{1B}[8mhidden", keepingColour: true) == "\u{FFFD}[8mhidden", "conceal is not a code socai writes")
        #expect(TerminalText.neutralised("\u{1B}[30;40mX", keepingColour: true) == "\u{FFFD}[30;40mX")
    }
}
