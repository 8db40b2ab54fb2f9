import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

@Suite("Journal line codec")
struct JournalLineCodecTests {
    static let previous = SHA256.hash(Array("previous line".utf8))

    static func encodedLine(seq: Int64 = 1) -> [UInt8] {
        let envelope = JournalFixtures.admission(Int(seq)).envelope(seq: seq, recordedTime: JournalFixtures.now, batch: nil)
        return JournalLineCodec.encode(envelope, source: "urn:socai:journal:" + JournalFixtures.journalID, previousHash: previous).line
    }

    @Test("chain hash is SHA-256 of the previous hash's hex then the body")
    func chainHashDefinition() {
        let body = Array(#"{"specversion":"1.0"}"#.utf8)
        var reference = SHA256()
        reference.update(Self.previous.hex)
        reference.update(body)
        #expect(JournalLineCodec.chainHash(previous: Self.previous, body: body) == reference.finalize())
        // Empty body and a body of several blocks.
        #expect(JournalLineCodec.chainHash(previous: Self.previous, body: []) == SHA256.hash(Array(Self.previous.hex.utf8)))
        let long = [UInt8](repeating: 0x41, count: 1000)
        #expect(JournalLineCodec.chainHash(previous: Self.previous, body: long) == SHA256.hash(Array(Self.previous.hex.utf8) + long))
    }

    @Test("encode ends the line with the chain hash over the bytes before it")
    func encodeLayout() throws {
        let line = Self.encodedLine()
        #expect(line.last == 0x0A)
        let body = Array(line.dropLast())
        let split = body.withUnsafeBytes { JournalLineCodec.splitHash($0) }
        let (hashed, stored) = try #require(split.map { (Array($0.body), $0.stored) })
        #expect(JournalLineCodec.chainHash(previous: Self.previous, body: hashed) == stored)
        let tail = String(decoding: body[hashed.count...], as: UTF8.self)
        #expect(tail == #","chainhash":""# + stored.hex + #""}"#)
    }

    @Test("splitHash accepts only the exact lowercase tail")
    func splitHashStrictness() throws {
        let body = Array(Self.encodedLine().dropLast())
        #expect(body.withUnsafeBytes { JournalLineCodec.splitHash($0) } != nil)
        let hexStart = body.count - 66
        // Every hex digit upper-cased, replaced by a non-hex byte, or the tail cut or lengthened.
        for offset in hexStart..<(hexStart + 64) {
            var changed = body
            changed[offset] = changed[offset] >= 0x61 ? changed[offset] - 0x20 : UInt8(ascii: "g")
            #expect(changed.withUnsafeBytes { JournalLineCodec.splitHash($0) } == nil, "offset \(offset)")
        }
        #expect(Array(body.dropLast()).withUnsafeBytes { JournalLineCodec.splitHash($0) } == nil)
        #expect((body + [0x20]).withUnsafeBytes { JournalLineCodec.splitHash($0) } == nil)
        var noQuote = body
        noQuote.remove(at: hexStart - 1)
        #expect(noQuote.withUnsafeBytes { JournalLineCodec.splitHash($0) } == nil)
        #expect([UInt8]().withUnsafeBytes { JournalLineCodec.splitHash($0) } == nil)
    }

    @Test("SHA256Digest(lowercaseHex:) reads what writeHex writes, and nothing else")
    func lowercaseHexRoundTrip() {
        for text in ["", "abc", "socai"] {
            let digest = SHA256.hash(Array(text.utf8))
            let hex = Array(digest.hex.utf8)
            #expect(hex.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == digest)
            #expect(Array(digest.hex.uppercased().utf8).withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == nil)
            #expect(Array(hex.dropLast()).withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == nil)
            #expect((hex + [0x30]).withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == nil)
        }
    }

    @Test("decode reads back what encode wrote, batch mark and source document included")
    func roundTrip() throws {
        let event = JournalFixtures.admission(7, count: 3, source: "Báo cáo số 12 — \"trích\"")
        let envelope = event.envelope(seq: 42, recordedTime: JournalFixtures.now, batch: BatchMark(index: 2, count: 5))
        let line = JournalLineCodec.encode(envelope, source: "urn:x", previousHash: Self.previous).line
        let decoded = try Array(line.dropLast()).withUnsafeBytes { try JournalLineCodec.decode($0) }
        #expect(decoded.envelope == envelope)
        #expect(decoded.source == "urn:x")
    }
}
