import SocaiCore
import SocaiStore
import SocaiTestSupport
import Testing

/// A sealed segment's checksum is computed in the same pass that reads its lines (no pass of its
/// own): a changed byte must still stop a reader with the segment and line, a reader that stops
/// before the damage must still get what it read, and `--allow-damaged` must still answer from the
/// lines before the damage only.
@Suite("Reading sealed segments in one pass")
struct SealedSegmentReadTests {
    /// A journal of 40 events over several sealed segments, with one count changed in the first
    /// segment (valid JSON still: only the checksum and the chain can tell). Returns the changed
    /// line's seq and location.
    static func damaged() throws -> (scratch: ScratchFileJournal, seq: Int64, location: JournalLocation) {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 40)
        let segment = scratch.segments[0]
        var bytes = scratch.bytes(segment)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = 3  // 1-based: a line in the middle of the segment
        let start = lines[0..<(line - 1)].reduce(0) { $0 + $1.count + 1 }
        let count = Array(#""count":"#.utf8)
        let at = (start..<(start + lines[line - 1].count)).first { Array(bytes[$0..<($0 + count.count)]) == count }! + count.count
        bytes[at] = bytes[at] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
        try scratch.write(segment, bytes)
        return (scratch, Int64(line), JournalLocation(segment: segment, line: line))
    }

    @Test func aChangedByteIsReportedWithItsSegmentAndLine() throws {
        let (scratch, _, location) = try Self.damaged()
        #expect(throws: JournalError.damaged(location, reason: DamageText.chainHashMismatch())) {
            try scratch.journal.read(ReadOptions()) { _ in true }
        }
    }

    @Test func aReaderThatStopsBeforeTheDamageGetsWhatItRead() throws {
        let (scratch, seq, _) = try Self.damaged()
        var seen: [Int64] = []
        try scratch.journal.read(ReadOptions()) { record in
            seen.append(record.seq)
            return record.seq < seq - 1
        }
        #expect(seen == Array(1..<seq))
    }

    @Test func aReaderThatStopsAfterTheDamageIsStopped() throws {
        let (scratch, seq, location) = try Self.damaged()
        #expect(throws: JournalError.self) {
            try scratch.journal.read(ReadOptions()) { record in record.seq < seq + 1 }
        }
        do {
            try scratch.journal.read(ReadOptions()) { record in record.seq < seq + 1 }
        } catch .damaged(let where_, _) {
            #expect(where_ == location)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func allowDamagedAnswersFromTheLinesBeforeTheDamageOnly() throws {
        let (scratch, seq, location) = try Self.damaged()
        var seen: [Int64] = []
        let report = try scratch.journal.read(ReadOptions(allowDamaged: true)) { record in
            seen.append(record.seq)
            return true
        }
        #expect(seen == Array(1..<seq))
        #expect(report.damage?.location == location)
    }
}
