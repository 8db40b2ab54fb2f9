/// `socai check`: every reported figure and printed percentage reconciled at once, beancount
/// style: the checks return findings, they never stop at the first.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    public var ok: Bool { !findings.contains { $0.severity == .error } }
}

extension LedgerView {
    /// Runs every check over `scope` (a unit and its subtree, or everything).
    /// With `strict`, an unexplained remainder is an error instead of a warning.
    public func check(scope: Int32? = nil, strict: Bool = false) -> CheckReport {
        let inScope: Set<Int32>? = scope.map { Set(registry.everDescendants(of: $0)) }
        func included(_ id: UnitID) -> Bool {
            guard let inScope else { return true }
            return registry.index[id].map(inScope.contains) ?? false
        }
        var findings: [Finding] = []
        findings += integrityFindings().filter { included($0.unit) }
        for record in ledger.records where !record.isRetracted && included(record.subject) {
            switch record.payload {
            case .conference(let conference):
                findings += conferenceFindings(record, conference)
            case .rating(let rating):
                findings += ratingFindings(record, rating)
            default:
                continue
            }
        }
        findings += eventPrintedFindings(included: included)
        for entry in registry.entries where included(entry.id) {
            findings += reconciliationFindings(entry.index, strict: strict)
        }
        findings.sort { ($0.unit.rawValue, $0.date, $0.seq ?? 0, $0.kind) < ($1.unit.rawValue, $1.date, $1.seq ?? 0, $1.kind) }
        return CheckReport(findings: findings)
    }

    // MARK: - Journal-level facts

    func integrityFindings() -> [Finding] {
        var findings: [Finding] = []
        for entry in registry.entries where entry.established == nil {
            let firstDate = ledger.records.first { $0.subject == entry.id }?.date
                ?? ledger.flows[Int(entry.index)].first?.date ?? CalendarDate(year: 1970, month: 1, day: 1)!
            findings.append(Finding(unit: entry.id, date: firstDate, figure: "-", kind: "integrity", severity: .error,
                                    message: LocalizedText(en: "events refer to unit \(entry.id), which is not established (or its establishment was retracted)",
                                                           vi: "có sự kiện của đơn vị \(entry.id) nhưng đơn vị chưa được thành lập (hoặc đã bị rút lại)")))
        }
        for correction in ledger.corrections {
            guard let failure = correction.failure else { continue }
            let subject = ledger.recordPosition(seq: correction.correction.eventSeq).map { ledger.records[$0].subject } ?? registry.entries.first?.id
            guard let subject else { continue }
            findings.append(Finding(unit: subject, date: correction.recordedTime.dateInVietnam, figure: "-", kind: "integrity",
                                    severity: .error, message: LocalizedText(en: "correction seq \(correction.seq) could not be applied: \(failure.en)",
                                                                             vi: "đính chính số \(correction.seq) không áp dụng được: \(failure.vi)"),
                                    seq: correction.seq))
        }
        return findings
    }

    // MARK: - Conferences

