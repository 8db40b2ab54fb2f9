extension Rules {
    /// A rating's tiers against the number rated, its printed shares, and the 20 % cap (R6).
    func ratingFindings(_ record: RecordVersion, _ rating: Rating) -> [Finding] {
        var findings: [Finding] = []
        let subject = registry[record.subject].id
        let figure = rating.of.ratingFigure(year: rating.year)
        let vi = NumberFormat.vi
        let counts = rating.disjointCounts
        if let rated = rating.rated, let sum = rating.tierSum, sum != rated {
            findings.append(Finding(unit: subject, date: record.date, figure: figure, stated: String(rated), derived: String(sum),
                                    kind: "tier-sum", severity: .error,
                                    message: LocalizedText(en: "the tiers add up to \(sum), not the \(rated) rated the document states",
                                                           vi: "các mức cộng lại là \(vi.integer(sum)), không phải \(vi.integer(rated)) như tài liệu ghi"),
                                    seq: record.seq))
        }
        let summary = Rules.summary(rating, seq: record.seq)
        let printedShares = Rules.printedShares(rating, summary)
        if let base = rating.base, base > 0 {
            for share in printedShares {
                let count: Int?
                if let tier = share.tier { count = counts[tier] } else {
                    count = rating.goodOrBetter?.exactCount ?? counts[.excellent].flatMap { e in counts[.good].map { e + $0 } }
                }
                guard let count, summary.tiers[share.tier ?? .good]?.isPercent != true || share.tier == nil else { continue }
                findings.append(printedFinding(subject: subject, seq: record.seq, date: record.date, name: share.name,
                                               printed: share.value, exact: Ratio(count * 100, base), formula: Rules.formula(count, base), base: base))
            }
        }
        if let total = Rules.printedShareSum(printedShares) {
            findings.append(Finding(unit: subject, date: record.date, figure: figure, stated: total.description + "%",
                                    derived: "100%", kind: "printed-sum", severity: .warning,
                                    message: LocalizedText(en: "the printed shares add up to \(total)%",
                                                           vi: "các tỷ lệ in ra cộng lại là \(vi.percent(total))"),
                                    seq: record.seq))
        }
        if let cap = Rules.excellenceCap(summary, counts: counts) {
            let shown = cap.ratio?.rounded(scale: 2)
            let atGrassroots = registry[record.subject].kind(at: record.date).map(Rules.capIsTheRule) ?? false
            // With no good tier there is no share to print: 20% of nothing is nothing, so any excellent is over it.
            let over = shown.map { LocalizedText(en: "excellent is \($0)% of good", vi: "xuất sắc bằng \(vi.percent($0)) số hoàn thành tốt") }
                ?? LocalizedText(en: "excellent is given with no good tier (\(cap.formula))",
                                 vi: "có xuất sắc mà không có hoàn thành tốt (\(cap.formula))")
            let message: LocalizedText
            if atGrassroots {
                message = LocalizedText(en: "\(over.en), over the 20% cap; the cap applies to each grassroots organisation, so here it is the rule itself",
                                        vi: "\(over.vi), vượt mức 20%; quy định áp dụng cho từng tổ chức cơ sở đảng nên ở đây là vi phạm quy định")
            } else {
                message = LocalizedText(en: "\(over.en), over the 20% cap (the rule applies per grassroots organisation, so a total over it is a warning)",
                                        vi: "\(over.vi), vượt mức 20% (quy định tính theo từng tổ chức cơ sở đảng nên chỉ cảnh báo)")
            }
            findings.append(Finding(unit: subject, date: record.date, figure: figure, stated: cap.formula, derived: shown.map { $0.description + "%" },
                                    kind: "excellence-cap", severity: atGrassroots ? .error : .warning, message: message, seq: record.seq))
        }
        return findings
    }

    /// A rating's printed shares (R6): the tiers given as percentages (good made disjoint), and
    /// `--printed NAME=P` of a tier or of good-or-better (`tier` nil).
    static func printedShares(_ rating: Rating, _ summary: TermReport.RatingSummary) -> [(name: String, value: FixedDecimal, tier: RatingTier?)] {
        var shares: [(name: String, value: FixedDecimal, tier: RatingTier?)] = []
        for tier in RatingTier.allCases {
            if let v = summary.tiers[tier], v.isPercent, v.qualifier == .exact { shares.append((tier.rawValue + "-share", v.amount, tier)) }
        }
        for printed in rating.printed {
            switch PrintedPercentName.parse(printed.name, onRating: true) {
            case .tierShare(let tier)?: shares.append((printed.name, printed.value, tier))
            case .goodOrBetterShare?: shares.append((printed.name, printed.value, nil))
            default: continue
            }
        }
        return shares
    }

    /// The sum of three or more printed tier shares, at their precision, when it is further from
    /// 100 % than the rounding of each share explains (R6, `printed-sum`; warned at record time too).
    static func printedShareSum(_ shares: [(name: String, value: FixedDecimal, tier: RatingTier?)]) -> FixedDecimal? {
        let tierShares = shares.filter { $0.tier != nil }
        guard tierShares.count >= 3 else { return nil }
        let scale = tierShares.map(\.value.scale).max() ?? 0
        let sum = tierShares.reduce(Ratio(integer: 0)) { $0 + $1.value.ratio }
        let difference = sum < Ratio(integer: 100) ? Ratio(integer: 100) - sum : sum - Ratio(integer: 100)
        // Each printed share may be off by half a unit in its last place.
        guard Ratio(tierShares.count, 2 * FixedDecimal.powerOfTen(scale)) < difference else { return nil }
        return sum.rounded(scale: scale)
    }

    /// Whether the 20 % cap is the rule itself at a unit of `kind` (a grassroots organisation or below).
    static func capIsTheRule(_ kind: UnitKind) -> Bool {
        [.baseCommittee, .baseCell, .subCommittee, .cell, .partyGroup].contains(kind)
    }

    /// Excellent as a share of good, on disjoint tiers, when it breaks the 20 % cap (R6): counts,
    /// else printed shares; excellent above 0 with good at 0 breaks it.
    /// Excellent over the 20% cap, as the share of good (nil when there is no good tier to take
    /// a share of: then any excellent is over) and the stated figures it comes from.
    public static func excellenceCap(_ summary: TermReport.RatingSummary, counts: [RatingTier: Int]) -> (ratio: Ratio?, formula: String)? {
        if let e = counts[.excellent], let g = counts[.good] ?? summary.tiers[.good]?.exactCount {
            if g == 0 { return e > 0 ? (nil, "\(e)/0") : nil }
            let ratio = Ratio(e * 100, g)
            return Ratio(integer: 20) < ratio ? (ratio, "\(e)/\(g)") : nil
        }
        if let e = summary.tiers[.excellent], let g = summary.tiers[.good], e.isPercent, g.isPercent {
            if g.amount.units == 0 { return e.amount.units > 0 ? (nil, "\(e.amount)%/0%") : nil }
            let ratio = e.amount.ratio / g.amount.ratio * Ratio(integer: 100)
            return Ratio(integer: 20) < ratio ? (ratio, "\(e.amount)%/\(g.amount)%") : nil
        }
        return nil
    }
}
