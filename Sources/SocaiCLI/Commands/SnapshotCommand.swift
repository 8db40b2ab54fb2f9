import SocaiCore
import SocaiStore

/// `socai snapshot`: write the fold's state at the journal's head, so queries fold only what follows.
enum SnapshotCommand: Command {
    static let spec = CommandSpec(
        name: "snapshot", abstract: "Write the fold's state at the journal's head into the snapshot directory (derived data).",
        discussion: "Queries then load the newest snapshot that matches the journal and fold only the events after it. Snapshots are a cache: deleting them loses nothing, and one that does not match the journal is ignored with a warning.",
        examples: ["socai snapshot", "socai --snapshots /var/cache/socai snapshot"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let session = try JournalSession.load(invocation)
        let store = SnapshotStore(directory: invocation.snapshotsPath, journal: session.journal)
        do {
            let (path, stamp, bytes) = try store.write(session.ledger)
            let p = invocation.presenter
            invocation.out(p.text(LocalizedText(
                en: "wrote \(path): seq \(stamp.seq), chain hash \(stamp.chainHash.prefix(16))…, \(p.count(bytes)) bytes\n",
                vi: "đã ghi \(path): số \(stamp.seq), mã băm \(stamp.chainHash.prefix(16))…, \(p.count(bytes)) byte\n")))
        } catch {
            throw .journal(error)
        }
        return .success
    }
}
