import SocaiCore

/// Random valid histories for the differential test, deterministic for a seed.
///
/// A small tree (province → districts → communes → cells, villages), units established over
/// time, then a mix of everything `socai record` accepts: flows with and without `--since`,
/// reports of levels with qualifiers and `--as-of`, stated flow totals over years, terms and
/// overlapping or nested periods, congresses with targets, mergers of every shape (new target,
/// existing target, chains, units with children, merger totals), moves, renames and re-kinds,
/// dissolutions, ratings and corrections, many recorded late. Every request goes through
/// `EventBuilder` as `socai record` does; what it refuses is simply not part of the history.
public struct HistoryGenerator {
    public var seed: UInt64
    /// How many events to aim for (the tree included).
    public var size: Int

    public init(seed: UInt64, size: Int) {
        self.seed = seed
        self.size = size
    }

    public func generate() -> RecordedHistory {
        var state = State(seed: seed)
        state.build(size: size)
        return state.history
    }

    struct State {
        var rng: SeededGenerator
        var history: RecordedHistory
        var idGenerator: SeededGenerator
        var units: [(id: String, kind: UnitKind)] = []
        var days: [CalendarDate] = []
        var counter = 0

        init(seed: UInt64) {
            rng = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ 17)
            idGenerator = SeededGenerator(seed: seed ^ 0x5EED)
            history = RecordedHistory(seed: seed)
        }

        mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

        mutating func nextID() -> EventID {
            EventID.version7(at: RecordedHistory.sessionTime(0), using: &idGenerator)
        }

        @discardableResult
        mutating func record(_ type: String, _ options: [(String, String)]) -> Bool {
            history.record(type, options, id: nextID())
        }

        /// A day: mostly one of a few shared days (so facts meet on the same day, the day before
        /// or after), sometimes any day from 2015 to today.
        mutating func day() -> CalendarDate {
            let start = CalendarDate(year: 2015, month: 1, day: 1)!.dayNumber
            let end = RecordedHistory.today.dayNumber
            if days.isEmpty || chance(30) {
                let d = CalendarDate(dayNumber: start + int(end - start + 1))
                if days.count < 14 { days.append(d) }
                return d
            }
            let base = pick(days)
            return CalendarDate(dayNumber: min(end, max(start, base.dayNumber + pick([0, 0, 0, -1, 1]))))
        }

        func active(_ id: String, _ d: CalendarDate) -> Bool {
            history.rules.registry.timeline(UnitID(id)!)?.isActive(at: d) == true
        }

        func kindOf(_ id: String, _ d: CalendarDate) -> UnitKind? {
            history.rules.registry.timeline(UnitID(id)!)?.kind(at: d)
        }

        func parentOf(_ id: String, _ d: CalendarDate) -> String? {
            let registry = history.rules.registry
            guard let i = registry.index(of: UnitID(id)!), let p = registry.parent(of: i, at: d) else { return nil }
            return registry[p].id.rawValue
        }

        mutating func activeUnits(_ d: CalendarDate, _ kinds: Set<UnitKind>? = nil) -> [String] {
            let registry = history.rules.registry
            return units.filter { u in
                guard let entry = registry.timeline(UnitID(u.id)!), entry.isActive(at: d) else { return false }
                return kinds.map { entry.kind(at: d).map($0.contains) ?? false } ?? true
            }.map(\.id)
        }

