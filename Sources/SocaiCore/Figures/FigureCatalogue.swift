/// Whether a figure is a count at a date, a count over a period, a percentage or an amount.
public enum FigureNature: String, Sendable, Hashable {
    /// A count at a date (`members` on 31/12/2023): reports set it, flows move it.
    case level
    /// A count over a period (`admissions` in a term): the sum of events, or a reported total.
    case flow
    /// A percentage as a document printed it, with no counts behind it (`83%` of cadres).
    case share
    /// A quantity in some unit of measure (`income-usd`: USD per person per year).
    case amount
}

/// One entry of the figure catalogue: a key, what it means, its labels in both languages.
public struct FigureDefinition: Sendable, Hashable {
    public let key: String
    public let nature: FigureNature
    public let label: LocalizedText
    /// For counts of units: the unit kinds the registry counts for this figure.
    public let countsUnitKinds: Set<UnitKind>
    /// For a count that is a part of another: the whole its printed `-share` is over.
    public let shareOf: String?
    /// For flows that move `members`: +1 (admissions, arrivals) or −1 (departures); 0 otherwise.
    public let memberEffect: Int

    public init(_ key: String, _ nature: FigureNature, en: String, vi: String,
                counts: Set<UnitKind> = [], shareOf: String? = nil, memberEffect: Int = 0) {
        self.key = key
        self.nature = nature
        self.label = LocalizedText(en: en, vi: vi)
        self.countsUnitKinds = counts
        self.shareOf = shareOf
        self.memberEffect = memberEffect
    }

    public var isUnitCount: Bool { !countsUnitKinds.isEmpty }
}

