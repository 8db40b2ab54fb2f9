import Testing
import SocaiCore
@testable import SocaiReports

@Suite("TextTable")
struct TextTableTests {
    @Test func vietnameseNamesLineUpByDisplayWidth() {
        var table = TextTable(columns: [
            (title: "Đơn vị", alignment: .left),
            (title: "Đảng viên", alignment: .right),
            (title: "Tỷ lệ", alignment: .right),
        ])
        table.append(["Huyện ủy Sốp Cộp", "5.275", "117,25%"])
        // NFD: more scalars and bytes than the NFC row, same columns.
        table.append(["\u{110}a\u{309}ng u\u{309}y xa\u{303} Mu\u{31B}o\u{31B}\u{300}ng Va\u{300}", "312", "91,57%"])
        table.append(["Chi bộ 中文", "12"])  // short row; CJK takes two columns per character
        #expect(table.render() == """
            Đơn vị               Đảng viên    Tỷ lệ
            ───────────────────  ─────────  ───────
            Huyện ủy Sốp Cộp         5.275  117,25%
            Đảng ủy xã Mường Và        312   91,57%
            Chi bộ 中文                 12

            """)
    }

    @Test func leftAndRightAlignmentAndTrimming() {
        var table = TextTable(columns: [(title: "a", alignment: .left), (title: "n", alignment: .right)])
        table.append(["x", "1"])
        table.append(["longer", "100"])
        table.append(["", ""])
        #expect(table.render() == "a         n\n──────  ───\nx         1\nlonger  100\n\n")
    }

    @Test func extraCellsAndLineBreaksInsideCells() {
        var table = TextTable(columns: [(title: "id", alignment: .left)])
        table.append(["a\r\nb", "extra"])
        table.append(["c\td"])
        #expect(table.render() == "id\n───  ─────\na b  extra\nc d\n")
    }

    @Test func emptyTables() {
        #expect(TextTable(columns: []).render() == "")
        let headerOnly = TextTable(columns: [(title: "Tên", alignment: .left), (title: "Số", alignment: .right)])
        #expect(headerOnly.render() == "Tên  Số\n───  ──\n")
    }

    /// `socai log`'s titles and sources run as long as the documents (issue 13): the listed
    /// columns give up space in order, cut with "…"; the others keep their width.
    @Test func fittingCutsTheListedColumnsInOrder() {
        var table = TextTable(columns: [(title: "seq", alignment: .right), (title: "what", alignment: .left), (title: "by", alignment: .left)])
        table.append(["12", "Hội nghị Tổng kết Nghị quyết số 04-NQ/TU", "Văn phòng Tỉnh ủy"])
        #expect(table.render(fitting: 80, shrinking: [(1, 10)]) == table.render(), "a table that fits is unchanged")
        #expect(table.render(fitting: 40, shrinking: [(1, 12), (2, 5)]) == """
            seq  what              by
            ───  ────────────────  ─────────────────
             12  Hội nghị Tổng k…  Văn phòng Tỉnh ủy

            """)
        // Past every column's narrowest width it stops there, wider than asked.
        #expect(table.render(fitting: 10, shrinking: [(1, 12), (2, 5)]) == """
            seq  what          by
            ───  ────────────  ─────
             12  Hội nghị Tổ…  Văn …

            """)
    }
}
