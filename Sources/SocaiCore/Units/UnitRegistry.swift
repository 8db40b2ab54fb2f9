/// Who each unit is at any date: name, kind, parent, status, successor. Built from the ledger's
/// records in force (retracted events are not facts), once per question.
public struct UnitRegistry: Sendable {
    /// A unit's whole history.
    public struct Entry: Sendable {
        public let id: UnitID
        public let index: Int32
        /// Nil when the journal never established it (or the establishment was retracted).
        public var established: CalendarDate?
        public var establishedSeq: Int64 = 0
        var names: [Change<String>] = []
        var kinds: [Change<UnitKind>] = []
        var settings: [Change<UnitSetting?>] = []
        var parents: [Change<Int32?>] = []
        public var closing: Closing?

        public struct Closing: Sendable, Hashable {
            public var date: CalendarDate
            public var status: UnitStatus
            public var mergedInto: Int32?
            public var seq: Int64
        }

        /// Whether the unit exists at the end of `date`.
        public func isActive(at date: CalendarDate) -> Bool {
            guard let established, established <= date else { return false }
            if let closing, closing.date <= date { return false }
            return true
        }

        public func name(at date: CalendarDate) -> String { Change.value(names, at: date) ?? id.rawValue }
        public func kind(at date: CalendarDate) -> UnitKind? { Change.value(kinds, at: date) }
        public func setting(at date: CalendarDate) -> UnitSetting? { Change.value(settings, at: date) ?? nil }
        public func parentIndex(at date: CalendarDate) -> Int32? { Change.value(parents, at: date) ?? nil }
        /// Every parent the unit has had.
        var parentIndexes: [Int32] { parents.compactMap(\.value) }
        /// Every name the unit has had, for lookups.
        public var allNames: [String] { names.map(\.value) }
        /// Days on which the parent changes, after the first.
        var parentChangeDays: [Int] { parents.dropFirst().map(\.day) }
    }

    /// A value taking effect on a day (ties broken by seq).
    struct Change<Value: Sendable>: Sendable {
        var day: Int
        var seq: Int64
        var value: Value

        static func value(_ changes: [Change], at date: CalendarDate) -> Value? {
            guard changes.count > 1 else { return changes.first?.value }  // nearly always: one value for life
            let day = date.dayNumber
            var result: Value?
            for change in changes where change.day <= day { result = change.value }
            if result == nil { result = changes.first?.value }  // before establishment: first known
            return result
        }
    }

    /// A merger as the registry applies it.
    public struct MergerFact: Sendable, Hashable {
        public var seq: Int64
        public var date: CalendarDate
        public var sources: [Int32]
        public var target: Int32
        public var targetIsNew: Bool
    }

    /// A move of a unit to another parent.
    public struct MoveFact: Sendable, Hashable {
        public var seq: Int64
        public var date: CalendarDate
        public var unit: Int32
    }

    public private(set) var entries: [Entry]
    public private(set) var index: [UnitID: Int32]
    public private(set) var mergers: [MergerFact] = []
    public private(set) var moves: [MoveFact] = []
    public private(set) var dissolutions: [(date: CalendarDate, unit: Int32, seq: Int64)] = []
    public private(set) var aggregateMergers: [(date: CalendarDate, seq: Int64, merger: AggregateMerger, scope: Int32)] = []

    /// Every unit that was ever under each unit.
    private(set) var everChildren: [Int32: [Int32]] = [:]

