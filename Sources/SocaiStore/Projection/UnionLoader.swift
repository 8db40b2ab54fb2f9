import SocaiCore

/// Several journals read as one (issue 19): the load path of every question asked with more than
/// one `--journal`. Each journal is read whole and verified on its own chain, exactly as when it
/// is read alone (damage is exit 65 naming the journal, segment and line); `UnionFold` merges
/// their events and folds them once.
///
/// A union has no image: images belong to one journal's chain and seqs, and a union's seqs change
/// whenever any of its journals grows. It is folded on every question (BENCHMARKS.md, "A union of
/// journals", has what that costs).
public enum UnionLoader {
    /// One journal of the union, with the name the reader gave it (`--journal DIR` as typed).
    public struct Member: Sendable {
        public var name: String
        public var journal: FileJournal

        public init(name: String, journal: FileJournal) {
            self.name = name
            self.journal = journal
        }
    }

    /// The union's projection, as one journal's load gives it, and what the union learned.
    public struct Loaded: Sendable {
        public var loaded: ProjectionLoader.Loaded
        public var facts: UnionFacts
    }

    public static func load(_ members: [Member], knownAt: Instant?, allowDamaged: Bool) throws(JournalError) -> Loaded {
        var items: [[UnionItem]] = []
        var notices: [LocalizedText] = []
        var damage: JournalProblem?
        var eventsRead = 0
        var heads: [String] = []
        for member in members {
            var events: [UnionItem] = []
            let report: ReadReport
            do {
                report = try member.journal.read(ReadOptions(verifyHashes: true, allowDamaged: allowDamaged)) { record in
                    if let flow = record.flowLine { events.append(.flow(flow)) } else { events.append(.event(record.envelope)) }
                    eventsRead += 1
                    return true
                }
            } catch {
                throw error.inJournal(member.name)
            }
            notices += report.notices.map { LocalizedText("\(member.name): ") + $0 }
            if damage == nil, let problem = report.damage {
                damage = JournalProblem(location: problem.location.inJournal(member.name), message: problem.message)
            }
            heads.append(report.head.hash.hex)
            items.append(events)
        }
        let names = members.map(\.name)
        let result = UnionFold.fold(items, names: names, imageID: "union:" + members.map(\.journal.metadata.id).joined(separator: "+"),
                                    chainHash: heads.joined(separator: "+"))
        items = []
        let projection: Projection
        do {
            projection = try Projection(image: result.image)
        } catch {
            throw .damaged(JournalLocation(segment: "image", line: 0), reason: error.reason)
        }
        var facts = result.facts
        facts.knownAt = knownAt
        let last = facts.places.count
        let head = JournalHead(seq: Int64(last), hash: SHA256Digest(hex: heads.first ?? "") ?? JournalLineCodec.genesisHash(journalID: ""),
                               recordedTime: last == 0 ? nil : projection.headRecordedTime)
        let read = ReadReport(head: head, eventsRead: eventsRead, tornTail: nil, incompleteBatch: nil, damage: damage, missingNewline: nil)
        let knowledge = knownAt.map(facts.places.knowledge(at:)) ?? .latest
        return Loaded(loaded: ProjectionLoader.Loaded(projection: projection, knowledge: knowledge, read: read, notices: notices,
                                                      imageSeq: nil, eventsFolded: result.folded),
                      facts: facts)
    }
}
