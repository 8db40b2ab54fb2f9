import Foundation
import SocaiCore
import SocaiStore
import SocaiTestSupport
import Testing

/// Closed segments get a seal (size, lines, last chain hash, xxHash64) when the writer rolls over;
/// readers that find a matching seal skip re-hashing the segment, and anything that does not
/// match is verified line by line as before. `verify` never trusts seals.
@Suite("Segment seals")
struct SegmentSealTests {
    static func sealed() throws -> ScratchFileJournal {
        let scratch = try ScratchFileJournal(segmentBytes: 4096)
        try scratch.appendSingles(1, count: 40)
        return scratch
    }

    /// Changes the first digit 1 of a count in the first segment to 7: valid JSON still, so only the
    /// checksum and the chain can tell. Returns the segment and its new bytes.
    static func changeACount(_ scratch: ScratchFileJournal) throws -> (segment: String, bytes: [UInt8]) {
        let segment = scratch.segments[0]
        var bytes = scratch.bytes(segment)
        let position = bytes.indices.first { bytes[$0] == UInt8(ascii: "1") && bytes[$0 - 1] == UInt8(ascii: ":") && bytes[$0 - 2] == UInt8(ascii: "\"") }!
        bytes[position] = UInt8(ascii: "7")
        try scratch.write(segment, bytes)
        return (segment, bytes)
    }

    @Test func closedSegmentsAreSealedAndTheLastIsNot() throws {
        let scratch = try Self.sealed()
        let segments = scratch.segments
        #expect(segments.count >= 3)
        for segment in segments.dropLast() {
            let seal = String(decoding: scratch.bytes(segment + ".seal"), as: UTF8.self)
            #expect(seal.contains("\"segment\":\"\(segment)\"") && seal.contains("\"xxhash64\""), "\(segment): \(seal)")
            #expect(scratch.mode(segment + ".seal") == 0o640)
        }
        #expect(scratch.bytes(segments.last! + ".seal").isEmpty)
        let (events, _) = try scratch.events()
        #expect(events.map(\.seq) == Array(1...40))
    }

    @Test func aChangedByteInASealedSegmentIsStillCaughtByReaders() throws {
        let scratch = try Self.sealed()
        let (segment, _) = try Self.changeACount(scratch)
        #expect(throws: JournalError.self) { try scratch.events() }
        let report = try scratch.journal.verify()
        #expect(!report.ok && report.problems.first?.location.segment == segment)
    }

    @Test func aSealThatDoesNotMatchIsIgnoredAndTheSegmentVerifiedLineByLine() throws {
        let scratch = try Self.sealed()
        let seal = scratch.segments[0] + ".seal"
        var text = String(decoding: scratch.bytes(seal), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"xxhash64\":\"", with: "\"xxhash64\":\"1")
        try scratch.write(seal, Array(text.utf8))
        let (events, _) = try scratch.events()
        #expect(events.count == 40)
        try scratch.remove(seal)
        #expect(try scratch.events().events.count == 40, "a missing seal only costs time")
    }

    @Test func aForgedSealOverChangedBytesStillFailsTheChainCheckInVerify() throws {
        let scratch = try Self.sealed()
        let (segment, bytes) = try Self.changeACount(scratch)
        // Someone rewrites the seal to match the changed bytes: readers trust it, verify does not.
        var text = String(decoding: scratch.bytes(segment + ".seal"), as: UTF8.self)
        let checksum = String(XXHash64.hash(bytes), radix: 16)
        text = text.replacing(/"xxhash64":"[0-9a-f]+"/, with: "\"xxhash64\":\"\(checksum)\"")
        try scratch.write(segment + ".seal", Array(text.utf8))
        let report = try scratch.journal.verify()
        #expect(!report.ok && report.problems.first?.message.en.contains("chain hash") == true)
    }
}
