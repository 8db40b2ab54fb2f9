// libFuzzer harness for the journal line decoders: built by Tools/fuzz/build together with the
// SocaiStore sources (one module, so the internal fast decoder and line checks are reachable).
//
// For any bytes: nothing crashes or reads out of bounds (AddressSanitizer), the fast decoder
// (`FastLineDecoder`, what readers use) and the strict one (`JournalLineCodec.decode`) agree on
// whether the line is an event and on which event it is, and the line checks readers run on every
// line (`LineChecker.local`) and the torn-tail analysis (`completeLineLength`) return.
import SocaiCore

nonisolated(unsafe) var decoder = FastLineDecoder()
let genesis = JournalLineCodec.genesisHash(journalID: "0190c8a0-0000-7000-8000-00000000f022")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeRawBufferPointer(start: data, count: size)
    let strict = Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(line) })
    if let (_, stored) = JournalLineCodec.splitHash(line) {
        let fast = Result(catching: { () throws(LineDecodingError) in try decoder.decode(line, storedHash: stored) })
        switch (fast, strict) {
        case (.success(let f), .success(let s)):
            if f.envelope != s.envelope || f.source != s.source || f.storedHash != s.storedHash {
                fatalError("the fast and strict decoders read this line differently")
            }
        case (.success, .failure(let error)):
            fatalError("the fast decoder accepts a line the strict decoder refuses: \(error.reason)")
        case (.failure(let error), .success):
            fatalError("the fast decoder refuses a line the strict decoder accepts: \(error.reason)")
        case (.failure, .failure):
            break
        }
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
