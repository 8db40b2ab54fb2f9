extension LedgerView {
    /// The register of `key` at `unit` up to `to` (entries before `from` count but are not listed).
    public func audit(_ unit: Int32, _ key: String, from: CalendarDate?, to: CalendarDate, knownAt: Instant?) -> AuditReport {
        let definition = FigureCatalogue.definition(key)
        let isFlowFigure = definition?.nature == .flow
        let entry = registry[unit]
        var items: [(day: Int, phase: Int, entry: AuditReport.Entry, kind: FlowKind?, startsBaseline: Bool)] = []

        // Reports of the figure at the unit, including retracted ones (shown, not applied).
        if !isFlowFigure {
            for record in ledger.records where record.subject == entry.id {
                guard case .conference(let c) = record.payload, record.date <= to || c.asOf.map({ $0 <= to }) == true else { continue }
                for figure in c.figures where figure.key == key {
                    let date = figure.value.asOf ?? c.asOf ?? record.date
                    guard date <= to else { continue }
                    items.append((date.dayNumber, 1, auditEntry(record, unit: entry.id, date: date, reported: figure.value,
                                                                 note: LocalizedText(c.title)), nil, false))
                }
            }
        } else {
            for record in ledger.records where record.subject == entry.id {
                guard case .conference(let c) = record.payload else { continue }
                for figure in c.figures where figure.key == key {
                    let end = figure.value.period?.to ?? c.asOf ?? record.date
                    guard end <= to else { continue }
                    items.append((end.dayNumber, 1, auditEntry(record, unit: entry.id, date: end, reported: figure.value,
                                                                note: LocalizedText(c.title)), nil, false))
                }
            }
        }

        // Flows at the unit and under it (members), or of the figure's kinds (flow figures).
        let kinds: [FlowKind] = key == "members" ? FlowKind.allCases : LedgerView.flowKinds(for: key)
        if !kinds.isEmpty {
            for x in registry.entries where !ledger.flows[Int(x.index)].isEmpty {
                let lineage = isFlowFigure && lineageReaches(x.index, unit)
                for epoch in epochs(x.index) where lineage || x.index == unit || epoch.chain.contains(unit) {
                    for row in ledger.flows[Int(x.index)] where Int(row.day) >= epoch.from && Int(row.day) < epoch.to
                        && Int(row.day) <= to.dayNumber && kinds.contains(row.kind) {
                        items.append((Int(row.day), 0, flowEntry(row, unit: x.id), row.kind, false))
                    }
                }
            }
        }

        // Mergers, moves and dissolutions that moved a level figure.
        if !isFlowFigure {
            for step in structuralSteps(key, countedKinds: definition?.countsUnitKinds ?? [], unit: unit,
                                        fromDay: Int(Int32.min), to: to) {
                guard let position = ledger.recordPosition(seq: step.seq) else { continue }
                var e = auditEntry(ledger.records[position], unit: ledger.records[position].subject, date: step.date,
                                   reported: nil, note: step.description)
                e.delta = step.delta
                // A merger target with no report of its own takes its sources' values as its baseline.
                var intoThisUnit = false
                if case .merger(let m) = ledger.records[position].payload { intoThisUnit = m.into == entry.id }
                items.append((step.date.dayNumber, 0, e, nil, intoThisUnit && (definition?.countsUnitKinds.isEmpty ?? true)))
            }
        }

        items.sort { ($0.day, $0.phase, $0.entry.seq) < ($1.day, $1.phase, $1.entry.seq) }

        // The register: running values, explanations, unexplained remainders.
        var running: Int?
        var segment = AuditReport.Explanation(previous: 0, admissions: 0, arrivals: 0, departures: 0, transfers: 0, derived: 0)
        var entries: [AuditReport.Entry] = []
        let fromDay = from?.dayNumber ?? Int.min
        var flowSinceFrom = 0
        for var item in items {
            var e = item.entry
            if !e.retracted {
                if let reported = e.reported {
                    if isFlowFigure {
                        if let period = reportPeriod(reported, entry: e) {
                            let covered = eventTotal(unit, kinds: kinds, from: period.from, to: period.to) ?? 0
                            if let n = reported.statedCount, reported.qualifier == .exact { e.unexplained = n - covered }
                            e.note = (e.note ?? LocalizedText("")) + LocalizedText(
                                en: " (\(period.from.iso)..\(period.to.iso); recorded events: \(covered))",
                                vi: " (\(period.from.vietnamese)..\(period.to.vietnamese); sự kiện đã ghi: \(covered))")
                        }
                        e.value = reported.statedCount
                    } else if let n = reported.statedCount, !reported.isPercent {
                        if let r = running {
                            e.unexplained = n - r
                            segment.derived = r
                            e.explanation = segment
                        }
                        running = n
                        e.value = n
                        segment = AuditReport.Explanation(previous: n, admissions: 0, arrivals: 0, departures: 0, transfers: 0, derived: n)
                    }
                } else if let delta = e.delta {
                    if isFlowFigure {
                        if item.day >= fromDay { flowSinceFrom += delta }
                        e.value = flowSinceFrom
                    } else {
                        if running != nil || item.startsBaseline { running = (running ?? 0) + delta }
                        e.value = running
                        switch item.kind {
                        case .admission?: segment.admissions += delta
                        case .arrival?: segment.arrivals += delta
                        case .some: segment.departures -= delta
                        case nil: segment.transfers += delta
                        }
                    }
                }
            }
            item.entry = e
            if item.day >= fromDay { entries.append(e) }
        }

        let value = isFlowFigure ? nil : level(unit, key, at: to)
        var components: [AuditReport.Component] = []
        if value?.provenance == .rolledUp {
            for child in children(at: to)[unit] ?? [] {
                if let v = level(child, key, at: to) {
                    components.append(AuditReport.Component(unit: registry[child].id, name: registry[child].name(at: to), value: v))
                }
            }
        }
        let predecessors = registry.predecessors(of: unit).map {
            (registry[$0.unit].id, registry[$0.unit].name(at: $0.date.adding(days: -1)), $0.date)
        }
        let mergedInto = registry.successor(of: unit).map { (registry[$0.unit].id, $0.date) }
        return AuditReport(unit: entry.id, unitName: entry.name(at: to), figure: key, from: from, to: to, knownAt: knownAt,
                           entries: entries, value: value, components: components, predecessors: predecessors,
                           mergedInto: mergedInto)
    }

    private func reportPeriod(_ value: FigureValue, entry: AuditReport.Entry) -> ClosedPeriod? {
        if let period = value.period { return period }
        guard let position = ledger.recordPosition(seq: entry.seq), case .conference(let c) = ledger.records[position].payload,
              let term = c.term, let unit = registry.index[entry.unit] else { return nil }
        return ClosedPeriod(from: termStart(unit, term).date, to: entry.date)
    }

    private func auditEntry(_ record: LedgerRecord, unit: UnitID, date: CalendarDate, reported: FigureValue?,
                            note: LocalizedText?) -> AuditReport.Entry {
        AuditReport.Entry(seq: record.seq, id: record.id, type: record.type, date: date, recordedTime: record.recordedTime,
                          recordedBy: record.recordedBy, unit: unit, delta: nil, reported: reported,
                          unexplained: nil, value: nil, source: record.sourceDocument, corrected: record.isCorrected,
                          retracted: record.isRetracted, explanation: nil, corrections: correctionNotes(record.seq), note: note)
    }

    private func flowEntry(_ row: FlowRow, unit: UnitID) -> AuditReport.Entry {
        let source = ledger.strings[Int(row.source)]
        var note: LocalizedText? = row.kind.reason.map { _ in row.kind.label }
        if row.flags.contains(.hasPeriod), let start = ledger.periodStarts[row.seq] {
            let since = CalendarDate(dayNumber: Int(start))
            note = (note.map { $0 + LocalizedText(", ") } ?? LocalizedText("")) +
                LocalizedText(en: "since \(since.iso)", vi: "từ \(since.vietnamese)")
        }
        return AuditReport.Entry(seq: row.seq, id: row.id.eventID, type: row.kind.eventType, date: row.date,
                                 recordedTime: Instant(millisecondsSinceEpoch: row.recordedAt),
                                 recordedBy: ledger.strings[Int(row.recordedBy)], unit: unit,
                                 delta: row.isRetracted ? nil : row.kind.memberSign * Int(row.count), reported: nil,
                                 unexplained: nil, value: nil, source: source.isEmpty ? nil : source,
                                 corrected: row.flags.contains(.corrected), retracted: row.isRetracted, explanation: nil,
                                 corrections: row.flags.contains(.corrected) ? correctionNotes(row.seq) : [], note: note)
    }

    /// The corrections applied to the event with `seq`, oldest first.
    public func correctionNotes(_ seq: Int64) -> [AuditReport.CorrectionNote] {
        (appliedCorrections[seq] ?? []).map { position in
            let record = ledger.corrections[position]
            var previous = record.previousData.map { JSONWriter.string(.object($0)) } ?? ""
            if let date = record.previousDate { previous = "date \(date.iso) " + previous }
            let retracts: Bool
            if case .retract = record.correction.action { retracts = true } else { retracts = false }
            return AuditReport.CorrectionNote(seq: record.seq, recordedTime: record.recordedTime, recordedBy: record.recordedBy,
                                              reason: record.correction.reason, previous: previous, retracts: retracts)
        }
    }
}