    public init(_ ledger: Ledger) {
        index = ledger.unitIndex
        entries = ledger.unitIDs.enumerated().map { Entry(id: $1, index: Int32($0)) }
        let ordered = ledger.records.filter { record in
            guard !record.isRetracted else { return false }
            switch record.type {
            case .unitEstablished, .unitRenamed, .unitMoved, .unitDissolved, .merger: return true
            default: return false
            }
        }.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
        for record in ordered {
            let day = record.date.dayNumber
            switch record.payload {
            case .unitEstablished(let u):
                guard let i = index[u.id], entries[Int(i)].established == nil else { continue }
                establish(Int(i), u.name, u.kind, u.setting, u.parent, record)
            case .unitRenamed(let r):
                guard let i = index[record.subject] else { continue }
                if let name = r.name { entries[Int(i)].names.append(Change(day: day, seq: record.seq, value: name)) }
                if let kind = r.kind { entries[Int(i)].kinds.append(Change(day: day, seq: record.seq, value: kind)) }
                if let setting = r.setting { entries[Int(i)].settings.append(Change(day: day, seq: record.seq, value: setting)) }
            case .unitMoved(let m):
                guard let i = index[record.subject] else { continue }
                entries[Int(i)].parents.append(Change(day: day, seq: record.seq, value: index[m.parent]))
                moves.append(MoveFact(seq: record.seq, date: record.date, unit: i))
            case .unitDissolved:
                guard let i = index[record.subject], entries[Int(i)].closing == nil else { continue }
                entries[Int(i)].closing = Entry.Closing(date: record.date, status: .dissolved, mergedInto: nil, seq: record.seq)
                dissolutions.append((record.date, i, record.seq))
            case .merger(let m):
                guard let target = index[m.into] else { continue }
                if let new = m.newUnit, entries[Int(target)].established == nil {
                    establish(Int(target), new.name, new.kind, new.setting, new.parent, record)
                }
                var sources: [Int32] = []
                for source in m.from {
                    guard let s = index[source] else { continue }
                    sources.append(s)
                    if s != target && entries[Int(s)].closing == nil {
                        entries[Int(s)].closing = Entry.Closing(date: record.date, status: .merged, mergedInto: target, seq: record.seq)
                    }
                }
                mergers.append(MergerFact(seq: record.seq, date: record.date, sources: sources, target: target,
                                          targetIsNew: m.newUnit != nil))
            case .aggregateMerger(let a):
                guard let scope = index[a.scope] else { continue }
                aggregateMergers.append((record.date, record.seq, a, scope))
            default:
                continue
            }
        }
        for entry in entries {
            for parent in Set(entry.parents.compactMap(\.value)) where parent != entry.index {
                everChildren[parent, default: []].append(entry.index)
            }
        }
    }

    /// This registry with one more unit: what `init(ledger)` builds when `ledger` is the ledger
    /// this registry was built from plus `record`, the establishment of a unit it never mentioned.
    /// Nil in every other case (the caller rebuilds). Import validates thousands of units in a
    /// row, and rebuilding the registry for each made it quadratic (82 s for a 1M-event file).
    public func establishing(_ record: LedgerRecord, in ledger: Ledger) -> UnitRegistry? {
        guard case .unitEstablished(let u) = record.payload, !record.isRetracted, index[u.id] == nil,
              let i = ledger.unitIndex[u.id], Int(i) == entries.count, ledger.unitIDs.count == entries.count + 1 else { return nil }
        var next = self
        next.index[u.id] = i
        next.entries.append(Entry(id: u.id, index: i))
        next.establish(Int(i), u.name, u.kind, u.setting, u.parent, record)
        if let parent = next.entries[Int(i)].parents.first?.value, parent != i {
            next.everChildren[parent, default: []].append(i)
        }
        return next
    }

    private mutating func establish(_ i: Int, _ name: String, _ kind: UnitKind, _ setting: UnitSetting?, _ parent: UnitID?,
                                    _ record: LedgerRecord) {
        let day = record.date.dayNumber
        entries[i].established = record.date
        entries[i].establishedSeq = record.seq
        entries[i].names.insert(Change(day: day, seq: record.seq, value: name), at: 0)
        entries[i].kinds.insert(Change(day: day, seq: record.seq, value: kind), at: 0)
        entries[i].settings.insert(Change(day: day, seq: record.seq, value: setting), at: 0)
        entries[i].parents.insert(Change(day: day, seq: record.seq, value: parent.flatMap { index[$0] }), at: 0)
    }

    /// Read in place: entries hold arrays, and copying one per lookup shows up in every query.
    public subscript(_ i: Int32) -> Entry {
        _read { yield entries[Int(i)] }
    }

    public func entry(_ id: UnitID) -> Entry? { index[id].map { entries[Int($0)] } }

