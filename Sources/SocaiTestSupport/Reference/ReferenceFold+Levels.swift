import SocaiCore

/// R2 "Level figures (a count at a date)".
extension ReferenceFold {
    /// The value of level key `key` of `unit` on `date`, nil for "—". Only an active unit has one.
    public func level(_ unit: UnitID, _ key: String, _ date: CalendarDate) -> ReferenceLevel? {
        let question = LevelQuestion(unit: unit, key: key, date: date)
        if let memo = levelMemo[question] { return memo }
        // A cycle in the tree (units under each other through implicit moves) has no value.
        levelMemo[question] = .some(nil)
        let answer = computeLevel(unit, key, date)
        levelMemo[question] = answer
        return answer
    }

    private func computeLevel(_ u: UnitID, _ key: String, _ d: CalendarDate) -> ReferenceLevel? {
        guard units.isActive(u, d) else { return nil }
        let reports = levelReports(u, key)
        var raw: QualifiedCount
        var provenance: String
        if let report = reports.last(where: { $0.date <= d }) {
            // 1. Own report, plus Δ after it.
            raw = report.value + delta(u, key, from: report.date.adding(days: 1), to: d)
            provenance = report.date == d ? "reported" : "derived"
            if provenance == "reported" {
                return ReferenceLevel(count: raw, provenance: provenance, belowFloor: false, derived: raw.value)
            }
        } else if !countedKinds(key).isEmpty, reports.contains(where: { $0.date > d }) {
            // 3. A count the unit itself reports later: nothing from the registry before it.
            return nil
        } else {
            // 2. Parts.
            guard let parts = self.parts(u, key, d) else { return nil }
            raw = parts.value
            provenance = parts.provenance
        }
        // R2 "Below zero": never shown below the floor.
        let floor = countedKinds(key).isEmpty ? 0 : registered(u, key, d)
        if raw.value < floor {
            return ReferenceLevel(count: QualifiedCount(floor, .atLeast), provenance: provenance, belowFloor: true,
                                  derived: raw.value)
        }
        return ReferenceLevel(count: raw, provenance: provenance, belowFloor: false, derived: raw.value)
    }

    /// The registered units of the counted kinds active under `u` on `d` (not `u` itself).
    func registered(_ u: UnitID, _ key: String, _ d: CalendarDate) -> Int {
        units.all.filter { $0 != u && units.isWithin($0, u, d) && isCounted($0, key, d) }.count
    }

    /// R2.2: the sum of the active children, the counted children, and what was handed over to U
    /// (plus what happened at U itself from the first handover on).
    private func parts(_ u: UnitID, _ key: String, _ d: CalendarDate) -> (value: QualifiedCount, provenance: String)? {
        var sum = QualifiedCount.zero
        var any = false
        var childValue = false
        for c in children(u, d) {
            if let v = level(c, key, d) {
                sum = sum + v.count
                any = true
                // A value resting on a report: the child's own (reported, or derived from it) or its parts'.
                if v.provenance == "reported" || v.provenance == "rolled-up" || levelReports(c, key).contains(where: { $0.date <= d }) {
                    childValue = true
                }
            }
            if isCounted(c, key, d) {
                sum = sum + QualifiedCount(1)
                any = true
            }
        }
        let held = holding(u, key, d)
        if held.exists {
            sum = sum + held.value
            any = true
        }
        guard any else { return nil }
        return (sum, childValue ? "rolled-up" : "derived")
    }

    /// R2.2's holding of U on D: the residuals handed over to U on or before D, plus Δ at U
    /// itself from the first such handover (or merger total stated for U) on; `exists` when some
    /// handed-over unit had a value or such a total was stated.
    func holding(_ u: UnitID, _ key: String, _ d: CalendarDate) -> (value: QualifiedCount, exists: Bool) {
        var sum = QualifiedCount.zero
        var firstHandover: CalendarDate?
        for (x, m) in units.handovers(to: u) where m <= d {
            guard let r = residual(x, key, m.adding(days: -1)) else { continue }
            sum = sum + r
            firstHandover = min(firstHandover ?? m, m)
        }
        // Merger totals stated for U start what it holds too (R2: the count changes by after − before).
        let kinds = countedKinds(key)
        for (scope, date, merger) in aggregateMergers where scope == u && date <= d && kinds.contains(merger.of) {
            firstHandover = min(firstHandover ?? date, date)
        }
        guard let m0 = firstHandover else { return (.zero, false) }
        return (sum + ownDelta(u, key, from: m0, to: d), true)
    }

