// socai-generate: a deterministic synthetic journal for tests and benchmarks, never Journal/.
//
//   socai-generate --events N [--seed S] --out DIR [--hledger FILE] [--batch 1000] [--segment-bytes B]
//                  [--unit-prefix P] [--reports-to U]
//
// A province → districts → communes (grassroots committees) → cells and villages tree, and the
// event mix a real journal has: admissions, departures and arrivals at cells and committees, yearly
// member reports that state the true count, village mergers, ratings, corrections of flows, and
// late-recorded events (effective dates weeks or months before their recording). Events are
// written through socai's own append path (FileJournal.append, in batches), so the result is a
// valid, verifiable journal. With --hledger the same admissions, departures and arrivals (as
// corrected) go to an hledger journal, one account per unit, for `bal -e D` against `replay --to D`.
// --unit-prefix P names every unit P-… (several journals with disjoint units, read as one in the
// union benchmark), and --reports-to U hangs the root under U (`init --reports-to U`), a unit the
// journal does not hold.

import Foundation
import SocaiCore
import SocaiStore

struct Options {
    var events = 100_000
    var seed: UInt64 = 1
    var out = ""
    var hledger: String?
    var batch = 1000
    var segmentBytes = JournalMetadata.defaultSegmentBytes
    var unitPrefix = ""
    var reportsTo: UnitID?

    init(_ arguments: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fail("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--events": events = Int(value().replacingOccurrences(of: "_", with: "")) ?? events
            case "--seed": seed = UInt64(value()) ?? seed
            case "--out": out = value()
            case "--hledger": hledger = value()
            case "--batch": batch = max(1, Int(value()) ?? batch)
            case "--segment-bytes": segmentBytes = Int(value()) ?? segmentBytes
            case "--unit-prefix": unitPrefix = value() + "-"
            case "--reports-to":
                guard let unit = UnitID(value()) else { fail("--reports-to needs a unit id such as tinh") }
                reportsTo = unit
            case "-h", "--help":
                print("usage: socai-generate --events N [--seed S] --out DIR [--hledger FILE] [--batch N] [--segment-bytes B] [--unit-prefix P] [--reports-to U]")
                exit(0)
            default: fail("unknown option \(arguments[i])")
            }
            i += 1
        }
        if out.isEmpty { fail("give --out DIR (a new directory; never Journal/)") }
        if !unitPrefix.isEmpty && UnitID(unitPrefix + "tinh") == nil { fail("--unit-prefix \(unitPrefix.dropLast()): lowercase letters, digits and dashes") }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("socai-generate: " + message + "\n").utf8))
    exit(64)
}

/// SplitMix64: the same seed gives the same journal on every machine.
struct Random: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

struct Unit {
    var id: UnitID
    var name: String
    var kind: UnitKind
    var setting: UnitSetting?
    var parent: Int?
    var closedDay: Int?
    var ledgerAccount: String
}

/// An event before it is written: when it is recorded (ms) decides its place in the journal.
struct Planned {
    var recordedAt: Int64
    var order: Int
    var event: PendingEvent
}

