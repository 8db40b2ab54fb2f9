/// Running totals of one unit's own flows by date, so the sum over any window is two binary
/// searches: what keeps a replay of millions of flows to one pass.
public struct FlowSums: Sendable {
    /// Distinct days with flows, ascending.
    public let days: [Int32]
    /// `members[i]`: the net member change of all flows on days[0...i-1] (so `members[0] == 0`).
    public let members: [Int]
    /// The same per flow kind, indexed by `FlowKind.rawValue`.
    public let byKind: [[Int]]

    /// Totals per kind cost seven more arrays; replay needs only `members`, so they are optional.
    public init(_ rows: [FlowRow], perKind: Bool = false) {
        var days: [Int32] = []
        var members: [Int] = [0]
        var byKind = [[Int]](repeating: [0], count: perKind ? FlowKind.allCases.count : 0)
        days.reserveCapacity(rows.count)
        members.reserveCapacity(rows.count + 1)
        var i = 0
        while i < rows.count {
            let day = rows[i].day
            var net = 0
            var kindTotals = [Int](repeating: 0, count: byKind.count)
            while i < rows.count && rows[i].day == day {
                let row = rows[i]
                if !row.isRetracted {
                    net += row.memberDelta
                    if !kindTotals.isEmpty { kindTotals[Int(row.kind.rawValue)] += Int(row.count) }
                }
                i += 1
            }
            days.append(day)
            members.append(members[members.count - 1] + net)
            for k in 0..<kindTotals.count { byKind[k].append(byKind[k][byKind[k].count - 1] + kindTotals[k]) }
        }
        self.days = days
        self.members = members
        self.byKind = byKind
    }

    /// Number of days < `day` (the prefix index for "up to the day before").
    @inline(__always)
    func position(before day: Int) -> Int {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if Int(days[middle]) < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Net member change on days in `[from, to)` (dayNumbers; `to` exclusive).
    public func memberChange(from: Int, to: Int) -> Int {
        guard from < to, !days.isEmpty else { return 0 }
        return members[position(before: to)] - members[position(before: from)]
    }

    /// Count of `kind` flows on days in `[from, to)`.
    public func total(of kind: FlowKind, from: Int, to: Int) -> Int {
        precondition(!byKind.isEmpty, "FlowSums built without perKind")
        guard from < to, !days.isEmpty else { return 0 }
        let k = Int(kind.rawValue)
        return byKind[k][position(before: to)] - byKind[k][position(before: from)]
    }
}
