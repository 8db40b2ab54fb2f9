import SocaiCore
import SocaiStore

/// An open journal and the ledger folded from it: what every reading command starts from.
struct JournalSession {
    let journal: FileJournal
    var ledger: Ledger
    var report: ReadReport?
    /// Set when the fold stopped at `--known-at`.
    let knownAt: Instant?

    /// Opens the journal and folds it (from the newest valid snapshot when there is one), up to
    /// `knownAt` when given. Notices (torn tail, snapshot ignored, damage) go to stderr.
    static func load(_ invocation: Invocation, knownAt: Instant? = nil) throws(CLIError) -> JournalSession {
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        var session = JournalSession(journal: journal, ledger: Ledger(), report: nil, knownAt: knownAt)
        if !invocation.globals.flag("no-snapshot") {
            let loaded = SnapshotLoader.load(invocation, journal: journal, knownAt: knownAt)
            if let ledger = loaded { session.ledger = ledger }
        }
        try session.catchUp(invocation)
        return session
    }

    /// Folds the events recorded since the ledger's head.
    mutating func catchUp(_ invocation: Invocation) throws(CLIError) {
        var ledger = self.ledger
        let limit = knownAt
        let options = ReadOptions(fromSeq: ledger.headSeq + 1, verifyHashes: true,
                                  allowDamaged: invocation.globals.flag("allow-damaged"))
        let progress = Progress(invocation, label: LocalizedText(en: "reading", vi: "đang đọc"))
        do {
            report = try journal.read(options) { record in
                if let limit, record.recordedTime > limit { return false }
                if let flow = record.flowLine { ledger.apply(flow) } else { ledger.apply(record.envelope) }
                progress.tick()
                return true
            }
        } catch {
            progress.finish()
            throw .journal(error)
        }
        progress.finish()
        self.ledger = ledger
        for notice in report?.notices ?? [] { invocation.notice(notice) }
        if report?.damage != nil {
            invocation.warning(LocalizedText(en: "answers below come from the intact part of a damaged journal",
                                             vi: "kết quả dưới đây lấy từ phần còn nguyên của một sổ bị hỏng"))
        }
    }

    var view: LedgerView { LedgerView(ledger) }
}
