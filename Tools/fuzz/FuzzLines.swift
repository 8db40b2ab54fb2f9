// libFuzzer harness for the journal line reader: built by Tools/fuzz/build together with the
// SocaiStore sources (one module, so the internal reader and line checks are reachable).
//
// For any bytes: nothing crashes or reads out of bounds (AddressSanitizer); a line the reader
// (`LineAttributeReader`, the one grammar every path uses) accepts is one object of valid JSON
// (`JSONParser`, the strict parser, agrees) whose re-encoding reads back as the same event; and the
// line checks readers run on every line (`LineChecker.local`) and the torn-tail analysis
// (`completeLineLength`) return. Tests/SocaiStoreTests/LineAttributeReaderTests compares the reader
// with a reference that reads the JSON tree, on written, respelled and damaged lines.
import SocaiCore

nonisolated(unsafe) var decoder = LineAttributeReader()
let genesis = JournalLineCodec.genesisHash(journalID: "0190c8a0-0000-7000-8000-00000000f022")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeRawBufferPointer(start: data, count: size)
    if let (_, stored) = JournalLineCodec.splitHash(line),
       case .success(let decoded) = Result(catching: { () throws(LineDecodingError) in try decoder.decode(line, storedHash: stored) }) {
        guard (try? JSONParser.parse(line))?.object != nil else { fatalError("the reader accepts bytes that are not one JSON object") }
        let envelope = decoded.envelope
        let again = JournalLineCodec.encode(envelope, source: decoded.source, previousHash: genesis).line
        let reread = again.withUnsafeBytes { try? JournalLineCodec.decode(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        guard reread?.envelope == envelope else { fatalError("an accepted event does not read back after re-encoding") }
    }
    let outcome = LineChecker.local(line, previousHash: genesis, verifyHashes: true, decoder: &decoder)
    if outcome.problem == nil, outcome.decoded == nil { fatalError("a line with no problem and no event") }
    _ = JournalLineCodec.completeLineLength(atStartOf: line)
    // The checks of a line among its neighbours too (seq arithmetic, batches), twice in a row.
    var checker = LineChecker(source: "urn:socai:journal:0190c8a0-0000-7000-8000-00000000f022", verifyHashes: false,
                              previousHash: genesis, expectedSeq: 1)
    _ = checker.check(line)
    _ = checker.check(line)
    return 0
}
