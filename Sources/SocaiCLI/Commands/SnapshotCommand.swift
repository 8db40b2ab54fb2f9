import SocaiCore
import SocaiStore

/// `socai snapshot`: write the fold's state at the journal's head, so queries fold only what follows.
enum SnapshotCommand: Command {
    static let spec = CommandSpec(
        name: "snapshot", abstract: "Write the projection image at the journal's head into the snapshot directory (derived data).",
        discussion: "The whole hash chain is verified first: a damaged journal is refused (65). Queries then map the newest image that matches the journal and fold only the events after it; they refresh it themselves once 10,000 events have been recorded since. Images are a cache: deleting them loses nothing, and one that does not fit the journal is ignored with a warning; one whose segments were truncated, emptied, replaced, removed or renamed is damage (65).",
        examples: ["socai snapshot", "socai --snapshots /var/cache/socai snapshot"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        do {
            let (path, seq, bytes) = try ProjectionLoader.writeSnapshot(journal, directory: invocation.snapshotsPath)
            let p = invocation.presenter
            invocation.out(p.text(LocalizedText(
                en: "wrote \(path): seq \(seq), \(p.count(bytes)) bytes (the whole chain verified first)\n",
                vi: "đã ghi \(path): số \(seq), \(p.count(bytes)) byte (đã kiểm tra toàn bộ chuỗi trước)\n")))
        } catch {
            throw .journal(error)
        }
        return .success
    }
}
