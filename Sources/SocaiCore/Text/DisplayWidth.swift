/// How many terminal columns a string occupies, so text tables line up with Vietnamese names.
///
/// `String.count` counts grapheme clusters and `unicodeScalars.count` counts NFD "ố" as three;
/// neither is a column count once CJK or emoji appear. This measures per grapheme cluster:
/// - a cluster made only of control, format or combining characters is 0 columns;
/// - a cluster whose base is East Asian Wide or Fullwidth (CJK, Hangul, kana, fullwidth forms) or
///   that is presented as an emoji (Emoji_Presentation, or an emoji followed by U+FE0F, or a flag)
///   is 2 columns;
/// - anything else is 1 column — so NFC and NFD Vietnamese measure the same ("Sốp Cộp" = 7).
/// Ambiguous-width characters count as 1, as in a Western terminal.
public enum DisplayWidth {
    /// The column width of `s` in a monospaced terminal.
    public static func of(_ s: String) -> Int {
        // Most cells are ASCII (ids, numbers, dates): one column a byte, no Unicode tables.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var total = 0
        for cluster in s {
            total += width(of: cluster)
        }
        return total
    }

    /// `s` cut to at most `columns` columns, ending in "…" when anything was cut (whole grapheme
    /// clusters only, so a Vietnamese letter never loses its marks).
    public static func truncated(_ s: String, to columns: Int) -> String {
        guard of(s) > columns else { return s }
        guard columns > 0 else { return "" }
        var kept = ""
        var used = 0
        for cluster in s {
            let w = width(of: cluster)
            if used + w > columns - 1 { break }
            kept.append(cluster)
            used += w
        }
        return kept + "…"
    }

    /// The column width of one grapheme cluster (0, 1 or 2).
    public static func width(of cluster: Character) -> Int {
        let scalars = cluster.unicodeScalars
        // A lone precomposed Latin letter (Vietnamese NFC: Latin-1, Extended-A/B, Extended
        // Additional) is one column; no property lookup needed.
        if let only = scalars.first, scalars.count == 1,
           (0xA0..<0x300).contains(only.value) || (0x1E00..<0x1F00).contains(only.value) { return 1 }
        guard let base = scalars.first(where: { !isZeroWidth($0) }) else { return 0 }
        if isWide(base.value) { return 2 }
        let properties = base.properties
        if properties.isEmojiPresentation {
            // U+FE0E (VS15) asks for the narrow text presentation.
            return scalars.contains("\u{FE0E}") ? 1 : 2
        }
        if properties.isEmoji && scalars.contains("\u{FE0F}") { return 2 }
        return 1
    }

    /// Controls (C0, DEL, C1), format characters (ZWSP, ZWJ, soft hyphen excluded), and
    /// non-spacing or enclosing marks occupy no column of their own.
    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .nonspacingMark, .enclosingMark:
            return true
        case .format:
            return scalar.value != 0x00AD  // a soft hyphen is drawn by terminals
        default:
            // Hangul medial vowels and final consonants join the leading consonant's two columns.
            return (0x1160...0x11FF).contains(scalar.value)
        }
    }

    /// East Asian Width W or F (Unicode 15 EastAsianWidth.txt), excluding the emoji ranges, which are
    /// decided by their Emoji_Presentation property instead.
    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for range in wideRanges where range.contains(v) {
            return true
        }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo leading consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,    // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,    // CJK Unified Ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo Extended-A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut, Khitan
        0x1B000...0x1B2FF,  // Kana supplement and extensions, Nushu
        0x1F200...0x1F202,  // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD,  // CJK Extension B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK Extension G–H
    ]
}