/// Every figure socai knows, with Vietnamese and English labels (`socai help figures`).
///
/// One catalogue, so the command line, the journal, JSON output and the checks all spell a figure
/// the same way, and an unknown key can be answered with the nearest known ones.
public enum FigureCatalogue {
    public static let all: [FigureDefinition] = [
        // Levels: counts at a date.
        .init("members", .level, en: "party members", vi: "đảng viên"),
        .init("grassroots-orgs", .level, en: "grassroots organisations (TCCSĐ)", vi: "tổ chức cơ sở đảng (chi, đảng bộ cơ sở)",
              counts: [.baseCommittee, .baseCell]),
        .init("base-committees", .level, en: "grassroots committees", vi: "đảng bộ cơ sở", counts: [.baseCommittee]),
        .init("base-cells", .level, en: "grassroots cells", vi: "chi bộ cơ sở", counts: [.baseCell]),
        .init("cells", .level, en: "subordinate cells", vi: "chi bộ trực thuộc", counts: [.cell]),
        .init("villages", .level, en: "villages", vi: "thôn, bản", counts: [.village]),
        .init("villages-without-members", .level, en: "villages without party members", vi: "thôn, bản chưa có đảng viên"),
        .init("villages-without-cell", .level, en: "villages without a party cell", vi: "thôn, bản chưa có chi bộ"),
        .init("schools-without-cell", .level, en: "schools without a party cell", vi: "trường học chưa có chi bộ"),
        .init("health-stations-without-cell", .level, en: "health stations without a party cell", vi: "trạm y tế chưa có chi bộ"),
        .init("villages-with-cell-committee", .level, en: "village cells with a cell committee", vi: "bản có chi ủy",
              shareOf: "villages"),
        .init("village-heads-not-members", .level, en: "village heads who are not party members", vi: "trưởng bản chưa là đảng viên"),
        .init("secretaries-as-village-heads", .level, en: "villages whose cell secretary is also village head",
              vi: "bản có bí thư chi bộ đồng thời là trưởng bản", shareOf: "villages"),
        .init("secretaries-as-front-heads", .level, en: "villages whose cell secretary also heads the Front committee",
              vi: "bản có bí thư đồng thời là trưởng ban công tác mặt trận", shareOf: "villages"),
        .init("cadres", .level, en: "cadres, civil servants and public employees", vi: "cán bộ, công chức, viên chức"),

        // Shares: percentages printed without the counts behind them.
        .init("grassroots-orgs-with-rules-share", .share, en: "grassroots organisations with working rules",
              vi: "TCCSĐ có quy chế hoạt động"),
        .init("commune-officials-intermediate-share", .share, en: "commune/ward officials with intermediate or higher qualification",
              vi: "cán bộ công chức xã, phường có trình độ trung cấp trở lên"),
        .init("commune-officials-college-share", .share, en: "commune/ward officials with a college or university degree",
              vi: "cán bộ công chức xã, phường có trình độ cao đẳng, đại học"),
        .init("heads-as-secretaries-share", .share, en: "agencies whose head is the party secretary",
              vi: "cơ quan, đơn vị có người đứng đầu làm bí thư cấp ủy"),
        .init("cadres-college-share", .share, en: "cadres with a college or university degree", vi: "cán bộ có trình độ cao đẳng, đại học"),
        .init("cadres-postgraduate-share", .share, en: "cadres with a postgraduate degree", vi: "cán bộ có trình độ trên đại học"),
        .init("cadres-advanced-theory-share", .share, en: "cadres with advanced political theory or a bachelor's in it",
              vi: "cán bộ có trình độ lý luận chính trị cao cấp, cử nhân"),
        .init("cadres-intermediate-theory-share", .share, en: "cadres with intermediate political theory",
              vi: "cán bộ có trình độ lý luận chính trị trung cấp"),

        // Amounts.
        .init("income-usd", .amount, en: "average income, USD per person per year", vi: "thu nhập bình quân, USD/người/năm"),

        // Flows: counts over a period.
        .init("admissions", .flow, en: "members admitted", vi: "kết nạp đảng viên", memberEffect: 1),
        .init("arrivals", .flow, en: "members transferred in", vi: "đảng viên chuyển đến", memberEffect: 1),
        .init("transfers-out", .flow, en: "members transferred out", vi: "đảng viên chuyển đi", memberEffect: -1),
        .init("deaths", .flow, en: "members deceased", vi: "đảng viên từ trần", memberEffect: -1),
        .init("expulsions", .flow, en: "members expelled", vi: "khai trừ", memberEffect: -1),
        .init("struck-off", .flow, en: "members struck off the rolls", vi: "xóa tên", memberEffect: -1),
        .init("exits", .flow, en: "members who left the party", vi: "xin ra khỏi Đảng", memberEffect: -1),
        .init("departures", .flow, en: "members leaving, all reasons", vi: "đảng viên giảm (mọi lý do)", memberEffect: -1),
        .init("admissions-with-degree", .flow, en: "admitted members with a university degree or higher",
              vi: "đảng viên mới có trình độ đại học trở lên", shareOf: "admissions"),
        .init("admissions-in-enterprises", .flow, en: "members admitted in enterprises and cooperatives",
              vi: "kết nạp đảng viên trong doanh nghiệp, hợp tác xã"),
        .init("cells-established", .flow, en: "party cells established", vi: "chi bộ thành lập mới"),
        .init("cooperative-cells-established", .flow, en: "cooperative party cells established", vi: "chi bộ hợp tác xã thành lập"),
        .init("village-merger-rounds", .flow, en: "rounds of village mergers", vi: "đợt sáp nhập bản"),
        .init("candidate-classes", .flow, en: "training classes for admission candidates", vi: "lớp bồi dưỡng đối tượng kết nạp Đảng"),
        .init("candidates-trained", .flow, en: "admission candidates trained", vi: "quần chúng ưu tú được bồi dưỡng"),
        .init("probationary-classes", .flow, en: "political theory classes for probationary members",
              vi: "lớp bồi dưỡng lý luận chính trị cho đảng viên dự bị"),
        .init("probationary-trained", .flow, en: "probationary members trained", vi: "đảng viên dự bị được bồi dưỡng"),
        .init("party-work-classes", .flow, en: "party-work training classes", vi: "lớp bồi dưỡng nghiệp vụ công tác Đảng"),
        .init("thematic-meetings", .flow, en: "thematic cell meetings registered", vi: "chuyên đề sinh hoạt được đăng ký"),
        .init("inspected-orgs", .flow, en: "inspections of party organisations (occurrences)", vi: "lượt kiểm tra tổ chức đảng"),
        .init("inspected-members", .flow, en: "inspections of members (occurrences)", vi: "lượt kiểm tra đảng viên"),
        .init("supervised-orgs", .flow, en: "supervisions of party organisations (occurrences)", vi: "lượt giám sát tổ chức đảng"),
        .init("supervised-members", .flow, en: "supervisions of members (occurrences)", vi: "lượt giám sát đảng viên"),
        .init("disciplined-members", .flow, en: "members disciplined", vi: "đảng viên bị xử lý kỷ luật"),
    ]

    private static let byKey: [String: FigureDefinition] = {
        var table: [String: FigureDefinition] = [:]
        for definition in all { table[definition.key] = definition }
        return table
    }()

    /// The definition of `key`, including the derived forms `X-per-year` (a flow's yearly average)
    /// and `X-change` (a stated change of a level over a period).
    public static func definition(_ key: String) -> FigureDefinition? {
        if let direct = byKey[key] { return direct }
        if let base = baseKey(key, suffix: "-per-year"), let flow = byKey[base], flow.nature == .flow {
            return FigureDefinition(key, .flow, en: flow.label.en + ", average per year",
                                    vi: flow.label.vi + ", bình quân mỗi năm")
        }
        if let base = baseKey(key, suffix: "-change"), let level = byKey[base], level.nature == .level {
            return FigureDefinition(key, .flow, en: "change in " + level.label.en, vi: "tăng/giảm " + level.label.vi)
        }
        return nil
    }

    /// The key `X` of `X-per-year` / `X-change`, when `key` has that suffix.
    public static func baseKey(_ key: String, suffix: String) -> String? {
        key.hasSuffix(suffix) ? String(key.dropLast(suffix.count)) : nil
    }

    /// Every key a user may type, for suggestions and completion.
    public static var keys: [String] { all.map(\.key) }

    /// The flow keys that are reasons of a departure, in the order the contract lists them.
    public static let departureKeys = ["transfers-out", "deaths", "expulsions", "struck-off", "exits"]
}