        mutating func build(size: Int) {
            // The tree.
            let early = CalendarDate(year: 2015, month: 1, day: 1)!
            record("unit", [("id", "p"), ("name", "Tỉnh P"), ("kind", "province"), ("date", early.iso)])
            units.append(("p", .province))
            for d in 1...(2 + int(2)) {
                let did = "d\(d)"
                record("unit", [("id", did), ("name", "Huyện \(d)"), ("kind", "district"), ("parent", "p"), ("date", early.iso)])
                units.append((did, .district))
                for c in 1...(1 + int(3)) {
                    let cid = "\(did)c\(c)"
                    let kind: UnitKind = chance(75) ? .baseCommittee : .baseCell
                    let date = chance(70) ? early : day()
                    guard record("unit", [("id", cid), ("name", "Xã \(d).\(c)"), ("kind", kind.rawValue), ("parent", did),
                                          ("date", date.iso)]) else { continue }
                    units.append((cid, kind))
                    for v in 0..<int(4) {
                        let vid = "\(cid)v\(v + 1)"
                        let vdate = chance(60) ? date : day()
                        if record("unit", [("id", vid), ("name", "Bản \(d).\(c).\(v + 1)"), ("kind", "village"), ("parent", cid),
                                           ("date", max(vdate, date).iso)]) { units.append((vid, .village)) }
                    }
                    if kind == .baseCommittee {
                        for k in 0..<int(3) {
                            let kid = "\(cid)k\(k + 1)"
                            let kdate = chance(60) ? date : day()
                            if record("unit", [("id", kid), ("name", "Chi bộ \(d).\(c).\(k + 1)"), ("kind", "cell"), ("parent", cid),
                                               ("date", max(kdate, date).iso)]) { units.append((kid, .cell)) }
                        }
                    }
                }
            }
            if chance(50) { history.endSession() }
            var attempts = 0
            while history.events.count < size && attempts < size * 30 {
                attempts += 1
                step()
                if chance(4) { history.endSession() }
            }
            history.endSession()
        }

        // MARK: One random fact

        mutating func step() {
            let roll = int(100)
            let d = day()
            // Villages hold no party organisation: facts other than structure go to the others.
            let live = activeUnits(d, [.province, .district, .baseCommittee, .baseCell, .cell])
            guard !live.isEmpty else { return }
            switch roll {
            case 0..<22: flow(d, live)
            case 22..<40: levelReport(d, live)
            case 40..<50: statedFlow(d, live)
            case 50..<56: congress(d, live)
            case 56..<66: merger(d)
            case 66..<70: move(d)
            case 70..<74: rename(d, live)
            case 74..<78: dissolve(d)
            case 78..<84: rating(d, live)
            default: correction()
            }
        }

        mutating func flow(_ d: CalendarDate, _ live: [String]) {
            let unit = pick(live)
            let type = pick(["admission", "admission", "admission", "departure", "departure", "arrival"])
            var options = [("unit", unit), ("date", d.iso), ("count", String(1 + int(chance(10) ? 60 : 12)))]
            if type == "departure" { options.append(("reason", pick(["death", "transfer-out", "exit", "struck-off", "expulsion"]))) }
            if chance(20) { options.append(("since", CalendarDate(year: d.year, month: 1, day: 1)!.iso)) }
            record(type, options)
            // The same fact twice now and then (possible-duplicate).
            if chance(4) { record(type, options) }
        }

        mutating func levelReport(_ d: CalendarDate, _ live: [String]) {
            let unit = pick(live)
            var options = [("unit", unit), ("date", d.iso), ("title", "Báo cáo \(counter)"), ("kind", pick(["review", "report", "other"]))]
            counter += 1
            if chance(15), d.month > 1 { options.append(("as-of", CalendarDate(year: d.year, month: 1, day: 1)!.adding(days: -1).iso)) }
            let kind = kindOf(unit, d)
            let keys: [String]
            switch kind {
            case .province?, .district?:
                keys = ["members", "members", "villages", "cells", "grassroots-orgs", "base-committees", "base-cells",
                        "villages-without-members"]
            case .baseCommittee?, .baseCell?: keys = ["members", "members", "villages", "cells", "villages-without-members"]
            default: keys = ["members"]
            }
            for _ in 0...int(2) {
                let key = pick(keys)
                var value = key == "members" ? String(20 + int(500)) : String(int(8))
                if key == "members" && chance(12) { value = pick(["~", ">"]) + value }
                if chance(10) { value += "@" + CalendarDate(year: d.year, month: 1, day: 1)!.adding(days: -1).iso }
                options.append(("figure", key + "=" + value))
            }
            record("conference", options)
        }

