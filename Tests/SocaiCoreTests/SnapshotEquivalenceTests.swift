import SocaiCore
import SocaiTestSupport
import Testing

/// SEMANTICS.md §9: a snapshot plus the tail folds to exactly the state of a full fold, and
/// answers every question the same, on randomised journals with late records and corrections.
@Suite("Snapshot + tail == full replay")
struct SnapshotEquivalenceTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func snapshotPlusTailEqualsFullFold(seed: UInt64) throws {
        let b = RandomJournal.build(seed: seed, events: 220)
        let events = b.events
        #expect(events.count > 150)
        #expect(!b.ledger.flowPrinted.isEmpty, "the random journal prints percentages on some flows")
        let split = events.count / 3 + Int(seed) * 7
        var prefix = Ledger()
        for event in events.prefix(split) { prefix.apply(event) }
        let stamp = SnapshotStamp(journalID: "test", seq: prefix.headSeq, chainHash: String(repeating: "0", count: 64),
                                  recordedTime: prefix.headRecordedTime)
        let bytes = LedgerSnapshot.encode(prefix, stamp: stamp)
        var (restored, readStamp) = try bytes.withUnsafeBytes { try LedgerSnapshot.decode($0) }
        #expect(readStamp == stamp)
        for event in events.dropFirst(split) { restored.apply(event) }

        let full = b.ledger
        let sameState = LedgerSnapshot.encode(restored, stamp: stamp) == LedgerSnapshot.encode(full, stamp: stamp)
        #expect(sameState, "the states differ")
        let a = LedgerView(full), c = LedgerView(restored)
        for year in [2015, 2017, 2019, 2021, 2024] {
            let date = CalendarDate(year: year, month: 6, day: 30)!
            for key in ["members", "villages"] {
                let left = a.levels(key, at: date), right = c.levels(key, at: date)
                #expect(left == right, "\(key) at \(date)")
            }
        }
        let unit = a.registry.index[UnitID("d1")!]!
        #expect(a.audit(unit, "members", from: nil, to: CalendarDate(year: 2025, month: 1, day: 1)!, knownAt: nil).entries.map(\.value)
                == c.audit(unit, "members", from: nil, to: CalendarDate(year: 2025, month: 1, day: 1)!, knownAt: nil).entries.map(\.value))
        #expect(a.check().findings == c.check().findings)
    }

    @Test func flowRowsHaveNoPadding() {
        #expect(MemoryLayout<FlowRow>.size == MemoryLayout<FlowRow>.stride)
    }

    @Test func damagedSnapshotBytesAreRefused() {
        let b = RandomJournal.build(seed: 42, events: 60)
        let stamp = SnapshotStamp(journalID: "test", seq: b.ledger.headSeq, chainHash: "x", recordedTime: nil)
        let bytes = LedgerSnapshot.encode(b.ledger, stamp: stamp)
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var damaged = bytes
            damaged[position] ^= 0x40
            #expect(throws: LedgerSnapshot.Invalid.self) { try damaged.withUnsafeBytes { try LedgerSnapshot.decode($0) } }
        }
        #expect(throws: LedgerSnapshot.Invalid.self) { try Array(bytes.prefix(bytes.count / 2)).withUnsafeBytes { try LedgerSnapshot.decode($0) } }
    }

    /// The fold over a journal prefix is what the journal knew then (SEMANTICS §1).
    @Test func knownAtIsTheFoldOfARecordedPrefix() {
        let b = RandomJournal.build(seed: 9, events: 120)
        let middle = b.events[b.events.count / 2]
        let known = b.known(at: middle.recordedTime)
        #expect(known.headSeq == middle.seq)
    }
}
