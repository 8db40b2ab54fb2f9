import SocaiCore
import SocaiStore

/// Loads the newest valid snapshot for a question, warning about any it had to ignore.
enum SnapshotLoader {
    static func load(_ invocation: Invocation, journal: FileJournal, knownAt: Instant?) -> Ledger? {
        let store = SnapshotStore(directory: invocation.snapshotsPath, journal: journal)
        let (ledger, _, notices) = store.newestValid(knownAt: knownAt)
        for notice in notices { invocation.warning(notice) }
        return ledger
    }
}
