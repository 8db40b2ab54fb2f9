import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// What a crash part-way through an append leaves, and what readers and the next writer do with
/// it: the exact bytes the interrupted append would have written, cut at every point.
@Suite("Crash recovery")
struct CrashRecoveryTests {
    typealias F = JournalFixtures

    @Test("a torn last line, cut at many bytes: readers ignore it, the next writer quarantines exactly it")
    func tornLineAtEveryCut() throws {
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 3)
        let segment = F.segmentName(1)
        let base = scratch.bytes(segment)
        let line = try #require(try scratch.nextLines([F.admission(4)]).first)
        // Every prefix at the start and in the hash tail (up to the line minus its last byte), and
        // every 7th in between: each costs four fsyncs, and the tail analysis treats the middle
        // alike. The line minus only its \n is whole: `lineWithoutNewline` covers it.
        let cuts = Array(1...40) + Array(stride(from: 41, to: line.count - 90, by: 7)) + Array((line.count - 90)..<(line.count - 1))
        for cut in cuts {
            let torn = Array(line[0..<cut])
            try scratch.write(segment, base + torn)
            let journal = try scratch.reopen()

            let (events, report) = try scratch.events()
            #expect(events.map(\.seq) == [1, 2, 3], "cut \(cut)")
            #expect(report.tornTail.map { [$0.segment, "\($0.offset)", "\($0.byteCount)"] } == [segment, "\(base.count)", "\(cut)"], "cut \(cut)")
            #expect(report.incompleteBatch == nil)
            #expect(!report.notices.isEmpty)
            let verified = try journal.verify()
            #expect(verified.ok && verified.events == 3 && verified.warnings.count == 1, "cut \(cut)")

            let result = try scratch.append([F.admission(4)])
            #expect(result.written.map(\.seq) == [4])
            let quarantined = scratch.quarantineFiles
            #expect(quarantined.count == 1)
            let name = try #require(quarantined.first)
            #expect(name.hasPrefix(segment + ".quarantine-"))
            #expect(scratch.bytes(name) == torn, "cut \(cut): the quarantine file holds exactly the torn bytes")
            #expect(result.notices.count == 1)
            #expect(result.notices.first?.en.contains(name) == true)
            // The interrupted append's line, written whole this time, right after the committed ones.
            #expect(scratch.bytes(segment) == base + line)
            #expect(try scratch.events().events.map(\.seq) == [1, 2, 3, 4])
            #expect(try journal.verify().ok)

            try scratch.remove(name)
        }
    }

    @Test("an unfinished batch, cut at many points: ignored whole by readers, quarantined whole by the next writer")
    func unfinishedBatch() throws {
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 2)
        let segment = F.segmentName(1)
        let base = scratch.bytes(segment)
        let batch = F.admissions(3, count: 3)
        let lines = try scratch.nextLines(batch)
        let all = lines.flatMap { $0 }
        let boundaries = [lines[0].count, lines[0].count + lines[1].count]
        var cuts = Set(stride(from: 1, to: all.count - 1, by: 29))
        for boundary in boundaries { cuts.formUnion([boundary - 1, boundary, boundary + 1]) }
        cuts.insert(all.count - 2)    // the whole batch but the last `}` and \n
        // (All of it but the last \n is the whole batch: `lineWithoutNewline` covers it.)

        for cut in cuts.sorted() {
            let partial = Array(all[0..<cut])
            try scratch.write(segment, base + partial)
            let journal = try scratch.reopen()
            // A line of the batch cut only of its \n is whole, and belongs to the unfinished batch.
            let wholeButNewline = boundaries.contains(cut + 1)
            let completeLines = boundaries.filter { $0 <= cut + 1 }.count

            let (events, report) = try scratch.events()
            #expect(events.map(\.seq) == [1, 2], "cut \(cut): no line of an unfinished batch is delivered")
            #expect((report.incompleteBatch?.lines ?? 0) == completeLines, "cut \(cut)")
            #expect(report.incompleteBatch.map { $0.batchSize == 3 && $0.offset == base.count } ?? true)
            #expect((report.tornTail != nil) == !(boundaries.contains(cut) || wholeButNewline), "cut \(cut)")
            #expect(report.missingNewline == nil, "cut \(cut): a line of an unfinished batch is moved aside with it")
            let verified = try journal.verify()
            #expect(verified.ok, "cut \(cut): \(verified.problems)")

            let result = try scratch.append(batch)
            #expect(result.written.map(\.seq) == [3, 4, 5])
            let name = try #require(scratch.quarantineFiles.first)
            #expect(scratch.bytes(name) == partial, "cut \(cut): all of the unfinished batch moved, nothing else")
            #expect(scratch.bytes(segment) == base + all)
            #expect(try scratch.events().events.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(try journal.verify().ok)
            try scratch.remove(name)
        }
    }

    @Test("a last line that lost only its newline (a single event or a whole batch) is read, and the next writer adds the newline back")
    func lineWithoutNewline() throws {
        for batchSize in [1, 3] {
            let scratch = try ScratchFileJournal()
            try scratch.appendSingles(1, count: 2)
            let segment = F.segmentName(1)
            let events = batchSize == 1 ? [F.admission(3)] : F.admissions(3, count: batchSize)
            try scratch.append(events)
            let whole = scratch.bytes(segment)
            try scratch.write(segment, Array(whole.dropLast()))
            let journal = try scratch.reopen()
            let seqs = Array(Int64(1)...Int64(2 + batchSize))

            let (read, report) = try scratch.events()
            #expect(read.map(\.seq) == seqs, "batch of \(batchSize): the line without its newline is read")
            #expect(report.tornTail == nil && report.incompleteBatch == nil)
            #expect(report.missingNewline?.seq == seqs.last && report.notices.count == 1)
            #expect(try journal.read(ReadOptions(fromSeq: seqs.last!)) { _ in true }.eventsRead == 1, "read from the line itself")
            let verified = try journal.verify()
            #expect(verified.ok && verified.events == seqs.count && verified.warnings.count == 1, "\(verified.problems)")

            let result = try scratch.append([F.admission(10)])
            #expect(result.written.map(\.seq) == [seqs.last! + 1], "no seq is reused")
            #expect(scratch.quarantineFiles.isEmpty, "nothing is moved to quarantine")
            #expect(result.notices.count == 1 && result.notices[0].en.contains("added it back"))
            #expect(Array(scratch.bytes(segment).prefix(whole.count)) == whole, "the newline restored, nothing else changed")
            #expect(try journal.verify().ok && journal.verify().warnings.isEmpty)
        }
    }

    @Test("a last line without its newline whose chain hash fails is damage, not a torn write")
    func changedLineWithoutNewline() throws {
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 3)
        let segment = F.segmentName(1)
        var bytes = Array(scratch.bytes(segment).dropLast())
        let count = try #require(bytes.lastIndex(of: UInt8(ascii: "1")))  // inside the last line
        bytes[count] = UInt8(ascii: "2")
        try scratch.write(segment, bytes)
        #expect(throws: JournalError.self) { try scratch.events() }
        #expect(throws: JournalError.self) { try scratch.append([F.admission(4)]) }
        #expect(try !scratch.reopen().verify().ok)
    }

    @Test("a torn write into a new segment, and an empty new segment, are recovered")
    func tornNewSegment() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        var n = 0
        repeat {
            n += 1
            try scratch.append([F.admission(n)])
        } while scratch.bytes(F.segmentName(1)).count + (try scratch.nextLines([F.admission(n + 1)]))[0].count <= 4096
        #expect(scratch.segments == [F.segmentName(1)])
        let line = try scratch.nextLines([F.admission(n + 1)])[0]

        // The crash left the new segment created with part of the line in it.
        _ = FileManager.default.createFile(atPath: scratch.file(F.segmentName(2)), contents: Data(line[0..<100]))
        var (events, report) = try scratch.events()
        #expect(events.count == n)
        #expect(report.tornTail.map { [$0.segment, "\($0.offset)", "\($0.byteCount)"] } == [F.segmentName(2), "0", "100"])
        let result = try scratch.append([F.admission(n + 1)])
        #expect(result.written.first?.seq == Int64(n + 1))
        #expect(scratch.quarantineFiles.count == 1 && scratch.quarantineFiles[0].hasPrefix(F.segmentName(2) + ".quarantine-"))
        #expect(scratch.bytes(F.segmentName(2)) == line)

        // The crash left an empty new segment: the next append fills it.
        let next = try scratch.nextLines(F.admissions(n + 2, count: 10))
        _ = FileManager.default.createFile(atPath: scratch.file(F.segmentName(3)), contents: Data())
        (events, report) = try scratch.events()
        #expect(events.count == n + 1 && report.tornTail == nil)
        try scratch.append(F.admissions(n + 2, count: 10))
        #expect(scratch.segments.count == 3)
        #expect(scratch.bytes(F.segmentName(3)) == next.flatMap { $0 })
        #expect(try scratch.events().events.map(\.seq) == Array(1...Int64(n + 11)))
        #expect(try scratch.reopen().verify().ok)
    }

    @Test("zero bytes after the last line (a file system's zero-filled tail) are a torn write")
    func zeroFilledTail() throws {
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 2)
        try scratch.appendRaw(F.segmentName(1), [UInt8](repeating: 0, count: 512))
        #expect(try scratch.events().report.tornTail?.byteCount == 512)
        try scratch.append([F.admission(3)])
        #expect(scratch.bytes(try #require(scratch.quarantineFiles.first)) == [UInt8](repeating: 0, count: 512))
        #expect(try scratch.reopen().verify().ok)
    }

    @Test("a complete last line that fails its hash is damage: readers and writers refuse, nothing is quarantined",
          arguments: [false, true])
    func damagedLastLineIsNotQuarantined(withTornBytesAfter: Bool) throws {
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 3)
        let segment = F.segmentName(1)
        var bytes = scratch.bytes(segment)
        bytes[LineMap(bytes).range(ofLine: 3).lowerBound + 120] ^= 0x01
        if withTornBytesAfter { bytes += Array(#"{"specversion":"1.0","id":"0190"#.utf8) }
        try scratch.write(segment, bytes)
        _ = try scratch.reopen()

        let damagedAtLine3 = JournalError.damaged(JournalLocation(segment: segment, line: 3), reason: LocalizedText(""))
        #expect(Self.location(of: { try scratch.events() }) == Self.location(damagedAtLine3))
        #expect(Self.location(of: { try scratch.append([F.admission(4)]) }) == Self.location(damagedAtLine3))
        #expect(scratch.quarantineFiles.isEmpty)
        #expect(scratch.bytes(segment) == bytes, "nothing written, nothing moved")
        #expect(try scratch.journal.verify().problems.first?.location == JournalLocation(segment: segment, line: 3))
    }

    @Test("a last line whose newline was replaced is damage, not a torn write", arguments: [0x58, 0x00, 0x20, 0x7B, 0x0D] as [UInt8])
    func replacedFinalNewline(byte: UInt8) throws {
        for batchAtEnd in [false, true] {
            let scratch = try ScratchFileJournal()
            try scratch.appendSingles(1, count: 2)
            if batchAtEnd { try scratch.append(F.admissions(3, count: 3)) } else { try scratch.append([F.admission(3)]) }
            let segment = F.segmentName(1)
            var bytes = scratch.bytes(segment)
            let lastLine = LineMap(bytes).lines.count
            bytes[bytes.count - 1] = byte
            try scratch.write(segment, bytes)
            _ = try scratch.reopen()

            let expected = JournalLocation(segment: segment, line: lastLine)
            #expect(Self.location(of: { try scratch.events() }) == expected)
            #expect(Self.location(of: { try scratch.append([F.admission(9)]) }) == expected, "the acknowledged line must not be quarantined")
            #expect(scratch.quarantineFiles.isEmpty)
            #expect(scratch.bytes(segment) == bytes)
            let report = try scratch.journal.verify()
            #expect(!report.ok && report.problems.first?.location == expected, "\(report.problems)")
        }
    }

    @Test("two recoveries in the same millisecond by the same process keep both quarantine files")
    func repeatedRecoveriesSameInstant() throws {
        let scratch = try ScratchFileJournal()
        try scratch.append([F.admission(0)])
        for n in 1...3 {
            try scratch.appendRaw(F.segmentName(1), Array("{\"specversion\":\"1.0\",\"id\":\"\(n)".utf8))
            let result = try scratch.append([F.admission(n)], now: F.now)
            #expect(result.written.map(\.seq) == [Int64(n + 1)])
        }
        let files = scratch.quarantineFiles
        #expect(files.count == 3)
        #expect(Set(files.map { scratch.bytes($0) }).count == 3)
        #expect(try scratch.journal.verify().ok)
    }

    static func location(_ error: JournalError) -> JournalLocation? {
        if case .damaged(let location, _) = error { return location }
        return nil
    }

    static func location(of body: () throws -> some Any) -> JournalLocation? {
        do {
            _ = try body()
            return nil
        } catch let error as JournalError {
            return location(error)
        } catch {
            return nil
        }
    }
}