    /// R1 "What x holds": its value minus its children's values (and 1 per counted child);
    /// nil when x has no value (a handover of a unit with no value hands over nothing).
    public func residual(_ x: UnitID, _ key: String, _ d: CalendarDate) -> QualifiedCount? {
        guard let value = level(x, key, d) else { return nil }
        // A value that is the sum of its parts holds exactly what was handed over to it (and
        // what happened at it since): subtracting the children again would turn their bounds
        // into "about" (>373 − >373 is exactly 0, not about 0).
        if !value.belowFloor, !levelReports(x, key).contains(where: { $0.date <= d }) {
            return holding(x, key, d).value
        }
        var r = value.count
        for c in children(x, d) {
            if let v = level(c, key, d) { r = r - v.count }
            if isCounted(c, key, d) { r = r - QualifiedCount(1) }
        }
        return r
    }

    /// What crosses a boundary with x's handover on M: its residual on M−1 and the children it
    /// re-parents, each with its value (and 1 when of a counted kind).
    func carried(_ x: UnitID, _ key: String, _ m: CalendarDate) -> QualifiedCount {
        let before = m.adding(days: -1)
        var total = residual(x, key, before) ?? .zero
        for c in units.reparentedChildren(of: x) {
            total = total + (level(c, key, before)?.count ?? .zero)
            if isCounted(c, key, before) { total = total + QualifiedCount(1) }
        }
        return total
    }

