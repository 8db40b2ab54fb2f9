/// Where an event of a union was recorded: the journal, as the reader named it (`--journal DIR`),
/// and the event's seq there (the seq on its line, which `record correction --event` in that
/// journal takes).
public struct JournalPlace: Sendable, Hashable, CustomStringConvertible {
    public var journal: String
    public var seq: Int64

    public init(journal: String, seq: Int64) {
        self.journal = journal
        self.seq = seq
    }

    /// `district-a:12`, like a file and a line.
    public var description: String { "\(journal):\(seq)" }
}

/// For each seq of a union (1…N, the order the union folds its events in), the journal and seq it
/// came from and when it was recorded: what `log`, `audit` and `check` show beside a union seq,
/// and what `--known-at` searches.
public struct UnionPlaces: Sendable {
    /// The journals as the reader named them, in the order given.
    public let journals: [String]
    var journalOf: [UInt16] = []
    var seqOf: [Int64] = []
    var recordedAt: [Int64] = []

    public init(journals: [String]) {
        self.journals = journals
    }

    mutating func append(journal: Int, seq: Int64, recordedTime: Instant) {
        journalOf.append(UInt16(journal))
        seqOf.append(seq)
        recordedAt.append(recordedTime.millisecondsSinceEpoch)
    }

    /// The number of events in the union (its last seq).
    public var count: Int { seqOf.count }

    /// The journal index and local seq of union seq `seq`.
    public func origin(of seq: Int64) -> (journal: Int, seq: Int64)? {
        guard seq >= 1, seq <= Int64(seqOf.count) else { return nil }
        let i = Int(seq - 1)
        return (Int(journalOf[i]), seqOf[i])
    }

    public func place(of seq: Int64) -> JournalPlace? {
        origin(of: seq).map { JournalPlace(journal: journals[$0.journal], seq: $0.seq) }
    }

    /// What the union knew at `instant`: every event recorded at or before it. Recorded times never
    /// decrease along a journal, and the union takes its events in recorded-time order, so this
    /// is a prefix of the union (R0 holds for a union as for one journal).
    public func knowledge(at instant: Instant) -> Knowledge {
        let t = instant.millisecondsSinceEpoch
        var low = 0, high = recordedAt.count
        while low < high {
            let mid = (low + high) / 2
            if recordedAt[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return Knowledge(seq: Int64(low))
    }
}