    /// The unit's ancestors at `date`, nearest first (never loops, even on a damaged registry).
    public func ancestors(of unit: Int32, at date: CalendarDate) -> [Int32] {
        var chain: [Int32] = []
        var current = entries[Int(unit)].parentIndex(at: date)
        while let parent = current, chain.count < 64, !chain.contains(parent), parent != unit {
            chain.append(parent)
            current = entries[Int(parent)].parentIndex(at: date)
        }
        return chain
    }

    /// Whether `unit` is `ancestor` or lies under it at `date`.
    public func isWithin(_ unit: Int32, _ ancestor: Int32, at date: CalendarDate) -> Bool {
        if unit == ancestor { return true }
        var current = entries[Int(unit)].parentIndex(at: date)
        var hops = 0
        while let parent = current, hops < 64 {
            if parent == ancestor { return true }
            current = entries[Int(parent)].parentIndex(at: date)
            hops += 1
        }
        return false
    }

    /// Units that lie directly under `unit` on `date` or any later day they exist: what a
    /// dissolution on `date` would leave without a parent.
    public func unitsUnder(_ unit: Int32, onOrAfter date: CalendarDate) -> [Int32] {
        entries.filter { entry in
            guard entry.index != unit, entry.parentIndexes.contains(unit) else { return false }
            var days = [date.dayNumber] + entry.parentChangeDays.filter { $0 > date.dayNumber }
            if let established = entry.established, established > date { days.append(established.dayNumber) }
            return days.contains { day in
                let d = CalendarDate(dayNumber: day)
                return entry.isActive(at: d) && entry.parentIndex(at: d) == unit
            }
        }.map(\.index)
    }

    /// The active children of each unit at `date`.
    public func childrenByParent(at date: CalendarDate) -> [Int32: [Int32]] {
        var children: [Int32: [Int32]] = [:]
        for entry in entries where entry.isActive(at: date) {
            if let parent = entry.parentIndex(at: date) { children[parent, default: []].append(entry.index) }
        }
        return children
    }

    /// Spans of days over which the unit's chain of ancestors does not change: flows inside one
    /// span count for the same ancestors. Days are `dayNumber`s, `from` inclusive, `to` exclusive.
    public func ancestorEpochs(of unit: Int32) -> [(from: Int, to: Int, chain: [Int32])] {
        var boundaries = Set<Int>()
        var visited = Set<Int32>()
        var frontier = [unit]
        while let u = frontier.popLast(), visited.count < 256 {
            guard visited.insert(u).inserted else { continue }
            let entry = entries[Int(u)]
            for day in entry.parentChangeDays { boundaries.insert(day) }
            for change in entry.parents { if let p = change.value { frontier.append(p) } }
        }
        let days = boundaries.sorted()
        var epochs: [(Int, Int, [Int32])] = []
        var start = Int(Int32.min)
        for day in days + [Int(Int32.max)] {
            let probe = CalendarDate(dayNumber: max(start, -700_000))
            epochs.append((start, day, ancestors(of: unit, at: probe)))
            start = day
        }
        return epochs
    }

    /// The unit a closed unit's history continues in, following merger after merger.
    public func successor(of unit: Int32) -> (unit: Int32, date: CalendarDate)? {
        guard let closing = entries[Int(unit)].closing, let into = closing.mergedInto else { return nil }
        return (into, closing.date)
    }

    /// Units merged into `unit` (directly or through earlier mergers), with the merger dates.
    public func predecessors(of unit: Int32) -> [(unit: Int32, date: CalendarDate)] {
        var result: [(Int32, CalendarDate)] = []
        var frontier = [unit]
        var seen: Set<Int32> = [unit]
        while let current = frontier.popLast() {
            for merger in mergers where merger.target == current {
                for source in merger.sources where source != current && seen.insert(source).inserted {
                    result.append((source, merger.date))
                    frontier.append(source)
                }
            }
        }
        return result
    }

    /// Every unit in `unit`'s subtree at any date (for listings), itself first.
    public func everDescendants(of unit: Int32) -> [Int32] {
        var result: [Int32] = [unit]
        var seen: Set<Int32> = [unit]
        var i = 0
        while i < result.count {
            for child in everChildren[result[i]] ?? [] where seen.insert(child).inserted { result.append(child) }
            i += 1
        }
        return result
    }
}
