extension RequestReader {
    /// What `check` would say of a rating, said when it is recorded (R6), by the same rules: tiers
    /// that do not add up to the number rated, printed shares that do not add up to 100 %, the
    /// 20 % cap; and a second rating of one year and subject, which is recorded and counts
    /// instead of the first. Each is recorded anyway: a document is recorded as printed.
    mutating func warnRating(_ rating: Rating, unit: Int32, date: CalendarDate) {
        if let rated = rating.rated, let sum = rating.tierSum, sum != rated {
            let (s, r) = (LocalizedText.count(sum), LocalizedText.count(rated))
            warn("rated", String(rated), en: "the tiers add up to \(s.en), not the \(r.en) rated (recorded as printed; `socai check` reports it)",
                 vi: "các mức cộng lại là \(s.vi), không phải \(r.vi) (vẫn ghi như tài liệu; `socai check` sẽ báo)")
        }
        let summary = Rules.summary(rating, seq: 0)
        if let total = Rules.printedShareSum(Rules.printedShares(rating, summary)) {
            let shown = LocalizedText.percent(total)
            warn("excellent", shown.en, en: "the printed shares add up to \(shown.en), not 100% (recorded as printed; `socai check` reports it)",
                 vi: "các tỷ lệ in ra cộng lại là \(shown.vi), không phải 100% (vẫn ghi như tài liệu; `socai check` sẽ báo)")
        }
        let counts = rating.disjointCounts
        if Rules.excellenceCap(summary, counts: counts) != nil {
            let excellent: LocalizedText, good: LocalizedText
            if let e = counts[.excellent], let g = counts[.good] ?? summary.tiers[.good]?.exactCount {
                (excellent, good) = (.count(e), .count(g))
            } else {
                (excellent, good) = (summary.tiers[.excellent].map { .percent($0.amount) } ?? LocalizedText("?"),
                                     summary.tiers[.good].map { .percent($0.amount) } ?? LocalizedText("?"))
            }
            warn("excellent", excellent.en, en: "excellent (\(excellent.en)) is over 20% of good (\(good.en)); the cap applies per grassroots organisation (recorded anyway)",
                 vi: "số xuất sắc (\(excellent.vi)) vượt 20% số hoàn thành tốt (\(good.vi)); quy định tính theo từng TCCSĐ (vẫn ghi)")
        }
        warnSecondRating(rating, unit: unit)
    }

    /// A second rating of one unit, year and subject (R6): recorded, and the later recorded one
    /// counts in `term` and `check`; the warning names the one it supersedes and how to keep a
    /// single rating instead (correct the first, retract this one).
    private mutating func warnSecondRating(_ rating: Rating, unit: Int32) {
        let id = registry[unit].id
        let recorded = rules.projection.ratings(unit, rules.knowledge).filter { $0.year == rating.year && $0.subject == rating.of }.map(\.seq)
        let staged = rules.staged(at: id).compactMap { event -> Int64? in
            guard case .rating(let other) = event.payload, other.year == rating.year, other.of == rating.of else { return nil }
            return event.seq
        }
        guard let earlier = (recorded + staged).max() else { return }
        let seq = rules.nextSeq
        let subject = rating.of.label
        warn("year", String(rating.year),
             en: "\(id) already has a \(rating.year) rating of its \(subject.en) (seq \(earlier)); this one is recorded and counts instead (of two ratings of one year and subject, the later recorded counts); to keep one rating, correct seq \(earlier) instead (socai record correction --event \(earlier) --set TIER=N --reason …) and retract this one (socai record correction --event \(seq) --retract --reason …)",
             vi: "\(id) đã có kết quả xếp loại năm \(rating.year) (\(subject.vi)) ở sự kiện số \(earlier); kết quả này vẫn được ghi và được tính thay cho kết quả trước (hai kết quả cùng năm, cùng đối tượng thì tính kết quả ghi sau); để chỉ giữ một kết quả, hãy đính chính số \(earlier) (socai record correction --event \(earlier) --set MỨC=N --reason …) và rút lại kết quả này (socai record correction --event \(seq) --retract --reason …)")
    }
}
