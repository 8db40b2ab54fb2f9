/// Text bound for a terminal, with the control characters a journal may carry made harmless.
///
/// Unit names, titles, sources and recorders are stored as they were given (the journal keeps
/// what a clerk typed, byte for byte), so a name can hold `ESC[2J` or an OSC title sequence. Printed
/// raw, it would clear the reader's screen or rewrite the terminal's title; neutralised, it shows as
/// `�[2J`. The only escapes kept are the few colour codes socai itself writes (`TextStyle`), and
/// only when colour is on: a hostile name can at most make text bold, red, yellow or dim, never
/// hide it, move the cursor, erase, or talk to the terminal.
public enum TerminalText {
    /// The replacement shown for a control character.
    public static let replacement = "\u{FFFD}"

    /// The SGR codes `TextStyle` writes: reset, bold, dim, yellow, bold red.
    static let ownColourCodes: Set<[UInt8]> = Set(["0", "1", "2", "33", "1;31"].map { Array($0.utf8) })

    /// `text` with every C0 control but tab and newline, DEL and every C1 control replaced by
    /// U+FFFD; with `keepingColour`, an ESC that starts one of socai's own colour codes is kept.
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
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2
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
