/// Where, in the register of a level that is the sum of its parts, a part may be below its floor
/// (R2: shown at the floor, so the sum of the recorded changes falls below the level), found
/// without asking the unit's level every day (on a district's members that cost the audit half
/// its time again).
///
/// A flow's way up is watched cheaply: each part's latest report plus the flows since, in day
/// order. Only when the watch sees a part below zero, or a part whose value other facts move too
/// (structural steps, or a holding), are the values on that way asked (`floored(above:at:)`). A
/// move or closing between the unit's own parts is no row of its register, yet it can leave a part
/// below its floor (a cell of 160 moved out of a district that derived 129): `firstInnerFloor` is
/// the first such day.
struct AuditFloorWatch {
    let rules: Rules
    let unit: Int32
    let key: String
    let to: CalendarDate
    /// The first day a move or closing between the unit's parts left one below its floor.
    private(set) var firstInnerFloor = Int.max

    private struct Watch {
        var reports: [LevelReport]
        var next = 0
        var reportDay = Int.min
        var value: Int?
        var moved: Bool
    }
    private var watched: [Int32: Watch] = [:]

    /// `innerFloors`: whether to look for `firstInnerFloor` (not for a count of units, whose
    /// running value is the level at the end of every day with a row anyway).
    init(_ rules: Rules, unit: Int32, key: String, to: CalendarDate, innerFloors: Bool) {
        self.rules = rules
        self.unit = unit
        self.key = key
        self.to = to
        let levels = rules.levels, registry = rules.registry
        for i in innerFloors ? levels.relevantEvents(unit) : [] {
            let event = levels.events[i]
            guard event.date <= to else { break }
            let left: Int32
            switch event.change {
            case .move(let m): left = m
            case .handover(let h): left = h.from
            default: continue
            }
            guard rules.projection.latestLevel(unit, key, atOrBefore: event.date.dayNumber, rules.knowledge) == nil,
                  let part = registry.parent(of: left, at: event.date.adding(days: -1)), part != unit,
                  registry.ancestors(of: part, at: event.date).contains(unit), floored(above: part, at: event.date) else { continue }
            firstInnerFloor = event.date.dayNumber
            break
        }
    }

    /// A flow of `delta` at `x` on `day` (rows in day order): whether a part on its way up may now
    /// be below its floor.
    mutating func flow(at x: Int32, day: Int, delta: Int) -> Bool {
        var mayBeBelow = false
        var current: Int32? = x
        var hops = 0
        while let q = current, q != unit, hops < 64 {
            var w = watched[q] ?? Watch(reports: rules.projection.levelReports(q, key, rules.knowledge).filter { $0.value.statedCount != nil },
                                        moved: !rules.levels.steps(q, key, fromDay: Int(Int32.min), throughDay: to.dayNumber).isEmpty
                                            || !rules.registry.handovers(into: q).isEmpty)
            while w.next < w.reports.count && w.reports[w.next].date.dayNumber <= day {
                w.value = w.reports[w.next].value.statedCount
                w.reportDay = w.reports[w.next].date.dayNumber
                w.next += 1
            }
            if let v = w.value, w.reportDay < day { w.value = v + delta }
            watched[q] = w
            if w.moved || (w.value ?? 0) < 0 { mayBeBelow = true }
            current = rules.registry.parent(of: q, at: CalendarDate(dayNumber: day))
            hops += 1
        }
        return mayBeBelow
    }

    /// Whether `x` or a unit above it, below the audited unit, is shown at its floor on `date`.
    func floored(above x: Int32, at date: CalendarDate) -> Bool {
        var current: Int32? = x
        var hops = 0
        while let q = current, q != unit, hops < 64 {
            if rules.levels.value(q, key, at: date)?.belowFloor != nil { return true }
            current = rules.registry.parent(of: q, at: date)
            hops += 1
        }
        return false
    }
}