    func conferenceFindings(_ record: LedgerRecord, _ conference: Conference) -> [Finding] {
        var findings: [Finding] = []
        let asOf = conference.asOf ?? record.date
        let unit = registry.index[record.subject]
        func figure(_ key: String) -> [(date: CalendarDate, value: FigureValue)] {
            conference.figures.filter { $0.key == key }
                .map { ($0.value.asOf ?? asOf, $0.value) }
                .sorted { $0.date < $1.date }
        }
        var printedReductions: [String: FixedDecimal] = [:]
        for printed in conference.printed {
            if case .reduction(let key)? = PrintedPercentName.parse(printed.name, onRating: false) {
                printedReductions[key] = printed.value
            }
        }
        for printed in conference.printed {
            guard let name = PrintedPercentName.parse(printed.name, onRating: false) else { continue }
            var exact: Ratio?
            var formula = ""
            switch name {
            case .attainment(let key):
                let actual = figure(key).last?.value.statedCount
                var target = conference.targets.first { $0.key == key }?.target.amount
                if target == nil, let unit, let term = conference.term {
                    target = termTargets(unit, term, period: termSpan(unit, term).period, termLength: term.secondYear - term.firstYear,
                                         isRunning: false, flows: []).first { $0.key == key }?.target.amount
                }
                if let actual, let target, target.units > 0 {
                    exact = Ratio(integer: actual) / target.ratio * Ratio(integer: 100)
                    formula = "\(actual)/\(target)"
                }
            case .reduction(let key):
                let values = figure(key)
                if let first = values.first, let last = values.last, values.count >= 2,
                   let a = first.value.statedCount, let b = last.value.statedCount, a > 0 {
                    exact = Ratio((a - b) * 100, a)
                    formula = "(\(a) − \(b))/\(a)"
                }
            case .reductionPerYear(let key):
                let values = figure(key)
                if let first = values.first, let last = values.last, values.count >= 2,
                   let a = first.value.statedCount, let b = last.value.statedCount, a > 0 {
                    let years = first.date.wholeYears(until: last.date)
                    if years >= 1 {
                        let reduction = printedReductions[key]?.ratio ?? Ratio((a - b) * 100, a)
                        exact = reduction / Ratio(integer: years)
                        formula = printedReductions[key].map { "\($0)/\(years)" } ?? "(\(a) − \(b))/\(a)/\(years)"
                        let days = last.date.dayNumber - first.date.dayNumber
                        let exactYears = Ratio(days * 100, 36525).rounded(scale: 2)
                        if Ratio(days, 365) - Ratio(integer: years) >= Ratio(1, 4) {
                            findings.append(Finding(
                                unit: record.subject, date: last.date, figure: printed.name, stated: String(years),
                                derived: exactYears.description, kind: "per-year-divisor", severity: .note,
                                message: LocalizedText(
                                    en: "the average per year divides by \(years) whole years; \(first.date.iso)..\(last.date.iso) is \(exactYears) years",
                                    vi: "bình quân mỗi năm chia cho \(years) năm tròn; \(first.date.vietnamese)..\(last.date.vietnamese) là \(exactYears) năm"),
                                seq: record.seq))
                        }
                        if let target = conference.targets.first(where: { $0.key == printed.name })?.target {
                            let status = LedgerView.status(printed.value.ratio, against: target)
                            findings.append(Finding(
                                unit: record.subject, date: last.date, figure: printed.name, stated: printed.value.description,
                                derived: target.description, kind: "target", severity: .note,
                                message: LocalizedText(en: "\(printed.value)% a year against a target of \(target): ",
                                                       vi: "\(printed.value)%/năm so với mục tiêu \(target): ") + status.label,
                                seq: record.seq))
                        }
                    }
                }
            case .share(let key):
                let part = figure(key).last
                let wholeKey = FigureCatalogue.definition(key)?.shareOf ?? ""
                var whole = figure(wholeKey).last?.value.statedCount
                if whole == nil, let unit, let part { whole = level(unit, wholeKey, at: part.date)?.count }
                if let p = part?.value.statedCount, let whole, whole > 0 {
                    exact = Ratio(p * 100, whole)
                    formula = "\(p)/\(whole)"
                }
            case .tierShare, .goodOrBetterShare:
                continue
            }
            guard let exact else {
                findings.append(unrecomputable(subject: record.subject, seq: record.seq, date: asOf, printed))
                continue
            }
            findings.append(printedFinding(subject: record.subject, seq: record.seq, date: asOf, name: printed.name,
                                           printed: printed.value, exact: exact, formula: formula))
        }

        // Stated changes of a level ("+17 since 2022").
        for keyed in conference.figures {
            guard let base = FigureCatalogue.baseKey(keyed.key, suffix: "-change"), let unit,
                  let change = keyed.value.statedCount else { continue }
            let end = keyed.value.period?.to ?? asOf
            let start = keyed.value.period?.from
            let endValue = figure(base).last?.value.statedCount ?? level(unit, base, at: end)?.count
            let startValue = start.flatMap { level(unit, base, at: $0)?.count }
            if let startValue, let endValue {
                let derived = endValue - startValue
                if derived != change {
                    findings.append(Finding(unit: record.subject, date: end, figure: keyed.key, stated: String(change), derived: String(derived),
                                            kind: "implausible-change", severity: .warning,
                                            message: LocalizedText(en: "stated change \(change) but \(base) went \(startValue) → \(endValue)",
                                                                   vi: "ghi tăng/giảm \(change) nhưng \(base) từ \(startValue) → \(endValue)"),
                                            seq: record.seq))
                }
            } else if let endValue, endValue > 0, abs(change) * 4 > endValue {
                let share = Ratio(abs(change) * 100, endValue).rounded(scale: 2)
                findings.append(Finding(unit: record.subject, date: end, figure: keyed.key, stated: String(change), derived: nil,
                                        kind: "implausible-change", severity: .warning,
                                        message: LocalizedText(
                                            en: "a change of \(change) is \(share)% of the \(endValue) at the end, and there is no \(base) figure at the start to check it against",
                                            vi: "mức thay đổi \(change) bằng \(share)% của \(endValue) cuối kỳ, và không có số \(base) đầu kỳ để đối chiếu"),
                                        seq: record.seq))
            }
        }

        // Composition: grassroots organisations = grassroots committees + grassroots cells.
        let total = figure("grassroots-orgs").last, committees = figure("base-committees").last, cells = figure("base-cells").last
        if let t = total?.value.exactCount, let c = committees?.value.exactCount, let b = cells?.value.exactCount, t != c + b {
            findings.append(Finding(unit: record.subject, date: total!.date, figure: "grassroots-orgs", stated: String(t),
                                    derived: String(c + b), kind: "composition", severity: .error,
                                    message: LocalizedText(en: "\(t) grassroots organisations ≠ \(c) committees + \(b) cells",
                                                           vi: "\(t) tổ chức cơ sở đảng ≠ \(c) đảng bộ cơ sở + \(b) chi bộ cơ sở"),
                                    seq: record.seq))
        }

        // Flow totals a conference reports against the events recorded for the same period.
        if let unit {
            for keyed in conference.figures where FigureCatalogue.definition(keyed.key)?.nature == .flow {
                let kinds = LedgerView.flowKinds(for: keyed.key)
                guard !kinds.isEmpty, let stated = keyed.value.statedCount,
                      let report = reports.flowReports(unit, keyed.key).first(where: { $0.seq == record.seq }),
                      let period = period(of: report),
                      let recorded = eventTotal(unit, kinds: kinds, from: period.from, to: period.to),
                      recorded > 0 else { continue }  // nothing recorded for that period: nothing to reconcile
                if recorded != stated {
                    findings.append(Finding(unit: record.subject, date: period.to, figure: keyed.key, stated: keyed.value.description,
                                            derived: String(recorded), kind: "flow-report",
                                            severity: keyed.value.qualifier == .exact ? .warning : .note,
                                            message: LocalizedText(en: "reported \(stated) for \(period) but the recorded events add up to \(recorded)",
                                                                   vi: "báo cáo \(stated) cho \(period) nhưng các sự kiện đã ghi cộng lại là \(recorded)"),
                                            seq: record.seq))
                }
            }
        }
        return findings
    }

