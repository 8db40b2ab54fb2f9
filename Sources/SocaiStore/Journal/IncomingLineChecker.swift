import SocaiCore

/// The checks a line from another journal passes before `import --format cloudevents-lines`
/// takes its event: it must be a line socai would read (`JournalLineCodec.decode`: every
/// CloudEvents and socai attribute, its data valid for its type, its chain-hash tail), and
/// wherever the chain can be followed it must follow: a line whose seq comes right after the
/// previous line of the same journal must chain from that line's stored hash, and seq 1 from the
/// journal's genesis hash. A stream cut by `--unit` or started at `--from-seq` has gaps, where
/// nothing can be proved; a changed byte anywhere in a contiguous run is caught.
///
/// Lines of one journal must come in increasing seq. The same line again, anywhere (a broker's
/// redelivery, a stream imported twice), is a repeat, not a problem; two different lines claiming
/// one seq of one journal are.
public struct IncomingLineChecker {
    /// The last line taken of each journal (by `source`).
    private var last: [String: (seq: Int64, hash: SHA256Digest, number: Int)] = [:]
    /// Every line taken, by journal and seq: a fingerprint of its bytes and its line number.
    private var seen: [String: [Int64: (fingerprint: Int, number: Int)]] = [:]

    public init() {}

    /// What one line is.
    public enum Verdict {
        /// A new event: the envelope as its journal holds it, and that journal's `source`.
        case event(EventEnvelope, source: String)
        /// The same bytes as an earlier line of the input (its number).
        case repeated(ofLine: Int)
        case problem(LocalizedText)
    }

    /// Checks line `number` (its bytes without `\n`).
    public mutating func check(_ bytes: [UInt8], number: Int) -> Verdict {
        let result = bytes.withUnsafeBytes { buffer in
            Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(buffer) })
        }
        let decoded: DecodedLine
        switch result {
        case .success(let line): decoded = line
        case .failure(let error):
            return .problem(LocalizedText(en: "not a socai journal line: ", vi: "không phải một dòng của sổ socai: ") + error.reason)
        }
        let source = decoded.source, seq = decoded.seq
        // Keyed by a per-process random seed (SipHash): a changed copy cannot be made to look the same.
        let fingerprint = bytes.hashValue
        if let earlier = seen[source]?[seq] {
            if earlier.fingerprint == fingerprint { return .repeated(ofLine: earlier.number) }
            return .problem(LocalizedText(
                en: "seq \(seq) of \(source) differs from line \(earlier.number), which has the same seq: one of them was changed",
                vi: "số \(seq) của \(source) khác với dòng \(earlier.number) cùng số: một trong hai đã bị sửa"))
        }
        var previousHash: SHA256Digest?
        if let before = last[source] {
            if seq < before.seq {
                return .problem(LocalizedText(
                    en: "seq \(seq) of \(source) comes after seq \(before.seq) (line \(before.number)): lines of one journal must be in seq order",
                    vi: "số \(seq) của \(source) đứng sau số \(before.seq) (dòng \(before.number)): các dòng của một sổ phải theo thứ tự số"))
            }
            if seq == before.seq + 1 { previousHash = before.hash }
        } else if seq == 1, source.hasPrefix(JournalMetadata.sourcePrefix) {
            previousHash = JournalLineCodec.genesisHash(journalID: String(source.dropFirst(JournalMetadata.sourcePrefix.count)))
        }
        if let previousHash {
            let chained = bytes.withUnsafeBytes { buffer -> Bool in
                guard let (body, stored) = JournalLineCodec.splitHash(buffer) else { return false }
                return JournalLineCodec.chainHash(previous: previousHash, body: body) == stored
            }
            if !chained {
                return .problem(LocalizedText(
                    en: "the chain hash of seq \(seq) of \(source) does not match its bytes and the line before it: it was changed",
                    vi: "mã chuỗi của số \(seq) của \(source) không khớp với nội dung và dòng trước: dòng đã bị sửa"))
            }
        }
        last[source] = (seq, decoded.storedHash, number)
        seen[source, default: [:]][seq] = (fingerprint, number)
        return .event(decoded.envelope, source: source)
    }
}
