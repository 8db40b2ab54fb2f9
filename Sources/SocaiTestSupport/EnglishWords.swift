/// Finds English words left in text meant to be Vietnamese, for the tests that run socai under
/// `--lang vi`.
///
/// A word with a Vietnamese letter (ă, ơ, đ, a tone mark…) is Vietnamese. A word written in plain
/// ASCII is Vietnamese only if it has the shape of a Vietnamese syllable (an initial such as `ch`,
/// `ngh`, `tr`; a vowel group such as `oa`, `uye`, `ieu`; a final among `c ch m n ng nh p t`), which
/// almost no English word has (`unknown`, `option`, `date`, `hint`, `see` and `of` do not); the
/// few short English words that do (`the`, `to`, `on`, `not`…) are listed. What is not prose is
/// skipped: options (`--unit`), `KEY=VALUE`, paths and file names, `$VARIABLES`, text in
/// backticks, command lines (`socai …`), and the `allowed` words: ids, option names, figure keys,
/// choice codes, command words and a few technical names (`JSON`, `Tab`).
public enum EnglishWords {
    /// The English words in `text`, in order (each once). What socai quotes (`'admision'`) is what
    /// the user typed, and is skipped.
    public static func find(in text: String, allowed: Set<String>) -> [String] {
        var found: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("socai ") || trimmed.hasPrefix("$ ") || trimmed.hasPrefix("swift ") { continue }
            for token in tokens(outsideQuotes(String(line))) {
                let word = token.trimmingPunctuation
                guard !word.isEmpty, isEnglish(word, allowed: allowed), !found.contains(word) else { continue }
                found.append(word)
            }
        }
        return found
    }

    /// Whether `word` (a token without surrounding punctuation) is English prose.
    static func isEnglish(_ word: String, allowed: Set<String>) -> Bool {
        if allowed.contains(word) || allowed.contains(word.lowercased()) { return false }
        if word.hasPrefix("-") || word.hasPrefix("$") || word.hasPrefix("<") { return false }
        if word.contains(where: { "=/.@_:%&*~>|#[]{}()0123456789+\\\"'".contains($0) }) { return false }
        if word.unicodeScalars.contains(where: { !$0.isASCII }) { return false }
        if word.count == 1 { return word == "a" }
        if word.contains("-") {
            // An id or a code (`transfer-out`, `X-reduction-per-year`): English unless every part is known.
            return word.split(separator: "-").contains { part in
                !(allowed.contains(String(part)) || allowed.contains(part.lowercased()) || part == "X" || part.count == 1)
            }
        }
        if word == word.uppercased() && acronyms.contains(word) { return false }
        let lower = word.lowercased()
        return stoplist.contains(lower) || !isVietnameseSyllable(lower)
    }

    /// Technical names that read the same in both languages.
    static let acronyms: Set<String> = ["JSON", "CSV", "HTML", "UTF", "BOM", "UUID", "UTC", "ISO", "SVG", "PDF", "RFC", "USD",
                                        "TW", "QĐ", "ETA", "ASCII", "MiB", "UBND", "TCCSĐ", "OK", "NFC", "SEQ",
                                        // Vietnamese abbreviations of the rating tiers (hoàn thành xuất sắc nhiệm vụ, …).
                                        "HTXSNV", "HTTNV", "HTNV", "KHTNV"]

    /// Short English words with the shape of a Vietnamese syllable. (`in`, `do`, `so`, `con`, `tin`
    /// are Vietnamese words too, written without marks, so they are not listed.)
    static let stoplist: Set<String> = ["a", "the", "to", "on", "at", "it", "up", "by", "no", "not", "but", "can", "then", "than",
                                        "that", "get", "day", "top", "me", "he", "be", "go", "am"]

    static let initials = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                           "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]
    /// Vowel groups that end a syllable (no final consonant after them).
    static let openNuclei: Set<String> = ["ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oi", "ua", "ui", "uu", "ya", "oai", "oay",
                                          "oeo", "uoi", "uou", "ieu", "yeu", "uay", "uya", "uyu"]
    /// Vowel groups that may take a final consonant, and those that must.
    static let closableNuclei: Set<String> = ["a", "e", "i", "o", "u", "y", "oa", "oe", "ue", "uy"]
    static let closedNuclei: Set<String> = ["ie", "uo", "ye", "uye", "oo"]
    static let finals = ["ch", "ng", "nh", "c", "m", "n", "p", "t"]

    /// Whether a lowercase ASCII word could be a Vietnamese syllable written without its marks.
    public static func isVietnameseSyllable(_ word: String) -> Bool {
        guard word.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        for initial in initials where word.hasPrefix(initial) {
            let rest = String(word.dropFirst(initial.count))
            if openNuclei.contains(rest) || closableNuclei.contains(rest) { return true }
            for final in finals where rest.hasSuffix(final) {
                let nucleus = String(rest.dropLast(final.count))
                if closableNuclei.contains(nucleus) || closedNuclei.contains(nucleus) { return true }
            }
        }
        return false
    }

    /// The line without what stands in backticks (code) or in single quotes (the user's input).
    static func outsideQuotes(_ line: String) -> String {
        var out = ""
        var closing: Character?
        for character in line {
            if let close = closing {
                if character == close { closing = nil; out.append(" ") }
            } else if character == "`" || character == "'" {
                closing = character
                out.append(" ")
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func tokens(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "," || $0 == ";" || $0 == "·" }).map(String.init)
    }
}

private extension String {
    /// Without the punctuation that ends or starts a word in a sentence.
    var trimmingPunctuation: String {
        let edge: Set<Character> = [".", ",", ":", ";", "!", "?", "(", ")", "[", "]", "'", "\"", "…", "→", "–", "—", "«", "»"]
        var s = Substring(self)
        while let first = s.first, edge.contains(first) { s = s.dropFirst() }
        while let last = s.last, edge.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
