import SocaiCore
import SocaiStore

/// The stored lines of several journals read as one, in the union's order, each event once: what
/// `log` and `export --format cloudevents` list for a union. A copy of an event an earlier journal
/// holds (a forwarded report) is left out, as the union counts it once; so is an event left out
/// for a conflict (`check` names it).
enum UnionLines {
    struct Line {
        /// The event's union seq.
        var seq: Int64
        var place: JournalPlace
        var bytes: [UInt8]
        var event: EventEnvelope
    }

    /// The lines `keep` accepts, by union seq.
    static func read(_ union: UnionFacts, _ invocation: Invocation, keep: (EventEnvelope, Int64) -> Bool) throws(CLIError) -> [Line] {
        // For each journal's seq, the union seq it is folded at when this copy is the one folded.
        var unionSeq = union.journals.map { _ in [Int64]() }
        for seq in 1...max(1, Int64(union.places.count)) {
            guard let origin = union.places.origin(of: seq) else { break }
            let index = Int(origin.seq - 1)
            if unionSeq[origin.journal].count <= index {
                unionSeq[origin.journal] += Array(repeating: 0, count: index + 1 - unionSeq[origin.journal].count)
            }
            unionSeq[origin.journal][index] = seq
        }
        var lines: [Line] = []
        for (j, path) in union.journals.enumerated() {
            let journal: FileJournal
            do { journal = try FileJournal.open(at: path) } catch { throw .journal(error) }
            let folded = unionSeq[j]
            do {
                try journal.read(ReadOptions(allowDamaged: invocation.globals.flag("allow-damaged"))) { record in
                    let index = Int(record.seq - 1)
                    guard index < folded.count, folded[index] > 0 else { return index < folded.count }
                    let event = record.envelope
                    if keep(event, folded[index]) {
                        lines.append(Line(seq: folded[index], place: JournalPlace(journal: path, seq: record.seq),
                                          bytes: Array(record.line), event: event))
                    }
                    return true
                }
            } catch {
                throw .journal(error.inJournal(path))
            }
        }
        return lines.sorted { $0.seq < $1.seq }
    }

    /// A stored line with the journal it came from and its union seq in front (`{"journal":…,
    /// "unionseq":…, …the line…}`): the line's own attributes, `seq` included, are unchanged.
    static func annotated(_ line: Line) -> String {
        let stored = String(decoding: line.bytes, as: UTF8.self)
        return "{\"journal\":" + JSONWriter.string(.string(line.place.journal)) + ",\"unionseq\":\(line.seq)," + stored.dropFirst()
    }
}
