import SocaiCore
import SocaiTestSupport
import Testing
@testable import SocaiCLI

/// Every text socai shows exists in both languages: the catalogue (`SocaiCLI.catalogue`: message
/// areas, choice words, the help of every command and option) is walked, and a Vietnamese text
/// that is missing, equal to the English one, has other `{placeholders}`, or holds English words is
/// refused.
@Suite("catalogue of texts")
struct CatalogueTests {
    static let entries = SocaiCLI.catalogue

    @Test func everyTextHasItsVietnamese() {
        #expect(Self.entries.count > 400, "the catalogue holds every text: \(Self.entries.count)")
        var missing: [String] = []
        var untranslated: [String] = []
        for entry in Self.entries {
            let en = entry.text.en, vi = entry.text.vi
            if en.isEmpty || vi.isEmpty { missing.append(entry.id) }
            if en == vi && !SocaiCLI.sameInBothLanguages.contains(entry.id) && Self.hasWords(en) { untranslated.append(entry.id) }
        }
        #expect(missing.isEmpty, "texts missing a language: \(missing)")
        #expect(untranslated.isEmpty, "texts whose Vietnamese is the English: \(untranslated)")
    }

    @Test func placeholdersAreTheSameInBothLanguages() {
        for entry in Self.entries {
            #expect(Set(Placeholders.names(entry.text.en)) == Set(Placeholders.names(entry.text.vi)), "\(entry.id): \(entry.text)")
        }
    }

    @Test func idsAreUnique() {
        var seen = Set<String>()
        let repeated = Self.entries.map(\.id).filter { !seen.insert($0).inserted }
        #expect(repeated.isEmpty, "\(repeated)")
    }

    /// The Vietnamese texts hold no English beyond what is typed as it is (option names, figure keys, codes).
    @Test func vietnameseTextsHoldNoEnglish() {
        let allowed = VietnameseOutput.allowedWords()
        for entry in Self.entries where !SocaiCLI.sameInBothLanguages.contains(entry.id) {
            let english = EnglishWords.find(in: Placeholders.removed(entry.text.vi), allowed: allowed)
            #expect(english.isEmpty, "\(entry.id): \(english) in «\(entry.text.vi)»")
        }
    }

    @Test func aTextIsFilledInEachLanguage() {
        let text = UsageText.unknownOption(["option": "--cout"])
        #expect(text.en == "unknown option --cout")
        #expect(text.vi == "không có tùy chọn --cout")
        let counted = CommandText.verifiedOK(["events": .count(4014)])
        #expect(counted.en == "ok: 4,014 events, chain intact")
        #expect(counted.vi == "tốt: 4.014 sự kiện, chuỗi băm nguyên vẹn")
        #expect(Placeholders.names(#"{"type": "admission"} and {name} but not {1x} or { x}"#) == ["name"])
    }

    /// Whether a text says anything in words (not only placeholders, numbers and punctuation).
    static func hasWords(_ text: String) -> Bool {
        Placeholders.removed(text).contains { $0.isLetter }
    }
}

extension Placeholders {
    /// `text` without its `{name}` placeholders.
    static func removed(_ text: String) -> String {
        var out = text
        for name in names(text) { out = out.replacingOccurrences(of: "{" + name + "}", with: " ") }
        return out
    }
}
