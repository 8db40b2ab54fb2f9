import SocaiCore

/// The `record` subcommands and their options: the command-line face of `EventBuilder.options`.
enum RecordSpecs {
    /// Options every `record` takes.
    static let common: [OptionSpec] = [
        OptionSpec(name: "source", value: .text, help: LocalizedText(en: "The document the fact comes from, with a short quote.",
                                                                     vi: "Văn bản nguồn của dữ kiện, kèm trích dẫn ngắn.")),
        OptionSpec(name: "by", value: .name, help: LocalizedText(en: "Who records it (default: the login name).",
                                                                 vi: "Người ghi (mặc định: tên đăng nhập).")),
        OptionSpec(name: "event-id", value: .uuid, help: LocalizedText(en: "The event's id: retrying with the same id records it once.",
                                                                       vi: "Mã sự kiện: ghi lại với cùng mã thì chỉ ghi một lần.")),
        OptionSpec(name: "expect-seq", value: .count, help: CommandHelp.expectSeq),
        OptionSpec(name: "dry-run", help: LocalizedText(en: "Validate and show the event; write nothing.",
                                                        vi: "Kiểm tra và hiện sự kiện; không ghi gì.")),
        OptionSpec(name: "allow-future", help: LocalizedText(en: "Accept dates after today (a planned event).",
                                                             vi: "Chấp nhận ngày sau hôm nay (sự kiện dự kiến).")),
    ]

