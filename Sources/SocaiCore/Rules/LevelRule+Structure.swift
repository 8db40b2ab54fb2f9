extension LevelRule {
    /// What structural events on days `fromDay ... throughDay` did to `u`'s `key`, in order: the
    /// steps the level sums and the audit lists (DECISIONS R2, "Δ").
    public func steps(_ u: Int32, _ key: String, fromDay: Int, throughDay: Int) -> [StructuralStep] {
        guard fromDay <= throughDay else { return [] }
        let relevant = relevantEvents(u)
        guard !relevant.isEmpty else { return [] }
        let isCount = !(FigureCatalogue.definition(key)?.countsUnitKinds ?? []).isEmpty
        var result: [StructuralStep] = []
        // The first relevant event on or after `fromDay` (events are in date order).
        var low = 0, high = relevant.count
        while low < high {
            let middle = (low + high) >> 1
            if events[relevant[middle]].date.dayNumber < fromDay { low = middle + 1 } else { high = middle }
        }
        var j = low
        while j < relevant.count && events[relevant[j]].date.dayNumber <= throughDay {
            for step in effects(relevant[j], key) where step.unit == u {
                // One event's parts (units gone, a unit created) are one step of the register.
                if isCount, let last = result.last, last.seq == step.seq {
                    result[result.count - 1] = combined(last, step)
                } else {
                    result.append(step)
                }
            }
            j += 1
        }
        return result.filter { $0.delta != 0 || $0.qualifier != .exact }
    }

    /// The structural events that involve `u` or a unit ever under it, in date order: the only
    /// ones that can change `u`'s level. Found from an index by participant, so a question about
    /// one unit never walks the whole journal's reorganisations.
    func relevantEvents(_ u: Int32) -> [Int] {
        if let known = relevantEventCache[u] { return known }
        var found = Set<Int>()
        for d in registry.everDescendants(of: u) {
            for event in registry.structuralEvents(involving: d) { found.insert(eventNumber(event)) }
        }
        let result = found.sorted { StructuralEvent.precedes(events[$0], events[$1]) }
        relevantEventCache[u] = result
        return result
    }

    /// Two steps of one event at one unit as one: the sum, described as the merger it is.
    private func combined(_ a: StructuralStep, _ b: StructuralStep) -> StructuralStep {
        var step = a
        step.delta += b.delta
        step.qualifier = a.qualifier.combined(with: b.qualifier)
        if let merger = registry.merger(seq: a.seq) {
            let name = registry[merger.target].name(at: merger.date)
            let participants = merger.sources.filter { $0 != merger.target || !merger.targetIsNew }.count + (merger.targetIsNew || merger.sources.contains(merger.target) ? 0 : 1)
            step.description = LocalizedText(en: "merger into \(name): ", vi: "sáp nhập vào \(name): ")
                + LocalizedText("\(max(participants, merger.sources.count)) → 1")
        } else {
            step.description = a.description + LocalizedText("; ") + b.description
        }
        return step
    }

    /// Every unit's step from structural event `i` for `key`, computed once.
    func effects(_ i: Int, _ key: String) -> [StructuralStep] {
        let code = FigureCode(key).rawValue
        if let known = effectCache[i]?[code] { return known }
        let computed = computeEffects(events[i], key)
        effectCache[i, default: [:]][code] = computed
        return computed
    }

    private func computeEffects(_ event: StructuralEvent, _ key: String) -> [StructuralStep] {
        let counted = FigureCatalogue.definition(key)?.countsUnitKinds ?? []
        let isCount = !counted.isEmpty
        let date = event.date, before = event.date.adding(days: -1)
        func countedAt(_ u: Int32, _ d: CalendarDate) -> Bool { registry[u].kind(at: d).map(counted.contains) ?? false }
        func name(_ u: Int32, _ d: CalendarDate) -> String { registry[u].name(at: d) }
        var steps: [StructuralStep] = []
        func add(_ units: [Int32], _ delta: Int, _ qualifier: Qualifier, _ text: LocalizedText) {
            guard delta != 0 || qualifier != .exact else { return }
            for u in units { steps.append(StructuralStep(date: date, seq: event.seq, unit: u, delta: delta, qualifier: qualifier, description: text)) }
        }
        func transfer(from old: [Int32], to new: [Int32], _ moved: Int, _ qualifier: Qualifier, gained: LocalizedText, lost: LocalizedText) {
            add(new.filter { !old.contains($0) }, moved, qualifier, gained)
            // What leaves takes its bounds with it: a minimum taken away leaves a maximum (R2).
            add(old.filter { !new.contains($0) }, -moved, qualifier.flipped, lost)
        }
        switch event.change {
        case .handover(let h):
            let x = h.from, receiver = h.to
            var moved = 0
            var qualifier = Qualifier.exact
            var any = false
            if let r = residual(x, key, at: before) {
                moved += r.amount
                qualifier = qualifier.combined(with: r.qualifier)
                any = true
            }
            // Children still under x when it closes go to the receiver, with their values.
            for child in registry.children(of: x, at: before) where registry.isActive(child, at: date) {
                if countedAt(child, before) { moved += 1; any = true }
                if let v = value(child, key, at: before), let n = v.count {
                    moved += n
                    qualifier = qualifier.combined(with: v.qualifier)
                    any = true
                }
            }
            let verb: LocalizedText
            switch h.reason {
            case .merger: verb = LocalizedText(en: "merged into", vi: "sáp nhập vào")
            case .successor: verb = LocalizedText(en: "dissolved, handed over to", vi: "giải thể, chuyển giao cho")
            case .parentKeeps: verb = LocalizedText(en: "dissolved without a successor, kept by", vi: "giải thể không có đơn vị kế thừa, do")
            }
            let keeps = h.reason == .parentKeeps ? LocalizedText(en: "", vi: " giữ lại") : LocalizedText("")
            let text = LocalizedText("\(name(x, before)) ") + verb + LocalizedText(" \(name(receiver, date))") + keeps
                + LocalizedText(en: " with \(moved)", vi: " với \(moved)")
            if any {
                // The closing unit itself gives up what it held too (its register ends at 0).
                transfer(from: [x] + registry.ancestorsLeaving(of: x, on: date), to: [receiver] + registry.ancestors(of: receiver, at: date),
                         moved, qualifier, gained: text, lost: text)
            }
            if isCount && countedAt(x, before) {
                add(registry.ancestorsLeaving(of: x, on: date), -1, .exact,
                    LocalizedText(en: "\(name(x, before)) no longer exists (", vi: "\(name(x, before)) không còn (") + verb
                        + LocalizedText(" \(name(receiver, date)))"))
            }
        case .move(let m):
            let old = registry.ancestorsWithoutOwnMove(of: m, on: date), new = registry.ancestors(of: m, at: date)
            var moved = value(m, key, at: before)?.count ?? 0
            let qualifier = value(m, key, at: before)?.qualifier ?? .exact
            if isCount && countedAt(m, before) { moved += 1 }
            guard moved != 0 || qualifier != .exact else { break }
            transfer(from: old, to: new, moved, qualifier,
                     gained: LocalizedText(en: "\(name(m, before)) moved in with \(moved)", vi: "\(name(m, before)) chuyển đến với \(moved)"),
                     lost: LocalizedText(en: "\(name(m, before)) moved out with \(moved)", vi: "\(name(m, before)) chuyển đi với \(moved)"))
        case .rekind(let m, let from, let to):
            guard isCount else { break }
            let delta = (counted.contains(to) ? 1 : 0) - (from.map(counted.contains) == true ? 1 : 0)
            add(registry.ancestors(of: m, at: date), delta, .exact,
                LocalizedText(en: "\(name(m, date)) is now a \(to.label.en)", vi: "\(name(m, date)) nay là \(to.label.vi)"))
        case .aggregate(let a):
            guard counted.contains(a.of) else { break }
            var text = LocalizedText(en: "mergers: \(a.change)", vi: "sáp nhập: \(a.change)")
            if case .aggregateMerger(let m)? = projection.record(a.record).payload {
                let rounds = m.rounds.map { LocalizedText(en: " in \($0) rounds", vi: " qua \($0) đợt") } ?? LocalizedText("")
                text = LocalizedText(en: "mergers: \(m.before) → \(m.after)", vi: "sáp nhập: \(m.before) → \(m.after)") + rounds
            }
            add([a.scope] + registry.ancestors(of: a.scope, at: date), a.change, .exact, text)
        case .newTarget(let t):
            guard isCount && countedAt(t, date) else { break }
            add(registry.ancestors(of: t, at: date), 1, .exact,
                LocalizedText(en: "\(name(t, date)) created by a merger", vi: "\(name(t, date)) được thành lập do sáp nhập"))
        }
        return steps
    }
}
