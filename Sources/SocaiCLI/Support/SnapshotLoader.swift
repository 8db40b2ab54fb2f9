import SocaiCore
import SocaiStore

/// Placeholder until snapshots land: always folds from the start.
enum SnapshotLoader {
    static func load(_ invocation: Invocation, journal: FileJournal, knownAt: Instant?) -> Ledger? { nil }
}
