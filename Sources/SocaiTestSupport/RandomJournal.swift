import SocaiCore

/// Deterministic random histories for property tests: a small unit tree, then admissions,
/// departures, reports, mergers, ratings, renames, moves and corrections, many of them recorded
/// late (effective dates long before their recording).
public enum RandomJournal {
    public static func build(seed: UInt64, events: Int) -> LedgerBuilder {
        var rng = SeededGenerator(seed: seed)
        var b = LedgerBuilder()
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        func day(_ from: Int, _ span: Int) -> String { CalendarDate(dayNumber: from + Int(rng.next() % UInt64(span))).iso }
        let start = CalendarDate(year: 2015, month: 1, day: 1)!.dayNumber
        b.must("unit", [("id", "p"), ("name", "Tỉnh P"), ("kind", "province"), ("date", "2015-01-01")])
        var units = ["p"]
        var villages: [String] = []
        for d in 1...3 {
            b.must("unit", [("id", "d\(d)"), ("name", "Huyện \(d)"), ("kind", "district"), ("parent", "p"), ("date", "2015-01-01")])
            units.append("d\(d)")
            for c in 1...3 {
                let id = "d\(d)-c\(c)"
                b.must("unit", [("id", id), ("name", "Xã \(d).\(c)"), ("kind", "base-committee"), ("parent", "d\(d)"), ("date", "2015-01-01")])
                units.append(id)
                for v in 1...2 {
                    let vid = "\(id)-v\(v)"
                    b.must("unit", [("id", vid), ("name", "Bản \(d).\(c).\(v)"), ("kind", "village"), ("parent", id), ("date", "2015-01-01")])
                    villages.append(vid)
                }
            }
        }
        var recorded: [EventEnvelope] = []
        var attempts = 0
        while recorded.count < events && attempts < events * 20 {
            attempts += 1
            let unit = pick(units)
            let date = day(start, 3600)
            let roll = rng.next() % 100
            let result: Result<EventEnvelope, ValidationFailure>
            switch roll {
            case 0..<40:
                var options = [("unit", unit), ("date", date), ("count", String(1 + rng.next() % 9))]
                // Now and then a printed share, so snapshots and corrections carry flows' percentages.
                if recorded.count % 7 == 0 { options.append(("printed", "admissions-with-degree-share=\(recorded.count % 100)")) }
                result = b.record("admission", options)
            case 40..<55:
                result = b.record("departure", [("unit", unit), ("date", date), ("count", String(1 + rng.next() % 4)),
                                                ("reason", pick(["death", "transfer-out", "exit", "struck-off", "expulsion"]))])
            case 55..<62:
                result = b.record("arrival", [("unit", unit), ("date", date), ("count", String(1 + rng.next() % 3))])
            case 62..<75:
                result = b.record("conference", [("unit", unit), ("date", date), ("title", "Báo cáo \(recorded.count)"),
                                                 ("figure", "members=\(100 + rng.next() % 900)")])
            case 75..<79:
                let live = villages.filter { b.view.registry.timeline(UnitID($0)!)?.isActive(at: CalendarDate(date)) == true }
                guard live.count >= 2 else { continue }
                let a = pick(live), c = pick(live)
                guard a != c else { continue }
                result = b.record("merger", [("from", "\(a),\(c)"), ("into", c), ("date", date)])
            case 79..<84:
                result = b.record("rating", [("unit", unit), ("year", String(2015 + Int(rng.next() % 9))), ("of", "members"),
                                             ("excellent", String(rng.next() % 20)), ("good", String(50 + rng.next() % 50))])
            case 84..<87:
                result = b.record("rename", [("unit", unit), ("name", "Tên mới \(recorded.count)"), ("date", date)])
            case 87..<89:
                let target = pick(units.filter { $0.hasPrefix("d") && !$0.contains("-") })
                let moving = pick(units.filter { $0.hasPrefix("d") && $0.contains("-c") && !$0.contains("-v") })
                result = b.record("move", [("unit", moving), ("parent", target), ("date", date)])
            default:
                guard let victim = recorded.filter({ $0.type != .correction && $0.type != .merger && $0.type != .unitMoved }).last(where: { _ in rng.next() % 3 == 0 }) else { continue }
                if rng.next() % 2 == 0 {
                    result = b.record("correction", [("event", victim.id.rawValue), ("retract", ""), ("reason", "random retraction")])
                } else if victim.type.isFlow {
                    let set = recorded.count % 5 == 0 ? "printed.admissions-with-degree-share=12,5" : "count=\(1 + rng.next() % 5)"
                    result = b.record("correction", [("event", victim.id.rawValue), ("set", set), ("reason", "random fix")])
                } else {
                    continue
                }
            }
            if case .success(let event) = result { recorded.append(event) }
        }
        return b
    }
}