    /// Δ(U, K, from…to) of R2: flows in U's subtree, values crossing U's boundary, and for counts
    /// of units the mergers, dissolutions, re-kinds and merger totals inside it.
    func delta(_ u: UnitID, _ key: String, from a: CalendarDate, to d: CalendarDate) -> QualifiedCount {
        guard a <= d else { return .zero }
        var total = QualifiedCount.zero
        if key == "members" {
            for f in flows where a <= f.date && f.date <= d && units.isWithin(f.unit, u, f.date) {
                total = total + QualifiedCount(f.kind.memberSign * f.count)
            }
        }
        // Handovers crossing U's boundary.
        for x in units.all {
            guard let m = units.closeDay(x), a <= m, m <= d, let r = units.receiver(x) else { continue }
            let inBefore = leftWithin(x, u, m)
            let inAfter = units.isWithin(r, u, m)
            if inBefore != inAfter {
                let amount = carried(x, key, m)
                total = total + (inAfter ? amount : -amount)
            }
        }
        // Moves crossing U's boundary.
        for move in units.moves where a <= move.date && move.date <= d {
            let before = move.date.adding(days: -1)
            // Registered on the day it moves: it leaves the parent its registration names, as if it
            // had stood there on M−1 (the count there may already include it, as for a merger).
            // Otherwise it leaves its parent of M−1 where the day's other changes leave that parent
            // (moved, or handed over with it), seed 3738; a parent closing that day hands over only
            // the children staying under it (`reparentedChildren`), so the unit leaves from where
            // that parent itself leaves (seed 4611).
            let inBefore = units.established(move.unit) == move.date
                ? units.registeredParent(move.unit).map { units.isWithin($0, u, move.date) } ?? false
                : leftWithin(move.unit, u, move.date)
            let inAfter = units.isWithin(move.unit, u, move.date)
            guard inBefore != inAfter else { continue }
            var amount = level(move.unit, key, before)?.count ?? .zero
            if isCounted(move.unit, key, before) { amount = amount + QualifiedCount(1) }
            total = total + (inAfter ? amount : -amount)
        }
        let kinds = countedKinds(key)
        guard !kinds.isEmpty else { return total }
        for merger in units.mergers where a <= merger.date && merger.date <= d {
            let before = merger.date.adding(days: -1)
            // The units it absorbs go (an existing target stays where it is: where it goes, a
            // handover of the same day takes it, with its value), a new target comes.
            let participants = merger.sources.filter { $0 != merger.target }
            for p in participants {
                // A participant registered on M itself is removed as if it had existed on M−1:
                // the reported count may already include it (R2, unit counts).
                if units.established(p) == merger.date {
                    // (It never was active: it lies where its recorded parent does on M, or on M−1
                    // when that parent closes on M: as if it had existed on M−1, seed 2207.)
                    let parent = units.recordedParent(p, merger.date)
                    if let parent, (units.isActive(parent, merger.date) ? units.isWithin(parent, u, merger.date) : leftWithin(parent, u, merger.date))
                        && isCounted(p, key, merger.date) { total = total - QualifiedCount(1) }
                } else if leftWithin(p, u, merger.date) && isCounted(p, key, before) {
                    total = total - QualifiedCount(1)
                }
            }
            // The target counts from M on where it stands on M, even when a later merger of the same
            // day closes it again (that merger removes it as a participant of M−1: a chain).
            let targetIn = units.isActive(merger.target, merger.date) ? units.isWithin(merger.target, u, merger.date)
                : units.closeDay(merger.target) == merger.date && (units.parent(merger.target, merger.date).map { units.isWithin($0, u, merger.date) } ?? false)
            if merger.targetIsNew && targetIn && isCounted(merger.target, key, merger.date) {
                total = total + QualifiedCount(1)
            }
        }
        for dissolution in units.dissolutions where a <= dissolution.date && dissolution.date <= d {
            let before = dissolution.date.adding(days: -1)
            if units.established(dissolution.unit) == dissolution.date {
                // Registered on the day it is dissolved: removed as a merger participant registered
                // on M is, where its recorded parent lies (on M−1 when that parent closes on M).
                let parent = units.recordedParent(dissolution.unit, dissolution.date)
                if let parent, (units.isActive(parent, dissolution.date) ? units.isWithin(parent, u, dissolution.date) : leftWithin(parent, u, dissolution.date))
                    && isCounted(dissolution.unit, key, dissolution.date) {
                    total = total - QualifiedCount(1)
                }
            } else if leftWithin(dissolution.unit, u, dissolution.date) && isCounted(dissolution.unit, key, before) {
                total = total - QualifiedCount(1)
            }
        }
        for rekind in units.rekinds where a <= rekind.date && rekind.date <= d && rekind.unit != u {
            guard units.isWithin(rekind.unit, u, rekind.date) else { continue }
            if isCounted(rekind.unit, key, rekind.date.adding(days: -1)) { total = total - QualifiedCount(1) }
            if isCounted(rekind.unit, key, rekind.date) { total = total + QualifiedCount(1) }
        }
        for (scope, date, merger) in aggregateMergers where a <= date && date <= d && kinds.contains(merger.of) {
            if units.isWithin(scope, u, date) { total = total + QualifiedCount(merger.after - merger.before) }
        }
        return total
    }

    /// Whether what `x` held when it closed on day `m` left from within `u` (R2 Δ): `x` stood under
    /// its parent of M−1, and that parent, if still active on M, is carried by the day's moves and
    /// handovers with `x`'s value in its own, so `x` leaves from where it ends the day; a parent
    /// closing on M hands over only its children still active, so `x` leaves from where that
    /// parent itself leaves (seed 6330).
    func leftWithin(_ x: UnitID, _ u: UnitID, _ m: CalendarDate) -> Bool {
        let before = m.adding(days: -1)
        if x == u { return units.isWithin(x, u, before) }
        var current = x
        var hops = 0
        while let q = units.parent(current, before), hops < 64 {
            if q == u { return true }
            guard units.closeDay(q) == m else { return units.isWithin(q, u, m) }
            current = q
            hops += 1
        }
        return false
    }

    /// Δ at U itself (R2.2 holding): flows recorded at U, and merger totals stated for U.
    private func ownDelta(_ u: UnitID, _ key: String, from a: CalendarDate, to d: CalendarDate) -> QualifiedCount {
        var total = QualifiedCount.zero
        if key == "members" {
            for f in flows where f.unit == u && a <= f.date && f.date <= d {
                total = total + QualifiedCount(f.kind.memberSign * f.count)
            }
        }
        let kinds = countedKinds(key)
        for (scope, date, merger) in aggregateMergers where scope == u && a <= date && date <= d && kinds.contains(merger.of) {
            total = total + QualifiedCount(merger.after - merger.before)
        }
        return total
    }
}
