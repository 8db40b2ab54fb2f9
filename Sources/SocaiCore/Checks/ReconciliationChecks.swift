extension Rules {
    /// Each report against the value derived just before it (`unexplained`), and a unit's own
    /// report against its children's values (`roll-up`).
    ///
    /// A flow recorded over a period that spans a report (`--since` before it, dated after it)
    /// cannot be split at the report, so the report is not compared on its own: the comparison
    /// runs from the report before it to the report after it (issue 21 item 7).
    func reconciliationFindings(_ unit: Int32, strict: Bool) -> [Finding] {
        var findings: [Finding] = []
        let id = registry[unit].id
        let vi = NumberFormat.vi
        for key in ["members"] + FigureCatalogue.all.filter(\.isUnitCount).map(\.key) {
            let definition = FigureCatalogue.definition(key)!
            let reports = projection.levelReports(unit, key, knowledge).filter { $0.value.exactCount != nil }
            let spanned = key == "members" ? spannedReports(unit, reports) : []
            var previous: LevelReport?
            for (i, report) in reports.enumerated() {
                defer { if !spanned.contains(i) { previous = report } }
                guard !spanned.contains(i), let previous, let a = previous.value.exactCount, let b = report.value.exactCount else { continue }
                let (change, _, _) = levels.change(unit, key, after: previous.date.dayNumber, through: report.date.dayNumber)
                guard change != 0 || key == "members" else { continue }
                let derived = a + change
                guard derived != b else { continue }
                let remainder = b - derived
                let signed = remainder > 0 ? "+\(remainder)" : "\(remainder)"
                findings.append(Finding(unit: id, date: report.date, figure: key, stated: String(b), derived: String(derived),
                                        kind: "unexplained", severity: strict ? .error : .warning,
                                        message: LocalizedText(
                                            en: "reported \(b), but \(a) on \(previous.date.iso) and the events since give \(derived): \(signed) unexplained (no recorded event accounts for it)",
                                            vi: "báo cáo \(vi.integer(b)), nhưng \(vi.integer(a)) ngày \(previous.date.vietnamese) và các sự kiện sau đó cho \(vi.integer(derived)): \(remainder > 0 ? "+" : "")\(vi.integer(remainder)) chưa giải thích được"),
                                        seq: report.seq))
            }
            // Roll-up: a unit's own report against its children's values, when all children have one.
            guard definition.countsUnitKinds.isEmpty else { continue }
            for report in reports {
                guard let stated = report.value.exactCount else { continue }
                let children = registry.children(of: unit, at: report.date)
                guard !children.isEmpty else { continue }
                let values = children.map { levels.value($0, key, at: report.date)?.count }
                guard values.allSatisfy({ $0 != nil }) else { continue }
                let sum = values.reduce(0) { $0 + $1! }
                if sum != stated {
                    findings.append(Finding(unit: id, date: report.date, figure: key, stated: String(stated), derived: String(sum),
                                            kind: "roll-up", severity: .warning,
                                            message: LocalizedText(en: "reported \(stated), but its \(children.count) units add up to \(sum)",
                                                                   vi: "báo cáo \(vi.integer(stated)), nhưng \(children.count) đơn vị trực thuộc cộng lại là \(vi.integer(sum))"),
                                            seq: report.seq))
                }
            }
        }
        return findings
    }

    /// Positions of reports that a period flow under the unit spans (its `--since` on or before
    /// the report's date, its own date after it).
    func spannedReports(_ unit: Int32, _ reports: [LevelReport]) -> Set<Int> {
        guard reports.count > 2 else { return [] }
        var spanned = Set<Int>()
        for x in registry.everDescendants(of: unit) where projection.hasAnyFlows(x) {
            for epoch in registry.epochs(of: x) where x == unit || epoch.chain.contains(unit) {
                for row in projection.flows(x, from: epoch.from, through: epoch.to - 1, knowledge) {
                    guard let since = row.since else { continue }
                    for (i, report) in reports.enumerated() where i > 0 && i < reports.count - 1 && since <= report.date && report.date < row.date {
                        spanned.insert(i)
                    }
                }
            }
        }
        return spanned
    }

    /// Levels the facts drive below what they can be (R2, `impossible-level`): a departure larger
    /// than the members held, a merger of more units than a report counted, a handover of more
    /// villages without members than were reported.
    func impossibleLevelFindings(_ unit: Int32) -> [Finding] {
        var findings: [Finding] = []
        let vi = NumberFormat.vi
        // Every level the unit reports: members, counts of units, and other counts (villages
        // without members) that handovers and moves carry.
        for key in projection.levelReportKeys(unit, knowledge) where FigureCatalogue.definition(key)?.nature ?? .level == .level {
            let reports = projection.levelReports(unit, key, knowledge).filter { $0.value.statedCount != nil }
            guard !reports.isEmpty else { continue }
            for (i, report) in reports.enumerated() {
                let endDay = i + 1 < reports.count ? reports[i + 1].date.dayNumber - 1 : (registry[unit].closing?.date.dayNumber ?? Int(Int32.max)) - 1
                guard report.date.dayNumber < endDay else { continue }
                // Days on which the value can change, in order, with the events that lower it that day; the
                // day after the report too (a count reported below the units registered under it is
                // derived as the floor then).
                var days: Set<Int> = [report.date.dayNumber + 1]
                var lowering: [Int: [Int64]] = [:]
                if key == "members" {
                    for x in registry.everDescendants(of: unit) where projection.hasAnyFlows(x) {
                        for row in projection.flows(x, from: report.date.dayNumber + 1, through: endDay, knowledge) {
                            days.insert(row.date.dayNumber)
                            if row.memberDelta < 0 { lowering[row.date.dayNumber, default: []].append(row.seq) }
                        }
                    }
                }
                for step in levels.steps(unit, key, fromDay: report.date.dayNumber + 1, throughDay: endDay) {
                    days.insert(step.date.dayNumber)
                    if step.delta < 0 { lowering[step.date.dayNumber, default: []].append(step.seq) }
                }
                if key != "members" {
                    // A unit registered under it later raises the floor, not the reported count (R2),
                    // and so does one that comes under it later, by its own move or its parent's
                    // (seed 15466: a commune with two cells moved into a district that had reported
                    // 1 cell, the commune's own count reported only the next day).
                    for d in registry.everDescendants(of: unit) where d != unit {
                        if let e = registry[d].established?.dayNumber, e > report.date.dayNumber, e <= endDay { days.insert(e) }
                        for epoch in registry.epochs(of: d) where epoch.from > report.date.dayNumber && epoch.from <= endDay
                            && epoch.chain.contains(unit) {
                            days.insert(epoch.from)
                        }
                    }
                }
                // At most one finding of each kind per report: the first day it falls below the units
                // registered (a warning), and the first day it falls below zero (an error, the worse:
                // an earlier warning never hides it).
                var warned = false
                for day in days.sorted() {
                    let date = CalendarDate(dayNumber: day)
                    guard let value = levels.value(unit, key, at: date), let raw = value.belowFloor else { continue }
                    let floor = value.count ?? 0
                    let name = registry[unit].name(at: date)
                    let below = raw < 0
                    if !below && warned { continue }
                    warned = true
                    let seqs = Array(Set(lowering[day] ?? [])).sorted()
                    // The events of that day that lower the figure: the one to correct is among them.
                    let named = seqs.isEmpty ? LocalizedText("")
                        : LocalizedText(en: ", that day by seq " + seqs.map(String.init).joined(separator: ", seq "),
                                        vi: ", ngày đó do sự kiện số " + seqs.map(String.init).joined(separator: ", số "))
                    let fix = seqs.count == 1 ? "socai record correction --event \(seqs[0]) …" : "socai record correction --event SEQ …"
                    findings.append(Finding(unit: registry[unit].id, date: date, figure: key, stated: report.value.description, derived: String(raw),
                                            kind: "impossible-level", severity: below ? .error : .warning,
                                            message: below
                                                ? LocalizedText(en: "\(name)'s \(key) would be \(raw) on \(date.iso): \(report.value) reported on \(report.date.iso) (seq \(report.seq)) and the events since take it below zero\(named.en); correct the event that is wrong (\(fix); socai audit --unit \(registry[unit].id) --figure \(key) shows every step)",
                                                                vi: "\(key) của \(name) sẽ là \(vi.integer(raw)) ngày \(date.vietnamese): báo cáo \(report.value) ngày \(report.date.vietnamese) (số \(report.seq)) và các sự kiện sau đó làm giảm xuống dưới 0\(named.vi); hãy đính chính sự kiện sai (\(fix); socai audit --unit \(registry[unit].id) --figure \(key) cho thấy từng bước)")
                                                : LocalizedText(en: "\(name)'s \(key) would be \(raw) on \(date.iso), fewer than the \(floor) registered under it: \(report.value) reported on \(report.date.iso) (seq \(report.seq)) did not count them all\(named.en)",
                                                                vi: "\(key) của \(name) sẽ là \(vi.integer(raw)) ngày \(date.vietnamese), ít hơn \(vi.integer(floor)) đơn vị đã đăng ký: báo cáo \(report.value) ngày \(report.date.vietnamese) (số \(report.seq)) chưa tính đủ\(named.vi)"),
                                            seq: report.seq))
                    if below { break }
                }
            }
        }
        return findings
    }
}
