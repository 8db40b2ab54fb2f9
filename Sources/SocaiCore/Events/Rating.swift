/// What a year's rating covers (DOMAIN.md §2): the unit's grassroots organisations, its
/// subordinate cells, its committee collectives, or its members.
public enum RatingSubject: String, Sendable, Hashable, CaseIterable {
    case organizations, cells, committees, members

    public var label: LocalizedText {
        switch self {
        case .organizations: LocalizedText(en: "organisations", vi: "tổ chức cơ sở đảng")
        case .cells: LocalizedText(en: "subordinate cells", vi: "chi bộ trực thuộc")
        case .committees: LocalizedText(en: "committee collectives", vi: "tập thể cấp ủy")
        case .members: LocalizedText(en: "members", vi: "đảng viên")
        }
    }

    /// A year's rating of this subject where a figure is named (check findings, CSV): `rating 2023
    /// members`, the code JSON gives, and `xếp loại 2023 đảng viên`.
    public func ratingFigure(year: Int) -> LocalizedText {
        LocalizedText(en: "rating \(year) \(rawValue)", vi: "xếp loại \(year) \(label.vi)")
    }
}

/// The four tiers, numbered 1 (best) to 4, whatever the regulation in force calls them.
public enum RatingTier: String, Sendable, Hashable, CaseIterable {
    case excellent, good, completed, failed

    public var number: Int {
        switch self {
        case .excellent: 1
        case .good: 2
        case .completed: 3
        case .failed: 4
        }
    }

    /// The tier's name under the regulation in force for `year` ("Yếu kém" before 2018).
    public func label(year: Int, subject: RatingSubject) -> LocalizedText {
        let organisationScheme = subject != .members
        switch self {
        case .excellent:
            return year < 2018 && organisationScheme
                ? LocalizedText(en: "clean and strong", vi: "Trong sạch vững mạnh")
                : LocalizedText(en: "excellent", vi: "Hoàn thành xuất sắc nhiệm vụ")
        case .good: return LocalizedText(en: "good", vi: "Hoàn thành tốt nhiệm vụ")
        case .completed: return LocalizedText(en: "completed", vi: "Hoàn thành nhiệm vụ")
        case .failed:
            return year < 2018 && organisationScheme
                ? LocalizedText(en: "weak", vi: "Yếu kém")
                : LocalizedText(en: "failed", vi: "Không hoàn thành nhiệm vụ")
        }
    }
}

/// A year's rating results as the document printed them.
///
/// Tiers may be counts (`6`) or printed shares (`15,2%`, `>70%`); a document that prints
/// "good" meaning good-or-better is recorded with `goodOrBetter`, and the disjoint tiers are
/// derived from it, so what was printed and what it meant are both kept.
public struct Rating: Sendable, Hashable {
    public var year: Int
    public var of: RatingSubject
    public var tiers: [RatingTier: FigureValue]
    public var goodOrBetter: FigureValue?
    /// The number rated as the document printed it (tiers that do not add up to it are a `check` error).
    public var rated: Int?
    public var exempt: Int?
    public var unrated: Int?
    /// The regulation the rating followed, e.g. `QĐ 124-QĐ/TW`; informative.
    public var regulation: String?
    public var printed: [PrintedPercent]

    public init(year: Int, of: RatingSubject, tiers: [RatingTier: FigureValue] = [:], goodOrBetter: FigureValue? = nil,
                rated: Int? = nil, exempt: Int? = nil, unrated: Int? = nil, regulation: String? = nil,
                printed: [PrintedPercent] = []) {
        self.year = year
        self.of = of
        self.tiers = tiers
        self.goodOrBetter = goodOrBetter
        self.rated = rated
        self.exempt = exempt
        self.unrated = unrated
        self.regulation = regulation
        self.printed = printed
    }

    /// Disjoint tier counts when the document gave counts: good-or-better minus excellent, etc.
    public var disjointCounts: [RatingTier: Int] {
        var counts: [RatingTier: Int] = [:]
        for (tier, value) in tiers { if let n = value.exactCount { counts[tier] = n } }
        if counts[.good] == nil, let both = goodOrBetter?.exactCount, let excellent = counts[.excellent] {
            counts[.good] = both - excellent
        }
        return counts
    }

    /// The tiers' sum when every tier given is a count.
    public var tierSum: Int? {
        let counts = disjointCounts
        guard !counts.isEmpty, counts.count == tiers.count + (goodOrBetter != nil && tiers[.good] == nil ? 1 : 0) else {
            return nil
        }
        return counts.values.reduce(0, +)
    }

    /// The number shares are over: the printed total, else the tiers' sum.
    public var base: Int? { rated ?? tierSum }
}
