import SocaiCore
import Testing

@Suite("Committee and organisation names")
struct CommitteeNamesTests {
    @Test("each form gives the other, whatever the spelling of ủy", arguments: [
        ("Huyện ủy Sốp Cộp", "Đảng bộ huyện Sốp Cộp"),
        ("Đảng bộ huyện Sốp Cộp", "Huyện ủy Sốp Cộp"),
        ("Huyện uỷ Sốp Cộp", "Đảng bộ huyện Sốp Cộp"),
        ("Tỉnh ủy Sơn La", "Đảng bộ tỉnh Sơn La"),
        ("Thành ủy Điện Biên Phủ", "Đảng bộ thành phố Điện Biên Phủ"),
        ("Đảng ủy phường Mường Thanh", "Đảng bộ phường Mường Thanh"),
        ("Đảng bộ xã Mường Và", "Đảng ủy xã Mường Và"),
    ])
    func otherForm(_ name: String, _ other: String) {
        #expect(CommitteeNames.otherForm(of: name) == other)
    }

    @Test("names in neither form, or a bare prefix, have no other form", arguments: ["Chi bộ bản Pe", "Huyện ủy", "Sốp Cộp", "Xã Mường Và"])
    func noOtherForm(_ name: String) {
        #expect(CommitteeNames.otherForm(of: name) == nil)
    }
}
