import SocaiCore

/// The one load path of every question (issue 14): the newest image of the journal, checked
/// against the segments it covers; the events recorded since folded into an overlay; and the
/// knowledge `--known-at` asks for, decided here and nowhere else.
public enum ProjectionLoader {
    /// How a question wants the journal read.
    public struct Options: Sendable {
        /// Where images live; nil reads the whole journal (`--no-snapshot`).
        public var snapshots: String?
        public var knownAt: Instant?
        public var allowDamaged = false
        /// Write a new image after folding at least this many events from the journal (nil: never).
        /// Readers refresh images; `record` never waits for one.
        public var refreshAfter: Int?
        /// Called every few thousand events folded (a progress line).
        public var progress: (@Sendable (Int) -> Void)?

        public init(snapshots: String?, knownAt: Instant? = nil, allowDamaged: Bool = false, refreshAfter: Int? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) {
            self.snapshots = snapshots
            self.knownAt = knownAt
            self.allowDamaged = allowDamaged
            self.refreshAfter = refreshAfter
            self.progress = progress
        }
    }

    /// A projection ready for questions, and what loading it saw.
    public struct Loaded: Sendable {
        public var projection: Projection
        public var knowledge: Knowledge
        /// The read of the events after the image (or of the whole journal).
        public var read: ReadReport
        /// Messages for stderr: images ignored, a torn tail, an image written.
        public var notices: [LocalizedText]
        /// The seq the image covered, when one served.
        public var imageSeq: Int64?
        /// Events folded from the journal (not from an image).
        public var eventsFolded: Int
    }

    /// The default: refresh an image once a question has folded this many events itself.
    public static let defaultRefresh = 10_000

    public static func load(_ journal: FileJournal, _ options: Options) throws(JournalError) -> Loaded {
        var notices: [LocalizedText] = []
        let head = try journal.head()
        var opened: SnapshotStore.Opened?
        let store = options.snapshots.map { SnapshotStore(directory: $0, journal: journal) }
        if let store {
            let (candidate, skipped) = store.newest(head: head.seq)
            notices += skipped
            if let candidate {
                let segments = try journal.segments()
                do {
                    try journal.checkIdentities(candidate.identities, segments: segments)
                    opened = candidate
                } catch {
                    switch error as ImageMismatch {
                    case .damaged(let location, let reason):
                        guard options.allowDamaged else { throw .damaged(location, reason: reason) }
                        notices.append(SnapshotText.ignoredAt(["name": LocalizedText(candidate.name),
                                                               "location": LocalizedText(location.description), "reason": reason]))
                    case .unusable(let reason):
                        notices.append(SnapshotText.ignored(["name": LocalizedText(candidate.name), "reason": reason]))
                    }
                }
            }
        }

        var builder = opened.map { ProjectionBuilder(continuing: $0.projection) } ?? ProjectionBuilder()
        var readOptions = ReadOptions(verifyHashes: true, allowDamaged: options.allowDamaged)
        if let opened, let last = opened.identities.last, let hash = SHA256Digest(hex: last.lastHash) {
            readOptions.start = ReadPosition(segment: last.name, offset: last.covered, lineNumber: last.lines + 1,
                                             previousHash: hash, firstSeq: opened.projection.headSeq + 1)
        }
        var folded = 0
        let progress = options.progress
        let report = try journal.read(readOptions) { record in
            if let flow = record.flowLine { builder.apply(flow) } else { builder.apply(record.envelope) }
            folded += 1
            if folded & 0x3FFF == 0 { progress?(folded) }
            return true
        }
        notices += report.notices

        // Write an image when enough was folded here, unless the journal is damaged.
        var extra = JSONObject()
        var writeImage = false
        if let threshold = options.refreshAfter, store != nil, folded >= threshold, report.damage == nil, !builder.isEmpty {
            if let identities = try? journal.segmentIdentities(at: report.head) {
                extra["segments"] = .array(identities.map(\.json))
                writeImage = true
            }
        }
        let projection: Projection
        do {
            if let opened, folded > 0 || writeImage {
                if writeImage, let (whole, seq) = try fullImage(journal, allowDamaged: options.allowDamaged) {
                    // A fresh whole image: the journal is folded again from the start (rare: once per threshold).
                    try store!.write(whole, seq: seq)
                    notices.append(LocalizedText(en: "snapshot written at seq \(seq)", vi: "đã ghi ảnh chụp tại số \(seq)"))
                    projection = try Projection(image: whole)
                } else {
                    projection = try Projection(image: opened.storage, overlay: builder.image(journalID: journal.metadata.id,
                                                                                              chainHash: report.head.hash.hex))
                }
            } else if let opened {
                projection = opened.projection
            } else {
                let image = builder.image(journalID: journal.metadata.id, chainHash: report.head.hash.hex, extra: extra)
                if writeImage {
                    try store!.write(image, seq: report.head.seq)
                    notices.append(LocalizedText(en: "snapshot written at seq \(report.head.seq)", vi: "đã ghi ảnh chụp tại số \(report.head.seq)"))
                }
                projection = try Projection(image: image)
            }
        } catch let error as ImageReader.Invalid {
            throw .damaged(JournalLocation(segment: "image", line: 0), reason: error.reason)
        } catch let error as JournalError {
            throw error
        } catch {
            throw .damaged(JournalLocation(segment: "image", line: 0), reason: "\(error)")
        }

        var knowledge = Knowledge.latest
        if let knownAt = options.knownAt {
            knowledge = Knowledge(seq: try journal.lastSeq(recordedAtOrBefore: knownAt))
        }
        return Loaded(projection: projection, knowledge: knowledge, read: report, notices: notices,
                      imageSeq: opened?.projection.headSeq, eventsFolded: folded)
    }

    /// Folds the whole journal into an image that records the segments it covers; nil when the
    /// journal moved on while it was read (a concurrent append: the next question writes one).
    static func fullImage(_ journal: FileJournal, allowDamaged: Bool) throws(JournalError) -> (ImageStorage, Int64)? {
        var builder = ProjectionBuilder()
        let report = try journal.read(ReadOptions(verifyHashes: true, allowDamaged: allowDamaged)) { record in
            if let flow = record.flowLine { builder.apply(flow) } else { builder.apply(record.envelope) }
            return true
        }
        guard report.damage == nil, let identities = try? journal.segmentIdentities(at: report.head) else { return nil }
        var extra = JSONObject()
        extra["segments"] = .array(identities.map(\.json))
        return (builder.image(journalID: journal.metadata.id, chainHash: report.head.hash.hex, extra: extra), report.head.seq)
    }

    /// `socai snapshot`: the whole chain verified, then the whole journal folded into an image and
    /// written. Refuses (65) a damaged journal: an image must never be written over damage.
    public static func writeSnapshot(_ journal: FileJournal, directory: String) throws(JournalError) -> (path: String, seq: Int64, bytes: Int) {
        let verification = try journal.verify()
        if let problem = verification.problems.first {
            throw .damaged(problem.location, reason: problem.message)
        }
        guard let (image, seq) = try fullImage(journal, allowDamaged: false) else {
            throw .lockTimeout(path: journal.directory, seconds: 0)
        }
        let (path, bytes) = try SnapshotStore(directory: directory, journal: journal).write(image, seq: seq)
        return (path, seq, bytes)
    }
}
