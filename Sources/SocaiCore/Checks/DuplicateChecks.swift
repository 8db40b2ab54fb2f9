extension Rules {
    /// The same fact recorded twice (R7, `possible-duplicate`): a flow with the same unit, kind,
    /// date and count as an earlier one, or a conference stating the same figures on the same date;
    /// and two ratings of one year and subject (R6, `duplicate-rating`).
    func duplicateFindings(_ unit: Int32) -> [Finding] {
        var findings: [Finding] = []
        let id = registry[unit].id
        let rows = projection.flows(unit, knowledge)
        var i = 0
        while i < rows.count {
            var j = i + 1
            while j < rows.count && rows[j].date == rows[i].date { j += 1 }
            // Rows of one day: compare each with the earlier ones.
            for b in i..<j {
                guard let a = (i..<b).first(where: { rows[$0].kind == rows[b].kind && rows[$0].count == rows[b].count && rows[$0].since == rows[b].since }) else { continue }
                let first = rows[a], second = rows[b]
                let (earlier, later) = first.seq < second.seq ? (first, second) : (second, first)
                findings.append(Finding(unit: id, date: later.date, figure: later.kind.figureKey, stated: String(later.count), derived: nil,
                                        kind: "possible-duplicate", severity: .warning,
                                        message: LocalizedText(en: "\(later.kind.label.en) of \(later.count) on \(later.date.iso) recorded twice: seq \(earlier.seq) and seq \(later.seq); if it happened once, retract one (socai record correction --event \(later.seq) --retract --reason …)",
                                                               vi: "\(later.kind.label.vi) \(later.count) ngày \(later.date.vietnamese) được ghi hai lần: số \(earlier.seq) và số \(later.seq); nếu chỉ xảy ra một lần, hãy rút lại một sự kiện (socai record correction --event \(later.seq) --retract --reason …)"),
                                        seq: later.seq))
            }
            i = j
        }
        var conferences: [String: Int64] = [:]
        for record in projection.records(unit, knowledge) where !record.isRetracted && record.type == .conference {
            guard case .conference(let c)? = record.payload, !c.figures.isEmpty else { continue }
            let key = record.date.iso + JSONWriter.string(.object(EventPayload.conference(Conference(title: "", figures: c.figures)).data))
            if let earlier = conferences[key] {
                findings.append(Finding(unit: id, date: record.date, figure: c.figures[0].key, stated: nil, derived: nil,
                                        kind: "possible-duplicate", severity: .warning,
                                        message: LocalizedText(en: "the figures of seq \(record.seq) on \(record.date.iso) repeat those of seq \(earlier)",
                                                               vi: "số liệu của sự kiện số \(record.seq) ngày \(record.date.vietnamese) trùng với số \(earlier)"),
                                        seq: record.seq))
            } else {
                conferences[key] = record.seq
            }
        }
        var ratings: [String: RatingFact] = [:]
        for rating in projection.ratings(unit, knowledge) {
            let key = "\(rating.year)/\(rating.subject.rawValue)"
            if let earlier = ratings[key] {
                findings.append(Finding(unit: id, date: rating.date, figure: rating.subject.ratingFigure(year: rating.year), stated: nil, derived: nil,
                                        kind: "duplicate-rating", severity: .warning,
                                        message: LocalizedText(en: "two ratings of \(rating.year) \(rating.subject.label.en): seq \(earlier.seq) and seq \(rating.seq); the later recorded one counts — correct the first instead of recording another",
                                                               vi: "hai kết quả đánh giá năm \(rating.year) (\(rating.subject.label.vi)): số \(earlier.seq) và số \(rating.seq); tính theo kết quả ghi sau — hãy đính chính kết quả đầu thay vì ghi thêm"),
                                        seq: rating.seq))
            }
            if ratings[key].map({ $0.seq < rating.seq }) ?? true { ratings[key] = rating }
        }
        return findings
    }

    /// Stated flow totals against what the rule gives without them (`flow-report`), and stated
    /// periods that overlap without one containing the other (`overlapping-periods`).
    func flowStatementFindings(_ unit: Int32) -> [Finding] {
        var findings: [Finding] = []
        let id = registry[unit].id
        let vi = NumberFormat.vi
        for key in projection.flowReportKeys(unit, knowledge) where FigureCatalogue.definition(key)?.nature == .flow && FigureCatalogue.baseKey(key, suffix: "-per-year") == nil && FigureCatalogue.baseKey(key, suffix: "-change") == nil {
            let statements = projection.flowReports(unit, key, knowledge).compactMap { r in terms.period(of: r).map { (r, $0) } }
            for (report, period) in statements {
                // Nothing recorded for that period: nothing to reconcile.
                guard let stated = report.value.statedCount, let recorded = flows.recordedEvents(unit, key, over: period),
                      recorded > 0, recorded != stated else { continue }
                var statedText = report.value
                statedText.period = report.period
                findings.append(Finding(unit: id, date: period.to, figure: key, stated: statedText.description, derived: String(recorded),
                                        kind: "flow-report", severity: report.value.qualifier == .exact ? .warning : .note,
                                        message: LocalizedText(en: "reported \(stated) for \(period) but the recorded events add up to \(recorded)",
                                                               vi: "báo cáo \(vi.integer(stated)) cho \(period.from.vietnamese)..\(period.to.vietnamese) nhưng các sự kiện đã ghi cộng lại là \(vi.integer(recorded))"),
                                        seq: report.seq))
            }
            // R3.1's choice over every day: a total it skips because it overlaps a chosen one
            // without either containing the other is noted, dated at the end of its period (a
            // yearly total inside a term's total is the normal shape of a journal).
            guard let first = statements.map(\.1.from).min(), let last = statements.map(\.1.to).max() else { continue }
            let choice = flows.chosenStatements(unit, key, within: ClosedPeriod(from: first, to: last))
            for (skipped, ps) in choice.skipped {
                guard let (chosen, pc) = choice.chosen.first(where: { _, pc in
                    let overlap = pc.from <= ps.to && ps.from <= pc.to
                    let nested = (pc.from <= ps.from && ps.to <= pc.to) || (ps.from <= pc.from && pc.to <= ps.to)
                    return overlap && !nested
                }) else { continue }
                findings.append(Finding(unit: id, date: ps.to, figure: key, stated: "\(skipped.value)@\(ps) / \(chosen.value)@\(pc)", derived: nil,
                                        kind: "overlapping-periods", severity: .note,
                                        message: LocalizedText(en: "stated totals over overlapping periods (\(ps): \(skipped.value), seq \(skipped.seq); \(pc): \(chosen.value), seq \(chosen.seq)): a total over both uses the later-ending one and the events outside it",
                                                               vi: "hai số liệu cả giai đoạn có thời gian chồng lên nhau (\(ps.from.vietnamese)..\(ps.to.vietnamese): \(skipped.value), số \(skipped.seq); \(pc.from.vietnamese)..\(pc.to.vietnamese): \(chosen.value), số \(chosen.seq)): tổng của cả hai giai đoạn dùng số kết thúc sau và các sự kiện ngoài nó"),
                                        seq: skipped.seq))
            }
        }
        return findings
    }
}
