extension Rules {
    /// The register of `key` at `unit` up to `to`: every event behind the figure in order, with the
    /// running value after each (rows before `from` count but are not listed; the value carried
    /// into the window is shown by the first row's running value).
    ///
    /// A level's register lists the unit's own reports, the flows under it, the structural steps
    /// that crossed its boundary, and — while it is the sum of its parts — its parts' reports; each
    /// row's change is the change the level rule makes (R2), so the running value is the level.
    /// A flow's register lists its events and stated totals; the running value is R3's total from
    /// the window's start to that day.
    ///
    /// With `boundaries` (R8, `--boundaries`), a level's register is restated in the units active
    /// on that date: the rows of every unit whose holding ends up in `unit`, the running value
    /// the restated value (`restatedRegister`). A flow's register is the same either way: a
    /// unit's flows already include its predecessors' (R3).
    public func audit(_ unit: Int32, _ key: String, from: CalendarDate?, to: CalendarDate, knownAt: Instant?,
                      boundaries: CalendarDate? = nil) -> AuditReport {
        let isFlowFigure = FigureCatalogue.definition(key)?.nature == .flow
        let entry = registry[unit]
        let entries: [AuditReport.Entry]
        let value: LevelValue?
        if isFlowFigure {
            entries = flowRegister(unit, key, from: from, to: to)
            value = nil
        } else if let boundaries {
            entries = restatedRegister(unit, key, from: from, to: to, boundaries: boundaries)
            value = restated(key, at: to, boundaries: boundaries, within: unit)[unit]
        } else {
            entries = levelRegister(unit, key, from: from, to: to)
            value = levels.value(unit, key, at: to)
        }
        var components: [AuditReport.Component] = []
        if value?.provenance == .rolledUp, let boundaries, !isFlowFigure {
            let table = restated(key, at: to, boundaries: boundaries, within: unit)
            for child in registry.children(of: unit, at: boundaries) {
                if let v = table[child] {
                    components.append(AuditReport.Component(unit: registry[child].id, name: registry[child].name(at: boundaries), value: v))
                }
            }
        } else if value?.provenance == .rolledUp {
            for child in registry.children(of: unit, at: to) {
                if let v = levels.value(child, key, at: to) {
                    components.append(AuditReport.Component(unit: registry[child].id, name: registry[child].name(at: to), value: v))
                }
            }
        }
        let predecessors = registry.predecessors(of: unit).map {
            (registry[$0.unit].id, registry[$0.unit].name(at: $0.date.adding(days: -1)), $0.date)
        }
        let mergedInto = registry.handover(from: unit).map { (registry[$0.to].id, $0.date) }
        return AuditReport(unit: entry.id, unitName: entry.name(at: boundaries ?? to), figure: key, from: from, to: to, knownAt: knownAt,
                           boundaries: boundaries, entries: entries, value: value, components: components, predecessors: predecessors,
                           mergedInto: mergedInto)
    }

    /// A row before its running value: when it happened, its place on the day, and how it moves the level.
    private struct Item {
        enum Effect {
            case set(Int)
            /// A flow at unit `at`.
            case add(Int, at: Int32)
            /// A structural step: it changes a value the unit has, or gives it one when it hands over to it.
            case step(Int, startsValue: Bool)
            /// A part's report while the unit is the sum of its parts: the part's jump.
            case partReport(unit: Int32, report: LevelReport)
            case none
        }
        var day: Int
        var phase: Int
        var entry: AuditReport.Entry
        var kind: FlowKind?
        var effect: Effect
    }

