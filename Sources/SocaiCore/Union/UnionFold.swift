/// Several journals read as one history (issue 19, DECISIONS "Several journals read as one"):
/// each journal's events, already read and verified on its own chain, merged into one order and
/// folded by the one fold (`ProjectionBuilder`).
///
/// - Order: by recorded time; ties by the order the journals were given, then by seq. Each
///   journal's recorded times never decrease, so its events keep their order, and "known at T"
///   stays a prefix of the union (`UnionPlaces.knowledge(at:)`).
/// - The union numbers its events 1…N in that order (union seqs): the fold needs one seq order.
///   A correction names its event by the seq it has in the correction's own journal; that seq is
///   rewritten to the union seq of the same event.
/// - An id already folded from another journal counts once when it states the same fact
///   (`EventEnvelope.statesSameFact`: a report forwarded upward); with a different fact it is a
///   conflict, and the union keeps the first.
/// - A unit registered in two journals with two different events is one unit when both state the
///   same registration (name, kind, setting, parent, aliases, date); otherwise a conflict, and the
///   union keeps the first registration (with the corrections of the one left out).
public enum UnionFold {
    public struct Result: Sendable {
        public var image: ImageStorage
        public var facts: UnionFacts
        /// Events folded (copies and conflicts left out).
        public var folded: Int
    }

