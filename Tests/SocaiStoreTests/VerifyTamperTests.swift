import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Any single changed, removed or added byte makes `verify` name the line it is in as the first
/// problem; so do swapped, removed and duplicated lines, a cut earlier segment and a missing one.
@Suite("verify catches tampering")
struct VerifyTamperTests {
    typealias F = JournalFixtures

    /// Eight single events in segment 1, a batch of three in segment 2 (4096-byte segments).
    static func smallJournal(segments: Int = 2) throws -> ScratchFileJournal {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 8)
        try scratch.append(F.admissions(9, count: 3))
        if segments == 3 { try scratch.append(F.admissions(12, count: 9)) }
        #expect(scratch.segments.count == segments)
        #expect(try scratch.journal.verify().ok)
        return scratch
    }

    enum Mutation: String, CaseIterable, Sendable, CustomStringConvertible {
        case flipLowBit, flipHighBits, replaceWithNewline, delete, insertByte, insertNewline
        var description: String { rawValue }

        /// The mutated bytes, or nil when the mutation would not change them.
        func apply(_ bytes: [UInt8], at offset: Int) -> [UInt8]? {
            var changed = bytes
            switch self {
            case .flipLowBit: changed[offset] ^= 0x01
            case .flipHighBits: changed[offset] ^= 0xF0
            case .replaceWithNewline:
                guard bytes[offset] != 0x0A else { return nil }
                changed[offset] = 0x0A
            case .delete: changed.remove(at: offset)
            case .insertByte: changed.insert(UInt8(ascii: "x"), at: offset)
            case .insertNewline: changed.insert(0x0A, at: offset)
            }
            return changed
        }
    }

    /// One single event and a batch of two, in one segment: about 1.3 kB, small enough to try
    /// every mutation at every byte (each try is a full verify).
    static func tinyJournal() throws -> ScratchFileJournal {
        let scratch = try ScratchFileJournal()
        try scratch.append([F.admission(1)])
        try scratch.append(F.admissions(2, count: 2))
        return scratch
    }

    /// Mutates each byte position in turn, verifies, and checks the first problem names the line
    /// the byte is in. Returns how many positions were tried.
    static func checkPositions(_ scratch: ScratchFileJournal, _ mutation: Mutation,
                               where include: (_ segment: String, _ offset: Int, _ line: Int, _ map: LineMap) -> Bool) throws -> Int {
        let journal = scratch.journal
        let names = scratch.segments
        let totalEvents = try journal.verify().events
        var checked = 0
        for (segmentIndex, name) in names.enumerated() {
            let original = scratch.bytes(name)
            let map = LineMap(original)
            let isLastSegment = segmentIndex == names.count - 1
            for offset in 0..<original.count {
                let line = map.line(containing: offset)
                guard include(name, offset, line, map), let mutated = mutation.apply(original, at: offset) else { continue }
                try scratch.write(name, mutated)
                let report = try journal.verify()
                let isNewline = original[offset] == 0x0A
                if mutation == .delete && isLastSegment && offset == original.count - 1 {
                    // The journal's final \n removed: the last line is still whole and verifies, so it
                    // counts (docs/JOURNAL.md); verify warns that its newline is missing.
                    #expect(report.problems.isEmpty && report.events == totalEvents, "\(report.problems)")
                    #expect(report.warnings.first?.en.contains("lost its final newline") == true, "\(report.warnings)")
                } else {
                    // A \n inserted just before a line's own \n adds an empty line after it.
                    let expected = mutation == .insertNewline && isNewline ? line + 1 : line
                    #expect(report.problems.first?.location == JournalLocation(segment: name, line: expected),
                            "\(mutation) at \(name) byte \(offset) (line \(line)): \(report.problems.prefix(2))")
                }
                checked += 1
            }
            try scratch.write(name, original)
        }
        #expect(try journal.verify().ok)
        return checked
    }

    @Test("a tiny journal: every mutation at every byte, the first problem is that byte's line",
          arguments: [Mutation.flipLowBit, .flipHighBits, .replaceWithNewline, .delete, .insertByte, .insertNewline])
    func everyPosition(mutation: Mutation) throws {
        let scratch = try Self.tinyJournal()
        let checked = try Self.checkPositions(scratch, mutation) { _, _, _, _ in true }
        #expect(checked > 1200)
    }

    @Test("two segments: the lines at the segment boundary and at the end, where they meet their neighbours",
          arguments: [Mutation.flipLowBit, .delete, .insertByte])
    func segmentBoundaries(mutation: Mutation) throws {
        let scratch = try Self.smallJournal()
        let last = F.segmentName(2)
        let checked = try Self.checkPositions(scratch, mutation) { segment, offset, line, map in
            let edge = (segment == last && (line == 1 || line == map.lines.count))
                || (segment != last && line == map.lines.count)
            // The tiny journal above tries every byte; here, every byte of the first 16 and the
            // last 80 of each line at an edge (its opening, its hash tail and its newline), and
            // every 16th byte in between.
            guard edge else { return false }
            let range = map.range(ofLine: line)
            return offset < range.lowerBound + 16 || offset >= range.upperBound - 80 || offset % 16 == 0
        }
        #expect(checked > 300)
    }

    @Test("a byte added after the end of a segment")
    func byteAfterTheEnd() throws {
        let scratch = try Self.smallJournal()
        let (first, last) = (F.segmentName(1), F.segmentName(2))
        let lines1 = LineMap(scratch.bytes(first)).lines.count
        try scratch.appendRaw(first, [UInt8(ascii: "x")])
        #expect(try scratch.journal.verify().problems.first?.location == JournalLocation(segment: first, line: lines1 + 1))
        try scratch.write(first, Array(scratch.bytes(first).dropLast()))
        // After the last segment's last line: what a torn write looks like; reported, not damage.
        try scratch.appendRaw(last, [UInt8(ascii: "{")])
        let report = try scratch.journal.verify()
        #expect(report.ok && report.events == 11 && report.warnings.count == 1)
    }

    /// Every line of the journal as (segment, bytes with \n), in order.
    static func lines(_ scratch: ScratchFileJournal) -> [(segment: String, bytes: [UInt8])] {
        scratch.segments.flatMap { name in
            let bytes = scratch.bytes(name)
            return LineMap(bytes).lines.map { (name, Array(bytes[$0.start...$0.end])) }
        }
    }

    /// Writes `lines` back into their segments.
    static func write(_ lines: [(segment: String, bytes: [UInt8])], to scratch: ScratchFileJournal) throws {
        for name in scratch.segments {
            try scratch.write(name, lines.filter { $0.segment == name }.flatMap(\.bytes))
        }
    }

    /// Line `index` (0-based over the journal) as verify names it.
    static func location(_ lines: [(segment: String, bytes: [UInt8])], _ index: Int) -> JournalLocation {
        let segment = lines[index].segment
        return JournalLocation(segment: segment, line: lines[..<index].filter { $0.segment == segment }.count + 1)
    }

    @Test("any two lines swapped, within a segment or across: the first problem is the earlier place")
    func swappedLines() throws {
        let scratch = try Self.smallJournal()
        let original = Self.lines(scratch)
        for i in 0..<original.count {
            for j in (i + 1)..<original.count {
                var swapped = original
                (swapped[i].bytes, swapped[j].bytes) = (original[j].bytes, original[i].bytes)
                try Self.write(swapped, to: scratch)
                let report = try scratch.journal.verify()
                #expect(report.problems.first?.location == Self.location(original, i), "lines \(i + 1) and \(j + 1)")
            }
        }
        try Self.write(original, to: scratch)
        #expect(try scratch.journal.verify().ok)
    }

    @Test("a line removed or duplicated: the first problem is where the journal departs from itself")
    func removedAndDuplicatedLines() throws {
        let scratch = try Self.smallJournal()
        let original = Self.lines(scratch)
        for i in 0..<original.count {
            var removed = original
            removed[i].bytes = []
            try Self.write(removed, to: scratch)
            let report = try scratch.journal.verify()
            if i == original.count - 1 {
                // The last line removed whole is a shorter journal: nothing in the files says
                // otherwise (no head is stored elsewhere). Documented, not detectable here.
                #expect(report.ok && report.events == original.count - 1)
            } else {
                // The place of the removed line: now held by the next line (maybe the next segment's first).
                let next = original[i + 1].segment == original[i].segment ? Self.location(original, i) : Self.location(original, i + 1)
                #expect(report.problems.first?.location == next, "line \(i + 1) removed")
            }

            var duplicated = original
            duplicated[i].bytes += original[i].bytes
            try Self.write(duplicated, to: scratch)
            let place = Self.location(original, i)
            #expect(try scratch.journal.verify().problems.first?.location == JournalLocation(segment: place.segment, line: place.line + 1),
                    "line \(i + 1) duplicated")
        }
        try Self.write(original, to: scratch)
        #expect(try scratch.journal.verify().ok)
    }

    @Test("an earlier segment cut at any point is named at the cut")
    func truncatedEarlierSegment() throws {
        let scratch = try Self.smallJournal()
        let name = F.segmentName(1)
        let original = scratch.bytes(name)
        let map = LineMap(original)
        let lastLine = map.range(ofLine: map.lines.count)
        // Every cut in the first 16 and last 80 bytes of the segment's last line, every 23rd elsewhere.
        let lengths = Array(stride(from: 0, to: lastLine.upperBound - 80, by: 23))
            + Array(lastLine.lowerBound..<(lastLine.lowerBound + 16)) + Array((lastLine.upperBound - 80)..<lastLine.upperBound)
        for length in lengths where length < original.count {
            try scratch.write(name, Array(original[0..<length]))
            let report = try scratch.journal.verify()
            let atBoundary = length == 0 || original[length - 1] == 0x0A
            // Mid-line: the cut line. At a line boundary: the next segment's first line no longer follows.
            let expected = atBoundary ? JournalLocation(segment: F.segmentName(2), line: 1)
                                      : JournalLocation(segment: name, line: map.line(containing: length - 1))
            #expect(report.problems.first?.location == expected, "cut at \(length)")
            // Readers refuse it too, naming the same place.
            #expect(CrashRecoveryTests.location(of: { try scratch.events() }) == expected, "cut at \(length)")
        }
        try scratch.write(name, original)
        #expect(try scratch.journal.verify().ok)
    }

    @Test("a batch cut at the end of an earlier segment is named at its last line, by verify and by readers")
    func batchCutAtSegmentEnd() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.append([F.admission(1)])
        try scratch.append(F.admissions(2, count: 3))
        try scratch.append(F.admissions(5, count: 9))      // does not fit: segment 2
        let first = F.segmentName(1)
        let bytes = scratch.bytes(first)
        try scratch.write(first, Array(bytes[0..<LineMap(bytes).range(ofLine: 4).lowerBound]))   // drop line 3/3 whole
        let expected = JournalLocation(segment: first, line: 3)
        #expect(try scratch.journal.verify().problems.first?.location == expected)
        #expect(CrashRecoveryTests.location(of: { try scratch.events() }) == expected)
    }

    @Test("a missing segment is named, first or in the middle")
    func missingSegment() throws {
        for missing in [1, 2] {
            let scratch = try Self.smallJournal(segments: 3)
            try scratch.remove(F.segmentName(missing))
            let report = try scratch.journal.verify()
            #expect(report.problems.first?.location == JournalLocation(segment: F.segmentName(missing), line: 0))
            #expect(report.problems.first?.message.en.contains("missing") == true)
            #expect(report.problems.count >= 2, "the segment after it no longer chains")
            #expect(throws: JournalError.self) { try scratch.events() }
            #expect(throws: JournalError.self) { try scratch.append([F.admission(99)]) }
        }
    }
}
