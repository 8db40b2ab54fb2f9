import SocaiCore
import SocaiStore

/// `socai snapshot`: write the fold's state at the journal's head, so queries fold only what follows.
enum SnapshotCommand: Command {
    static let spec = CommandSpec(
        name: "snapshot", abstract: LocalizedText(
            en: "Write the projection image at the journal's head into the snapshot directory (derived data).",
            vi: "Ghi ảnh chụp trạng thái tính đến cuối sổ vào thư mục ảnh chụp (dữ liệu dẫn xuất)."),
        discussion: LocalizedText(
            en: "The whole hash chain is verified first: a damaged journal is refused (65). Queries then map the newest image that matches the journal and fold only the events after it; they refresh it themselves once 10,000 events have been recorded since. Images are a cache: deleting them loses nothing, and one that does not fit the journal is ignored with a warning; one whose segments were truncated, emptied, replaced, removed or renamed is damage (65).",
            vi: "Toàn bộ chuỗi băm được kiểm tra trước: sổ bị hỏng thì bị từ chối (mã thoát 65). Sau đó các lệnh truy vấn nạp ảnh chụp mới nhất khớp với sổ và chỉ đọc các sự kiện ghi sau nó; chúng tự làm mới ảnh chụp khi đã có thêm 10.000 sự kiện được ghi kể từ đó. Ảnh chụp chỉ là bộ nhớ đệm: xóa đi không mất gì, và ảnh chụp không khớp với sổ bị bỏ qua kèm cảnh báo; còn ảnh chụp có phân đoạn đã bị cắt ngắn, làm rỗng, thay thế, xóa hoặc đổi tên thì là dấu hiệu sổ bị hỏng (mã thoát 65)."),
        examples: ["socai snapshot", "socai --snapshots /var/cache/socai snapshot"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        try invocation.requireOneJournal(spec.name, why: LocalizedText(
            en: "an image belongs to one journal's chain; several journals read as one are folded on every question and have none",
            vi: "ảnh chụp gắn với chuỗi băm của một sổ; nhiều sổ đọc chung được tính lại mỗi lần truy vấn và không có ảnh chụp"))
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        do {
            let (path, seq, bytes) = try ProjectionLoader.writeSnapshot(journal, directory: invocation.snapshotsPath)
            let p = invocation.presenter
            invocation.out(p.text(CommandText.wroteSnapshot(["path": LocalizedText(path), "seq": LocalizedText(String(seq)),
                                                             "bytes": .count(bytes)])) + "\n")
        } catch {
            throw .journal(error)
        }
        return .success
    }
}