    private func levelRegister(_ unit: Int32, _ key: String, from: CalendarDate?, to: CalendarDate) -> [AuditReport.Entry] {
        let id = registry[unit].id
        var items: [Item] = []
        // Own reports (retracted ones shown, not applied).
        for record in projection.records(unit, knowledge) where record.type == .conference {
            guard case .conference(let c)? = record.payload else { continue }
            for figure in c.figures where figure.key == key {
                let date = figure.value.asOf ?? c.asOf ?? record.date
                guard date <= to else { continue }
                var e = entry(record, unit: id, date: date, reported: figure.value, note: LocalizedText(c.title))
                if record.isRetracted { e.retracted = true }
                let effect: Item.Effect = record.isRetracted || figure.value.statedCount == nil || figure.value.isPercent ? .none
                    : .set(figure.value.statedCount!)
                items.append(Item(day: date.dayNumber, phase: 1, entry: e, kind: nil, effect: effect))
            }
        }
        let descendants = registry.everDescendants(of: unit)
        // Flows under the unit, counted when a unit on their way up has a value to add them to.
        if key == "members" {
            for x in descendants where projection.hasAnyFlows(x) {
                let xid = registry[x].id
                for epoch in registry.epochs(of: x) where x == unit || epoch.chain.contains(unit) {
                    let path = x == unit ? [x] : [x] + epoch.chain.prefix { $0 != unit } + [unit]
                    for row in projection.flows(x, from: epoch.from, through: min(epoch.to - 1, to.dayNumber), knowledge, includeRetracted: true) {
                        let counts = !row.isRetracted && path.contains { addsFlow($0, flowAt: x, key, day: row.date.dayNumber) }
                        items.append(Item(day: row.date.dayNumber, phase: 0, entry: flowEntry(row, unit: xid), kind: row.kind,
                                          effect: counts ? .add(row.memberDelta, at: x) : .none))
                    }
                }
            }
        }
        // Structural steps across the unit's boundary. Before the unit has a value they start one
        // only when they hand something over to it (its holding, R2); a count of units it reports
        // itself later has none before that report (R2 step 3).
        let handoverSeqs = Set(registry.handovers(into: unit).map(\.seq))
        let isUnitCount = FigureCatalogue.definition(key)?.isUnitCount ?? false
        let reportsLater = isUnitCount && !projection.levelReports(unit, key, knowledge).isEmpty
        for step in levels.steps(unit, key, fromDay: Int(Int32.min), throughDay: to.dayNumber) {
            guard let record = projection.record(seq: step.seq, knowledge) else { continue }
            var e = entry(record, unit: record.subject >= 0 ? registry[record.subject].id : id, date: step.date, reported: nil,
                          note: step.description)
            e.delta = step.delta
            items.append(Item(day: step.date.dayNumber, phase: 0, entry: e, kind: nil,
                              effect: .step(step.delta, startsValue: handoverSeqs.contains(step.seq) && !reportsLater)))
        }
        // Counts of units the registry gives (a unit that never reports the count, R2.2 and R2.3):
        // each unit of a counted kind registered under it, where every unit between is such a
        // sum too, adds 1 (a merger's new unit is a structural step above, and so is a move of
        // the new unit on its registration day). The rows are not the whole story: a part that
        // reports the count moves the level by what its value does (nothing before its first
        // report, R2.3), and the floor (R2) counts the units registered under such parts too, so
        // at the end of every day with a row the running value is the level itself (below). The
        // level of a province day after day is cheap only because a unit's value is reused while
        // nothing under it changes (`LevelCarry`).
        if isUnitCount && !reportsLater {
            levels.carryValues(key, under: unit)
            let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
            for x in descendants where x != unit {
                let t = registry[x]
                guard let established = t.established, established <= to, registry.merger(seq: t.establishedSeq) == nil,
                      let kind = t.kind(at: established), counted.contains(kind) else { continue }
                // The parent its registration names, or where that parent handed over to when it
                // closed on that very day (its children go on with it, R1).
                guard let parent = t.registeredParent.map({ registry.holder(of: $0, at: established) }),
                      projection.levelReports(parent, key, knowledge).isEmpty,
                      parent == unit || partsModeChain(from: parent, to: unit, key, at: established),
                      let record = projection.record(seq: t.establishedSeq, knowledge) else { continue }
                var e = entry(record, unit: t.id, date: established, reported: nil,
                              note: LocalizedText(en: "\(t.name(at: established)) registered", vi: "đăng ký \(t.name(at: established))"))
                e.delta = 1
                items.append(Item(day: established.dayNumber, phase: 0, entry: e, kind: nil, effect: .step(1, startsValue: true)))
            }
        }
        // Reports of the parts while the unit is their sum.
        for y in descendants where y != unit {
            for report in projection.levelReports(y, key, knowledge) where report.date <= to && report.value.statedCount != nil {
                guard partsModeChain(from: y, to: unit, key, at: report.date) else { continue }
                guard let record = projection.record(seq: report.seq, knowledge) else { continue }
                var e = entry(record, unit: registry[y].id, date: report.date, reported: report.value, note: nil)
                e.note = LocalizedText(en: "part: \(registry[y].name(at: report.date))", vi: "đơn vị trực thuộc: \(registry[y].name(at: report.date))")
                items.append(Item(day: report.date.dayNumber, phase: 1, entry: e, kind: nil, effect: .partReport(unit: y, report: report)))
            }
        }
        items.sort { ($0.day, $0.phase, $0.entry.seq) < ($1.day, $1.phase, $1.entry.seq) }

        var running: Int?
        var segment = AuditReport.Explanation(previous: 0, admissions: 0, arrivals: 0, departures: 0, transfers: 0, derived: 0)
        var entries: [AuditReport.Entry] = []
        let fromDay = from?.dayNumber ?? Int.min
        // What no event explains is measured from the unit's own previous report; before its
        // first, the value was the sum of its parts (`check`'s roll-up compares those).
        var reported = false
        // Reports of several levels on one day (a commune and its cells) interact: after such a
        // day the running value is set to the level itself, and the day's last part row carries the rest.
        var partDay: Int?
        var lastPartRow: (entry: Int?, before: Int?)?
        func settle() {
            guard let day = partDay else { return }
            let exact = levels.value(unit, key, at: CalendarDate(dayNumber: day))?.count
            if let exact, exact != running, let last = lastPartRow {
                if let i = last.entry {
                    entries[i].delta = (entries[i].delta ?? 0) + exact - (running ?? 0)
                    entries[i].value = exact
                }
                running = exact
            }
            partDay = nil
            lastPartRow = nil
        }
        // While the unit is the sum of its parts, a part below its floor counts as the floor (R2),
        // so the sum of the recorded changes can fall below the level: after a day on which a
        // part may have gone below its floor (`AuditFloorWatch`), or a structural step or a part's
        // report lowered the sum, and on every day once a floor has been met, the running value
        // is the level; the changes stay as recorded. Only a floor explains the difference; any
        // other difference is left to show.
        var currentDay: Int?
        var loweredAt: Set<Int32> = []
        var stepLowered = false
        var floorsMet = false
        var lastRowOfDay: Int?
        var floors = AuditFloorWatch(self, unit: unit, key: key, to: to, innerFloors: !isUnitCount)
        let firstInnerFloor = floors.firstInnerFloor
        func settleFloors() {
            defer { loweredAt = []; stepLowered = false; lastRowOfDay = nil }
            guard let day = currentDay, !reported else { return }
            let date = CalendarDate(dayNumber: day)
            if isUnitCount && !reportsLater {
                // A count the registry gives (R2.2): at the end of every day with a row the
                // running value is the level, and the day's last row carries the difference (seed
                // 613: a village registered under one commune while the other holds one and
                // reports later is "at least 2", not 1; seed 763: a commune carrying 2 of an "at
                // least 3" moved out of its district leaves "—", not 1).
                // (Below the floor the changes stay as recorded, as everywhere: the value shows it.)
                let value = levels.value(unit, key, at: date)
                let level = value?.count
                if level != running, let i = lastRowOfDay {
                    if let level, let r = running, value?.belowFloor == nil { entries[i].delta = (entries[i].delta ?? 0) + level - r }
                    entries[i].value = level
                }
                running = level
                return
            }
            guard floorsMet || stepLowered || isUnitCount || day >= firstInnerFloor
                    || loweredAt.contains(where: { floors.floored(above: $0, at: date) }) else { return }
            // Once a floor has been met, what it left in the sum stays after it (a floored part
            // closed or handed over): the level is the running value from then on — also when the
            // floor met is the unit's own and the running value happens to equal it that day (seed
            // 8494: a district at "at least 0" after a part's report; an arrival of 4 later left it
            // at least 0, where the rows alone said 4).
            guard let r = running, let value = levels.value(unit, key, at: date), let level = value.count,
                  floorsMet || day >= firstInnerFloor || value.belowFloor != nil || levels.hasPartBelowFloor(unit, key, at: date) else { return }
            floorsMet = true
            guard level != r else { return }
            running = level
            if let i = lastRowOfDay { entries[i].value = level }
        }
        for item in items {
            if let day = partDay, day != item.day { settle() }
            if let day = currentDay, day != item.day { settleFloors() }
            currentDay = item.day
            var e = item.entry
            switch item.effect {
            case .set(let n):
                defer { reported = true }
                if let r = running, reported {
                    e.unexplained = n - r
                    segment.derived = r
                    e.explanation = segment
                }
                running = n
                segment = AuditReport.Explanation(previous: n, admissions: 0, arrivals: 0, departures: 0, transfers: 0, derived: n)
            case .add(let delta, _):
                running = (running ?? 0) + delta
                switch item.kind {
                case .admission?: segment.admissions += delta
                case .arrival?: segment.arrivals += delta
                case .some: segment.departures -= delta
                case nil: segment.transfers += delta
                }
            case .step(let delta, let startsValue):
                // A step starts the value when it hands over to the unit, or brings a part with a
                // value under it (a merger creating a unit below it from units elsewhere, a unit of
                // a counted kind moved in); a count the unit reports later has none before.
                if running != nil || startsValue || (!reportsLater && levels.value(unit, key, at: item.entry.date)?.count != nil) {
                    running = (running ?? 0) + delta
                    segment.transfers += delta
                    // Everything handed out of a unit still active that only summed its parts: it
                    // has no value any more ("—" in replay), not 0. (A unit that closed shows the 0
                    // it was left with.)
                    if running == 0, registry.isActive(unit, at: item.entry.date), levels.value(unit, key, at: item.entry.date)?.count == nil {
                        running = nil
                    }
                }
            case .partReport(let y, let report):
                // The part's jump as this unit sees it: from the part's value the day before (what
                // this unit's running value holds for it); the day settles any rest.
                let dayBefore = levels.value(y, key, at: report.date.adding(days: -1))?.count
                let jump = (report.value.statedCount ?? 0) - (dayBefore ?? 0)
                e.delta = jump
                if projection.levelReports(y, key, knowledge).contains(where: { ($0.date, $0.seq) < (report.date, report.seq) }),
                   let before = levels.value(y, key, before: report)?.count {
                    e.unexplained = (report.value.statedCount ?? 0) - before
                }
                running = (running ?? 0) + jump
                segment.transfers += jump
                partDay = item.day
            case .none:
                break
            }
            e.value = e.retracted ? nil : running
            // Below the floor (fewer than 0 members, fewer units than are registered) the level
            // shows the floor, "at least" (R2), and `check` reports it: the running value is the
            // level, so it shows the floor too; the changes stay as recorded.
            // (A count the registry gives is settled at the day's end instead, below.)
            if let r = e.value, r < 0 || (isUnitCount && reported), let level = levels.value(unit, key, at: item.entry.date),
               level.belowFloor != nil, let floor = level.count, r < floor {
                e.value = floor
            }
            if item.day >= fromDay { entries.append(e) }
            lastRowOfDay = item.day >= fromDay && !e.retracted ? entries.count - 1 : lastRowOfDay
            if case .add(let delta, let x) = item.effect, !isUnitCount, !reported {
                if floors.flow(at: x, day: item.day, delta: delta) { loweredAt.insert(x) }
            } else if (e.delta ?? 0) < 0 {
                stepLowered = true
            }
            if case .partReport = item.effect { lastPartRow = (item.day >= fromDay ? entries.count - 1 : nil, running) }
        }
        settle()
        settleFloors()
        return entries
    }

