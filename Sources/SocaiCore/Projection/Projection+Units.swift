/// One step of a unit's timeline as recorded (every version; `Registry` keeps those in force).
public struct UnitFact: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case established = 0, name, alias, kind, setting, parent, merged, dissolved
    }
    public var day: Int
    public var seq: Int64
    public var kind: Kind
    /// A unit index (parent, merged into, successor; -1 for none), or a kind/setting position.
    public var value: Int64
    /// For names and aliases.
    public var text: String?
    /// For names and aliases: the folded search key.
    public var folded: String?
    public var validFrom: Int64
    public var validTo: Int64

    public var date: CalendarDate { CalendarDate(dayNumber: day) }
}

/// A merger of named units as recorded (one version).
public struct MergerFact: Sendable, Hashable {
    public var seq: Int64
    public var date: CalendarDate
    public var sources: [Int32]
    public var target: Int32
    public var targetIsNew: Bool
    public var record: RecordRef
}

/// Merger totals as recorded: the count of `of` units in `scope` changes by `change`.
public struct AggregateFact: Sendable, Hashable {
    public var seq: Int64
    public var date: CalendarDate
    public var scope: Int32
    public var of: UnitKind
    public var change: Int
    public var record: RecordRef
}

extension Projection {
    /// The id of unit `u`.
    public func unitID(_ u: Int32) -> UnitID {
        for part in parts where Int(u) >= part.firstUnit && Int(u) < part.firstUnit + part.units.ids.count {
            let bytes = part.strings.utf8(part.units.ids[Int(u) - part.firstUnit])
            return UnitID(trusted: String(decoding: bytes, as: UTF8.self))
        }
        return UnitID(trusted: "?")
    }

    /// The index of the unit with `id`: a binary search of each part's ids.
    public func unitIndex(_ id: UnitID) -> Int32? {
        let target = Array(id.rawValue.utf8)
        for part in parts {
            let order = part.units.idOrder
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) >> 1
                let bytes = part.strings.utf8(part.units.ids[Int(order[middle])])
                if bytes.lexicographicallyPrecedes(target) { low = middle + 1 } else { high = middle }
            }
            if low < order.count {
                let u = Int(order[low])
                if part.strings.utf8(part.units.ids[u]).elementsEqual(target) { return Int32(part.firstUnit + u) }
            }
        }
        return nil
    }

    /// Every recorded fact of unit `u`, in (day, seq) order within each part.
    public func facts(_ u: Int32) -> [UnitFact] {
        var result: [UnitFact] = []
        for (p, part) in parts.enumerated() {
            let table = part.units
            for i in table.factGroups.rows(Int(u)) {
                guard let kind = UnitFact.Kind(rawValue: table.factKind[i]) else { continue }
                let isText = kind == .name || kind == .alias
                result.append(UnitFact(day: Int(table.factDay[i]), seq: table.factSeq[i], kind: kind, value: table.factValue[i],
                                       text: isText ? part.strings.string(UInt32(clamping: table.factValue[i])) : nil,
                                       folded: isText ? part.strings.string(table.factFolded[i]) : nil,
                                       validFrom: table.factValidFrom[i], validTo: end(p, table.factValidTo[i], \.facts, i)))
            }
        }
        if parts.count > 1 { result.sort { ($0.day, $0.seq, $0.validFrom) < ($1.day, $1.seq, $1.validFrom) } }
        return result
    }

    /// Units ever recorded with `u` as their parent (whatever their later moves).
    public func everChildren(_ u: Int32) -> [Int32] {
        var result: [Int32] = []
        for part in parts {
            for i in part.units.everChildGroups.rows(Int(u)) where !result.contains(part.units.everChildren[i]) {
                result.append(part.units.everChildren[i])
            }
        }
        return result
    }

    /// Named mergers in force, in (day, seq) order.
    public func mergers(_ knowledge: Knowledge) -> [MergerFact] {
        var result: [MergerFact] = []
        for (p, part) in parts.enumerated() {
            let m = part.mergers
            for i in 0..<m.seq.count where knowledge.holds(m.validFrom[i], end(p, m.validTo[i], \.mergers, i)) {
                result.append(MergerFact(seq: m.seq[i], date: CalendarDate(dayNumber: Int(m.day[i])),
                                         sources: m.sourceGroups.rows(i).map { m.sources[$0] }, target: m.target[i],
                                         targetIsNew: m.flags[i] & 1 != 0, record: RecordRef(part: p, row: Int(m.record[i]))))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }

    /// Merger totals in force, in (day, seq) order.
    public func aggregateMergers(_ knowledge: Knowledge) -> [AggregateFact] {
        var result: [AggregateFact] = []
        for (p, part) in parts.enumerated() {
            let m = part.mergers
            for i in 0..<m.aggregateSeq.count where knowledge.holds(m.aggregateValidFrom[i], end(p, m.aggregateValidTo[i], \.aggregates, i)) {
                let k = Int(m.aggregateKind[i])
                guard k < UnitKind.allCases.count else { continue }
                result.append(AggregateFact(seq: m.aggregateSeq[i], date: CalendarDate(dayNumber: Int(m.aggregateDay[i])),
                                            scope: m.aggregateScope[i], of: UnitKind.allCases[k], change: Int(m.aggregateChange[i]),
                                            record: RecordRef(part: p, row: Int(m.aggregateRecord[i]))))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }
}

extension Projection {
    /// The facts of `kinds` in force that changed a unit after its establishment (moves,
    /// re-kinds, closings), over all units: read from the image's index of changes, so a question
    /// about the tree costs what the journal's reorganisations cost, not what its units do.
    public func changeFacts(ofKinds kinds: Set<UnitFact.Kind>, _ knowledge: Knowledge) -> [(unit: Int32, fact: UnitFact)] {
        var result: [(unit: Int32, fact: UnitFact)] = []
        for (p, part) in parts.enumerated() {
            let table = part.units
            guard !table.factChanges.isEmpty else { continue }
            for row in table.factChanges {
                let i = Int(row)
                guard let u = table.factGroups.owner(ofRow: i), let kind = UnitFact.Kind(rawValue: table.factKind[i]),
                      kinds.contains(kind) else { continue }
                let to = end(p, table.factValidTo[i], \.facts, i)
                guard knowledge.holds(table.factValidFrom[i], to) else { continue }
                result.append((Int32(u), UnitFact(day: Int(table.factDay[i]), seq: table.factSeq[i], kind: kind, value: table.factValue[i],
                                                  text: nil, folded: nil, validFrom: table.factValidFrom[i], validTo: to)))
            }
        }
        return result
    }

    /// Every kind any unit has been recorded with (from the images' headers).
    public var kindsRecorded: Set<UnitKind> {
        var kinds = Set<UnitKind>()
        for part in parts {
            for value in part.reader.header["kinds"]?.array ?? [] {
                if let n = value.integer, n >= 0, Int(n) < UnitKind.allCases.count { kinds.insert(UnitKind.allCases[Int(n)]) }
            }
        }
        return kinds
    }
}
