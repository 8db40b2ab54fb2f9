extension Rules {
    /// A row of the restated register before its running value: when, its place on the day, and
    /// what it does to the restated figure (nil: nothing, and it is shown for what it says).
    private struct RestatedRow {
        var day: Int
        var phase: Int
        /// Reports of one day go from the bottom of the tree up, so each is measured from values
        /// the rows above it already hold.
        var depth = 0
        var entry: AuditReport.Entry
        var delta: Int?
    }

    /// The register of level `key` at `unit` restated in the units of `boundaries` (DECISIONS R8,
    /// "audit --boundaries"): the events of every unit whose holding ends up in `unit` (its
    /// lineage) and of the units under them, each with what it changes in the restated figure,
    /// and the running value equal to the restated value at the end of every day that has a row.
    ///
    /// What moves the restated figure: a report at a lineage unit (by its jump over the value the
    /// unit had without it), minus the same jump when the report's unit lies outside the lineage
    /// but under a lineage unit with a report of its own (whose residual shrinks); a flow, when the
    /// lowest unit on its way up with a value of its own belongs to the lineage. Mergers,
    /// dissolutions and moves inside the lineage change nothing (what one unit hands over, its
    /// receiver holds) and are listed for what they say. Anything the rows do not account for on
    /// a day (a floor, a count's registered units) is carried by the day's last row.
    func restatedRegister(_ unit: Int32, _ key: String, from: CalendarDate?, to: CalendarDate,
                          boundaries: CalendarDate) -> [AuditReport.Entry] {
        let lineage = restatedSources(of: unit, boundaries: boundaries)
        let inLineage = Set(lineage)
        func counts(_ x: Int32, on date: CalendarDate) -> Bool { inLineage.contains(x) && registry.isActive(x, at: date) }
        var watched: [Int32] = []
        var seen = Set<Int32>()
        for x in lineage { for d in registry.everDescendants(of: x) where seen.insert(d).inserted { watched.append(d) } }
        var rows: [RestatedRow] = []

        // Reports.
        for w in watched {
            let reports = projection.levelReports(w, key, knowledge)
            for (i, report) in reports.enumerated() where report.date <= to {
                guard let n = report.value.statedCount, !report.value.isPercent, registry.isActive(w, at: report.date),
                      let record = projection.record(seq: report.seq, knowledge) else { continue }
                // Two values of one event for one day: the second is measured from the first.
                let twin = i > 0 && (reports[i - 1].date, reports[i - 1].seq) == (report.date, report.seq) ? reports[i - 1].value.statedCount : nil
                let before = twin ?? levels.value(w, key, before: report)?.count
                let jump = n - (before ?? 0)
                // What w holds itself changes by the jump; with no value before (a count it had not
                // reported yet, R2 step 3), it now holds what its children do not.
                var own = jump
                if before == nil {
                    let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
                    for child in registry.children(of: w, at: report.date) {
                        if let kind = registry[child].kind(at: report.date), counted.contains(kind) { own -= 1 }
                        own -= levels.value(child, key, at: report.date)?.count ?? 0
                    }
                }
                // The lowest unit above with a report of its own (on an earlier day: the same day's come
                // after this row) keeps its value: what w gains, it holds less.
                let ancestors = registry.ancestors(of: w, at: report.date)
                let absorber = ancestors.first { projection.latestLevel($0, key, atOrBefore: report.date.dayNumber - 1, knowledge) != nil }
                let delta = (counts(w, on: report.date) ? own : 0) - (absorber.map { counts($0, on: report.date) } == true ? jump : 0)
                guard inLineage.contains(w) || delta != 0 else { continue }
                var e = entry(record, unit: registry[w].id, date: report.date, reported: report.value, note: nil)
                if case .conference(let c)? = record.payload { e.note = LocalizedText(c.title) }
                if let before, reports[..<i].contains(where: { ($0.date, $0.seq) < (report.date, report.seq) }) {
                    e.unexplained = n - before
                }
                rows.append(RestatedRow(day: report.date.dayNumber, phase: 1, depth: -ancestors.count, entry: e, delta: delta))
            }
        }

        // Flows (members only): counted by the lowest unit on their way up whose value they change
        // (the unit itself with a value of its own or a holding, else an ancestor with a report
        // before that day), when that unit is in the lineage.
        if key == "members" {
            for w in watched where projection.hasAnyFlows(w) {
                let wid = registry[w].id
                for epoch in registry.epochs(of: w) {
                    for row in projection.flows(w, from: epoch.from, through: min(epoch.to - 1, to.dayNumber), knowledge, includeRetracted: true) {
                        let day = row.date.dayNumber
                        let holder = hasValueBefore(w, key, flowDay: day) ? w
                            : epoch.chain.first { projection.latestLevel($0, key, atOrBefore: day - 1, knowledge) != nil }
                        let counted = !row.isRetracted && holder.map { counts($0, on: row.date) } == true
                        guard counted || inLineage.contains(w) else { continue }
                        rows.append(RestatedRow(day: day, phase: 0, entry: flowEntry(row, unit: wid), delta: counted ? row.memberDelta : nil))
                    }
                }
            }
        }

        // Structural events of the lineage: listed, changing nothing but merger totals.
        func structural(_ seq: Int64, _ date: CalendarDate, _ subject: Int32, _ note: LocalizedText, _ delta: Int?) {
            guard date <= to, let record = projection.record(seq: seq, knowledge) else { return }
            var e = entry(record, unit: registry[subject].id, date: date, reported: nil, note: note)
            e.delta = delta
            rows.append(RestatedRow(day: date.dayNumber, phase: 0, entry: e, delta: delta))
        }
        let inside = LocalizedText(en: " (already in this unit's restated figure: no change)",
                                   vi: " (đã tính trong số liệu quy đổi của đơn vị này: không đổi)")
        for x in lineage {
            let before = registry[x].closing.map { $0.date.adding(days: -1) }
            if let h = registry.handover(from: x), let before {
                let text = h.reason.sentence(registry[x].name(at: before), registry[h.to].name(at: h.date))
                structural(h.seq, h.date, x, text + inside, nil)
            }
            for move in registry[x].moves {
                let date = CalendarDate(dayNumber: move.day)
                let parent = move.value.map { registry[$0].name(at: date) } ?? "—"
                structural(move.seq, date, x, LocalizedText(en: "\(registry[x].name(at: date)) moved under \(parent)",
                                                            vi: "\(registry[x].name(at: date)) chuyển về \(parent)") + inside, nil)
            }
        }
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        if !counted.isEmpty {
            for a in registry.aggregateMergers where counted.contains(a.of) && inLineage.contains(a.scope) && a.date <= to {
                // Merger totals change the count of the lowest unit (the scope or above) with a report before that day.
                let holder = ([a.scope] + registry.ancestors(of: a.scope, at: a.date)).first {
                    projection.latestLevel($0, key, atOrBefore: a.date.dayNumber - 1, knowledge) != nil
                }
                let delta = holder.map { counts($0, on: a.date) } == true ? a.change : 0
                structural(a.seq, a.date, a.scope, LocalizedText(en: "mergers: ", vi: "sáp nhập: ") + LocalizedText.count(a.change), delta)
            }
        }
        rows.sort { ($0.day, $0.phase, $0.depth, $0.entry.seq) < ($1.day, $1.phase, $1.depth, $1.entry.seq) }

        // Running values; each day ends on the restated value itself.
        func restatedValue(_ day: Int) -> Int? {
            let date = CalendarDate(dayNumber: day)
            return restated(key, at: date, boundaries: boundaries, sources: lineage.filter { registry.isActive($0, at: date) }, tops: [unit])[unit]?.count
        }
        var running = restatedValue((rows.first?.day ?? to.dayNumber) - 1)
        var entries: [AuditReport.Entry] = []
        let fromDay = from?.dayNumber ?? Int.min
        var i = 0
        while i < rows.count {
            let day = rows[i].day
            var listed: Int?
            var last = i
            while last < rows.count && rows[last].day == day {
                var e = rows[last].entry
                if let delta = rows[last].delta {
                    running = (running ?? 0) + delta
                    e.delta = delta == 0 && e.reported != nil ? nil : delta
                } else if e.type.isFlow || e.reported != nil {
                    e.delta = nil
                }
                e.value = e.retracted ? nil : running
                if day >= fromDay {
                    entries.append(e)
                    listed = entries.count - 1
                }
                last += 1
            }
            let exact = restatedValue(day)
            if exact != running {
                if let listed {
                    entries[listed].delta = (entries[listed].delta ?? 0) + (exact ?? 0) - (running ?? 0)
                    entries[listed].value = exact
                }
                running = exact
            }
            i = last
        }
        return entries
    }

    /// Whether a flow at `u` on `flowDay` changes `u`'s own value: a report before that day, or
    /// something handed over to it by then (its holding takes the flows at `u` itself, R2).
    private func hasValueBefore(_ u: Int32, _ key: String, flowDay day: Int) -> Bool {
        if projection.latestLevel(u, key, atOrBefore: day - 1, knowledge) != nil { return true }
        return registry.handovers(into: u).contains { $0.date.dayNumber <= day && levels.residual($0.from, key, at: $0.date.adding(days: -1)) != nil }
    }
}
