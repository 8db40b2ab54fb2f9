import SocaiCore
import SocaiStore

/// `socai init`: create an empty journal.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init", abstract: LocalizedText(en: "Create an empty journal (refuses a directory that already holds one).",
                                              vi: "Tạo sổ trống (từ chối thư mục đã có sổ)."),
        options: [OptionSpec(name: "segment-bytes", value: .count, help: LocalizedText(
                      en: "Roll over to a new segment file after N bytes (default 64 MiB).",
                      vi: "Sang tệp phân đoạn mới sau N byte (mặc định 64 MiB).")),
                  OptionSpec(name: "journal-id", value: .uuid, help: LocalizedText(
                      en: "The journal's id (default: a new one); for reproducible journals.",
                      vi: "Mã của sổ (mặc định: mã mới); dùng để tạo lại sổ giống hệt."))],
        examples: ["socai init", "socai --journal /data/dang-bo-huyen init"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        var segmentBytes = JournalMetadata.defaultSegmentBytes
        if let text = arguments.value("segment-bytes") {
            guard let n = Int(text), n >= 4096 else {
                throw .usage(UsageError(message: CommandText.segmentBytesTooSmall(), command: spec.name))
            }
            segmentBytes = n
        }
        var generator = SystemRandomNumberGenerator()
        let now = invocation.context.now()
        var id = EventID.version7(at: now, using: &generator).rawValue
        if let text = arguments.value("journal-id") {
            guard let given = EventID(text) else {
                throw .usage(UsageError(message: CommandText.journalIDNotUUID(["value": text]), command: spec.name))
            }
            id = given.rawValue
        }
        do {
            let journal = try FileJournal.create(at: invocation.journalPath, id: id, segmentBytes: segmentBytes, now: now)
            invocation.out(invocation.presenter.text(CommandText.createdJournal(["directory": journal.directory, "id": id])) + "\n")
        } catch {
            throw .journal(error)
        }
        return .success
    }
}
