import SocaiCore
import SocaiStore

/// `socai snapshot`: write the fold's state at the journal's head, so queries fold only what follows.
enum SnapshotCommand: Command {
    static let spec = CommandSpec(
        name: "snapshot", abstract: LocalizedText(
            en: "Write the fold's state at the journal's head into the snapshot directory (derived data).",
            vi: "Ghi ảnh chụp trạng thái tính đến cuối sổ vào thư mục ảnh chụp (dữ liệu dẫn xuất)."),
        discussion: LocalizedText(
            en: "Queries then load the newest snapshot that matches the journal and fold only the events after it. Snapshots are a cache: deleting them loses nothing, and one that does not match the journal is ignored with a warning.",
            vi: "Các lệnh truy vấn sau đó nạp ảnh chụp mới nhất khớp với sổ và chỉ đọc các sự kiện ghi sau nó. Ảnh chụp chỉ là bộ nhớ đệm: xóa đi không mất gì, và ảnh chụp không khớp với sổ bị bỏ qua kèm cảnh báo."),
        examples: ["socai snapshot", "socai --snapshots /var/cache/socai snapshot"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let session = try JournalSession.load(invocation)
        let store = SnapshotStore(directory: invocation.snapshotsPath, journal: session.journal)
        do {
            let (path, stamp, bytes) = try store.write(session.ledger)
            let p = invocation.presenter
            invocation.out(p.text(CommandText.wroteSnapshot(["path": LocalizedText(path), "seq": LocalizedText(String(stamp.seq)),
                                                             "hash": LocalizedText(String(stamp.chainHash.prefix(16))),
                                                             "bytes": .count(bytes)])) + "\n")
        } catch {
            throw .journal(error)
        }
        return .success
    }
}
