extension Rules {
    /// Where unit `x`'s holding is on `boundaries`: itself while active then, else wherever what
    /// it held was handed over to (DECISIONS R8).
    public func destination(of x: Int32, on boundaries: CalendarDate) -> Int32? {
        var current = x
        var hops = 0
        while hops < 64 {
            if registry.isActive(current, at: boundaries) { return current }
            guard let closing = registry[current].closing, closing.date <= boundaries, let h = registry.handover(from: current) else { return nil }
            current = h.to
            hops += 1
        }
        return nil
    }

    /// Every level value at `date` restated in the units active on `boundaries` (R8): each unit
    /// active on `date` contributes what it holds itself to its destination, and parents add up
    /// their children as they stand on `boundaries`.
    public func restated(_ key: String, at date: CalendarDate, boundaries: CalendarDate) -> [Int32: LevelValue] {
        restated(key, at: date, boundaries: boundaries,
                 sources: registry.all.filter { registry.isActive($0, at: date) },
                 tops: registry.all.filter { registry.isActive($0, at: boundaries) })
    }

    /// The restated values at `date` of `root` and the units under it on `boundaries` (R8), asking
    /// only for the units whose holding ends up there: what a question about one unit needs
    /// (`audit`, `term`, the printed report) without computing every unit of the journal.
    public func restated(_ key: String, at date: CalendarDate, boundaries: CalendarDate, within root: Int32) -> [Int32: LevelValue] {
        guard registry.isActive(root, at: boundaries) else { return [:] }
        let sources = restatedSources(of: root, boundaries: boundaries).filter { registry.isActive($0, at: date) }
        return restated(key, at: date, boundaries: boundaries, sources: sources, tops: [root])
    }

    /// The units whose holding ends up in `root` or under it on `boundaries` (their destination
    /// lies there), at any date: the lineage a restated figure of `root` is made of.
    public func restatedSources(of root: Int32, boundaries: CalendarDate) -> [Int32] {
        var scope: Set<Int32> = [root]
        var frontier = [root]
        while let u = frontier.popLast() {
            for child in registry.children(of: u, at: boundaries) where scope.insert(child).inserted { frontier.append(child) }
        }
        // Whatever ends up in the scope reached it through handovers: walk them back from the scope
        // (from the units alone, not every unit of the journal), then keep those whose destination
        // on `boundaries` lies in the scope.
        var candidates = scope
        var back = Array(scope)
        while let u = back.popLast() {
            for h in registry.handovers(into: u) where candidates.insert(h.from).inserted { back.append(h.from) }
        }
        return candidates.filter { x in destination(of: x, on: boundaries).map(scope.contains) ?? false }.sorted()
    }

    /// R8 written once: the residuals of `sources` on `date` gathered at their destinations, then
    /// each of `tops` and the units under it on `boundaries` adding up their children.
    func restated(_ key: String, at date: CalendarDate, boundaries: CalendarDate, sources: [Int32], tops: [Int32]) -> [Int32: LevelValue] {
        var holdings: [Int32: (amount: Int, qualifier: Qualifier)] = [:]
        for x in sources {
            guard let to = destination(of: x, on: boundaries), let r = levels.residual(x, key, at: date) else { continue }
            let previous = holdings[to] ?? (0, .exact)
            holdings[to] = (previous.amount + r.amount, previous.qualifier.combined(with: r.qualifier))
        }
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        var result: [Int32: LevelValue] = [:]
        var visiting = Set<Int32>()
        func total(_ u: Int32) -> (Int, Qualifier)? {
            if let v = result[u] { return (v.count ?? 0, v.qualifier) }
            guard visiting.insert(u).inserted else { return nil }
            var sum = 0
            var qualifier = Qualifier.exact
            var any = false, fromChildren = false
            if let h = holdings[u] { sum += h.amount; qualifier = h.qualifier; any = true }
            for child in registry.children(of: u, at: boundaries) {
                if let kind = registry[child].kind(at: boundaries), counted.contains(kind) { sum += 1; any = true; fromChildren = true }
                if let c = total(child) { sum += c.0; qualifier = qualifier.combined(with: c.1); any = true; fromChildren = true }
            }
            guard any else { return nil }
            // A unit that holds nothing of its own on `date` only adds up its children: rolled-up,
            // as P over its restated communes in issue 17's example.
            let ownsNothing = (holdings[u]?.amount ?? 0) == 0
            result[u] = LevelValue(amount: FixedDecimal(integer: sum), qualifier: qualifier,
                                   provenance: ownsNothing && fromChildren ? .rolledUp : .restated)
            return (sum, qualifier)
        }
        for u in tops { _ = total(u) }
        return result
    }
}