/// Everything happens in one function: no global mutable state.
func generate() {
    let options = Options(Array(CommandLine.arguments.dropFirst()))
    var rng = Random(state: options.seed)
    let start = CalendarDate(year: 2015, month: 1, day: 1)!.dayNumber
    let end = CalendarDate(year: 2024, month: 12, day: 31)!.dayNumber
    let span = end - start

    // The tree, sized to the journal: about one unit per 120 events.
    var units: [Unit] = []
    let totalUnits = max(12, options.events / 120)
    let districtCount = max(2, Int(Double(totalUnits).squareRoot() / 6))
    let communesPerDistrict = max(2, totalUnits / (districtCount * 17))
    func unitID(_ text: String) -> UnitID { UnitID(options.unitPrefix + text)! }
    units.append(Unit(id: unitID("tinh"), name: "Tỉnh ủy Tổng hợp", kind: .province, parent: nil, ledgerAccount: "members:tinh"))
    var baseUnits: [Int] = []       // where flows happen: communes and cells
    var villagesOf: [Int: [Int]] = [:]
    for d in 1...districtCount {
        let district = units.count
        units.append(Unit(id: unitID("huyen-\(d)"), name: "Huyện ủy số \(d)", kind: .district, parent: 0, ledgerAccount: "members:huyen-\(d)"))
        for c in 1...communesPerDistrict {
            let commune = units.count
            let cid = "xa-\(d)-\(c)"
            units.append(Unit(id: unitID(cid), name: "Đảng ủy xã \(d).\(c)", kind: .baseCommittee, setting: .commune, parent: district,
                              ledgerAccount: "members:huyen-\(d):\(cid)"))
            baseUnits.append(commune)
            for k in 1...8 {
                let cell = units.count
                units.append(Unit(id: unitID("\(cid)-cb-\(k)"), name: "Chi bộ \(k) xã \(d).\(c)", kind: .cell, parent: commune,
                                  ledgerAccount: "members:huyen-\(d):\(cid):cb-\(k)"))
                baseUnits.append(cell)
            }
            for v in 1...8 {
                villagesOf[commune, default: []].append(units.count)
                units.append(Unit(id: unitID("\(cid)-ban-\(v)"), name: "Bản \(v) xã \(d).\(c)", kind: .village, setting: .ban, parent: commune,
                                  ledgerAccount: ""))
            }
        }
    }

    var planned: [Planned] = []
    planned.reserveCapacity(options.events + units.count)
    var order = 0
    func plan(_ recordedDay: Int, _ subject: UnitID, _ effective: Int, _ payload: EventPayload, source: String? = nil) -> EventID {
        order += 1
        let ms = Int64(recordedDay) * 86_400_000 + Int64(rng.below(86_400_000))
        let id = EventID.version7(at: Instant(millisecondsSinceEpoch: ms), using: &rng)
        planned.append(Planned(recordedAt: ms, order: order, event: PendingEvent(
            id: id, subject: subject, effectiveDate: CalendarDate(dayNumber: effective), recordedBy: "synthetic",
            sourceDocument: source, payload: payload)))
        return id
    }

    // Units are established on the first day, recorded that day.
    for unit in units {
        _ = plan(start, unit.id, start, .unitEstablished(UnitEstablished(
            id: unit.id, name: unit.name, kind: unit.kind, setting: unit.setting, parent: unit.parent.map { units[$0].id } ?? options.reportsTo)))
    }

    // Flows, with their final (corrected) effect kept for the truth and the hledger journal.
    struct FlowTruth { var unit: Int; var day: Int; var delta: Int; var kind: FlowKind }
    var truths: [FlowTruth] = []
    truths.reserveCapacity(options.events)
    var correctable: [(id: EventID, unit: Int, day: Int, recordedDay: Int, kind: FlowKind, truth: Int)] = []
    let communeIndexes = baseUnits.filter { units[$0].kind == .baseCommittee }
    var flowsPlanned = 0
    let openingMembers = 20
    for index in baseUnits { truths.append(FlowTruth(unit: index, day: start, delta: openingMembers, kind: .arrival)) }
    // Opening reports: each cell's members, and each commune's total (its own and its cells').
    _ = baseUnits.map { index in
        let opening = units[index].kind == .baseCommittee ? openingMembers * 9 : openingMembers
        return plan(start, units[index].id, start, .conference(Conference(title: "Số liệu đầu kỳ", kind: .report,
                                                                          figures: [KeyedFigure("members", .count(opening))])))
    }
    while planned.count < options.events {
        let roll = rng.below(1000)
        let day = start + 1 + rng.below(span - 1)  // after the opening reports of the first day
        // 5 % are recorded late: up to six months after they happened.
        let recordedDay = min(end + 30, day + (rng.chance(5) ? 30 + rng.below(150) : rng.below(7)))
        switch roll {
        case 0..<930:
            let unitIndex = baseUnits[rng.below(baseUnits.count)]
            let kind: FlowKind
            switch rng.below(100) {
            case 0..<55: kind = .admission
            case 55..<68: kind = .arrival
            case 68..<82: kind = .transferOut
            case 82..<92: kind = .death
            case 92..<96: kind = .exit
            case 96..<98: kind = .struckOff
            default: kind = .expulsion
            }
            let count = 1 + rng.below(kind == .admission ? 4 : 2)
            let id = plan(recordedDay, units[unitIndex].id, day, .flow(Flow(kind: kind, count: count)))
            truths.append(FlowTruth(unit: unitIndex, day: day, delta: kind.memberSign * count, kind: kind))
            correctable.append((id, unitIndex, day, recordedDay, kind, truths.count - 1))
            flowsPlanned += 1
        case 930..<945 where !correctable.isEmpty:
            // A correction: retract a flow recorded twice, or fix its count.
            // Swap-remove: remove(at:) shifted the whole array on every correction (quadratic:
            // 97% of a 10M-event run was memmove).
            let at = rng.below(correctable.count)
            correctable.swapAt(at, correctable.count - 1)
            let pick = correctable.removeLast()
            let retract = rng.chance(40)
            let newCount = 1 + rng.below(5)
            let when = max(pick.recordedDay + 1, min(end + 60, max(recordedDay, pick.day + 7)))
            let action: Correction.Action = retract ? .retract : .set(JSONObject([("count", .integer(Int64(newCount)))]))
            planned.append(Planned(recordedAt: Int64(when) * 86_400_000 + 86_399_000, order: order + 1, event: PendingEvent(
                id: EventID.version7(at: Instant(millisecondsSinceEpoch: Int64(when) * 86_400_000), using: &rng),
                subject: units[pick.unit].id, effectiveDate: CalendarDate(dayNumber: pick.day), recordedBy: "synthetic",
                payload: .correction(Correction(event: pick.id, eventSeq: 0, reason: retract ? "recorded twice" : "count fixed",
                                                action: action)))))
            order += 1
            truths[pick.truth].delta = retract ? 0 : pick.kind.memberSign * newCount
        case 945..<970:
            let commune = communeIndexes[rng.below(communeIndexes.count)]
            let year = 2015 + rng.below(9)
            let rated = 40 + rng.below(200)
            let excellent = rated / 10, completed = rated / 8, failed = rng.below(3)
            _ = plan(min(end + 30, CalendarDate(year: year + 1, month: 1, day: 20)!.dayNumber), units[commune].id,
                     CalendarDate(year: year, month: 12, day: 31)!.dayNumber,
                     .rating(Rating(year: year, of: .members, tiers: [.excellent: .count(excellent), .good: .count(rated - excellent - completed - failed),
                                                                     .completed: .count(completed), .failed: .count(failed)], rated: rated)))
        case 970..<976:
            // Two villages of a commune merge into the first.
            let communes = villagesOf.keys.sorted()  // sorted: a dictionary's order changes from run to run
            let commune = communes[rng.below(communes.count)]
            let open = villagesOf[commune]!.filter { units[$0].closedDay == nil }
            guard open.count >= 2 else { continue }
            let a = open[rng.below(open.count)], b = open[rng.below(open.count)]
            guard a != b else { continue }
            let mergerDay = start + 365 + rng.below(span - 365)
            units[b].closedDay = mergerDay
            _ = plan(min(end + 30, mergerDay + rng.below(7)), units[a].id, mergerDay,
                     .merger(Merger(from: [units[a].id, units[b].id], into: units[a].id)))
        default:
            _ = plan(recordedDay, units[baseUnits[rng.below(baseUnits.count)]].id, day,
                     .conference(Conference(title: "Hội nghị sơ kết", kind: .review, figures: [])))
        }
    }

    // Year-end member reports that state the true count (what a clerk with every decision would report).
    // A commune's members include its cells' members: its report states the sum.
    var truthByUnit: [Int: [(day: Int, delta: Int)]] = [:]
    for t in truths {
        let commune = units[t.unit].kind == .baseCommittee ? t.unit : units[t.unit].parent!
        truthByUnit[commune, default: []].append((t.day, t.delta))
    }
    for (unit, list) in truthByUnit.sorted(by: { $0.key < $1.key }) where units[unit].kind == .baseCommittee {
        let sorted = list.sorted { $0.day < $1.day }
        var running = 0, i = 0
        for year in 2016...2024 where rng.chance(60) {
            let reportDay = CalendarDate(year: year, month: 12, day: 31)!.dayNumber
            while i < sorted.count && sorted[i].day <= reportDay { running += sorted[i].delta; i += 1 }
            _ = plan(min(end + 30, reportDay + 20), units[unit].id, reportDay,
                     .conference(Conference(title: "Tổng kết năm \(year)", kind: .review, figures: [KeyedFigure("members", .count(running))])))
        }
    }

    // Write in recorded order through the append path; corrections learn their target's seq there.
    planned.sort { ($0.recordedAt, $0.order) < ($1.recordedAt, $1.order) }
    let journal: FileJournal
    do {
        journal = try FileJournal.create(at: options.out, id: EventID.version7(at: Instant(millisecondsSinceEpoch: 0), using: &rng).rawValue,
                                         segmentBytes: options.segmentBytes, now: Instant(millisecondsSinceEpoch: Int64(start) * 86_400_000),
                                         reportsTo: options.reportsTo)
    } catch {
        fail(error.message.en)
    }
    var seqOf: [EventID: Int64] = [:]
    seqOf.reserveCapacity(planned.count)
    var nextSeq: Int64 = 1
    var written = 0
    let began = Date()
    var index = 0
    while index < planned.count {
        let slice = planned[index..<min(planned.count, index + options.batch)]
        var events: [PendingEvent] = []
        let now = Instant(millisecondsSinceEpoch: slice.last!.recordedAt)
        for item in slice {
            var event = item.event
            if case .correction(var correction) = event.payload {
                correction.eventSeq = seqOf[correction.event] ?? 1
                event.payload = .correction(correction)
            }
            seqOf[event.id] = nextSeq
            nextSeq += 1
            events.append(event)
        }
        do {
            _ = try journal.append(events, now: now)
        } catch {
            fail(error.message.en)
        }
        written += events.count
        index += options.batch
        if written % 200_000 < options.batch {
            FileHandle.standardError.write(Data("\r\(written) events, \(Int(Double(written) / Date().timeIntervalSince(began))) events/s   ".utf8))
        }
    }
    FileHandle.standardError.write(Data("\rwrote \(written) events to \(options.out) in \(String(format: "%.1f", Date().timeIntervalSince(began))) s (\(units.count) units, \(flowsPlanned) flows)\n".utf8))

    if let path = options.hledger {
        var text = "; socai-generate --events \(options.events) --seed \(options.seed): members as an hledger journal\n"
        text.reserveCapacity(truths.count * 90)
        for t in truths.sorted(by: { $0.day < $1.day }) where t.delta != 0 {
            text += CalendarDate(dayNumber: t.day).iso + " \(t.kind.figureKey)\n    \(units[t.unit].ledgerAccount)  \(t.delta)\n    flows:\(t.kind.figureKey)\n"
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { fail("cannot write \(path)") }
        FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
    }
}

generate()