        mutating func statedFlow(_ d: CalendarDate, _ live: [String]) {
            let unit = pick(live)
            let key = pick(["admissions", "admissions", "admissions", "deaths", "departures", "arrivals"])
            var options = [("unit", unit), ("date", d.iso), ("title", "Tổng kết \(counter)"), ("kind", "review")]
            counter += 1
            let n = String(int(80))
            switch int(4) {
            case 0:  // the year so far, or the whole year
                let from = CalendarDate(year: d.year, month: 1, day: 1)!
                options.append(("figure", "\(key)=\(n)@\(from.iso)..\(d.iso)"))
            case 1:  // a previous year
                let y = d.year - 1 - int(2)
                options.append(("figure", "\(key)=\(n)@\(y)-01-01..\(y)-12-31"))
            case 2:  // two years, overlapping others
                let y = d.year - 1 - int(2)
                options.append(("figure", "\(key)=\(n)@\(y)-01-01..\(y + 1)-12-31"))
            default: // a flow figure of a conference labelled with a term
                let first = d.year - (d.year - 2015) % 5
                options.append(("term", "\(first)-\(first + 5)"))
                options.append(("figure", "\(key)=\(n)"))
            }
            record("conference", options)
        }

        mutating func congress(_ d: CalendarDate, _ live: [String]) {
            let unit = pick(live)
            let first = pick([2015, 2020, 2025])
            let date = CalendarDate(year: first, month: pick([3, 6, 9, 10]), day: 1 + int(28))!
            guard date <= RecordedHistory.today, active(unit, date) else { return }
            var options = [("unit", unit), ("date", date.iso), ("title", "Đại hội \(counter)"), ("kind", "congress"),
                           ("term", "\(first)-\(first + 5)")]
            counter += 1
            if chance(60) { options.append(("target", "admissions=\(20 + int(60))")) }
            if chance(60) {
                options.append(("target", chance(50) ? "admissions-per-year=10..12" : "admissions-per-year=\(5 + int(10))"))
            }
            if chance(30) { options.append(("figure", "members=\(100 + int(400))")) }
            record("conference", options)
            // Sometimes a review of the previous term after the congress of a parent (R4.2).
            if chance(20) {
                let later = date.adding(days: 30 + int(60))
                let child = pick(live)
                if later <= RecordedHistory.today {
                    record("conference", [("unit", child), ("date", later.iso), ("title", "Tổng kết nhiệm kỳ \(counter)"),
                                          ("kind", "review"), ("term", "\(first - 5)-\(first)"),
                                          ("figure", "admissions=\(int(50))")])
                }
            }
            // A year's own target on a review conference.
            if chance(25) {
                let y = first + 1 + int(3)
                let review = CalendarDate(year: y, month: 1, day: 15)!
                if review <= RecordedHistory.today {
                    record("conference", [("unit", unit), ("date", review.iso), ("title", "Sơ kết \(counter)"), ("kind", "review"),
                                          ("target", "admissions=\(5 + int(15))")])
                }
            }
        }

        mutating func merger(_ d: CalendarDate) {
            let shape = int(6)
            let kindSet: Set<UnitKind> = pick([[.village], [.cell], [.baseCommittee, .baseCell], [.village]])
            let candidates = activeUnits(d, kindSet)
            if shape == 5 {
                // Merger totals.
                let scope = pick(activeUnits(d, [.baseCommittee, .baseCell, .district]) + ["p"])
                let before = 3 + int(10)
                record("merger", [("in", scope), ("of", "village"), ("before", String(before)), ("after", String(before - 1 - int(3))),
                                  ("date", d.iso)])
                return
            }
            guard candidates.count >= 2 else { return }
            let a = pick(candidates)
            var b = pick(candidates)
            if a == b { b = candidates.first { $0 != a }! }
            let kind = kindOf(a, d) ?? .village
            switch shape {
            case 0, 1:  // into a new unit, under one of the sources' parents (or elsewhere)
                counter += 1
                let id = "m\(counter)"
                let parent = chance(80) ? (parentOf(a, d) ?? "p") : pick(activeUnits(d, [.district, .baseCommittee]) + ["p"])
                if record("merger", [("from", "\(a),\(b)"), ("into", id), ("name", "Hợp nhất \(counter)"), ("kind", kind.rawValue),
                                     ("parent", parent), ("date", d.iso)]) {
                    units.append((id, kind))
                }
            case 2:  // x, y into y
                record("merger", [("from", "\(a),\(b)"), ("into", b), ("date", d.iso)])
            case 3:  // x absorbed by an existing y
                record("merger", [("from", a), ("into", b), ("date", d.iso)])
            default:  // three units, or a chain: merge the newest unit again
                let c = candidates.last!
                if c != a && c != b {
                    record("merger", [("from", "\(a),\(b),\(c)"), ("into", c), ("date", d.iso)])
                } else {
                    record("merger", [("from", "\(a),\(b)"), ("into", a), ("date", d.iso)])
                }
            }
        }

