import SocaiCore
import SocaiReports

/// `socai help [TOPIC]`: figures (the catalogue), units (kinds), dates, terms, printed percentages.
enum HelpCommand: Command {
    static let spec = CommandSpec(
        name: "help", abstract: "Explain a topic: figures, units, dates, terms, percentages (or a command: socai help record).",
        positionals: [PositionalSpec(name: "topic", help: "figures, units, dates, terms, percentages, or a command name.", optional: true, repeatable: true)],
        examples: ["socai help figures --lang vi", "socai help dates"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let words = arguments.positionals
        let p = invocation.presenter
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        switch words.first {
        case nil:
            invocation.out(HelpFormatter.help(for: SocaiCLI.root, path: [], globals: GlobalOptions.specs, width: 100) + "\n")
        case "figures":
            var table = TextTable(columns: [(t("key", "mã"), .left), (t("nature", "loại"), .left), ("English", .left), ("Tiếng Việt", .left)])
            for d in FigureCatalogue.all {
                table.append([d.key, d.nature.rawValue, d.label.en, d.label.vi])
            }
            invocation.out(table.render())
            invocation.out("\n" + t("""
                Levels are counts at a date (reports set them, flows move them); flows are counts over a period; shares are
                percentages printed without counts. Any flow X also has X-per-year (a yearly average) and any level X has
                X-change (a stated change). Printed percentages (--printed NAME=P) are named X-attainment, X-reduction,
                X-reduction-per-year, X-share (for figures with a whole), and on ratings excellent-share, good-share,
                completed-share, failed-share, good-or-better-share. Every record but a correction takes them; on an
                event that states no figures (a merger, an admission) `check` recomputes them from the projection at the
                unit and date of the event (merger totals: from --before and --after).

                """, """
                Chỉ tiêu thời điểm (level) là số lượng tại một ngày; chỉ tiêu biến động (flow) là số lượng trong một khoảng thời gian;
                tỷ lệ (share) là phần trăm in sẵn. Mỗi flow X có X-per-year (bình quân năm), mỗi level X có X-change (mức tăng/giảm).
                Tỷ lệ in ra (--printed TÊN=P): X-attainment, X-reduction, X-reduction-per-year, X-share; với xếp loại:
                excellent-share, good-share, completed-share, failed-share, good-or-better-share. Mọi bản ghi trừ đính chính
                đều nhận --printed; với sự kiện không nêu số liệu (sáp nhập, kết nạp), `check` tính lại từ số liệu của đơn vị
                tại ngày của sự kiện (sáp nhập theo tổng: từ --before và --after).

                """))
        case "units":
            var table = TextTable(columns: [(t("kind", "loại"), .left), ("English", .left), ("Tiếng Việt", .left)])
            for kind in UnitKind.allCases { table.append([kind.rawValue, kind.label.en, kind.label.vi]) }
            invocation.out(table.render())
            invocation.out("\n" + t("Settings: ", "Bối cảnh: ") + UnitSetting.allCases.map(\.rawValue).joined(separator: ", ") + "\n"
                           + t("Units are named by id (sop-cop) or by any name they had; names match without diacritics (sop cop, đ = d).\n",
                               "Gọi đơn vị bằng mã (sop-cop) hoặc tên; tên so khớp không cần dấu (sop cop, đ = d).\n"))
        case "dates":
            invocation.out(t("""
                Dates: 2023-12-31, 31/12/2023, 31-12-2023, 1/6/2018, optionally with a weekday (Thứ Tư, 16/05/2018), which is checked.
                A date without a year (23/1) is refused. Effective dates are Vietnam calendar dates. Recorded times are UTC instants;
                --known-at takes 2024-01-23T08:00:00Z (any offset) or a date, meaning the end of that day in Vietnam (UTC+07:00).

                """, """
                Ngày: 2023-12-31, 31/12/2023, 31-12-2023, 1/6/2018, có thể kèm thứ (Thứ Tư, 16/05/2018) và sẽ được kiểm tra.
                Ngày thiếu năm (23/1) bị từ chối. Ngày hiệu lực theo lịch Việt Nam; thời điểm ghi sổ theo giờ UTC;
                --known-at nhận 2024-01-23T08:00:00Z hoặc một ngày (cuối ngày đó, giờ Việt Nam UTC+07:00).

                """))
        case "terms":
            invocation.out(t("""
                A term (2020-2025) starts on the date of the unit's congress for it (conference --kind congress --term 2020-2025),
                else its nearest higher level's, else on 1 January of the first year; it ends the day before the next term starts.
                Targets come from the congress that opened the term: admissions=400 (the term), admissions-per-year=90
                (90 × years elapsed, 5 when closed), X-reduction-per-year=15..20 (a range), shares (7%).

                """, """
                Nhiệm kỳ (2020-2025) bắt đầu từ ngày đại hội của đơn vị (conference --kind congress --term 2020-2025), nếu không có
                thì của cấp trên gần nhất, nếu không thì từ 01/01 năm đầu; kết thúc trước ngày nhiệm kỳ sau bắt đầu.
                Chỉ tiêu lấy từ đại hội: admissions=400 (cả kỳ), admissions-per-year=90 (90 × số năm), X-reduction-per-year=15..20.

                """))
        case "percentages":
            invocation.out(t("""
                Percentages are computed exactly from counts and rounded half away from zero (469/400 = 117.25%).
                `check` classifies a printed percentage as rounded (also when rounded twice, 78.05 → 78.1), truncated
                (87/95 printed 91.57) or inconsistent (6/41 printed 15.2: an error).

                """, """
                Tỷ lệ được tính chính xác từ số lượng, làm tròn nửa lên (469/400 = 117,25%). `check` phân loại tỷ lệ in ra là
                làm tròn (kể cả làm tròn hai lần 78,05 → 78,1), cắt bớt (87/95 in 91,57) hoặc không khớp (6/41 in 15,2: lỗi).

                """))
        default:
            let resolved: (command: CommandSpec, path: [String], rest: [String])
            do { resolved = try ArgumentScanner.resolveCommand(words, root: SocaiCLI.root, globals: GlobalOptions.specs) } catch {
                throw .usage(UsageError(message: "no help topic '\(words.joined(separator: " "))'", command: "help",
                                        hint: "topics: figures, units, dates, terms, percentages, or a command"))
            }
            invocation.out(HelpFormatter.help(for: resolved.command, path: resolved.path, globals: GlobalOptions.specs, width: 100) + "\n")
        }
        return .success
    }
}
