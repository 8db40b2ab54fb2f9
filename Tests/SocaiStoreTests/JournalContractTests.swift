import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// The `EventJournal` contract: one suite, run against `InMemoryJournal` and `FileJournal` (with one
/// segment and with segments small enough that every test crosses several).
@Suite("EventJournal contract")
struct JournalContractTests {
    typealias F = JournalFixtures

    @Test("an empty journal reads nothing and has head 0", arguments: JournalKind.allCases)
    func empty(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        let (records, report) = try subject.read()
        #expect(records.isEmpty)
        #expect(report.eventsRead == 0)
        #expect(report.head.seq == 0)
        #expect(report.head.hash == JournalLineCodec.genesisHash(journalID: F.journalID))
        #expect(report.tornTail == nil && report.incompleteBatch == nil && report.damage == nil)
    }

    @Test("appends get contiguous seqs and read back exactly as written", arguments: JournalKind.allCases)
    func appendAndReadBack(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        var written: [EventEnvelope] = []
        for n in 1...5 {
            let result = try subject.append([F.admission(n)])
            #expect(result.written.map(\.seq) == [Int64(n)])
            #expect(result.head.seq == Int64(n))
            #expect(result.alreadyRecorded.isEmpty)
            written += result.written
        }
        let batch = try subject.append(F.admissions(6, count: 20))
        #expect(batch.written.map(\.seq) == Array(6...25))
        #expect(batch.head.seq == 25)
        written += batch.written

        let (records, report) = try subject.read()
        #expect(records.map(\.envelope) == written)
        #expect(report.eventsRead == 25)
        #expect(report.head == batch.head)
        #expect(records.map(\.envelope.id) == (1...25).map { F.eventID($0) })
    }

    @Test("a batch carries marks i/n; a single event none", arguments: JournalKind.allCases)
    func batchMarks(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        _ = try subject.append([F.admission(1)])
        _ = try subject.append(F.admissions(2, count: 3))
        let marks = try subject.read().records.map { $0.envelope.batch?.description }
        #expect(marks == [nil, "1/3", "2/3", "3/3"])
    }

    @Test("read(fromSeq:) delivers exactly seq ≥ fromSeq, for every start", arguments: JournalKind.allCases)
    func readFromSeq(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        for n in 1...10 { _ = try subject.append([F.admission(n)]) }
        _ = try subject.append(F.admissions(11, count: 15))
        for from in Int64(0)...27 {
            let (records, report) = try subject.read(ReadOptions(fromSeq: from))
            let expected = (Int64(1)...25).filter { $0 >= from }
            #expect(records.map(\.envelope.seq) == expected, "fromSeq \(from)")
            #expect(report.eventsRead == expected.count)
            #expect(report.head.seq == 25)
        }
        if kind == .fileSmallSegments {
            #expect(try #require(subject.scratch).segments.count >= 3)
        }
    }

    @Test("a read stops when the body returns false", arguments: JournalKind.allCases)
    func stopEarly(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        _ = try subject.append(F.admissions(1, count: 20))
        var seen: [Int64] = []
        let report = try subject.journal.read(ReadOptions(fromSeq: 4)) { record in
            seen.append(record.envelope.seq)
            return seen.count < 7
        }
        #expect(seen == Array(4...10))
        #expect(report.eventsRead == 7)
    }