    // MARK: - Ratings

    func ratingFindings(_ record: LedgerRecord, _ rating: Rating) -> [Finding] {
        var findings: [Finding] = []
        let figure = "rating \(rating.year) \(rating.of.rawValue)"
        let counts = rating.disjointCounts
        if let rated = rating.rated, let sum = rating.tierSum, sum != rated {
            findings.append(Finding(unit: record.subject, date: record.date, figure: figure, stated: String(rated), derived: String(sum),
                                    kind: "tier-sum", severity: .error,
                                    message: LocalizedText(en: "the tiers add up to \(sum), not the \(rated) rated the document states",
                                                           vi: "các mức cộng lại là \(sum), không phải \(rated) như tài liệu ghi"),
                                    seq: record.seq))
        }
        // Printed shares: the tiers given as percentages, and --printed NAME=P.
        var printedShares: [(name: String, value: FixedDecimal, tier: RatingTier?)] = []
        for tier in RatingTier.allCases {
            if let v = rating.tiers[tier], v.isPercent { printedShares.append((tier.rawValue + "-share", v.amount, tier)) }
        }
        for printed in rating.printed {
            switch PrintedPercentName.parse(printed.name, onRating: true) {
            case .tierShare(let tier)?: printedShares.append((printed.name, printed.value, tier))
            case .goodOrBetterShare?: printedShares.append((printed.name, printed.value, nil))
            default: continue
            }
        }
        if let base = rating.base, base > 0 {
            for share in printedShares {
                let count: Int?
                if let tier = share.tier { count = counts[tier] } else {
                    count = rating.goodOrBetter?.exactCount ?? counts[.excellent].flatMap { e in counts[.good].map { e + $0 } }
                }
                guard let count, rating.tiers[share.tier ?? .good]?.isPercent != true || share.tier == nil else { continue }
                findings.append(printedFinding(subject: record.subject, seq: record.seq, date: record.date, name: share.name,
                                               printed: share.value, exact: Ratio(count * 100, base), formula: "\(count)/\(base)"))
            }
        }
        let tierShares = printedShares.filter { $0.tier != nil }
        if tierShares.count >= 3 {
            let scale = tierShares.map(\.value.scale).max() ?? 0
            let sum = tierShares.reduce(Ratio(integer: 0)) { $0 + $1.value.ratio }
            let difference = sum < Ratio(integer: 100) ? Ratio(integer: 100) - sum : sum - Ratio(integer: 100)
            // Each printed share may be off by half a unit in its last place.
            if Ratio(tierShares.count, 2 * FixedDecimal.powerOfTen(scale)) < difference {
                let total = sum.rounded(scale: scale)
                findings.append(Finding(unit: record.subject, date: record.date, figure: figure, stated: total.description + "%",
                                        derived: "100%", kind: "printed-sum", severity: .warning,
                                        message: LocalizedText(en: "the printed shares add up to \(total)%",
                                                               vi: "các tỷ lệ in ra cộng lại là \(total)%"),
                                        seq: record.seq))
            }
        }
        // The cap "excellent ≤ 20% of good" (DOMAIN.md §2), compared on disjoint tiers.
        var capRatio: Ratio?
        var capFormula = ""
        if let e = counts[.excellent], let g = counts[.good], g > 0 {
            capRatio = Ratio(e * 100, g)
            capFormula = "\(e)/\(g)"
        } else if let e = rating.tiers[.excellent], let g = rating.tiers[.good], e.isPercent, g.isPercent, g.amount.units > 0 {
            capRatio = e.amount.ratio / g.amount.ratio * Ratio(integer: 100)
            capFormula = "\(e.amount)%/\(g.amount)%"
        }
        if let capRatio, Ratio(integer: 20) < capRatio {
            let shown = capRatio.rounded(scale: 2)
            findings.append(Finding(unit: record.subject, date: record.date, figure: figure, stated: capFormula, derived: shown.description + "%",
                                    kind: "excellence-cap", severity: .warning,
                                    message: LocalizedText(
                                        en: "excellent is \(shown)% of good, over the 20% cap (the rule applies per grassroots organisation, so a total over it is a warning)",
                                        vi: "xuất sắc bằng \(shown)% số hoàn thành tốt, vượt mức 20% (quy định tính theo từng tổ chức cơ sở đảng nên chỉ cảnh báo)"),
                                    seq: record.seq))
        }
        return findings
    }

