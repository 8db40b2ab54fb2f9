/// Search keys that let users type unit names without diacritics ("sop cop" for "Huyện ủy Sốp Cộp").
///
/// Standard library only (SocaiCore has no Foundation). Foundation's `.diacriticInsensitive` folding
/// is not enough anyway: it keeps "đ" (DOMAIN.md §7), so "dang" would never find "Đảng". Here:
/// - precomposed Latin letters (Vietnamese included: horn, breve, circumflex, tone marks, and the
///   stroke of đ/Đ) map to their ASCII base letter through a table built once from the Unicode
///   character names ("LATIN SMALL LETTER O WITH HORN AND ACUTE" → "o");
/// - combining diacritical marks are dropped, so NFD input (macOS paths, some keyboards) gives the
///   same key as NFC input, and so do mixed forms such as "ô" + U+0323;
/// - every Unicode space (NBSP, thin space, ideographic space, line breaks) is a space and runs of
///   them collapse to one, trimmed at both ends; dashes (en, em, minus, …) become "-";
/// - invisible format characters (zero-width space, word joiner, BOM, soft hyphen) are dropped.
/// Old and new tone placement ("khóa"/"khoá") fold to the same key although they are not
/// canonically equivalent.
public enum TextFolding {
    /// The folded form used for comparison: lowercase ASCII for Latin text, single spaces, trimmed.
    public static func searchKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.lowercased().unicodeScalars {
            switch classify(scalar) {
            case .drop:
                continue
            case .space:
                pendingSpace = !out.isEmpty
            case .keep(let folded):
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.append(folded)
            }
        }
        return String(out)
    }

    /// How `query` matches `candidate`, or `nil` when it does not match at all.
    ///
    /// A query that folds to nothing (empty, or only spaces) matches only an identical candidate,
    /// so a blank `--unit` never silently picks every unit.
    public static func matches(_ query: String, _ candidate: String) -> MatchQuality? {
        if query == candidate { return .exact }
        let q = searchKey(query)
        guard !q.isEmpty else { return nil }
        let c = searchKey(candidate)
        if q == c { return .exactFolded }
        if c.hasPrefix(q) { return .prefixFolded }
        if c.contains(q) { return .containsFolded }
        return nil
    }

    /// `matches` with both sides already folded (`searchKey`): lookups over a large registry fold
    /// the query once and read each name's folded key from the projection.
    public static func matches(_ query: String, _ candidate: String, foldedQuery q: String, foldedCandidate c: String) -> MatchQuality? {
        if query == candidate { return .exact }
        guard !q.isEmpty else { return nil }
        if q == c { return .exactFolded }
        if c.hasPrefix(q) { return .prefixFolded }
        if c.contains(q) { return .containsFolded }
        return nil
    }

    // MARK: - Scalar classification

    private enum Fold {
        case drop
        case space
        case keep(Unicode.Scalar)
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Fold {
        let v = scalar.value
        if v < 0x80 {
            return scalar.properties.isWhitespace ? .space : .keep(scalar)
        }
        if let base = latinBase[scalar] { return .keep(base) }
        if isCombiningDiacritic(v) { return .drop }
        switch v {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
            // Soft hyphen and zero-width characters: invisible, so they must not split a word.
            return .drop
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            // Hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus sign and their
            // small/fullwidth forms: "124–QĐ/TW" must match "124-QD/TW".
            return .keep("-")
        default:
            return scalar.properties.isWhitespace ? .space : .keep(scalar)
        }
    }

    /// The Combining Diacritical Marks blocks (and their supplements), dropped after decomposition.
    private static func isCombiningDiacritic(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v)
            || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
            || (0xFE20...0xFE2F).contains(v)
    }

    /// Precomposed Latin letter → lowercase ASCII base letter, for every "LATIN … LETTER X WITH …"
    /// in the Latin blocks. Built from the character names rather than typed out, so no Vietnamese
    /// letter (134 of them with tones) can be forgotten or mistyped. Built once, lazily, thread-safe.
    private static let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
        let blocks: [ClosedRange<UInt32>] = [
            0x00C0...0x024F,  // Latin-1 Supplement letters, Latin Extended-A and -B (ơ, ư, đ)
            0x1E00...0x1EFF,  // Latin Extended Additional (ạ, ấ, ầ, ẩ, ẫ, ậ, … ỹ)
            0x2C60...0x2C7F,  // Latin Extended-C
            0xA720...0xA7FF,  // Latin Extended-D
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for block in blocks {
            for v in block {
                guard let scalar = Unicode.Scalar(v), let name = scalar.properties.name,
                      let base = baseLetter(fromName: name) else { continue }
                table[scalar] = base
            }
        }
        return table
    }()

    /// "LATIN CAPITAL LETTER D WITH STROKE" → "d"; nil for names of any other shape
    /// (ligatures such as "AE", "SHARP S", "TURNED A" have no single base letter).
    private static func baseLetter(fromName name: String) -> Unicode.Scalar? {
        let prefixes = ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "]
        guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }
        let rest = name.dropFirst(prefix.count)
        let letter = rest.prefix(while: { $0 != " " })
        guard rest.dropFirst(letter.count).hasPrefix(" WITH "), letter.count == 1,
              let scalar = letter.unicodeScalars.first, ("A"..."Z").contains(scalar) else { return nil }
        return Unicode.Scalar(scalar.value + 0x20)  // ASCII lowercase
    }
}
