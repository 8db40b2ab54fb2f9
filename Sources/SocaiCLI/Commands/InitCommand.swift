import SocaiCore
import SocaiStore

/// `socai init`: create an empty journal.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init", abstract: "Create an empty journal (refuses a directory that already holds one).",
        options: [OptionSpec(name: "segment-bytes", valueName: "N", help: "Roll over to a new segment file after N bytes (default 64 MiB)."),
                  OptionSpec(name: "journal-id", valueName: "UUID", help: "The journal's id (default: a new one); for reproducible journals.")],
        examples: ["socai init", "socai --journal /data/dang-bo-huyen init"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        var segmentBytes = JournalMetadata.defaultSegmentBytes
        if let text = arguments.value("segment-bytes") {
            guard let n = Int(text), n >= 4096 else {
                throw .usage(UsageError(message: "--segment-bytes must be a number of bytes, at least 4096", command: spec.name))
            }
            segmentBytes = n
        }
        var generator = SystemRandomNumberGenerator()
        let now = invocation.context.now()
        var id = EventID.version7(at: now, using: &generator).rawValue
        if let text = arguments.value("journal-id") {
            guard let given = EventID(text) else {
                throw .usage(UsageError(message: "--journal-id '\(text)' is not a UUID", command: spec.name))
            }
            id = given.rawValue
        }
        do {
            let journal = try FileJournal.create(at: invocation.journalPath, id: id, segmentBytes: segmentBytes, now: now)
            invocation.out(invocation.presenter.text(LocalizedText(
                en: "created an empty journal in \(journal.directory) (id \(id))\n",
                vi: "đã tạo sổ trống tại \(journal.directory) (mã \(id))\n")))
            // Ready to be a git repository: snapshots and crash leftovers stay out of it.
            if !(try JournalGitIgnore.write(into: journal.directory)) {
                invocation.notice(LocalizedText(
                    en: "\(journal.directory) already has a \(JournalGitIgnore.fileName); keep snapshots (*.snap) and quarantine files (*.quarantine-*) out of git",
                    vi: "\(journal.directory) đã có \(JournalGitIgnore.fileName); đừng đưa ảnh chụp (*.snap) và tệp cách ly (*.quarantine-*) vào git"))
            }
        } catch {
            throw .journal(error)
        }
        return .success
    }
}
