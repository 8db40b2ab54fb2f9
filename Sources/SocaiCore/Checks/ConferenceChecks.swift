extension Rules {
    /// What a conference stated, checked: printed percentages, stated changes, the composition of
    /// grassroots organisations.
    func conferenceFindings(_ record: RecordVersion, _ conference: Conference) -> [Finding] {
        var findings: [Finding] = []
        let asOf = conference.asOf ?? record.date
        let unit = record.subject
        let subject = registry[unit].id
        let vi = NumberFormat.vi
        /// The conference's values of `key`, earliest first.
        func figure(_ key: String) -> [(date: CalendarDate, value: FigureValue)] {
            conference.figures.filter { $0.key == key }.map { ($0.value.asOf ?? asOf, $0.value) }.sorted { $0.date < $1.date }
        }
        /// Two values of a level: the conference's own two, else the latest earlier report of it
        /// in the journal and the conference's (issue 21 item 5).
        func fall(_ key: String) -> (first: (date: CalendarDate, value: Int), last: (date: CalendarDate, value: Int))? {
            let values = figure(key)
            guard let last = values.last, let b = last.value.statedCount else { return nil }
            if values.count >= 2, let a = values.first!.value.statedCount { return ((values.first!.date, a), (last.date, b)) }
            let earlier = projection.levelReports(unit, key, knowledge).last { $0.date < last.date && $0.seq != record.seq }
            guard let earlier, let a = earlier.value.statedCount else { return nil }
            return ((earlier.date, a), (last.date, b))
        }
        var printedReductions: [String: FixedDecimal] = [:]
        for printed in conference.printed {
            if case .reduction(let key)? = PrintedPercentName.parse(printed.name, onRating: false) { printedReductions[key] = printed.value }
        }
        for printed in conference.printed {
            guard let name = PrintedPercentName.parse(printed.name, onRating: false) else { continue }
            switch name {
            case .attainment(let key):
                let stated = conference.figures.filter { $0.key == key }.last
                guard let stated, let actual = stated.value.statedCount else {
                    findings.append(unrecomputable(subject: subject, seq: record.seq, date: asOf, printed))
                    continue
                }
                let period = stated.value.period ?? conference.term.map { ClosedPeriod(from: min(terms.start(unit, $0).date, asOf), to: asOf) }
                    ?? ClosedPeriod(from: asOf, to: asOf)
                let local = conference.targets.first { $0.key == key }?.target
                findings.append(attainmentFinding(printed, subject: subject, seq: record.seq, date: asOf, unit: unit, key: key,
                                                  actual: actual, period: period, localTarget: local, term: conference.term))
            case .reduction(let key):
                guard let (first, last) = fall(key), first.value > 0 else {
                    findings.append(unrecomputable(subject: subject, seq: record.seq, date: asOf, printed))
                    continue
                }
                findings.append(printedFinding(subject: subject, seq: record.seq, date: asOf, name: printed.name, printed: printed.value,
                                               exact: Ratio((first.value - last.value) * 100, first.value),
                                               formula: Rules.reductionFormula(first.value, last.value)))
            case .reductionPerYear(let key):
                guard let (first, last) = fall(key), first.value > 0 else {
                    findings.append(unrecomputable(subject: subject, seq: record.seq, date: asOf, printed))
                    continue
                }
                let years = first.date.wholeYears(until: last.date)
                guard years >= 1 else {
                    findings.append(unrecomputable(subject: subject, seq: record.seq, date: asOf, printed))
                    continue
                }
                let reduction = printedReductions[key]?.ratio ?? Ratio((first.value - last.value) * 100, first.value)
                let formula = printedReductions[key].map { LocalizedText(en: "\($0)/\(years)", vi: "\(vi.decimal($0))/\(years)") }
                    ?? Rules.reductionFormula(first.value, last.value) + LocalizedText("/\(years)")
                let days = last.date.dayNumber - first.date.dayNumber
                let exactYears = Ratio(days * 100, 36525).rounded(scale: 2)
                if Ratio(days, 365) - Ratio(integer: years) >= Ratio(1, 4) {
                    findings.append(Finding(
                        unit: subject, date: last.date, figure: printed.name, stated: String(years), derived: exactYears.description,
                        kind: "per-year-divisor", severity: .note,
                        message: LocalizedText(
                            en: "the average per year divides by \(years) whole years; \(first.date.iso)..\(last.date.iso) is \(exactYears) years",
                            vi: "bình quân mỗi năm chia cho \(years) năm tròn; \(first.date.vietnamese)..\(last.date.vietnamese) là \(vi.decimal(exactYears)) năm"),
                        seq: record.seq))
                }
                if let target = conference.targets.first(where: { $0.key == printed.name })?.target {
                    let status = AttainmentStatus.of(printed.value.ratio, against: target)
                    findings.append(Finding(
                        unit: subject, date: last.date, figure: printed.name, stated: printed.value.description,
                        derived: target.description, kind: "target", severity: .note,
                        message: LocalizedText(en: "\(printed.value)% a year against a target of \(target): ",
                                               vi: "\(vi.percent(printed.value))/năm so với mục tiêu \(target.vietnamese): ") + status.label,
                        seq: record.seq))
                }
                findings.append(printedFinding(subject: subject, seq: record.seq, date: asOf, name: printed.name, printed: printed.value,
                                               exact: reduction / Ratio(integer: years), formula: formula))
            case .share(let key):
                let part = figure(key).last
                let wholeKey = FigureCatalogue.definition(key)?.shareOf ?? ""
                var whole = figure(wholeKey).last?.value.statedCount
                if whole == nil, let part { whole = levels.value(unit, wholeKey, at: part.date)?.count }
                guard let p = part?.value.statedCount, let whole, whole > 0 else {
                    findings.append(unrecomputable(subject: subject, seq: record.seq, date: asOf, printed))
                    continue
                }
                findings.append(printedFinding(subject: subject, seq: record.seq, date: asOf, name: printed.name, printed: printed.value,
                                               exact: Ratio(p * 100, whole), formula: Rules.formula(p, whole), base: whole))
            case .tierShare, .goodOrBetterShare:
                continue
            }
        }

        // Stated changes of a level ("+17 since 2022").
        for keyed in conference.figures {
            guard let base = FigureCatalogue.baseKey(keyed.key, suffix: "-change"), let change = keyed.value.statedCount else { continue }
            let end = keyed.value.period?.to ?? asOf
            let start = keyed.value.period?.from
            let endValue = figure(base).last?.value.statedCount ?? levels.value(unit, base, at: end)?.count
            let startValue = start.flatMap { levels.value(unit, base, at: $0)?.count }
            if let startValue, let endValue {
                let derived = endValue - startValue
                if derived != change {
                    findings.append(Finding(unit: subject, date: end, figure: keyed.key, stated: String(change), derived: String(derived),
                                            kind: "implausible-change", severity: .warning,
                                            message: LocalizedText(en: "stated change \(change) but \(base) went \(startValue) → \(endValue)",
                                                                   vi: "ghi tăng/giảm \(vi.integer(change)) nhưng \(base) từ \(vi.integer(startValue)) → \(vi.integer(endValue))"),
                                            seq: record.seq))
                }
            } else if let endValue, endValue > 0, abs(change) * 4 > endValue {
                let share = Ratio(abs(change) * 100, endValue).rounded(scale: 2)
                findings.append(Finding(unit: subject, date: end, figure: keyed.key, stated: String(change), derived: nil,
                                        kind: "implausible-change", severity: .warning,
                                        message: LocalizedText(
                                            en: "a change of \(change) is \(share)% of the \(endValue) at the end, and there is no \(base) figure at the start to check it against",
                                            vi: "mức thay đổi \(vi.integer(change)) bằng \(vi.percent(share)) của \(vi.integer(endValue)) cuối kỳ, và không có số \(base) đầu kỳ để đối chiếu"),
                                        seq: record.seq))
            }
        }

        // Composition: grassroots organisations = grassroots committees + grassroots cells.
        let total = figure("grassroots-orgs").last, committees = figure("base-committees").last, cells = figure("base-cells").last
        if let t = total?.value.exactCount, let c = committees?.value.exactCount, let b = cells?.value.exactCount, t != c + b {
            findings.append(Finding(unit: subject, date: total!.date, figure: "grassroots-orgs", stated: String(t),
                                    derived: String(c + b), kind: "composition", severity: .error,
                                    message: LocalizedText(en: "\(t) grassroots organisations ≠ \(c) committees + \(b) cells",
                                                           vi: "\(vi.integer(t)) tổ chức cơ sở đảng ≠ \(vi.integer(c)) đảng bộ cơ sở + \(vi.integer(b)) chi bộ cơ sở"),
                                    seq: record.seq))
        }
        return findings
    }

    /// A printed attainment of a flow over `period` against the target that applies to it (R5):
    /// a target for the period itself, else the congress's per-year target (either bound of a
    /// range), else the term's total target when the period starts with the term.
    func attainmentFinding(_ printed: PrintedPercent, subject: UnitID, seq: Int64, date: CalendarDate, unit: Int32, key: String,
                           actual: Int, period: ClosedPeriod, localTarget: Target?, term: TermLabel?) -> Finding {
        // Bases in order; a fallback (the term's target for a part of the term) is used only when
        // it explains the printed figure, never to call one wrong.
        var candidates: [(base: FixedDecimal, basis: LocalizedText, primary: Bool)] = []
        if let amount = localTarget?.base {
            candidates.append((amount, LocalizedText(en: "the target set with it", vi: "chỉ tiêu đặt cùng báo cáo"), true))
        }
        let termLabel = term ?? terms.current(unit, on: period.to)
        let span = terms.span(unit, termLabel).period
        let targets = self.targets(unit, termLabel, period: span, isRunning: false)
        let withinOneYear = period.from.year == period.to.year
        if candidates.isEmpty, withinOneYear, let year = targets.first(where: { $0.key == key || $0.key == key + "-per-year" })?
            .perYear.first(where: { $0.year == period.to.year && $0.ownTarget }), let t = year.target?.base {
            candidates.append((t, LocalizedText(en: "the target set for \(year.year)", vi: "chỉ tiêu năm \(year.year)"), true))
        }
        if candidates.isEmpty, withinOneYear, let perYear = targets.first(where: { $0.key == key + "-per-year" })?.target {
            switch perYear.shape {
            case .range(let low, let high):
                candidates.append((low, LocalizedText(en: "the lower bound of the yearly target \(perYear)", vi: "cận dưới chỉ tiêu hằng năm \(perYear.vietnamese)"), true))
                candidates.append((high, LocalizedText(en: "the upper bound of the yearly target \(perYear)", vi: "cận trên chỉ tiêu hằng năm \(perYear.vietnamese)"), true))
            case .minimum(let n), .atLeast(let n):
                candidates.append((n, LocalizedText(en: "the yearly target \(perYear)", vi: "chỉ tiêu hằng năm \(perYear.vietnamese)"), true))
            case .share:
                break
            }
        }
        if let total = targets.first(where: { $0.key == key })?.target.base {
            candidates.append((total, LocalizedText(en: "the term's target", vi: "chỉ tiêu nhiệm kỳ"), period.from <= span.from && candidates.isEmpty))
        }
        let zeroTarget = candidates.contains { $0.base.units == 0 }
        candidates.removeAll { $0.base.units <= 0 }
        func matches(_ base: FixedDecimal) -> Bool {
            PercentClassification.classify(printed.value, exact: Ratio(integer: actual) / base.ratio * Ratio(integer: 100)) != .inconsistent
        }
        guard let chosen = candidates.first(where: { matches($0.base) }) ?? candidates.first(where: \.primary) else {
            // A target of 0 has no percentage of it; no target at all is another gap, said as such.
            let why = zeroTarget && candidates.isEmpty
                ? LocalizedText(en: "the target is 0, and no share of 0 can be computed", vi: "chỉ tiêu là 0 nên không tính được tỷ lệ")
                : LocalizedText(en: "no target for \(period.from.iso)..\(period.to.iso)",
                                vi: "không có chỉ tiêu cho \(period.from.vietnamese)..\(period.to.vietnamese)")
            return unrecomputable(subject: subject, seq: seq, date: date, printed, why: why)
        }
        return printedFinding(subject: subject, seq: seq, date: date, name: printed.name, printed: printed.value,
                              exact: Ratio(integer: actual) / chosen.base.ratio * Ratio(integer: 100),
                              formula: Rules.formula(actual, chosen.base), basis: chosen.basis)
    }
}

extension Target {
    /// The target as a Vietnamese reader writes it (`10..12`, `7,5%`).
    public var vietnamese: String {
        let vi = NumberFormat.vi
        switch shape {
        case .minimum(let n): return vi.decimal(n)
        case .range(let a, let b): return vi.decimal(a) + ".." + vi.decimal(b)
        case .atLeast(let a): return vi.decimal(a) + ".."
        case .share(let p): return vi.percent(p)
        }
    }
}