    @Test("expected seq: the right one writes, a wrong one refuses and writes nothing", arguments: JournalKind.allCases)
    func expectedSeq(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        #expect(try subject.append([F.admission(1)], options: AppendOptions(expectedLastSeq: 0)).head.seq == 1)
        #expect(try subject.append([F.admission(2)], options: AppendOptions(expectedLastSeq: 1)).head.seq == 2)
        for wrong: Int64 in [0, 1, 3, 99] {
            #expect(throws: JournalError.sequenceConflict(expected: wrong, actual: 2)) {
                try subject.append(F.admissions(10, count: 3), options: AppendOptions(expectedLastSeq: wrong))
            }
        }
        #expect(try subject.read().records.map(\.envelope.seq) == [1, 2])
    }

    @Test("a retried event id records once; the id on another event is a conflict", arguments: JournalKind.allCases)
    func idempotentRetry(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        let retry = AppendOptions(checkExistingIDs: true)
        _ = try subject.append(F.admissions(1, count: 12))
        let first = try subject.append([F.admission(100)], options: retry)
        #expect(first.written.map(\.seq) == [13])
        for _ in 1...3 {
            let again = try subject.append([F.admission(100)], options: retry)
            #expect(again.written.isEmpty)
            #expect(again.alreadyRecorded == first.written)
            #expect(again.head.seq == 13)
        }
        // In a batch: the known one is skipped, the new one written.
        let mixed = try subject.append([F.admission(100), F.admission(101)], options: retry)
        #expect(mixed.written.map(\.id) == [F.eventID(101)])
        #expect(mixed.alreadyRecorded.map(\.seq) == [13])

        let other = F.admission(100, count: 5)  // same id, different fact
        #expect(throws: JournalError.eventIDInUse(F.eventID(100), seq: 13)) {
            try subject.append([other], options: retry)
        }
        let ids = try subject.read().records.map(\.envelope.id)
        #expect(ids.filter { $0 == F.eventID(100) }.count == 1)
        #expect(ids.count == 14)
    }

    @Test("one batch never writes an event id twice", arguments: JournalKind.allCases)
    func duplicateIDsInOneBatch(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        _ = try subject.append([F.admission(1)])
        // The same event twice in one batch: recorded once.
        let twice = try subject.append([F.admission(2), F.admission(3), F.admission(2)], options: AppendOptions(checkExistingIDs: true))
        #expect(twice.written.map(\.id) == [F.eventID(2), F.eventID(3)])
        #expect(twice.alreadyRecorded.map(\.seq) == [2])
        // Two different events under one id: nothing written.
        #expect(throws: JournalError.eventIDInUse(F.eventID(9), seq: 4)) {
            try subject.append([F.admission(9), F.admission(9, count: 2)])
        }
        let ids = try subject.read().records.map(\.envelope.id)
        #expect(ids == [F.eventID(1), F.eventID(2), F.eventID(3)])
    }

    @Test("recorded time never decreases along seq", arguments: JournalKind.allCases)
    func recordedTimeMonotonic(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        let later = Instant(millisecondsSinceEpoch: F.now.millisecondsSinceEpoch + 3_600_000)
        _ = try subject.append([F.admission(1)], now: F.now)
        _ = try subject.append([F.admission(2)], now: later)
        let behind = try subject.append([F.admission(3)], now: F.now)   // a clock that went back
        #expect(behind.written.first?.recordedTime == later)
        #expect(try subject.read().records.map(\.envelope.recordedTime) == [F.now, later, later])
    }

    @Test("every record's bytes chain from the genesis hash", arguments: JournalKind.allCases)
    func chainOverRecords(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        _ = try subject.append(F.admissions(1, count: 4))
        for n in 5...14 { _ = try subject.append([F.admission(n)]) }
        var previous = JournalLineCodec.genesisHash(journalID: F.journalID)
        for record in try subject.read().records {
            let split = record.line.withUnsafeBytes { buffer in
                JournalLineCodec.splitHash(buffer).map { (JournalLineCodec.chainHash(previous: previous, body: $0.body), $0.stored) }
            }
            let (computed, stored) = try #require(split)
            #expect(computed == stored && stored == record.hash)
            previous = stored
        }
    }

    @Test("a damaged line stops reads there; allowDamaged answers from the prefix", arguments: JournalKind.allCases)
    func damage(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        for n in 1...12 { _ = try subject.append([F.admission(n)]) }
        let location = try subject.flipByte(line: 11, at: 40)
        #expect(location.line >= 1)
        do {
            _ = try subject.read()
            Issue.record("a damaged journal read without error")
        } catch {
            guard case .damaged(let at, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(at == location)
        }
        let (records, report) = try subject.read(ReadOptions(allowDamaged: true))
        #expect(records.map(\.envelope.seq) == Array(1...10))
        #expect(report.damage?.location == location)
        #expect(report.head.seq == 10)
        #expect(report.eventsRead == 10)
    }

    @Test("concurrent appenders in one process get contiguous seqs", arguments: JournalKind.allCases)
    func concurrentAppends(kind: JournalKind) throws {
        let subject = try ContractJournal(kind)
        let threads = 4, each = 25
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for n in 0..<each {
                _ = try? subject.append([F.admission(n, group: thread + 1)])
            }
        }
        let records = try subject.read().records
        #expect(records.map(\.envelope.seq) == Array(1...Int64(threads * each)))
        #expect(Set(records.map(\.envelope.id)).count == threads * each)
    }

    @Test("memory and file journals store byte-identical lines")
    func sameBytes() throws {
        let memory = try ContractJournal(.memory)
        let file = try ContractJournal(.fileSmallSegments)
        for subject in [memory, file] {
            _ = try subject.append([F.admission(1)])
            _ = try subject.append(F.admissions(2, count: 12))
            _ = try subject.append([F.admission(14, source: "Nghị quyết 01")])
        }
        let a = try memory.read().records, b = try file.read().records
        #expect(a.count == 14 && a.map(\.line) == b.map(\.line))
        #expect(a.map(\.hash) == b.map(\.hash))
    }
}
