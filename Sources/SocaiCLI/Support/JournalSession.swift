import SocaiCore
import SocaiStore

/// An open journal and its projection: what every command starts from (issue 14's one load
/// path: `ProjectionLoader` in SocaiStore). Notices (torn tail, an image ignored or written,
/// damage answered around) go to stderr.
struct JournalSession {
    let journal: FileJournal
    var loaded: ProjectionLoader.Loaded
    /// Set when the question is asked as known at an earlier time.
    let knownAt: Instant?
    /// Set when several journals are read as one (`journal` is then the first): where each union
    /// seq came from, and what the journals disagree on.
    var union: UnionFacts?

    var projection: Projection { loaded.projection }
    var knowledge: Knowledge { loaded.knowledge }
    /// The journal's last seq the projection holds.
    var headSeq: Int64 { loaded.read.head.seq }

    /// Opens the journal and its projection. `refresh`: a question (replay, term, audit, check,
    /// export) may write a new image when it had to fold many events itself; writers (record,
    /// import, guided entry, completion, log) never wait for one, so it is off unless asked.
    /// `snapshots: false` folds the whole journal into one image (as `--no-snapshot` does).
    static func load(_ invocation: Invocation, knownAt: Instant? = nil, refresh: Bool = false,
                     snapshots: Bool = true) throws(CLIError) -> JournalSession {
        if invocation.isUnion { return try loadUnion(invocation, knownAt: knownAt) }
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        let loaded = try loadProjection(invocation, journal, knownAt: knownAt, refresh: refresh, snapshots: snapshots)
        return JournalSession(journal: journal, loaded: loaded, knownAt: knownAt)
    }

    private static func loadProjection(_ invocation: Invocation, _ journal: FileJournal, knownAt: Instant?,
                                       refresh: Bool, snapshots: Bool = true) throws(CLIError) -> ProjectionLoader.Loaded {
        let progress = Progress(invocation, label: LocalizedText(en: "reading", vi: "đang đọc"))
        let options = ProjectionLoader.Options(
            snapshots: !snapshots || invocation.globals.flag("no-snapshot") ? nil : invocation.snapshotsPath, knownAt: knownAt,
            allowDamaged: invocation.globals.flag("allow-damaged"), refreshAfter: refresh ? ProjectionLoader.defaultRefresh : nil)
        let loaded: ProjectionLoader.Loaded
        do {
            loaded = try ProjectionLoader.load(journal, options)
        } catch {
            progress.finish()
            throw .journal(error)
        }
        progress.finish()
        for notice in loaded.notices { invocation.notice(notice) }
        if loaded.read.damage != nil {
            invocation.warning(LocalizedText(en: "answers below come from the intact part of a damaged journal",
                                             vi: "kết quả dưới đây lấy từ phần còn nguyên của một sổ bị hỏng"))
        }
        return loaded
    }

    /// Several journals read as one (issue 19): each verified on its own chain, folded together
    /// every time (a union has no image).
    private static func loadUnion(_ invocation: Invocation, knownAt: Instant?) throws(CLIError) -> JournalSession {
        var members: [UnionLoader.Member] = []
        for path in invocation.journalPaths {
            if members.contains(where: { $0.name == path }) {
                throw .usage(UsageError(message: LocalizedText(en: "journal \(path) is given twice", vi: "sổ \(path) được chỉ định hai lần"),
                                        command: "", hint: LocalizedText(en: "give each journal once", vi: "mỗi sổ chỉ ghi một lần")))
            }
            do { members.append(UnionLoader.Member(name: path, journal: try FileJournal.open(at: path))) } catch { throw .journal(error) }
        }
        let union: UnionLoader.Loaded
        do {
            union = try UnionLoader.load(members, knownAt: knownAt, allowDamaged: invocation.globals.flag("allow-damaged"))
        } catch {
            throw .journal(error)
        }
        for notice in union.loaded.notices { invocation.notice(notice) }
        if union.loaded.read.damage != nil {
            invocation.warning(LocalizedText(en: "answers below come from the intact part of a damaged journal",
                                             vi: "kết quả dưới đây lấy từ phần còn nguyên của một sổ bị hỏng"))
        }
        if !union.facts.conflicts.isEmpty {
            invocation.warning(LocalizedText(
                en: "the journals disagree on \(union.facts.conflicts.count) facts; the union keeps the first of each (`socai check` lists them)",
                vi: "các sổ ghi khác nhau về \(LocalizedText.count(union.facts.conflicts.count).vi) dữ kiện; khi đọc chung giữ bản đầu tiên của mỗi dữ kiện (`socai check` liệt kê)"))
        }
        return JournalSession(journal: members[0].journal, loaded: union.loaded, knownAt: knownAt, union: union.facts)
    }

    /// Reads what was recorded since this session loaded (another writer appended).
    mutating func catchUp(_ invocation: Invocation) throws(CLIError) {
        if union != nil {
            self = try JournalSession.loadUnion(invocation, knownAt: knownAt)
            return
        }
        loaded = try JournalSession.loadProjection(invocation, journal, knownAt: knownAt, refresh: false)
    }

    /// The rules over the projection, as known at the session's knowledge.
    var rules: Rules { Rules(projection, knowledge: knowledge) }
}
