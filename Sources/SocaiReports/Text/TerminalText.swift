/// Text bound for a terminal, with the control characters a journal may carry made harmless.
///
/// Unit names, titles, sources and recorders are stored as they were given (the journal keeps
/// what a clerk typed, byte for byte), so a name can hold `ESC[2J` or an OSC title sequence. Printed
/// raw, it would clear the reader's screen or rewrite the terminal's title; neutralised, it shows as
/// `�[2J`. The only escapes kept are the few colour codes socai itself writes (`TextStyle`), and
/// only when colour is on: a hostile name can at most make text bold, red, yellow or dim, never
/// hide it, move the cursor, erase, or talk to the terminal.
///
/// Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and the others of `bidiControls`) are
/// neutralised the same way: they reorder what follows them on screen, so a name holding one can
/// show `1,024` as `420,1` or make one unit's line read as another's. CSV cells lose them too
/// (`CSVWriter`), since a spreadsheet displays them just as a terminal does.
public enum TerminalText {
    /// The replacement shown for a control character.
    public static let replacement = "\u{FFFD}"

    /// The SGR codes `TextStyle` writes: reset, bold, dim, yellow, bold red.
    static let ownColourCodes: Set<[UInt8]> = Set(["0", "1", "2", "33", "1;31"].map { Array($0.utf8) })

    /// The formatting characters that change the display order of text: ALM (U+061C), LRM and RLM
    /// (U+200E, U+200F), the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every bidirectional control replaced by U+FFFD (for CSV cells).
    public static func withoutBidiControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isBidiControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// `text` with every C0 control but tab and newline, DEL, every C1 control and every
    /// bidirectional control replaced by U+FFFD; with `keepingColour`, an ESC that starts one of
    /// socai's own colour codes is kept.
    public static func neutralised(_ text: String, keepingColour: Bool = false) -> String {
        let utf8 = Array(text.utf8)
        guard let first = utf8.firstIndex(where: isSuspect) else { return text }
        var out: [UInt8] = Array(utf8[..<first])
        out.reserveCapacity(utf8.count + 16)
        let replacement = Array(Self.replacement.utf8)
        var i = first
        while i < utf8.count {
            let byte = utf8[i]
            if byte == 0x1B, keepingColour, let end = sgrEnd(utf8, from: i) {
                out.append(contentsOf: utf8[i..<end])
                i = end
            } else if byte == 0xC2, i + 1 < utf8.count, (0x80...0x9F).contains(utf8[i + 1]) {
                out.append(contentsOf: replacement)  // a C1 control, two bytes in UTF-8
                i += 2
            } else if let length = bidiControlLength(utf8, at: i) {
                out.append(contentsOf: replacement)
                i += length
            } else if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F {
                out.append(contentsOf: replacement)
                i += 1
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// The UTF-8 length of the bidirectional control starting at `i` (U+061C is `D8 9C`, the
    /// others `E2 80 xx` or `E2 81 xx`), or nil.
    private static func bidiControlLength(_ bytes: [UInt8], at i: Int) -> Int? {
        let length = bytes[i] == 0xD8 ? 2 : bytes[i] == 0xE2 ? 3 : 0
        guard length > 0, i + length <= bytes.count,
              let scalar = String(validating: bytes[i..<(i + length)], as: UTF8.self)?.unicodeScalars.first,
              isBidiControl(scalar) else { return nil }
        return length
    }

    /// The index after one of socai's own SGR sequences starting at `start` (an ESC), or nil.
    private static func sgrEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start + 1
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        let parameters = i
        while i < bytes.count, (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")) || bytes[i] == UInt8(ascii: ";") {
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "m"), ownColourCodes.contains(Array(bytes[parameters..<i])) else { return nil }
        return i + 1
    }
}
