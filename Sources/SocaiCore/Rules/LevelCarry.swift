/// The days on which a unit's value of one level figure may change: what lets a question that
/// asks the same units' values day after day (`audit` of a count of units, whose running value is
/// the level at the end of every day with a row) reuse a value already computed when nothing under
/// the unit happened between.
///
/// A unit's value of a count of units (R2) is a function of what lies under it: its own reports,
/// the units registered, closed, moved or re-kinded under it, what is handed over to it and the
/// merger totals stated for it. Each such fact marks its day (and, for reports, the day after,
/// when the value stops being "reported" and becomes "derived") on the units it involves and on
/// their ancestors of the day before and of the day itself. A unit's value on day d is then its
/// value on any earlier day d0 when none of its marked days lies in d0+1 … d. Flows are not
/// facts here, so `members` is never carried.
struct LevelCarry {
    let code: UInt16
    /// The kinds the figure counts (the floor: registered units of these kinds).
    let kinds: Set<UnitKind>
    /// The unit whose question this is: only units ever under it are marked.
    let root: Int32
    /// Marked days of each unit ever under `root`, sorted, without repeats. A unit not listed may
    /// change any day.
    private let days: [Int32: [Int]]

    init(_ key: String, under root: Int32, _ registry: Registry) {
        code = FigureCode(key).rawValue
        kinds = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        self.root = root
        // Every unit ever under the root, and every unit ever under those (`everDescendants` is
        // closed so): whatever is under a listed unit on any day is listed, so its facts mark it.
        let listed = registry.everDescendants(of: root)
        var marked: [Int32: Set<Int>] = Dictionary(uniqueKeysWithValues: listed.map { ($0, []) })
        func mark(_ u: Int32, _ day: Int) {
            let date = CalendarDate(dayNumber: day)
            for a in [u] + registry.ancestors(of: u, at: date.adding(days: -1)) + registry.ancestors(of: u, at: date) {
                marked[a]?.insert(day)
            }
        }
        // (An event none of whose units is listed marks no listed unit: its units' ancestors of
        // those days would be listed units' descendants, hence listed.)
        let isListed = Set(listed)
        for event in registry.structuralEvents() where event.participants.contains(where: isListed.contains) {
            for u in event.participants { mark(u, event.date.dayNumber) }
        }
        for u in listed {
            let t = registry[u]
            guard let established = t.established else { continue }
            mark(u, established.dayNumber)
            if let parent = t.registeredParent { mark(parent, established.dayNumber) }
            for closing in t.closings { mark(u, closing.date.dayNumber) }
            for report in registry.projection.levelReports(u, key, registry.knowledge) {
                mark(u, report.date.dayNumber)
                mark(u, report.date.dayNumber + 1)
            }
        }
        days = marked.mapValues { $0.sorted() }
    }

    /// Whether `u`'s value may differ between the end of day `from` and the end of day `to` (`from` < `to`).
    func mayChange(_ u: Int32, after from: Int, through to: Int) -> Bool {
        guard let list = days[u] else { return true }
        // The first marked day after `from`.
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] <= from { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low] <= to
    }
}
