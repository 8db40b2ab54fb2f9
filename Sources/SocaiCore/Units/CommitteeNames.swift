/// The two ways Vietnamese writes the name of one party organisation: by its committee
/// (*Huyện ủy Sốp Cộp*, the executive committee that speaks for it) and by the organisation
/// itself (*Đảng bộ huyện Sốp Cộp*). Documents use both for the same unit, so a lookup by either
/// finds it (issue 17, "seed the common pairs"); aliases a clerk records add to these.
public enum CommitteeNames {
    /// (committee form, organisation form), as written; compared folded, so *ủy*/*uỷ* and
    /// diacritics do not matter.
    static let pairs: [(committee: String, organisation: String)] = [
        ("Tỉnh ủy", "Đảng bộ tỉnh"),
        ("Thành ủy", "Đảng bộ thành phố"),
        ("Huyện ủy", "Đảng bộ huyện"),
        ("Quận ủy", "Đảng bộ quận"),
        ("Thị ủy", "Đảng bộ thị xã"),
        ("Đảng ủy xã", "Đảng bộ xã"),
        ("Đảng ủy phường", "Đảng bộ phường"),
        ("Đảng ủy thị trấn", "Đảng bộ thị trấn"),
        ("Đảng ủy đặc khu", "Đảng bộ đặc khu"),
    ]

    private static let folded: [(committee: [Substring], organisation: [Substring], pair: Int)] = pairs.enumerated().map {
        (TextFolding.searchKey($0.element.committee).split(separator: " "),
         TextFolding.searchKey($0.element.organisation).split(separator: " "), $0.offset)
    }

    /// The other form of `name` (`Huyện ủy Sốp Cộp` → `Đảng bộ huyện Sốp Cộp` and back), or nil
    /// when the name starts with neither form.
    public static func otherForm(of name: String) -> String? {
        let words = TextFolding.searchKey(name).split(separator: " ")
        let written = name.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == written.count else { return nil }
        for entry in folded {
            for (from, to) in [(entry.committee, pairs[entry.pair].organisation), (entry.organisation, pairs[entry.pair].committee)]
            where words.count > from.count && Array(words.prefix(from.count)) == from {
                return ([to] + written.dropFirst(from.count).map(String.init)).joined(separator: " ")
            }
        }
        return nil
    }
}
