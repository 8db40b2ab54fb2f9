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

    @Test("every bidirectional control becomes a replacement; the text and punctuation around it stay, in text and in CSV cells")
    func bidiControlsBecomeReplacements() {
        let controls: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for control in controls {
            let text = "Bản " + String(Character(Unicode.Scalar(control)!)) + "Lìa – 1,024 … ─ ’"
            #expect(TerminalText.neutralised(text) == "Bản \u{FFFD}Lìa – 1,024 … ─ ’", "U+\(String(control, radix: 16))")
            #expect(TerminalText.withoutBidiControls(text) == "Bản \u{FFFD}Lìa – 1,024 … ─ ’")
        }
        // Neighbours of the controls in UTF-8 are left alone: ZWJ, ZWNJ, en dash, ellipsis, Arabic letters.
        let kept = "\u{200C}\u{200D}\u{2013}\u{2026}\u{2060}\u{2070}\u{0628}\u{061B}\u{061F}"
        #expect(TerminalText.neutralised(kept) == kept && TerminalText.withoutBidiControls(kept) == kept)
    }
}