        mutating func move(_ d: CalendarDate) {
            let movable = activeUnits(d, [.cell, .village, .baseCommittee, .baseCell])
            guard !movable.isEmpty else { return }
            let unit = pick(movable)
            let kind = kindOf(unit, d)
            let parents = kind == .baseCommittee || kind == .baseCell
                ? activeUnits(d, [.district]) : activeUnits(d, [.baseCommittee, .baseCell])
            guard !parents.isEmpty else { return }
            let parent = pick(parents)
            guard parent != parentOf(unit, d), parent != unit else { return }
            record("move", [("unit", unit), ("parent", parent), ("date", d.iso)])
        }

        mutating func rename(_ d: CalendarDate, _ live: [String]) {
            let unit = pick(live)
            let kind = kindOf(unit, d)
            var options = [("unit", unit), ("date", d.iso)]
            switch kind {
            case .baseCommittee?: options.append(("kind", "base-cell"))
            case .baseCell?: options.append(("kind", chance(50) ? "base-committee" : "cell"))
            case .cell?: options.append(("kind", "base-cell"))
            default: options.append(("name", "Tên mới \(counter)"))
            }
            counter += 1
            record("rename", options)
        }

        mutating func dissolve(_ d: CalendarDate) {
            let candidates = activeUnits(d, [.cell, .village, .baseCommittee, .baseCell, .district])
            guard !candidates.isEmpty else { return }
            let unit = pick(candidates)
            var options = [("unit", unit), ("date", d.iso)]
            // Half of them hand over to a successor of the same kind (issue 17).
            if chance(50), let kind = kindOf(unit, d) {
                let successors = activeUnits(d, [kind]).filter { $0 != unit }
                if !successors.isEmpty { options.append(("successor", pick(successors))) }
            }
            record("dissolve", options)
        }

        mutating func rating(_ d: CalendarDate, _ live: [String]) {
            let unit = pick(live)
            let year = min(d.year, RecordedHistory.today.year - 1)
            var options = [("unit", unit), ("year", String(year)), ("of", pick(["organizations", "cells", "members"]))]
            switch int(3) {
            case 0:
                options += [("excellent", String(int(6))), ("good", String(int(30))), ("completed", String(int(10))), ("failed", String(int(3)))]
            case 1:
                let e = int(6), g = e + int(30)
                options += [("excellent", String(e)), ("good-or-better", String(g)), ("completed", String(int(10)))]
            default:
                options += [("excellent", "15,2%"), ("good", "75,3%"), ("completed", "8,5%"), ("failed", "1%")]
            }
            record("rating", options)
        }

        mutating func correction() {
            let events = history.events.filter {
                if case .correction = $0.payload { return false }
                if case .unitEstablished = $0.payload { return false }
                return true
            }
            guard !events.isEmpty else { return }
            let target = pick(events)
            var options = [("event", target.id.rawValue), ("reason", "sửa \(counter)")]
            counter += 1
            switch target.payload {
            case .flow:
                switch int(3) {
                case 0: options.append(("retract", ""))
                case 1: options.append(("set", "count=\(1 + int(20))"))
                default: options.append(("set", "date=\(target.effectiveDate.adding(days: pick([-40, -1, 1, 30])).iso)"))
                }
            case .conference(let c):
                if let figure = c.figures.first(where: { $0.value.period == nil && $0.value.asOf == nil }), chance(70) {
                    options.append(("set", "figures.\(figure.key)=\(figure.key == "members" ? 20 + int(500) : int(8))"))
                } else {
                    options.append(("retract", ""))
                }
            case .merger:
                options.append(chance(50) ? ("retract", "") : ("set", "date=\(target.effectiveDate.adding(days: pick([-60, -1, 1, 90])).iso)"))
            default:
                options.append(("retract", ""))
            }
            record("correction", options)
        }
    }
}
