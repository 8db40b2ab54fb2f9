import SocaiCore

/// Finds numbers and dates written the English way in text meant to be Vietnamese, for the tests
/// that run socai under `--lang vi` (with `EnglishWords`).
///
/// A Vietnamese reader writes 4.014 (a dot between thousands), 14,63% (a decimal comma) and
/// 31/12/2023. So in Vietnamese text a dot followed by other than exactly three digits
/// (`15.2`, `100.6%`, `14.6341`) is a decimal point, a comma followed by three digits in a number
/// that is not a percentage and does not start with 0 (`4,014`, `1,234,567`) groups thousands,
/// and `2023-12-31` is an ISO date: all English. (A Vietnamese decimal with three places, `0,125`
/// or `14,634%`, is told apart by its 0 or its `%`.) What the user typed (`'2,5'`), code (in
/// backticks), an option's value after its name (`--to 2024-13-01`) and command lines (`socai …`) are skipped, as `EnglishWords` skips them; so are
/// RFC 3339 instants (`2024-01-23T08:00:00Z`, the notation `--known-at` takes, which has no
/// Vietnamese form), ranges' `..` (`15..20`), and the `allowed` strings (a format version such as
/// `1.0`). CSV is read field by field (`find(inCSV:)`): its commas separate, not group.
public enum EnglishNumbers {
    public static func find(in text: String, allowed: Set<String> = []) -> [String] {
        var found: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("socai ") || trimmed.hasPrefix("$ ") || trimmed.hasPrefix("swift ") { continue }
            var afterOption = false
            for token in EnglishWords.outsideQuotes(String(line)).split(whereSeparator: \.isWhitespace) {
                // An option's value as the user typed it (`lỗi: --figure admissions=4@2023-12-31: …`).
                defer { afterOption = token.hasPrefix("--") && !token.contains("=") }
                guard !afterOption, !isInstant(token) else { continue }
                found.append(contentsOf: english(in: String(token), allowed: allowed, skipping: found))
            }
        }
        return found
    }

    /// The same, for CSV: every field of every row.
    public static func find(inCSV text: String, allowed: Set<String> = []) throws -> [String] {
        var found: [String] = []
        for record in try CSVParser.parse(text) {
            for field in record.fields where !isInstant(Substring(field)) {
                found.append(contentsOf: english(in: field, allowed: allowed, skipping: found))
            }
        }
        return found
    }

    private static func english(in token: String, allowed: Set<String>, skipping found: [String]) -> [String] {
        var result: [String] = []
        for number in numbers(in: token) where isEnglish(number) && !allowed.contains(number) && !found.contains(number) && !result.contains(number) {
            result.append(number)
        }
        return result
    }

    /// `2024-01-23T08:00:00Z` and the like: yyyy-mm-dd, then `T` and a time.
    static func isInstant(_ token: Substring) -> Bool {
        let characters = Array(token.drop { !$0.isNumber })
        guard characters.count >= 16, characters[10] == "T" || characters[10] == "t", characters[13] == ":" else { return false }
        return isEnglish(String(characters[0..<10]))
    }

    /// The runs of digits, dots, commas, dashes and a final `%` in `token`, each trimmed of the
    /// punctuation that ends a sentence.
    static func numbers(in token: String) -> [String] {
        var runs: [String] = []
        var current = ""
        func flush() {
            for var run in current.split(separator: "..").map(String.init) {
                while let last = run.last, ".,-".contains(last) { run.removeLast() }
                while let first = run.first, ".,-".contains(first) { run.removeFirst() }
                if run.contains(where: \.isNumber) { runs.append(run) }
            }
            current = ""
        }
        for character in token {
            if character.isASCII && (character.isNumber || ".,-%".contains(character)) {
                current.append(character)
                if character == "%" { flush() }
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// Whether a run of digits, separators and a `%` is written the English way.
    static func isEnglish(_ number: String) -> Bool {
        let percent = number.hasSuffix("%")
        let body = percent ? String(number.dropLast()) : number
        let dashed = body.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 3, dashed[0].count == 4, dashed[1].count == 2, dashed[2].count == 2 { return true }
        for part in dashed {
            let dots = part.split(separator: ".", omittingEmptySubsequences: false)
            for group in dots.dropFirst() where group.prefix(while: { $0 != "," }).count != 3 { return true }
            let commas = part.split(separator: ",", omittingEmptySubsequences: false)
            if commas.count > 2 { return true }
            if commas.count == 2, !percent, commas[0].first != "0", commas[1].prefix(while: \.isNumber).count == 3 { return true }
        }
        return false
    }
}
