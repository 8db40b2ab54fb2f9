import Foundation
import SocaiCore
import SocaiStore

/// The journals the one contract suite runs against: the same tests, the same expectations.
public enum JournalKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory
    /// One segment (default size).
    case file
    /// 4096-byte segments: about nine events each, so every test also crosses segments.
    case fileSmallSegments

    public var description: String { rawValue }
}

/// A journal under contract test, with a way to damage one stored line that works the same for
/// every kind, and the location each kind reports for a line.
public final class ContractJournal: @unchecked Sendable {
    public let kind: JournalKind
    public let journal: any EventJournal
    /// Set for file journals: the directory and bytes behind them.
    public let scratch: ScratchFileJournal?
    private let memory: InMemoryJournal?

    public init(_ kind: JournalKind) throws {
        self.kind = kind
        switch kind {
        case .memory:
            let memory = InMemoryJournal(id: JournalFixtures.journalID)
            self.memory = memory
            self.scratch = nil
            self.journal = memory
        case .file, .fileSmallSegments:
            let scratch = try ScratchFileJournal(segmentBytes: kind == .file ? JournalMetadata.defaultSegmentBytes : 4096)
            self.memory = nil
            self.scratch = scratch
            self.journal = scratch.journal
        }
    }

    /// Where the `n`th line of the journal (1-based, over all segments) is reported.
    public func location(ofLine n: Int) -> JournalLocation {
        guard let scratch else { return JournalLocation(segment: "memory", line: n) }
        var remaining = n
        for name in scratch.segments {
            let count = LineMap(scratch.bytes(name)).lines.count
            if remaining <= count { return JournalLocation(segment: name, line: remaining) }
            remaining -= count
        }
        return JournalLocation(segment: "(beyond the end)", line: remaining)
    }

    /// Flips the bits of byte `offset` of the `n`th line (not its `\n`). Returns where the line is.
    @discardableResult
    public func flipByte(line n: Int, at offset: Int) throws -> JournalLocation {
        let location = location(ofLine: n)
        if let memory {
            memory.tamper(line: n) { $0[offset] ^= 0xFF }
        } else if let scratch {
            var bytes = scratch.bytes(location.segment)
            let range = LineMap(bytes).range(ofLine: location.line)
            bytes[range.lowerBound + offset] ^= 0xFF
            try scratch.write(location.segment, bytes)
        }
        return location
    }

    public func append(_ events: [PendingEvent], options: AppendOptions = AppendOptions(),
                       now: Instant = JournalFixtures.now) throws(JournalError) -> AppendResult {
        try journal.append(events, options: options, now: now)
    }

    /// Every event delivered by a read with `options`, and the report.
    public func read(_ options: ReadOptions = ReadOptions()) throws(JournalError) -> (records: [StoredLine], report: ReadReport) {
        var records: [StoredLine] = []
        let report = try journal.read(options) { record in
            records.append(StoredLine(envelope: record.envelope, location: record.location, hash: record.hash, line: Array(record.line)))
            return true
        }
        return (records, report)
    }
}

/// A `JournalRecord` copied out of its callback.
public struct StoredLine: Sendable {
    public var envelope: EventEnvelope
    public var location: JournalLocation
    public var hash: SHA256Digest
    public var line: [UInt8]
}
