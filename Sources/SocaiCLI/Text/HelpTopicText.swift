import SocaiCore

/// The texts of `socai help TOPIC`, in both languages.
public enum HelpTopicText: String, TextCatalogue {
    case key, nature, kind, figuresNotes, settings, unitsNote, dates, terms, percentages
    case levelNature, flowNature, shareNature, amountNature
    case noTopic, topicsAre

    public static let area = "help-topic"

    public var text: LocalizedText {
        switch self {
        case .key: LocalizedText(en: "key", vi: "mã")
        case .nature: LocalizedText(en: "nature", vi: "loại")
        case .kind: LocalizedText(en: "kind", vi: "loại")
        case .levelNature: LocalizedText(en: "level", vi: "thời điểm")
        case .flowNature: LocalizedText(en: "flow", vi: "biến động")
        case .shareNature: LocalizedText(en: "share", vi: "tỷ lệ")
        case .amountNature: LocalizedText(en: "amount", vi: "giá trị")
        case .figuresNotes: LocalizedText(en: """
            Levels are counts at a date (reports set them, flows move them); flows are counts over a period; shares are
            percentages printed without counts. Any flow X also has X-per-year (a yearly average) and any level X has
            X-change (a stated change). Printed percentages (--printed NAME=P) are named X-attainment, X-reduction,
            X-reduction-per-year, X-share (for figures with a whole), and on ratings excellent-share, good-share,
            completed-share, failed-share, good-or-better-share. Every record but a correction takes them; on an
            event that states no figures (a merger, an admission) `check` recomputes them from the projection at the
            unit and date of the event (merger totals: from --before and --after).

            """, vi: """
            Chỉ tiêu thời điểm là số lượng tại một ngày (báo cáo xác lập, biến động làm thay đổi); chỉ tiêu biến động là số
            lượng trong một khoảng thời gian; tỷ lệ là phần trăm in sẵn, không kèm số lượng. Mỗi chỉ tiêu biến động X có
            X-per-year (bình quân năm), mỗi chỉ tiêu thời điểm X có X-change (mức tăng/giảm được nêu). Tỷ lệ in trong tài liệu
            (--printed TÊN=P) có tên X-attainment, X-reduction, X-reduction-per-year, X-share (với số liệu có tổng); với xếp
            loại: excellent-share, good-share, completed-share, failed-share, good-or-better-share. Mọi bản ghi trừ đính chính
            đều nhận --printed; với sự kiện không nêu số liệu (sáp nhập, kết nạp), `check` tính lại từ số liệu của đơn vị tại
            ngày của sự kiện (sáp nhập theo tổng: từ --before và --after).

            """)
        case .settings: LocalizedText(en: "Settings: ", vi: "Bối cảnh: ")
        case .unitsNote:
            LocalizedText(en: "Units are named by id (sop-cop) or by any name they had; names match without diacritics (sop cop, đ = d).\n",
                          vi: "Gọi đơn vị bằng mã (sop-cop) hoặc bằng bất kỳ tên nào đơn vị từng có; tên so khớp không cần dấu (sop cop, đ = d).\n")
        case .dates: LocalizedText(en: """
            Dates: 2023-12-31, 31/12/2023, 31-12-2023, 1/6/2018, optionally with a weekday (Thứ Tư, 16/05/2018), which is checked.
            A date without a year (23/1) is refused. Effective dates are Vietnam calendar dates. Recorded times are UTC instants;
            --known-at takes 2024-01-23T08:00:00Z (any offset) or a date, meaning the end of that day in Vietnam (UTC+07:00).

            """, vi: """
            Ngày: 31/12/2023, `2023-12-31`, 31-12-2023, 1/6/2018, có thể kèm thứ (Thứ Tư, 16/05/2018) và thứ sẽ được kiểm tra.
            Ngày thiếu năm (23/1) bị từ chối. Ngày hiệu lực theo lịch Việt Nam; thời điểm ghi sổ theo giờ UTC;
            --known-at nhận 2024-01-23T08:00:00Z (múi giờ bất kỳ) hoặc một ngày, tức cuối ngày đó theo giờ Việt Nam (UTC+07:00).

            """)
        case .terms: LocalizedText(en: """
            A term (2020-2025) starts on the date of the unit's congress for it (conference --kind congress --term 2020-2025),
            else its nearest higher level's, else on 1 January of the first year; it ends the day before the next term starts.
            A unit established or closed in between has the days it existed; of a term it has no day of, `term` says so and why.
            Targets come from the congress that opened the term: admissions=400 (the term), admissions-per-year=90
            (90 × years elapsed, 5 when closed), X-reduction-per-year=15..20 (a range), shares (7%).

            """, vi: """
            Nhiệm kỳ (2020-2025) bắt đầu từ ngày đại hội của đơn vị (conference --kind congress --term 2020-2025), nếu không có
            thì của cấp trên gần nhất, nếu không thì từ 01/01 năm đầu; kết thúc trước ngày nhiệm kỳ sau bắt đầu.
            Đơn vị thành lập hoặc kết thúc giữa chừng chỉ có những ngày đơn vị tồn tại; nhiệm kỳ mà đơn vị không có ngày nào
            thì `term` nói rõ như vậy và lý do.
            Chỉ tiêu lấy từ đại hội mở đầu nhiệm kỳ: admissions=400 (cả nhiệm kỳ), admissions-per-year=90 (90 × số năm đã qua,
            5 năm khi nhiệm kỳ đã kết thúc), X-reduction-per-year=15..20 (một khoảng), tỷ lệ (7%).

            """)
        case .percentages: LocalizedText(en: """
            Percentages are computed exactly from counts and rounded half away from zero (469/400 = 117.25%).
            `check` classifies a printed percentage as rounded (also when rounded twice, 78.05 → 78.1), truncated
            (87/95 printed 91.57) or inconsistent (6/41 printed 15.2: an error).

            """, vi: """
            Tỷ lệ được tính chính xác từ số lượng, làm tròn nửa lên (469/400 = 117,25%). `check` phân loại tỷ lệ in ra là
            làm tròn (kể cả làm tròn hai lần 78,05 → 78,1), cắt bớt (87/95 in 91,57) hoặc không khớp (6/41 in 15,2: lỗi).

            """)
        case .noTopic: LocalizedText(en: "no help topic '{topic}'", vi: "không có mục hướng dẫn '{topic}'")
        case .topicsAre: LocalizedText(en: "topics: figures, units, dates, terms, percentages, or a command",
                                       vi: "các mục: figures (số liệu), units (đơn vị), dates (ngày), terms (nhiệm kỳ), percentages (tỷ lệ), hoặc tên một lệnh")
        }
    }
}
