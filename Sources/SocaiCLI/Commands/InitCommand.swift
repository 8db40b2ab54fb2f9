import SocaiCore
import SocaiStore

/// `socai init`: create an empty journal.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init", abstract: LocalizedText(en: "Create an empty journal (refuses a directory that already holds one).",
                                              vi: "Tạo sổ trống (từ chối thư mục đã có sổ)."),
        discussion: LocalizedText(en: """
        --recover rebuilds a lost journal.json beside existing segments: the journal's id is read from the first line's
        source and proven by its chain hash, the segment size from the closed segments (or --segment-bytes), and the
        whole journal is verified with it. Nothing in the segments is changed.
        """, vi: """
        --recover dựng lại tệp journal.json bị mất bên cạnh các phân đoạn còn lại: mã của sổ được đọc từ nguồn của dòng
        đầu tiên và được xác nhận bằng mã băm chuỗi của dòng đó, kích thước phân đoạn lấy từ các phân đoạn đã đóng (hoặc
        --segment-bytes), rồi toàn bộ sổ được kiểm tra lại với các thông tin ấy. Không thay đổi gì trong các phân đoạn.
        """),
        options: [OptionSpec(name: "segment-bytes", value: .count, help: LocalizedText(
                      en: "Roll over to a new segment file after N bytes (default 64 MiB).",
                      vi: "Sang tệp phân đoạn mới sau N byte (mặc định 64 MiB).")),
                  OptionSpec(name: "journal-id", value: .uuid, help: LocalizedText(
                      en: "The journal's id (default: a new one); for reproducible journals.",
                      vi: "Mã của sổ (mặc định: mã mới); dùng để tạo lại sổ giống hệt.")),
                  OptionSpec(name: "reports-to", value: .unit, help: LocalizedText(
                      en: "The unit this committee reports to, kept in the superior's journal: this journal's units may name it as --parent, and reading both journals as one hangs this journal's tree under it.",
                      vi: "Đơn vị cấp trên mà cấp ủy này báo cáo lên, do sổ của cấp trên quản lý: các đơn vị của sổ này được ghi --parent là đơn vị đó, và khi đọc chung hai sổ, cây đơn vị của sổ này nằm dưới đơn vị đó.")),
                  OptionSpec(name: "recover", help: LocalizedText(
                      en: "Rebuild a lost journal.json from the segments in the journal directory.",
                      vi: "Dựng lại tệp journal.json bị mất từ các phân đoạn trong thư mục sổ."))],
        examples: ["socai init", "socai --journal /data/dang-bo-huyen init", "socai --journal /data/huyen-sop-cop init --reports-to son-la",
                   "socai --journal /data/dang-bo-huyen init --recover"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        try invocation.requireOneJournal(spec.name, why: LocalizedText(en: "it creates one journal", vi: "lệnh này tạo một sổ"))
        var reportsTo: UnitID?
        if let text = arguments.value("reports-to") {
            guard let unit = UnitID(text) else {
                throw .invalid([ValidationIssue(field: "reports-to", value: text, message: LocalizedText(
                    en: "--reports-to '\(text)': give the unit's id as the superior's journal has it: lowercase ASCII letters, digits and single dashes, e.g. son-la",
                    vi: "--reports-to '\(text)': hãy ghi mã đơn vị như trong sổ của cấp trên: chữ thường không dấu, số và dấu gạch ngang, ví dụ son-la"))])
            }
            reportsTo = unit
        }
        var segmentBytes = JournalMetadata.defaultSegmentBytes
        if let text = arguments.value("segment-bytes") {
            guard let n = Int(text), n >= 4096 else {
                throw .usage(UsageError(message: CommandText.segmentBytesTooSmall(), command: spec.name))
            }
            segmentBytes = n
        }
        if arguments.flag("recover") {
            guard arguments.value("journal-id") == nil else {
                throw .usage(UsageError(message: CommandText.recoverTakesNoJournalID(), command: spec.name))
            }
            return try recover(arguments.value("segment-bytes") == nil ? nil : segmentBytes, reportsTo: reportsTo, invocation)
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
            let journal = try FileJournal.create(at: invocation.journalPath, id: id, segmentBytes: segmentBytes, now: now, reportsTo: reportsTo)
            invocation.out(invocation.presenter.text(CommandText.createdJournal(["directory": journal.directory, "id": id])) + "\n")
            if let reportsTo {
                invocation.out(invocation.presenter.text(LocalizedText(
                    en: "it reports to \(reportsTo): its units may name \(reportsTo) as --parent; read it with the journal that holds \(reportsTo) (--journal twice) to see its tree under it\n",
                    vi: "sổ báo cáo lên \(reportsTo): các đơn vị của sổ được ghi --parent \(reportsTo); đọc chung với sổ quản lý \(reportsTo) (--journal hai lần) để thấy cây đơn vị nằm dưới đơn vị đó\n")))
            }
            // Ready to be a git repository: snapshots and crash leftovers stay out of it.
            if !(try JournalGitIgnore.write(into: journal.directory)) {
                invocation.notice(LocalizedText(
                    en: "\(journal.directory) already has a \(JournalGitIgnore.fileName); keep snapshots (Snapshots/, *.img) and quarantine files (*.quarantine-*) out of git",
                    vi: "\(journal.directory) đã có \(JournalGitIgnore.fileName); đừng đưa ảnh chụp (Snapshots/, *.img) và tệp cách ly (*.quarantine-*) vào git"))
            }
        } catch {
            throw .journal(error)
        }
        return .success
    }

    /// `init --recover`: journal.json rebuilt from the segments, then everything verified.
    static func recover(_ segmentBytes: Int?, reportsTo: UnitID?, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let recovery: MetadataRecovery
        do {
            recovery = try FileJournal.recover(at: invocation.journalPath, segmentBytes: segmentBytes, reportsTo: reportsTo)
        } catch {
            throw .journal(error)
        }
        let metadata = recovery.journal.metadata
        let directory = recovery.journal.directory
        let size: LocalizedText = switch recovery.segmentSizeSource {
        case .given: LocalizedText(en: "as given", vi: "theo --segment-bytes")
        case .largestClosedSegment: LocalizedText(en: "from the largest closed segment", vi: "theo phân đoạn đã đóng lớn nhất")
        case .defaultSize: LocalizedText(en: "the default", vi: "mặc định")
        }
        let rebuilt = LocalizedText(
            en: "rebuilt \(JournalMetadata.fileName) in \(directory) from \(recovery.segments) segments: "
                + "id \(metadata.id) (the first line's chain hash starts from it), segment size \(metadata.segmentBytes) bytes (",
            vi: "đã dựng lại \(JournalMetadata.fileName) tại \(directory) từ \(recovery.segments) phân đoạn: "
                + "mã \(metadata.id) (mã băm chuỗi của dòng đầu bắt đầu từ mã này), kích thước phân đoạn \(LocalizedText.count(metadata.segmentBytes).vi) byte (")
            + size + LocalizedText(en: "), created \(metadata.created.rfc3339) (the first event's recorded time)\n",
                                   vi: "), tạo lúc \(LocalizedText.instant(metadata.created).vi) (thời điểm ghi sự kiện đầu tiên)\n")
        invocation.out(invocation.presenter.text(rebuilt))
        let verify = recovery.verify
        guard verify.ok else {
            throw .message(LocalizedText(
                en: "journal.json is rebuilt, but the journal has \(verify.problems.count) problems, the first at \(verify.problems[0].text(.en)); run `socai verify`",
                vi: "đã dựng lại journal.json, nhưng sổ có \(verify.problems.count) lỗi, lỗi đầu tại \(verify.problems[0].text(.vi)); chạy `socai verify`"),
                .damagedJournal)
        }
        invocation.out(invocation.presenter.text(LocalizedText(en: "verified: \(verify.events) events, chain intact\n",
                                                               vi: "đã kiểm tra: \(LocalizedText.count(verify.events).vi) sự kiện, chuỗi băm nguyên vẹn\n")))
        return .success
    }
}
