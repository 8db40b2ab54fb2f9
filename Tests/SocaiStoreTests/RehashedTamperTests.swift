import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Tampering by someone who knows the format: a line's seq, source, recorded time or batch mark
/// changed and every chain hash from that line on recomputed, so the chain verifies and only the
/// check of that one attribute can notice. (VerifyTamperTests changes bytes without re-hashing:
/// the chain hash catches every one of those first, which leaves these checks untested there.)
@Suite("verify catches re-hashed tampering")
struct RehashedTamperTests {
    typealias F = JournalFixtures

    /// Lines 1–4 single admissions, 5–7 a batch of three, 8 a single one; recorded a second apart.
    static func journal() throws -> ScratchFileJournal {
        let scratch = try ScratchFileJournal()
        for n in 1...4 { try scratch.append([F.admission(n)], now: Self.time(n)) }
        try scratch.append(F.admissions(5, count: 3), now: Self.time(5))
        try scratch.append([F.admission(8)], now: Self.time(8))
        #expect(scratch.segments.count == 1)
        #expect(try scratch.journal.verify().ok)
        return scratch
    }

    static func time(_ n: Int) -> Instant {
        Instant(millisecondsSinceEpoch: F.now.millisecondsSinceEpoch + Int64(n) * 1000)
    }

    /// Rewrites the lines (1-based numbers) with `edit` applied to their text, then recomputes the
    /// chain hash of every line from the first edited one to the end.
    static func tamper(_ scratch: ScratchFileJournal, lines numbers: [Int], _ edit: (String) -> String) throws {
        let name = F.segmentName(1)
        let bytes = scratch.bytes(name)
        var lines = LineMap(bytes).lines.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        for n in numbers {
            let edited = edit(lines[n - 1])
            #expect(edited != lines[n - 1], "the edit changes line \(n)")
            lines[n - 1] = edited
        }
        let first = numbers.min()!
        precondition(first >= 2, "the line before the first edited one gives the chain its start")
        var previous = Self.storedHash(lines[first - 2])
        for i in (first - 1)..<lines.count {
            let marker = lines[i].range(of: #","chainhash":""#, options: .backwards)!
            let body = String(lines[i][..<marker.lowerBound])
            previous = JournalLineCodec.chainHash(previous: previous, body: Array(body.utf8))
            lines[i] = body + #","chainhash":""# + previous.hex + #""}"#
        }
        try scratch.write(name, Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    static func storedHash(_ line: String) -> SHA256Digest {
        let marker = line.range(of: #","chainhash":""#, options: .backwards)!
        return SHA256Digest(hex: String(line[marker.upperBound...].prefix(64)))!
    }

    /// Replaces `old` (which must be in the line) by `new`.
    static func replacing(_ old: String, _ new: String) -> (String) -> String {
        { line in
            #expect(line.contains(old), "\(old) in \(line)")
            return line.replacingOccurrences(of: old, with: new)
        }
    }

    /// The first problem verify reports, which must be at `line` and must not be the chain hash.
    static func firstProblem(_ scratch: ScratchFileJournal, at line: Int) throws -> String {
        let report = try scratch.journal.verify()
        let location = JournalLocation(segment: F.segmentName(1), line: line)
        #expect(report.problems.first?.location == location, "\(report.problems)")
        #expect(!report.problems.contains { $0.message.en.contains("chain hash") }, "the chain was re-hashed: \(report.problems)")
        // Readers refuse the journal at the same place.
        #expect(CrashRecoveryTests.location(of: { try scratch.events() }) == location)
        return report.problems.first?.message.en ?? ""
    }

    @Test("the re-hashing itself is sound: a changed count, re-hashed, verifies (only the chain protects data)")
    func rehashedDataVerifies() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [3], Self.replacing(#""count":1"#, #""count":2"#))
        let report = try scratch.journal.verify()
        #expect(report.ok && report.events == 8, "\(report.problems)")
    }

    @Test("seqs shifted by one from line 3 on: the seq check names line 3")
    func seqShifted() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: Array(3...8)) { line in
            let seq = (3...8).first { line.contains(#""seq":\#($0),"#) }!
            return line.replacingOccurrences(of: #""seq":\#(seq),"#, with: #""seq":\#(seq + 1),"#)
        }
        let message = try Self.firstProblem(scratch, at: 3)
        #expect(message.contains("seq is 4, expected 3"), "\(message)")
    }

    @Test("a seq repeated: the seq check names the repeating line")
    func seqRepeated() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [4], Self.replacing(#""seq":4,"#, #""seq":3,"#))
        let message = try Self.firstProblem(scratch, at: 4)
        #expect(message.contains("seq is 3, expected 4"), "\(message)")
    }

    @Test("a line from another journal (its source changed): the source check names it")
    func sourceChanged() throws {
        let scratch = try Self.journal()
        let source = scratch.journal.metadata.source
        try Self.tamper(scratch, lines: [3], Self.replacing(#""source":"\#(source)""#, #""source":"urn:socai:journal:other""#))
        let message = try Self.firstProblem(scratch, at: 3)
        #expect(message.contains("source is urn:socai:journal:other"), "\(message)")
    }

    @Test("a recorded time earlier than the line before: the recorded-time check names it")
    func recordedTimeEarlier() throws {
        let scratch = try Self.journal()
        let line3 = Self.time(3).rfc3339, earlier = Self.time(1).rfc3339
        try Self.tamper(scratch, lines: [3], Self.replacing(#""recordedtime":"\#(line3)""#, #""recordedtime":"\#(earlier)""#))
        let message = try Self.firstProblem(scratch, at: 3)
        #expect(message.contains("recordedtime \(earlier) is earlier than the line before it"), "\(message)")
    }

    @Test("an equal recorded time is not a problem (the check is strict)")
    func recordedTimeEqual() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [3], Self.replacing(#""recordedtime":"\#(Self.time(3).rfc3339)""#,
                                                           #""recordedtime":"\#(Self.time(2).rfc3339)""#))
        #expect(try scratch.journal.verify().ok)
    }

    @Test("a batch's middle line marked as another place in it: the batch check names it")
    func batchMarkChanged() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [6], Self.replacing(#""batch":"2/3""#, #""batch":"3/3""#))
        let message = try Self.firstProblem(scratch, at: 6)
        #expect(message.contains("batch line 1/3 is followed by 3/3"), "\(message)")
    }

    @Test("a batch's last line without its mark: the batch is left unfinished there")
    func batchMarkRemoved() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [7], Self.replacing(#","batch":"3/3""#, ""))
        let message = try Self.firstProblem(scratch, at: 7)
        #expect(message.contains("batch line 2/3 is followed by a line outside the batch"), "\(message)")
    }

    @Test("a single line marked as the second of a batch: the batch check names it")
    func batchMarkAdded() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [3], Self.replacing(#","data":"#, #","batch":"2/2","data":"#))
        let message = try Self.firstProblem(scratch, at: 3)
        #expect(message.contains("batch line 2/2 does not follow line 1/2"), "\(message)")
    }

    @Test("a batch whose count says it goes on past its last line: the open batch is named at the next line")
    func batchCountLengthened() throws {
        let scratch = try Self.journal()
        try Self.tamper(scratch, lines: [5, 6, 7]) { line in
            line.replacingOccurrences(of: #"/3""#, with: #"/4""#)
        }
        let message = try Self.firstProblem(scratch, at: 8)
        #expect(message.contains("batch line 3/4 is followed by a line outside the batch"), "\(message)")
    }
}