    /// Whether `u`, on the way up from the flow's unit `x`, has a value on `day` that a flow at `x`
    /// adds to (R2): a report of its own (its Δ counts flows under it), or — at `x` itself only —
    /// a holding (a holding adds the flows recorded at its unit, not those of the units under it).
    func addsFlow(_ u: Int32, flowAt x: Int32, _ key: String, day: Int) -> Bool {
        u == x ? hasBaseline(u, key, at: day) : projection.latestLevel(u, key, atOrBefore: day, knowledge) != nil
    }

    /// Whether `u` has a value of its own at `day` to which flows under it add (own report, or a holding).
    func hasBaseline(_ u: Int32, _ key: String, at day: Int) -> Bool {
        if projection.latestLevel(u, key, atOrBefore: day, knowledge) != nil { return true }
        return registry.handovers(into: u).contains { $0.date.dayNumber <= day && levels.residual($0.from, key, at: $0.date.adding(days: -1)) != nil }
    }

    /// Whether every unit from `y`'s parent up to `u` is the sum of its parts on `date` (no report of its own).
    func partsModeChain(from y: Int32, to u: Int32, _ key: String, at date: CalendarDate) -> Bool {
        let chain = registry.ancestors(of: y, at: date)
        guard let position = chain.firstIndex(of: u) else { return false }
        // A count of units a unit reports itself later: it has no value before that report (R2.3).
        let isUnitCount = FigureCatalogue.definition(key)?.isUnitCount ?? false
        return chain[...position].allSatisfy {
            isUnitCount ? projection.levelReports($0, key, knowledge).isEmpty : projection.latestLevel($0, key, atOrBefore: date.dayNumber, knowledge) == nil
        }
    }

