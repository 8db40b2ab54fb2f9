import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Segments on disk: roll-over at the configured size, whole lines and whole batches per
/// segment, `ls` order, streaming across segments, and the files' modes.
@Suite("FileJournal segments and files")
struct FileJournalSegmentTests {
    typealias F = JournalFixtures

    @Test("segments roll over at the configured size, hold whole lines, and sort in journal order")
    func rollOver() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 40)
        let names = scratch.segments
        #expect(names == (1...names.count).map(F.segmentName))
        #expect(names.count >= 4)
        var seqs: [Int64] = []
        for (index, name) in names.enumerated() {
            let bytes = scratch.bytes(name)
            #expect(bytes.count <= 4096, "\(name) is \(bytes.count) bytes")
            #expect(bytes.last == 0x0A, "\(name) ends mid-line")
            if index < names.count - 1 {
                // It rolled over because the next line did not fit.
                let nextLine = LineMap(scratch.bytes(names[index + 1])).range(ofLine: 1).count
                #expect(bytes.count + nextLine > 4096)
            }
            for range in LineMap(bytes).lines.map({ $0.start..<$0.end }) {
                let decoded = try Array(bytes[range]).withUnsafeBytes { try JournalLineCodec.decode($0) }
                seqs.append(decoded.envelope.seq)
            }
        }
        #expect(seqs == Array(1...40))
        // A fresh open (as another process) reads the size from journal.json and streams across.
        let reopened = try scratch.reopen()
        #expect(reopened.metadata.segmentBytes == 4096)
        #expect(try scratch.events().events.map(\.seq) == Array(1...40))
        #expect(try reopened.verify().ok)
    }

    @Test("a batch is never split across segments, even one larger than a segment")
    func batchesStayWhole() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 5)
        try scratch.append(F.admissions(6, count: 20))    // ~8.8 kB: more than a segment
        try scratch.append(F.admissions(26, count: 3))     // does not fit after it: a new segment
        let names = scratch.segments
        #expect(names.count == 3)
        let marks = try names.map { name in
            try LineMap(scratch.bytes(name)).lines.map { line in
                try Array(scratch.bytes(name)[line.start..<line.end]).withUnsafeBytes { try JournalLineCodec.decode($0) }.envelope.batch?.description
            }
        }
        #expect(marks[0] == Array(repeating: nil, count: 5))
        #expect(marks[1] == (1...20).map { "\($0)/20" })
        #expect(marks[2] == ["1/3", "2/3", "3/3"])
        #expect(try scratch.events().events.map(\.seq) == Array(1...28))
    }

    @Test("reading from a seq across segments delivers the rest and still checks the lines it reads")
    func readFromSeqAcrossSegments() throws {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 30)
        #expect(scratch.segments.count >= 3)
        for from: Int64 in [1, 9, 10, 11, 19, 20, 21, 29, 30, 31] {
            let (events, report) = try scratch.events(from: from)
            #expect(events.map(\.seq) == (Int64(1)...30).filter { $0 >= from }, "from \(from)")
            #expect(report.head.seq == 30)
        }
        // A damaged line in the part read is refused whatever the start.
        let last = try #require(scratch.segments.last)
        var bytes = scratch.bytes(last)
        bytes[LineMap(bytes).range(ofLine: 1).lowerBound + 50] ^= 0x01
        try scratch.write(last, bytes)
        #expect(throws: JournalError.self) { try scratch.events(from: 1) }
        #expect(throws: JournalError.self) { try scratch.events(from: 29) }
    }

    @Test("new journal files are created with mode 0640")
    func fileModes() throws {
        let expected = 0o640 & ~Self.processUmask()
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 12)           // two segments
        try scratch.appendRaw(try #require(scratch.segments.last), Array("{\"specversion\"".utf8))
        try scratch.append([F.admission(99)])              // quarantines the torn bytes
        let files = ["journal.json"] + scratch.segments + scratch.quarantineFiles
        #expect(files.count == 4)
        for name in files {
            #expect(scratch.mode(name) == expected, "\(name) is \(FileModes.octal(scratch.mode(name)))")
        }
        #expect(expected == 0o640, "the test process runs with umask \(FileModes.octal(Self.processUmask())); the end-to-end test checks 0640 under umask 0")
    }

    /// The umask, read without changing it (Linux exposes it in /proc since 4.7).
    static func processUmask() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }

    @Test("create refuses a directory that already holds a journal or segments")
    func createRefuses() throws {
        let scratch = try ScratchFileJournal()
        #expect(throws: JournalError.alreadyExists(path: scratch.path)) {
            try FileJournal.create(at: scratch.path, id: F.journalID, now: F.now)
        }
        let other = TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: other.file(F.segmentName(1)), contents: Data())
        // Segments without journal.json: a journal whose metadata was lost (init --recover rebuilds it).
        #expect(throws: JournalError.metadataMissing(path: other.path, segments: 1)) {
            try FileJournal.create(at: other.path, id: F.journalID, now: F.now)
        }
        #expect(throws: JournalError.noJournal(path: other.file("missing"))) { try FileJournal.open(at: other.file("missing")) }
    }
}