    /// `journals[j]`: journal j's events in seq order from seq 1; `names[j]`: how the reader named it.
    public static func fold(_ journals: [[UnionItem]], names: [String], imageID: String, chainHash: String,
                            progress: ((Int) -> Void)? = nil) -> Result {
        var facts = UnionFacts(journals: names)
        var builder = ProjectionBuilder()
        // For each journal's event (by index = seq − 1): the union seq it is folded at (0: left out).
        var unionSeqOf = journals.map { [Int64](repeating: 0, count: $0.count) }
        var byID: [EventKey: Int64] = [:]
        byID.reserveCapacity(journals.reduce(0) { $0 + $1.count })
        var registrations: [UnitID: Int64] = [:]
        var next = Array(repeating: 0, count: journals.count)
        var head: Int64 = 0

        func kept(_ seq: Int64) -> (item: UnionItem, place: JournalPlace) {
            let origin = facts.places.origin(of: seq)!
            return (journals[origin.journal][Int(origin.seq - 1)], JournalPlace(journal: names[origin.journal], seq: origin.seq))
        }

        func mention(_ unit: UnitID, _ j: Int, _ item: UnionItem, date: CalendarDate, unionSeq: Int64) {
            guard facts.mentions[j][unit] == nil else { return }
            facts.mentions[j][unit] = UnionFacts.Mention(place: JournalPlace(journal: names[j], seq: item.seq), date: date,
                                                         unionSeq: unionSeq, recordedTime: item.recordedTime)
        }

        /// Notes what journal j says about units: which it registers, which it speaks about.
        func register(_ unit: UnitID, _ j: Int, at time: Instant) {
            if facts.registered[j][unit].map({ time < $0 }) ?? true { facts.registered[j][unit] = time }
        }
        func note(_ item: UnionItem, _ j: Int, unionSeq: Int64) {
            switch item {
            case .flow(let f):
                mention(f.subject, j, item, date: f.effectiveDate, unionSeq: unionSeq)
            case .event(let e):
                mention(e.subject, j, item, date: e.effectiveDate, unionSeq: unionSeq)
                switch e.payload {
                case .unitEstablished(let u):
                    register(u.id, j, at: e.recordedTime)
                case .merger(let m):
                    if m.newUnit != nil { register(m.into, j, at: e.recordedTime) }
                    for unit in m.from + [m.into] { mention(unit, j, item, date: e.effectiveDate, unionSeq: unionSeq) }
                default:
                    break
                }
            }
        }

        /// Journal j's event at `index` against union seq `first` (an earlier copy): the same fact
        /// is counted once, another is a conflict and left out.
        func repeated(_ item: UnionItem, _ j: Int, _ index: Int, of first: Int64, _ kind: UnionFacts.Conflict.Kind,
                      same: (EventEnvelope, EventEnvelope) -> Bool) {
            let (original, place) = kept(first)
            let (mine, theirs) = (item.envelope, original.envelope)
            if same(mine, theirs) {
                facts.copies += 1
                unionSeqOf[j][index] = first
            } else {
                facts.conflicts.append(UnionFacts.Conflict(
                    kind: kind, id: mine.id, unit: theirs.subject, date: theirs.effectiveDate, kept: place, keptSeq: first,
                    keptFact: describe(theirs), other: JournalPlace(journal: names[j], seq: item.seq), otherFact: describe(mine),
                    recordedTime: item.recordedTime))
            }
            note(item, j, unionSeq: first)
        }

        while true {
            // The journal whose next event comes first, and the next event of any other journal:
            // the first journal's events come first up to it.
            var best = -1
            var earliest: (Int64, Int) = (.max, .max), bound: (Int64, Int) = (.max, .max)
            for j in journals.indices where next[j] < journals[j].count {
                let candidate = (journals[j][next[j]].recordedTime.millisecondsSinceEpoch, j)
                if candidate < earliest {
                    bound = earliest
                    earliest = candidate
                    best = j
                } else if candidate < bound {
                    bound = candidate
                }
            }
            guard best >= 0 else { break }
            let j = best
            let events = journals[j]
            while next[j] < events.count, (events[next[j]].recordedTime.millisecondsSinceEpoch, j) < bound {
                let index = next[j]
                next[j] += 1
                let item = events[index]

                if let first = byID[item.key] {
                    // The same id again: one event, or a conflict.
                    repeated(item, j, index, of: first, .sameID) { $0.statesSameFact(as: $1) }
                    continue
                }

                var event: EventEnvelope?
                if case .event(var e) = item {
                    if case .unitEstablished(let u) = e.payload, let first = registrations[u.id] {
                        // A second registration of one unit: the same unit, or a conflict.
                        byID[item.key] = first
                        repeated(item, j, index, of: first, .registration) { $0.effectiveDate == $1.effectiveDate && $0.payload == $1.payload }
                        continue
                    }
                    if case .correction(var c) = e.payload {
                        // Seqs belong to a journal: name the corrected event by its union seq.
                        let target = c.eventSeq >= 1 && c.eventSeq <= Int64(events.count) ? unionSeqOf[j][Int(c.eventSeq - 1)] : 0
                        if target == 0 && c.eventSeq >= 1 && c.eventSeq <= Int64(events.count) {
                            // The corrected event was left out of the union (a conflict): so is its correction.
                            note(item, j, unionSeq: head)
                            continue
                        }
                        c.eventSeq = target
                        e.payload = .correction(c)
                    }
                    event = e
                }

                head += 1
                byID[item.key] = head
                unionSeqOf[j][index] = head
                facts.places.append(journal: j, seq: item.seq, recordedTime: item.recordedTime)
                if case .unitEstablished(let u)? = event?.payload { registrations[u.id] = head }
                note(item, j, unionSeq: head)
                if var e = event {
                    e.seq = head
                    builder.apply(e)
                } else if case .flow(var f) = item {
                    f.seq = head
                    builder.apply(f)
                }
                if head & 0x3FFF == 0 { progress?(Int(head)) }
            }
        }
        return Result(image: builder.image(journalID: imageID, chainHash: chainHash), facts: facts, folded: Int(head))
    }

    /// A fact in a few words, for a conflict's message: its type (the code in English, the label in
    /// Vietnamese), unit, date in the reader's form, and data as stored.
    static func describe(_ e: EventEnvelope) -> LocalizedText {
        let data = JSONWriter.string(.object(e.payload.data))
        return LocalizedText(en: "\(e.type.rawValue) \(e.subject) \(e.effectiveDate.iso) " + data + (e.sourceDocument.map { " source \"\($0)\"" } ?? ""),
                             vi: "\(e.type.label.vi) \(e.subject) \(e.effectiveDate.vietnamese) " + data + (e.sourceDocument.map { " nguồn \"\($0)\"" } ?? ""))
    }
}