    private func flowRegister(_ unit: Int32, _ key: String, from: CalendarDate?, to: CalendarDate) -> [AuditReport.Entry] {
        let kinds = FlowKinds(FlowRule.kinds(for: key))
        var items: [(day: Int, phase: Int, entry: AuditReport.Entry, count: Int)] = []
        var earliest = Int.max
        var statedAnywhere = false
        var visited = Set<Int32>()
        var stack = Set<Int32>()
        func collect(_ x: Int32, window: (from: Int, to: Int)) {
            guard stack.insert(x).inserted else { return }
            defer { stack.remove(x) }
            let xid = registry[x].id
            if visited.insert(x).inserted {
                for report in projection.flowReports(x, key, knowledge) where report.end <= to {
                    statedAnywhere = true
                    guard x == unit, let record = projection.record(seq: report.seq, knowledge) else { continue }
                    var e = entry(record, unit: xid, date: report.end, reported: report.value, note: nil)
                    if case .conference(let c)? = record.payload { e.note = LocalizedText(c.title) }
                    if let period = terms.period(of: report) {
                        earliest = min(earliest, period.from.dayNumber)
                        // What the events recorded for the same period say (R3: reconciled, not replaced silently).
                        let covered = flows.recordedEvents(unit, key, over: period) ?? 0
                        if let n = report.value.statedCount, report.value.qualifier == .exact { e.unexplained = n - covered }
                        e.note = (e.note ?? LocalizedText("")) + LocalizedText(
                            en: " (\(period.from.iso)..\(period.to.iso); recorded events: \(covered))",
                            vi: " (\(period.from.vietnamese)..\(period.to.vietnamese); sự kiện đã ghi: \(covered))")
                    }
                    items.append((report.end.dayNumber, 1, e, 0))
                }
            }
            if !kinds.isEmpty {
                for row in projection.flows(x, from: window.from, through: min(window.to - 1, to.dayNumber), knowledge, includeRetracted: true)
                    where kinds.contains(row.kind.rawValue) {
                    var e = flowEntry(row, unit: xid)
                    e.delta = row.isRetracted ? nil : row.count
                    items.append((row.date.dayNumber, 0, e, row.isRetracted ? 0 : row.count))
                }
            }
            for child in registry.potentialChildren(of: x) {
                let active = flows.activeDays(child)
                for epoch in registry.epochs(of: child) where epoch.chain.first == x {
                    let a = max(window.from, epoch.from, active.from), b = min(window.to, epoch.to, active.to)
                    if a < b { collect(child, window: (a, b)) }
                }
            }
            // Units that handed over to x: the days they were not under a unit being added up,
            // and the days before they existed (R3, as `FlowRule` walks them: seed 9267, a commune
            // registered in 2018 that later took over a commune of another district brought
            // that commune's 2015 admissions into the total, and the register had no row for them).
            for h in registry.handovers(into: x) {
                for span in flows.joinedSpans(h.from, includingDaysBefore: flows.activeDays(h.from).from,
                                              where: { !$0.chain.contains(where: stack.contains) }) {
                    let a = max(window.from, span.from), b = min(window.to, span.to, h.date.dayNumber)
                    if a < b { collect(h.from, window: (a, b)) }
                }
            }
        }
        collect(unit, window: (Int(Int32.min), Int(Int32.max)))
        items.sort { ($0.day, $0.phase, $0.entry.seq) < ($1.day, $1.phase, $1.entry.seq) }
        let fromDay = from?.dayNumber ?? min(items.first?.day ?? to.dayNumber, earliest)
        let windowStart = CalendarDate(dayNumber: fromDay)
        var entries: [AuditReport.Entry] = []
        var running: Int? = 0
        for (i, item) in items.enumerated() where item.day >= fromDay {
            var e = item.entry
            // A retracted row is shown, not counted: it has no running value, and the day's total
            // goes on the day's last row that counts.
            if e.retracted {
                entries.append(e)
                continue
            }
            let lastOfDay = !items[(i + 1)...].prefix { $0.day == item.day }.contains { !$0.entry.retracted }
            if statedAnywhere && lastOfDay {
                // No total over the window so far (R3 gives none): no running value, not 0.
                running = flows.total(unit, key, over: ClosedPeriod(from: windowStart, to: CalendarDate(dayNumber: item.day)))?.value
            } else {
                running = (running ?? 0) + item.count
            }
            if e.reported != nil, let stated = e.reported?.statedCount, let report = projection.flowReports(unit, key, knowledge).first(where: { $0.seq == e.seq }),
               let period = terms.period(of: report), period.from < windowStart {
                e.note = (e.note ?? LocalizedText("")) + LocalizedText(
                    en: "; covers days before this window: not counted in it (\(stated))",
                    vi: "; gồm cả thời gian trước khoảng này: không tính vào đây (\(stated))")
            }
            e.value = running
            entries.append(e)
        }
        return entries
    }