    // MARK: - Reports against what was derived before them

    func reconciliationFindings(_ unit: Int32, strict: Bool) -> [Finding] {
        var findings: [Finding] = []
        let id = registry[unit].id
        for key in ["members"] + FigureCatalogue.all.filter(\.isUnitCount).map(\.key) {
            let definition = FigureCatalogue.definition(key)!
            let reportsOfKey = reports.levelReports(unit, key)
            for (previous, report) in zip(reportsOfKey, reportsOfKey.dropFirst()) {
                guard let a = previous.value.exactCount, let b = report.value.exactCount else { continue }
                var change = structuralChange(key, countedKinds: definition.countsUnitKinds, unit: unit,
                                              fromDay: previous.date.dayNumber + 1, to: report.date)
                if key == "members" {
                    for contributor in memberFlowContributors[unit] ?? [] {
                        let from = max(previous.date.dayNumber + 1, contributor.from)
                        let to = min(report.date.dayNumber + 1, contributor.to)
                        if from < to { change += memberFlowSums(contributor.unit).memberChange(from: from, to: to) }
                    }
                }
                guard change != 0 || key == "members" else { continue }
                let derived = a + change
                if derived != b {
                    let remainder = b - derived
                    let signed = remainder > 0 ? "+\(remainder)" : "\(remainder)"
                    findings.append(Finding(unit: id, date: report.date, figure: key, stated: String(b), derived: String(derived),
                                            kind: "unexplained", severity: strict ? .error : .warning,
                                            message: LocalizedText(
                                                en: "reported \(b), but \(a) on \(previous.date.iso) and the events since give \(derived): \(signed) unexplained (no recorded event accounts for it)",
                                                vi: "báo cáo \(b), nhưng \(a) ngày \(previous.date.vietnamese) và các sự kiện sau đó cho \(derived): \(signed) chưa giải thích được"),
                                            seq: report.seq))
                }
            }
            // Roll-up: a unit's own report against its children's values, when all children have one.
            guard definition.countsUnitKinds.isEmpty else { continue }
            for report in reportsOfKey {
                guard let stated = report.value.exactCount else { continue }
                let children = children(at: report.date)[unit] ?? []
                guard !children.isEmpty else { continue }
                let values = children.map { level($0, key, at: report.date)?.count }
                guard values.allSatisfy({ $0 != nil }) else { continue }
                let sum = values.reduce(0) { $0 + $1! }
                if sum != stated {
                    findings.append(Finding(unit: id, date: report.date, figure: key, stated: String(stated), derived: String(sum),
                                            kind: "roll-up", severity: .warning,
                                            message: LocalizedText(en: "reported \(stated), but its \(children.count) units add up to \(sum)",
                                                                   vi: "báo cáo \(stated), nhưng \(children.count) đơn vị trực thuộc cộng lại là \(sum)"),
                                            seq: report.seq))
                }
            }
        }
        return findings
    }

