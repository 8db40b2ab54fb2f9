import SocaiCore
import Testing

/// The words each typed choice accepts: codes, names in both languages, usual words, folded.
@Suite("ChoiceList")
struct ChoiceListTests {
    /// A spelling that named two choices of one list would make the answer depend on list order.
    @Test(arguments: ChoiceList.all.map(\.name))
    func noSpellingNamesTwoChoices(_ name: String) {
        let list = ChoiceList.all.first { $0.name == name }!
        for choice in list.choices {
            for spelling in [choice.code, choice.label.en, choice.label.vi] + choice.words {
                #expect(list.resolve(spelling) == choice.code, "\(name): '\(spelling)' should be \(choice.code)")
            }
        }
    }

    @Test func foldedSpellingsAndVariants() {
        #expect(ChoiceList.departureReasons.resolve("TỪ TRẦN") == "death")
        #expect(ChoiceList.departureReasons.resolve(" tu  tran ") == "death")
        #expect(ChoiceList.departureReasons.resolve("Struck_Off") == "struck-off")
        #expect(ChoiceList.departureReasons.resolve("xoá tên") == "struck-off", "old tone placement")
        #expect(ChoiceList.departureReasons.resolve("ra khoi dang") == "exit", "đ is d")
        #expect(ChoiceList.departureReasons.resolve("từ") == nil, "a beginning is not a word")
        #expect(ChoiceList.ratingSubjects.resolve("organisations") == "organizations")
        #expect(ChoiceList.conferenceKinds.resolve("Hội nghị") == "review")
        #expect(ChoiceList.unitKinds.resolve("base_committee") == "base-committee")
        #expect(ChoiceList.eventTypes.resolve("kết nạp") == "admission")
        #expect(ChoiceList.eventTypes.resolve("") == nil)
    }

    @Test func beginningsAndListsInEachLanguage() {
        #expect(ChoiceList.departureReasons.codes(startingWith: "tu") == ["death"])
        #expect(ChoiceList.eventTypes.codes(startingWith: "chuyen") == ["move", "arrival"], "chuyển trực thuộc, chuyển đến")
        #expect(ChoiceList.departureReasons.listed.en == "transfer-out, death, expulsion, struck-off, exit")
        #expect(ChoiceList.departureReasons.listed.vi == "chuyển đi; từ trần; khai trừ; xóa tên; ra khỏi Đảng")
        #expect(ChoiceList.departureReasons.shown("death") == LocalizedText(en: "death", vi: "từ trần"))
    }
}