    func entry(_ record: RecordVersion, unit: UnitID, date: CalendarDate, reported: FigureValue?, note: LocalizedText?) -> AuditReport.Entry {
        AuditReport.Entry(seq: record.seq, id: record.id, type: record.type, date: date, recordedTime: record.recordedTime,
                          recordedBy: record.recordedBy, unit: unit, delta: nil, reported: reported, unexplained: nil, value: nil,
                          source: record.sourceDocument, corrected: record.isCorrected, retracted: record.isRetracted,
                          explanation: nil, corrections: record.isCorrected || record.isRetracted ? correctionNotes(record.seq) : [], note: note)
    }

    func flowEntry(_ row: FlowRecord, unit: UnitID) -> AuditReport.Entry {
        var note: LocalizedText? = row.kind.reason.map { _ in row.kind.label }
        if let since = row.since {
            note = (note.map { $0 + LocalizedText(", ") } ?? LocalizedText("")) + LocalizedText(en: "since \(since.iso)", vi: "từ \(since.vietnamese)")
        }
        return AuditReport.Entry(seq: row.seq, id: row.id.eventID, type: row.kind.eventType, date: row.date, recordedTime: row.recordedTime,
                                 recordedBy: row.recordedBy, unit: unit, delta: row.isRetracted ? nil : row.memberDelta, reported: nil,
                                 unexplained: nil, value: nil, source: row.source, corrected: row.isCorrected, retracted: row.isRetracted,
                                 explanation: nil, corrections: row.isCorrected ? correctionNotes(row.seq) : [], note: note)
    }

    /// The corrections applied to the event with `seq`, oldest first.
    public func correctionNotes(_ seq: Int64) -> [AuditReport.CorrectionNote] {
        corrections(of: seq).map { c in
            let retracts: Bool
            if case .retract? = c.correction?.action { retracts = true } else { retracts = false }
            return AuditReport.CorrectionNote(seq: c.seq, recordedTime: c.recordedTime, recordedBy: c.recordedBy,
                                              reason: c.correction?.reason ?? "", previous: c.previous, retracts: retracts)
        }
    }
}