    /// A finding for one printed percentage: a note when rounded or truncated, an error when it
    /// does not follow from its counts at all.
    func printedFinding(subject: UnitID, seq: Int64, date: CalendarDate, name: String, printed: FixedDecimal, exact: Ratio,
                        formula: String) -> Finding {
        let classification = PercentClassification.classify(printed, exact: exact)
        let computed = exact.rounded(scale: 2)
        // Four decimals show why 91.57 is a truncation of 91.5789, not a rounding.
        let precise = exact.rounded(scale: 4)
        let shown = precise.ratio == exact ? exact.rounded(scale: max(2, printed.scale)).description : precise.description + "…"
        let atPrinted = exact.rounded(scale: printed.scale)
        var message: LocalizedText
        switch classification {
        case .rounded:
            message = LocalizedText(en: "\(printed)% = \(formula) = \(shown)%, rounded", vi: "\(printed)% = \(formula) = \(shown)%, làm tròn")
        case .truncated:
            message = LocalizedText(en: "\(printed)% = \(formula) = \(shown)%, truncated (rounding gives \(atPrinted)%)",
                                    vi: "\(printed)% = \(formula) = \(shown)%, cắt bớt chữ số (làm tròn sẽ là \(atPrinted)%)")
        case .roundedViaIntermediate:
            let intermediate = exact.rounded(scale: printed.scale + 1)
            message = LocalizedText(
                en: "\(printed)% = \(formula) = \(shown)% only when rounded twice (\(intermediate) → \(printed)); rounded once it is \(atPrinted)%",
                vi: "\(printed)% = \(formula) = \(shown)% chỉ khi làm tròn hai lần (\(intermediate) → \(printed)); làm tròn một lần là \(atPrinted)%")
        case .inconsistent:
            message = LocalizedText(en: "printed \(printed)% but \(formula) = \(shown)%",
                                    vi: "in \(printed)% nhưng \(formula) = \(shown)%")
            // Only for a plain count over a base ("6/41"): no count out of 41 gives 15.2%.
            let parts = formula.split(separator: "/")
            if parts.count == 2, Int(parts[0]) != nil, let base = Int(parts[1]), base > 0, base <= 100_000,
               !(0...base).contains(where: { PercentClassification.classify(printed, exact: Ratio($0 * 100, base)) != .inconsistent }) {
                message = message + LocalizedText(en: "; no count out of \(base) gives \(printed)%",
                                                  vi: "; không có số nào trên \(base) cho \(printed)%")
            }
        }
        return Finding(unit: subject, date: date, figure: name, stated: printed.description, derived: computed.description,
                       kind: "printed-percent", severity: classification == .inconsistent ? .error : .note,
                       message: message, seq: seq)
    }

    /// A printed percentage whose counts are not in the journal: a warning, so it is not forgotten.
    func unrecomputable(subject: UnitID, seq: Int64, date: CalendarDate, _ printed: PrintedPercent) -> Finding {
        Finding(unit: subject, date: date, figure: printed.name, stated: printed.value.description,
                kind: "printed-percent", severity: .warning,
                message: LocalizedText(en: "cannot recompute \(printed.value)%: the counts it is computed from are not recorded",
                                       vi: "không tính lại được \(printed.value)%: chưa ghi các số liệu để tính"),
                seq: seq)
    }
}
