import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Damage a reader must notice wherever it starts, and the journals that are not damaged but were
/// reported so: issue 16's store half (the binary's half is `DamageTests` end to end).
@Suite("Journal damage")
struct JournalDamageTests {
    typealias F = JournalFixtures

    @Test("a read from seq N checks line N − 1 whole: a changed byte there is damage, at every start, across segments")
    func midJournalStartChecksTheLineBefore() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 14)
        #expect(scratch.segments.count == 2)
        let pristine = scratch.segments.map { scratch.bytes($0) }
        for damaged in Int64(1)...13 {
            // Change one digit of the line's count in place: its chain hash no longer matches.
            let (segmentIndex, lineIndex) = try Self.place(of: damaged, in: pristine)
            var lines = pristine[segmentIndex].split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let key = Array(#""count":1"#.utf8)
            let at = try #require(lines[lineIndex].firstRange(of: key)).upperBound - 1
            lines[lineIndex][at] = UInt8(ascii: "2")
            try scratch.write(scratch.segments[segmentIndex], Array(lines.joined(separator: [0x0A])))
            _ = try scratch.reopen()
            for from in Int64(2)...14 {
                let read = { try scratch.events(from: from) }
                if from == damaged + 1 || from <= damaged {
                    #expect(throws: JournalError.self, "line \(damaged) damaged, read from \(from)") { try read() }
                } else {
                    #expect(try read().events.map(\.seq) == Array(from...14), "line \(damaged) damaged, read from \(from): not checked")
                }
            }
            // --allow-damaged from just after it: nothing before the damage is delivered after it.
            let report = try scratch.events(from: damaged + 1, options: ReadOptions(allowDamaged: true)).report
            #expect(report.eventsRead == 0 && report.damage?.location.line == lineIndex + 1, "\(String(describing: report.damage))")
            try scratch.write(scratch.segments[segmentIndex], pristine[segmentIndex])
        }
    }

    @Test("a segment's first line that does not decode is named when a read from a later seq looks for its segment")
    func undecodableFirstLineOfASegment() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 14)
        let second = scratch.segments[1]
        var bytes = scratch.bytes(second)
        bytes[0] = UInt8(ascii: "[")  // not a JSON object any more
        try scratch.write(second, bytes)
        let firstOfSecond = try #require(Self.damage { _ = try scratch.events(from: 14) }, "read past a damaged first line")
        #expect(firstOfSecond.location == JournalLocation(segment: second, line: 1), "\(firstOfSecond), not 'seq 14 cannot be found'")
    }

    /// Where and why `body` found damage, or nil when it did not throw `.damaged`.
    static func damage(_ body: () throws -> Void) -> (location: JournalLocation, reason: String)? {
        do { try body() } catch {
            if case .damaged(let location, let reason) = error as? JournalError { return (location, reason.en) }
        }
        return nil
    }

    /// The segment and 0-based line of `seq` (one event a line).
    static func place(of seq: Int64, in segments: [[UInt8]]) throws -> (Int, Int) {
        var remaining = Int(seq) - 1
        for (index, bytes) in segments.enumerated() {
            let lines = bytes.filter { $0 == 0x0A }.count
            if remaining < lines { return (index, remaining) }
            remaining -= lines
        }
        throw CocoaError(.fileReadUnknown)
    }

    @Test("a last segment removed or renamed is missing when the segment before it is sealed; a rollover leaves no seal without a next segment")
    func sealedLastSegmentShowsALaterOne() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 20)
        #expect(scratch.segments.count == 3)
        let last = scratch.segments.last!
        #expect(!FileManager.default.fileExists(atPath: scratch.file(last + ".seal")), "the last segment is never sealed")
        let saved = scratch.bytes(last)
        try FileManager.default.moveItem(atPath: scratch.file(last), toPath: scratch.file(last + ".bak"))
        let journal = try scratch.reopen()
        let (location, reason) = try #require(Self.damage { _ = try scratch.events() }, "a renamed last segment read as a complete journal")
        #expect(location.segment == last && reason.contains(last + ".bak") && reason.contains("rename it back"), "\(reason)")
        #expect(throws: JournalError.self) { try scratch.append([F.admission(30)]) }
        let verified = try journal.verify()
        #expect(verified.problems.first?.location.segment == last, "\(verified.problems)")
        try FileManager.default.removeItem(atPath: scratch.file(last + ".bak"))
        #expect(throws: JournalError.self) { try scratch.events() }
        // Put back, everything reads again.
        try Data(saved).write(to: URL(fileURLWithPath: scratch.file(last)))
        #expect(try scratch.events().events.count == 20)
        #expect(try journal.verify().ok)
    }

    @Test("open tells no journal from a journal it may not see, a file, and segments without journal.json; recover rebuilds journal.json")
    func openAndRecover() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 12)
        let metadata = scratch.bytes(JournalMetadata.fileName)
        #expect(throws: JournalError.notADirectory(path: scratch.file(scratch.segments[0]))) {
            try FileJournal.open(at: scratch.file(scratch.segments[0]))
        }
        try scratch.remove(JournalMetadata.fileName)
        #expect(throws: JournalError.metadataMissing(path: scratch.path, segments: 2)) { try FileJournal.open(at: scratch.path) }
        #expect(JournalError.metadataMissing(path: scratch.path, segments: 2).message.en.contains("init --recover"))

        let recovery = try FileJournal.recover(at: scratch.path)
        #expect(recovery.journal.metadata.id == F.journalID && recovery.journal.metadata.source == scratch.journal.metadata.source)
        #expect(recovery.segmentSizeSource == .largestClosedSegment && recovery.journal.metadata.segmentBytes == 4096)
        #expect(recovery.verify.ok && recovery.verify.events == 12)
        let rebuilt = try JSONParser.parse(scratch.bytes(JournalMetadata.fileName)).object
        let original = try JSONParser.parse(metadata).object
        for key in ["format", "version", "id", "source", "segmentbytes"] { #expect(rebuilt?[key] == original?[key], "\(key)") }
        #expect(throws: JournalError.alreadyExists(path: scratch.path)) { try FileJournal.recover(at: scratch.path) }
        #expect(try scratch.reopen().verify().ok)
        try scratch.append([F.admission(13)])

        // A first line changed: its chain hash does not start from the id it names, so no id is guessed.
        try scratch.remove(JournalMetadata.fileName)
        var first = scratch.bytes(scratch.segments[0])
        first[first.firstIndex(of: UInt8(ascii: "1"))!] = UInt8(ascii: "2")
        try scratch.write(scratch.segments[0], first)
        #expect(throws: JournalError.self) { try FileJournal.recover(at: scratch.path) }
        #expect(!FileManager.default.fileExists(atPath: scratch.file(JournalMetadata.fileName)))
    }

    @Test("journal.json names the field that is wrong")
    func metadataFieldNamed() throws {
        let scratch = try ScratchFileJournal()
        let original = String(decoding: scratch.bytes(JournalMetadata.fileName), as: UTF8.self)
        for (from, to, field) in [(#""segmentbytes":67108864"#, #""segmentbytes":"big""#, "segmentbytes"),
                                  (#""segmentbytes":67108864"#, #""segmentbytes":100"#, "segmentbytes"),
                                  (#""created":""#, #""created":"x"#, "created"), (#""id":""#, #""idx":""#, "\"id\"")] {
            try scratch.write(JournalMetadata.fileName, Array(original.replacingOccurrences(of: from, with: to).utf8))
            do {
                _ = try scratch.reopen()
                Issue.record("\(to) accepted")
            } catch {
                guard case .badMetadata(_, let reason) = error as? JournalError else { throw error }
                #expect(reason.en.contains(field), "\(reason)")
            }
        }
    }

    @Test("an empty line and a carriage return say what they are and how to fix them")
    func blankLineAndCarriageReturn() throws {
        let scratch = try ScratchFileJournal()
        try scratch.appendSingles(1, count: 3)
        let segment = F.segmentName(1)
        let pristine = scratch.bytes(segment)
        try scratch.write(segment, pristine + [0x0A])
        let blank = try #require(Self.damage { _ = try scratch.events() }, "a blank last line read")
        #expect(blank.location.line == 4 && blank.reason.contains("empty") && blank.reason.contains("delete that empty line"), "\(blank.reason)")
        #expect(try scratch.journal.verify().problems.first?.message.en.contains("empty") == true)
        let crlf: [UInt8] = pristine.split(separator: 0x0A).flatMap { (line: ArraySlice<UInt8>) -> [UInt8] in Array(line) + [0x0D, 0x0A] }
        try scratch.write(segment, crlf)
        let carriageReturn = try #require(Self.damage { _ = try scratch.events() }, "CRLF lines read")
        #expect(carriageReturn.reason.contains("Windows line endings"), "\(carriageReturn.reason)")
    }

    @Test("a writer warns when the journal's last recorded time is more than a minute ahead of the clock")
    func clockBehindWarns() throws {
        let scratch = try ScratchFileJournal()
        let ahead = Instant(millisecondsSinceEpoch: F.now.millisecondsSinceEpoch + 3 * 86_400_000)
        try scratch.append([F.admission(1)], now: ahead)
        let withinAMinute = try scratch.append([F.admission(2)], now: Instant(millisecondsSinceEpoch: ahead.millisecondsSinceEpoch - 59_000))
        #expect(withinAMinute.notices.isEmpty)
        let result = try scratch.append([F.admission(3)], now: F.now)
        #expect(result.notices.count == 1 && result.notices[0].en.contains("3 days ahead"), "\(result.notices)")
        #expect(result.written.first?.recordedTime == ahead, "recorded time still never decreases")
    }
}
