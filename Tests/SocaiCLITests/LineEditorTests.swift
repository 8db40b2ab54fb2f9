import Testing
import SocaiCore
import SocaiTestSupport
@testable import SocaiCLI

/// The line editor of guided entry, byte by byte, and what Tab offers at each question.
@Suite("line editor and Tab completion")
struct LineEditorTests {
    static let more: @Sendable (Int) -> String = { "  … \($0) more" }

    static func type(_ text: String, into state: inout LineEditState) -> [LineEditState.Effect] {
        text.utf8.map { state.take($0) }
    }

    @Test func typingVietnameseBackspaceAndControlKeys() {
        var state = LineEditState()
        let effects = Self.type("Sốp", into: &state)
        #expect(state.line == "Sốp")
        #expect(effects.filter { $0 != .none } == [.append("S"), .append("ố"), .append("p")], "a letter is echoed once it is whole")
        #expect(state.take(0x7F) == .redraw)
        #expect(state.line == "Số")
        _ = Self.type("\u{1B}[D\u{1B}OA", into: &state)
        #expect(state.line == "Số", "arrow keys are ignored, not typed")
        #expect(state.take(0x04) == .bell, "Ctrl-D on a line that is not empty does nothing")
        #expect(state.take(0x15) == .redraw)
        #expect(state.line.isEmpty)
        #expect(state.take(0x7F) == .bell)
        #expect(state.take(0x04) == .endOfInput)
        #expect(state.take(0x09) == .complete)
        #expect(state.take(0x0D) == .enter)
        _ = Self.type("abc", into: &state)
        #expect(state.take(0x03) == .endOfInput, "Ctrl-C cancels like Ctrl-D, with text typed or not")
    }

    @Test func bytesThatAreNotUTF8OrAreControlsAreDropped() {
        var state = LineEditState()
        #expect(state.take(0xFF) == .none)
        #expect(state.take(UInt8(ascii: "a")) == .append("a"), "a stray byte does not swallow what follows")
        #expect(state.take(0xE1) == .none)
        #expect(state.take(UInt8(ascii: "b")) == .append("b"), "a character cut short is dropped, the next byte read anew")
        _ = Self.type("\u{9B}", into: &state)  // a C1 control (CSI), typed as UTF-8
        #expect(state.line == "ab")
        _ = Self.type("Đ", into: &state)
        #expect(state.line == "abĐ")
    }

    @Test func tabCompletesOneCandidateAndListsSeveral() {
        var state = LineEditState()
        _ = Self.type("d", into: &state)
        let two = [LineCompletion(insert: "dien-bien", display: "dien-bien (Tỉnh ủy Điện Biên)"),
                   LineCompletion(insert: "dien-bien-phu", display: "dien-bien-phu (Thành ủy Điện Biên Phủ)")]
        #expect(state.complete(two, more: Self.more) == .list(["  dien-bien (Tỉnh ủy Điện Biên)", "  dien-bien-phu (Thành ủy Điện Biên Phủ)"]))
        #expect(state.line == "dien-bien", "extended to what the candidates share")
        #expect(state.complete([two[1]], more: Self.more) == .replaced)
        #expect(state.line == "dien-bien-phu")
        #expect(state.complete([], more: Self.more) == .none)

        var list = LineEditState()
        _ = Self.type("ban-1, Bản Hu", into: &list)
        #expect(LineEditState.word(in: list.line) == "Bản Hu", "after a comma, the next unit of a list")
        #expect(list.complete([LineCompletion(insert: "ban-huoi", display: "ban-huoi (Bản Huổi)")], more: Self.more) == .replaced)
        #expect(list.line == "ban-1, ban-huoi")
    }

    @Test func unitsAreOfferedWithoutDiacriticsBestFirst() throws {
        var b = LedgerBuilder()
        b.must("unit", [("id", "son-la"), ("name", "Tỉnh ủy Sơn La"), ("kind", "province"), ("date", "2015-01-01")])
        b.must("unit", [("id", "sop-cop"), ("name", "Huyện ủy Sốp Cộp"), ("kind", "district"), ("parent", "son-la"), ("date", "2015-01-01")])
        b.must("unit", [("id", "ban-sop"), ("name", "Chi bộ bản Sốp"), ("kind", "cell"), ("parent", "sop-cop"), ("date", "2015-01-01")])
        b.must("unit", [("id", "ban-cu"), ("name", "Chi bộ bản Cũ"), ("kind", "cell"), ("parent", "sop-cop"), ("date", "2015-01-01")])
        b.must("dissolve", [("unit", "ban-cu"), ("date", "2020-01-01")])
        let completion = GuidedCompletion(view: b.view, today: CalendarDate("2024-06-01"))
        let unit = GuidedField("unit", .unit, required: true, spec: nil)
        #expect(completion.candidates(unit, word: "sop").map(\.insert) == ["sop-cop", "ban-sop"], "a prefix of the id first")
        #expect(completion.candidates(unit, word: "huyen uy sop cop").map(\.insert) == ["sop-cop"])
        #expect(completion.candidates(unit, word: "chi bo ban").map(\.insert) == ["ban-sop", "ban-cu"], "a closed unit last")
        #expect(completion.candidates(unit, word: "").isEmpty)
        b.must("unit", [("id", "ban-sop-2"), ("name", "Chi bộ bản Sốp"), ("kind", "cell"), ("parent", "son-la"), ("date", "2015-01-01")])
        let twins = GuidedCompletion(view: b.view, today: CalendarDate("2024-06-01"))
        #expect(twins.candidates(unit, word: "chi bo ban sop").map(\.insert) == ["ban-sop", "ban-sop-2"],
                "two units of the same name: both listed, neither picked")
        #expect(completion.candidates(unit, word: "hà nội").isEmpty)
        let reason = GuidedField("reason", .choice(.departureReasons), spec: nil)
        #expect(completion.candidates(reason, word: "d").map(\.insert) == ["death"])
        var vietnamese = completion
        vietnamese.language = .vi
        #expect(vietnamese.candidates(reason, word: "tu").map(\.insert) == ["từ trần"], "in Vietnamese, the Vietnamese word")
        #expect(vietnamese.candidates(reason, word: "kh").map(\.insert) == ["khai trừ"])
        let kind = GuidedField("kind", .choice(.unitKinds), spec: nil)
        #expect(vietnamese.candidates(kind, word: "thon").map(\.insert) == ["Thôn bản"], "no comma in what Tab inserts")
        let figure = GuidedField("figure", .pairs, spec: nil)
        #expect(completion.candidates(figure, word: "memb").map(\.insert) == ["members="])
        #expect(completion.candidates(figure, word: "members=1").isEmpty)
        #expect(completion.candidates(GuidedField("title", .text, spec: nil), word: "Đại").isEmpty)
    }
}
