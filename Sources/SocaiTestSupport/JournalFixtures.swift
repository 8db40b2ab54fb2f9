import Foundation
import SocaiCore
import SocaiStore

/// Events and journals for tests of the store, built in-process: no binary, no clock, no randomness
/// unless a seed is given.
public enum JournalFixtures {
    /// A fixed journal id, so hashes and bytes are the same on every run.
    public static let journalID = "0190c8a0-0000-7000-8000-00000000cafe"
    /// A fixed instant for `now`.
    public static let now = Instant(millisecondsSinceEpoch: 1_717_228_800_000)  // 2024-06-01T08:00:00Z
    public static let unit = UnitID("u1")!
    public static let date = CalendarDate(year: 2021, month: 3, day: 1)!

    /// The event id `0190c8a0-0000-7000-8000-` + `n` in 12 hex digits: distinct, readable, stable.
    public static func eventID(_ n: Int, group: Int = 0) -> EventID {
        let text = String(n, radix: 16)
        let prefix = String(format: "0190c8a0-%04x-7000-8000-", group & 0xffff)
        return EventID(prefix + String(repeating: "0", count: max(0, 12 - text.count)) + text)!
    }

    /// An admission of `count` members at `u1` with the given id number.
    public static func admission(_ n: Int, count: Int = 1, group: Int = 0, unit: UnitID = unit,
                                 date: CalendarDate = date, source: String? = nil) -> PendingEvent {
        PendingEvent(id: eventID(n, group: group), subject: unit, effectiveDate: date, recordedBy: "tester",
                     sourceDocument: source, payload: .flow(Flow(kind: .admission, count: count)))
    }

    /// `count` admissions numbered from `first`.
    public static func admissions(_ first: Int, count: Int, group: Int = 0) -> [PendingEvent] {
        (first..<(first + count)).map { admission($0, group: group) }
    }

    /// The lines (each with its `\n`) an append of `events` at `now` to `journal` would write next,
    /// chained from its head: what a crash part-way through that append leaves a prefix of.
    public static func nextLines(of journal: FileJournal, _ events: [PendingEvent], now: Instant = now) throws -> [[UInt8]] {
        let head = try journal.read(ReadOptions(fromSeq: Int64.max)) { _ in true }.head
        let recordedTime = max(now, head.recordedTime ?? now)
        var hash = head.hash
        return events.enumerated().map { offset, event in
            let batch = events.count > 1 ? BatchMark(index: offset + 1, count: events.count) : nil
            let envelope = event.envelope(seq: head.seq + Int64(offset) + 1, recordedTime: recordedTime, batch: batch)
            let (line, lineHash) = JournalLineCodec.encode(envelope, source: journal.metadata.source, previousHash: hash)
            hash = lineHash
            return line
        }
    }

    /// The `n`th segment's file name: `segment-00000001.jsonl` for 1.
    public static func segmentName(_ n: Int) -> String { String(format: "segment-%08d.jsonl", n) }
}

/// A `FileJournal` in its own temporary directory, with the byte-level access tests of damage and
/// crash recovery need (the store itself never offers those).
public final class ScratchFileJournal: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let path: String
    public private(set) var journal: FileJournal

    /// `segmentBytes` 4096 is the smallest the store accepts: about nine admission lines a segment.
    public init(segmentBytes: Int = JournalMetadata.defaultSegmentBytes, id: String = JournalFixtures.journalID) throws {
        directory = TemporaryDirectory("socai-store")
        path = directory.file("Journal")
        journal = try FileJournal.create(at: path, id: id, segmentBytes: segmentBytes, now: JournalFixtures.now)
    }

    /// Opens the journal afresh, as a new process would.
    public func reopen() throws -> FileJournal {
        journal = try FileJournal.open(at: path)
        return journal
    }

    @discardableResult
    public func append(_ events: [PendingEvent], options: AppendOptions = AppendOptions(),
                       now: Instant = JournalFixtures.now) throws -> AppendResult {
        try journal.append(events, options: options, now: now)
    }

    /// Appends `count` single admissions (one append, one fsync each) numbered from `first`.
    public func appendSingles(_ first: Int, count: Int, group: Int = 0) throws {
        for n in first..<(first + count) { try append([JournalFixtures.admission(n, group: group)]) }
    }

    /// Every committed event, in order, read through the public reading API.
    public func events(from seq: Int64 = 1, options: ReadOptions = ReadOptions()) throws -> (events: [EventEnvelope], report: ReadReport) {
        var options = options
        options.fromSeq = seq
        var events: [EventEnvelope] = []
        let report = try journal.read(options) { events.append($0.envelope); return true }
        return (events, report)
    }

    /// The lines (each with its `\n`) an append of `events` at `now` would write next: what a crash
    /// part-way through that append leaves a prefix of.
    public func nextLines(_ events: [PendingEvent], now: Instant = JournalFixtures.now) throws -> [[UInt8]] {
        try JournalFixtures.nextLines(of: journal, events, now: now)
    }

    // MARK: Files

    /// Segment file names in journal order.
    public var segments: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasPrefix("segment-") && $0.hasSuffix(".jsonl") }.sorted()
    }

    /// Names of quarantine files beside the segments.
    public var quarantineFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.contains(".quarantine-") }.sorted()
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func bytes(_ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: file(name)).map { Array($0) } ?? []
    }

    /// Replaces a file's bytes in place (same inode, so its mode is kept).
    public func write(_ name: String, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file(name)))
        defer { try? handle.close() }
        // Overwrite, then cut to length: truncating to 0 first would free the blocks, which on a
        // file system mounted with `discard` costs a synchronous discard every time.
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(bytes))
        try handle.truncate(atOffset: UInt64(bytes.count))
    }

    /// Appends raw bytes to a segment, as a crash mid-write would have left them.
    public func appendRaw(_ name: String, _ bytes: [UInt8]) throws {
        try write(name, self.bytes(name) + bytes)
    }

    public func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: file(name)) }

    /// The file's permission bits (`0o640` …).
    public func mode(_ name: String) -> Int {
        FileModes.permissions(file(name))
    }
}

/// File permission bits, for the 0640 requirement.
public enum FileModes {
    public static func permissions(_ path: String) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return ((attributes?[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o7777
    }

    public static func octal(_ mode: Int) -> String { "0" + String(mode, radix: 8) }
}

/// Where each line of a segment's bytes starts and ends: to say which line a byte offset falls in.
public struct LineMap: Sendable {
    /// `(start, end)` of each line, `end` being the offset of its `\n` (or the end of the bytes).
    public let lines: [(start: Int, end: Int)]

    public init(_ bytes: [UInt8]) {
        var lines: [(Int, Int)] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append((start, offset))
            start = offset + 1
        }
        if start < bytes.count { lines.append((start, bytes.count)) }
        self.lines = lines
    }

    /// The 1-based line holding the byte at `offset` (a line's `\n` belongs to it).
    public func line(containing offset: Int) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].end < offset { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }

    /// The bytes of 1-based line `number`, with its `\n`.
    public func range(ofLine number: Int) -> Range<Int> { lines[number - 1].start..<(lines[number - 1].end + 1) }
}
