import SocaiCore

/// A place in the journal to read from: the start of the line with `firstSeq`, `offset` bytes
/// into `segment` (its `lineNumber`th line), and the chain hash stored on the line before it.
public struct ReadPosition: Sendable, Hashable {
    public var segment: String
    public var offset: Int
    public var lineNumber: Int
    public var previousHash: SHA256Digest
    public var firstSeq: Int64

    public init(segment: String, offset: Int, lineNumber: Int, previousHash: SHA256Digest, firstSeq: Int64) {
        self.segment = segment
        self.offset = offset
        self.lineNumber = lineNumber
        self.previousHash = previousHash
        self.firstSeq = firstSeq
    }
}