    static func option(_ name: String, _ value: ValueName?, _ help: LocalizedText, repeatable: Bool = false,
                       required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: value?.text, help: help, repeatable: repeatable, required: required)
    }

    static func option(_ name: String, _ value: ValueName?, en: String, vi: String, repeatable: Bool = false,
                       required: Bool = false) -> OptionSpec {
        option(name, value, LocalizedText(en: en, vi: vi), repeatable: repeatable, required: required)
    }

    static let unit = option("unit", .unit, en: "The unit: its id or name (diacritics optional: sop cop).",
                             vi: "Đơn vị: mã hoặc tên (có dấu hay không dấu đều được: sop cop).", required: true)
    static let date = option("date", .date, en: "When it happened: 2023-12-31 or 31/12/2023.",
                             vi: "Ngày xảy ra: 31/12/2023 hoặc `2023-12-31`.", required: true)
    static let count = option("count", .count, en: "How many.", vi: "Số lượng.", required: true)
    static let since = option("since", .date, en: "When the count covers a period: its first day.",
                              vi: "Khi số lượng tính cho cả một giai đoạn: ngày đầu giai đoạn.")
    /// Every record but a correction may carry what its document printed (CONTRACT.md).
    static let printed = option("printed", .printed, en: "A percentage the document printed with it, for `check` (see `socai help figures`).",
                                vi: "Tỷ lệ tài liệu in kèm, để `check` kiểm tra (xem `socai help figures`).", repeatable: true)
    /// Another name the unit is known by (`Đảng bộ huyện X` for `Huyện ủy X`): lookups find it by either.
    static let alias = option("alias", .name, en: "Another name it is known by (repeatable); lookups find it by either name.",
                              vi: "Tên gọi khác của đơn vị (lặp lại được); tìm theo tên nào cũng được.", repeatable: true)
    static let kinds = LocalizedText(en: "province, bloc, district, base-committee, base-cell, cell, village, …",
                                     vi: "tỉnh, khối, huyện, đảng bộ cơ sở, chi bộ cơ sở, chi bộ, thôn bản, … (xem `socai help units`)")
    static let settings = LocalizedText(en: "commune, ward, school, enterprise, ban, … (optional).",
                                        vi: "xã, phường, trường học, doanh nghiệp, bản, … (không bắt buộc).")

    static let subcommands: [CommandSpec] = [
        CommandSpec(name: "record unit", abstract: LocalizedText(en: "Establish a unit.", vi: "Thành lập một đơn vị."),
                    options: [option("id", .id, en: "A stable ASCII id, e.g. sop-cop.",
                                     vi: "Mã cố định, chữ không dấu, ví dụ sop-cop.", required: true),
                              option("name", .name, en: "The Vietnamese name, e.g. 'Huyện ủy Sốp Cộp'.",
                                     vi: "Tên tiếng Việt, ví dụ 'Huyện ủy Sốp Cộp'.", required: true),
                              option("kind", .kind, kinds, required: true),
                              option("setting", .setting, settings),
                              option("parent", .unit, en: "The unit it belongs to.", vi: "Đơn vị cấp trên."), alias, date, printed] + common,
                    examples: ["socai record unit --id sop-cop --name 'Huyện ủy Sốp Cộp' --kind district --parent son-la --date 2020-01-01",
                               "socai record unit --id sop-cop --name 'Huyện ủy Sốp Cộp' --alias 'Đảng bộ huyện Sốp Cộp' --kind district --parent son-la --date 2020-01-01"]),
        CommandSpec(name: "record rename", abstract: LocalizedText(en: "Give a unit a new name or kind from a date on.",
                                                                   vi: "Đổi tên hoặc loại của đơn vị từ một ngày."),
                    options: [unit, option("name", .name, en: "The new name.", vi: "Tên mới."),
                              option("kind", .kind, en: "The new kind.", vi: "Loại mới."),
                              option("setting", .setting, en: "The new setting.", vi: "Bối cảnh mới."), alias, date, printed] + common),
        CommandSpec(name: "record move", abstract: LocalizedText(en: "Place a unit under another parent from a date on (its members go with it).",
                                                                 vi: "Chuyển đơn vị sang trực thuộc cấp trên khác từ một ngày (đảng viên chuyển theo)."),
                    options: [unit, option("parent", .unit, en: "The new parent.", vi: "Đơn vị cấp trên mới.", required: true),
                              date, printed] + common),
        CommandSpec(name: "record dissolve", abstract: LocalizedText(en: "End a unit; what it held passes to its successor, or to its parent.",
                                                                     vi: "Giải thể một đơn vị; những gì đơn vị nắm giữ chuyển sang đơn vị kế thừa, hoặc về cấp trên."),
                    discussion: LocalizedText(en: """
                    A unit dissolved while it still holds members hands them (and its children) to --successor, or, with no
                    successor, to its parent, which keeps them (a warning when recorded, a `dissolved-with-members` finding).
                    In the 2025 reorganisation, a district whose communes were merged into a new commune names it:
                    socai record dissolve --unit d3 --date 2025-07-01 --successor z
                    """, vi: """
                    Đơn vị giải thể khi còn đảng viên thì chuyển đảng viên (và các đơn vị trực thuộc) sang --successor, hoặc,
                    nếu không có đơn vị kế thừa, về đơn vị cấp trên giữ lại (cảnh báo khi ghi, phát hiện `dissolved-with-members`).
                    Trong đợt sắp xếp năm 2025, huyện có các xã được sáp nhập thành xã mới thì ghi xã đó:
                    socai record dissolve --unit d3 --date 01/07/2025 --successor z
                    """),
                    options: [unit, option("reason", .text, en: "Why (optional).", vi: "Lý do (không bắt buộc)."),
                              option("successor", .unit, en: "The unit that takes over its members and children (default: its parent keeps them).",
                                     vi: "Đơn vị tiếp nhận đảng viên và các đơn vị trực thuộc (mặc định: cấp trên giữ lại)."),
                              date, printed] + common),
        CommandSpec(name: "record conference", abstract: LocalizedText(en: "A conference or published report and the figures it stated.",
                                                                       vi: "Một đại hội, hội nghị hoặc báo cáo đã công bố và các số liệu được nêu."),
                    discussion: LocalizedText(en: """
                    Figures: --figure KEY=VALUE, VALUE like 5275 or 5.275, ~120 (about), >3700 (over), 2,9% (a share),
                    95@2016-05-23 (a level on another date), 492@2015-01-01..2020-08-14 (a flow over a period).
                    Targets: --target admissions=400, admissions-per-year=90, X-reduction-per-year=15..20, …
                    Printed percentages: --printed admissions-attainment=117,3 (see `socai help figures`).
                    """, vi: """
                    Số liệu: --figure MÃ=GIÁ_TRỊ, GIÁ_TRỊ như 5275 hoặc 5.275, ~120 (khoảng), >3700 (trên), 2,9% (tỷ lệ),
                    95@23/05/2016 (số tại một ngày khác), 492@01/01/2015..14/08/2020 (số của cả một giai đoạn).
                    Chỉ tiêu: --target admissions=400, admissions-per-year=90, X-reduction-per-year=15..20, …
                    Tỷ lệ in trong tài liệu: --printed admissions-attainment=117,3 (xem `socai help figures`).
                    """),
                    options: [unit, date, option("title", .text, en: "The conference's title.", vi: "Tên hội nghị.", required: true),
                              option("kind", .kind, en: "congress, review, report or other (default other).",
                                     vi: "đại hội, hội nghị (sơ kết, tổng kết), báo cáo hoặc khác (mặc định: khác)."),
                              option("term", .term, en: "The congress term it belongs to, e.g. 2020-2025.",
                                     vi: "Nhiệm kỳ đại hội, ví dụ 2020-2025."),
                              option("as-of", .date, en: "The date its figures describe, when not the conference's date.",
                                     vi: "Ngày mà số liệu phản ánh, nếu khác ngày hội nghị."),
                              option("figure", .keyValue, en: "A figure it reported.", vi: "Một số liệu được báo cáo.", repeatable: true),
                              option("target", .keyValue, en: "A target it set.", vi: "Một chỉ tiêu được đề ra.", repeatable: true),
                              option("printed", .printed, en: "A percentage as printed, for `check`.",
                                     vi: "Một tỷ lệ như tài liệu in, để `check` kiểm tra.", repeatable: true),
                              option("decision", .text, en: "A conclusion or directive it adopted (not a figure).",
                                     vi: "Một kết luận hoặc chủ trương được thông qua (không phải số liệu).", repeatable: true)] + common,
                    examples: ["socai record conference --unit sop-cop --date 23/01/2024 --as-of 31/12/2023 --title 'Hội nghị đánh giá Đề án' --kind review --term 2020-2025 --figure members=4014 --printed admissions-attainment=117,3"]),
        CommandSpec(name: "record admission", abstract: LocalizedText(en: "Members admitted at a unit.", vi: "Kết nạp đảng viên tại một đơn vị."),
                    options: [unit, date, count, since, printed] + common,
                    examples: ["socai record admission --unit muong-thanh --date 2021-03-01 --count 25"]),
        CommandSpec(name: "record departure", abstract: LocalizedText(en: "Members leaving a unit.", vi: "Đảng viên giảm tại một đơn vị."),
                    options: [unit, date, count,
                              option("reason", .reason, en: "transfer-out, death, expulsion, struck-off or exit.",
                                     vi: "chuyển đi, từ trần, khai trừ, xóa tên hoặc ra khỏi Đảng.", required: true),
                              since, printed] + common,
                    examples: ["socai record departure --unit muong-thanh --date 20/02/2025 --count 1 --reason 'từ trần'"]),
        CommandSpec(name: "record arrival", abstract: LocalizedText(en: "Members transferred in.", vi: "Đảng viên chuyển đến."),
                    options: [unit, date, count, since, printed] + common),
        CommandSpec(name: "record merger", abstract: LocalizedText(en: "Units merged into an existing or a new unit (or merger totals).",
                                                                   vi: "Sáp nhập các đơn vị vào một đơn vị có sẵn hoặc mới (hoặc chỉ ghi số tổng)."),
                    discussion: LocalizedText(
                        en: "Named units: --from A,B --into C (add --name/--kind/--parent when C is new). Totals only: --in UNIT --of village --before 128 --after 101 [--rounds 3].",
                        vi: "Đơn vị cụ thể: --from A,B --into C (thêm --name/--kind/--parent khi C là đơn vị mới). Chỉ số tổng: --in ĐƠN_VỊ --of 'thôn bản' --before 128 --after 101 [--rounds 3]."),
                    options: [option("from", .units, en: "The units merged.", vi: "Các đơn vị được sáp nhập.", repeatable: true),
                              option("into", .unit, en: "The unit they become (new with --name).", vi: "Đơn vị sau sáp nhập (mới nếu có --name)."),
                              option("name", .name, en: "The new unit's name.", vi: "Tên đơn vị mới."),
                              option("kind", .kind, en: "The new unit's kind.", vi: "Loại đơn vị mới."),
                              option("setting", .setting, en: "The new unit's setting.", vi: "Bối cảnh của đơn vị mới."),
                              option("parent", .unit, en: "The new unit's parent.", vi: "Đơn vị cấp trên của đơn vị mới."),
                              option("in", .unit, en: "Totals: the unit the merged units lie in.", vi: "Số tổng: đơn vị có các đơn vị được sáp nhập."),
                              option("of", .kind, en: "Totals: what was merged (village, cell, …).", vi: "Số tổng: loại được sáp nhập (thôn bản, chi bộ, …)."),
                              option("before", .count, en: "Totals: how many before.", vi: "Số tổng: số lượng trước sáp nhập."),
                              option("after", .count, en: "Totals: how many after.", vi: "Số tổng: số lượng sau sáp nhập."),
                              option("rounds", .count, en: "Totals: in how many rounds.", vi: "Số tổng: qua bao nhiêu đợt."),
                              option("since", .date, en: "Totals: the first day of the period.", vi: "Số tổng: ngày đầu giai đoạn."),
                              date, printed] + common,
                    examples: ["socai record merger --from ban-a,ban-b --into ban-c --name 'Bản C' --kind village --date 2022-05-01",
                               "socai record merger --in sop-cop --of village --before 128 --after 101 --rounds 3 --since 2020-01-01 --date 2023-12-31 --printed villages-reduction=21,1"]),
        CommandSpec(name: "record rating", abstract: LocalizedText(en: "A year's rating results (counts or printed shares).",
                                                                   vi: "Kết quả đánh giá, xếp loại của một năm (số lượng hoặc tỷ lệ in ra)."),
                    options: [unit, option("year", .year, en: "The rated year.", vi: "Năm được đánh giá.", required: true),
                              option("of", .subject, en: "organizations, cells, committees or members.",
                                     vi: "tổ chức cơ sở đảng, chi bộ, tập thể cấp ủy hoặc đảng viên.", required: true),
                              option("excellent", .countOrPercent, en: "Completed its tasks excellently (Hoàn thành xuất sắc nhiệm vụ).",
                                     vi: "Hoàn thành xuất sắc nhiệm vụ."),
                              option("good", .countOrPercent, en: "Completed its tasks well (Hoàn thành tốt nhiệm vụ).",
                                     vi: "Hoàn thành tốt nhiệm vụ."),
                              option("good-or-better", .countOrPercent, en: "When the document prints good including excellent.",
                                     vi: "Khi tài liệu in số hoàn thành tốt trở lên (gồm cả xuất sắc)."),
                              option("completed", .countOrPercent, en: "Completed its tasks (Hoàn thành nhiệm vụ).", vi: "Hoàn thành nhiệm vụ."),
                              option("failed", .countOrPercent, en: "Did not complete its tasks (Không hoàn thành nhiệm vụ / Yếu kém).",
                                     vi: "Không hoàn thành nhiệm vụ / Yếu kém."),
                              option("rated", .count, en: "The number rated, as the document states it.",
                                     vi: "Số được đánh giá, như tài liệu ghi."),
                              option("exempt", .count, en: "Exempt from rating.", vi: "Số miễn đánh giá."),
                              option("unrated", .count, en: "Not rated.", vi: "Số chưa đánh giá."),
                              option("regulation", .text, en: "The regulation followed, e.g. QĐ 124-QĐ/TW.",
                                     vi: "Quy định áp dụng, ví dụ QĐ 124-QĐ/TW."),
                              option("printed", .printed, en: "A share as printed, e.g. excellent-share=15,2.",
                                     vi: "Một tỷ lệ như tài liệu in, ví dụ excellent-share=15,2.", repeatable: true),
                              option("date", .date, en: "When it was decided (default 31/12 of the year).",
                                     vi: "Ngày quyết định (mặc định 31/12 của năm).")] + common,
                    examples: ["socai record rating --unit sop-cop --year 2023 --of organizations --excellent 6 --good 32 --completed 3 --failed 0 --rated 41 --printed excellent-share=15,2"]),
        CommandSpec(name: "record correction", abstract: LocalizedText(
                        en: "Correct an earlier event without editing it: retract it or replace fields.",
                        vi: "Đính chính một sự kiện đã ghi mà không sửa nó: rút lại hoặc thay một số trường."),
                    options: [option("event", .id, en: "The seq or the id of the event to correct (`socai log` shows both).",
                                     vi: "Số thứ tự hoặc mã của sự kiện cần đính chính (`socai log` cho thấy cả hai).", required: true),
                              option("reason", .text, en: "Why.", vi: "Lý do.", required: true),
                              option("retract", nil, en: "The event should not have been recorded.", vi: "Sự kiện lẽ ra không được ghi."),
                              option("set", .fieldValue, en: "Replace a field: count=20, date=2021-03-02, figures.members=4015.",
                                     vi: "Thay một trường: count=20, date=02/03/2021, figures.members=4015.", repeatable: true)] + common,
                    examples: ["socai record correction --event 28 --reason 'nhầm: 20, không phải 25' --set count=20"]),
    ]
}
