#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore
import SocaiReports
import SocaiStore

/// `socai import --format cloudevents-lines FILE|-`: events from another journal's lines (`export
/// --format cloudevents-lines`, as a broker delivers them), kept as they were recorded there.
///
/// Each event keeps its id, subject, effective date, data, recorder and source document; this
/// journal gives it its own seq, recorded time and chain hash and records where it came from
/// (`originsource`, `originseq`, `origintime`: `EventOrigin`). An id already in this journal with
/// the same fact is "already recorded" and skipped, so a stream can be imported again from its
/// start, or delivered twice, without doubling anything; the same id with a different fact is a
/// conflict (exit 75), never a silent overwrite. A correction names the event it corrects by id
/// and by seq, and seqs belong to a journal: its seq is rewritten to the seq the corrected event
/// has here (it must be here, or earlier in the same input). Facts are not validated again
/// against this journal's units: they were validated where they were recorded, and `check`
/// reports what disagrees. All or nothing: every bad line is named and nothing is written, or
/// every new event is appended in one batch and one fsync.
enum CloudEventsLineImport {
    static func run(_ path: String, _ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        for option in ["by", "source"] where arguments.value(option) != nil {
            throw .usage(UsageError(message: CommandText.notForCloudEventsLines(["option": option]),
                                    command: ImportCommand.spec.name, hint: CommandText.eachLineKeepsItsOrigin()))
        }
        let text: String
        do {
            text = try ImportFile.read(path)
        } catch .io(_, _, let code) where code == EILSEQ {
            throw .invalid([ValidationIssue(field: "file", value: path, message: LocalizedText(
                en: "\(path) is not UTF-8: journal lines always are; was it converted on the way?",
                vi: "\(path) không phải UTF-8: các dòng của sổ luôn là UTF-8; tệp có bị chuyển mã không?"))])
        } catch {
            throw .journal(error)
        }
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        let incoming = try read(text, path: path)
        let expectSeq = try LogCommand.integer(arguments, "expect-seq").map(Int64.init)
        let p = invocation.presenter
        for _ in 0..<50 {
            let plan = try self.plan(incoming, into: journal, expectSeq: expectSeq)
            if arguments.flag("dry-run") {
                invocation.out(p.text(LocalizedText(
                    en: "valid (dry run, nothing written): \(p.count(plan.events.count)) new events, \(p.count(plan.alreadyRecorded)) already recorded\n",
                    vi: "hợp lệ (chạy thử, không ghi): \(p.count(plan.events.count)) sự kiện mới, \(p.count(plan.alreadyRecorded)) đã ghi từ trước\n")))
                return .success
            }
            let result: AppendResult
            do {
                result = try journal.append(plan.events, options: AppendOptions(expectedLastSeq: plan.head, checkExistingIDs: true),
                                            now: invocation.context.now())
            } catch .sequenceConflict where expectSeq == nil {
                continue  // another writer appended: look again at what is already here
            } catch {
                throw .journal(error)
            }
            for notice in result.notices { invocation.warning(notice) }
            let already = plan.alreadyRecorded + result.alreadyRecorded.count
            if let first = result.written.first, let last = result.written.last {
                invocation.out(p.text(LocalizedText(
                    en: "recorded \(p.count(result.written.count)) events, seq \(first.seq)–\(last.seq)\n",
                    vi: "đã ghi \(p.count(result.written.count)) sự kiện, số \(first.seq)–\(last.seq)\n")))
            } else {
                invocation.out(p.text(LocalizedText(en: "nothing new (nothing written)\n", vi: "không có gì mới (không ghi gì)\n")))
            }
            if already > 0 {
                invocation.out(p.text(LocalizedText(en: "\(p.count(already)) events already recorded (skipped)\n",
                                                    vi: "\(p.count(already)) sự kiện đã ghi từ trước (bỏ qua)\n")))
            }
            return .success
        }
        throw .journal(.lockTimeout(path: journal.directory, seconds: 0))
    }

    /// One event of the input, with its line number.
    struct Line {
        var number: Int
        var event: EventEnvelope
        var source: String
    }

    /// The input's events after the line checks (repeats of a line dropped), or every problem.
    static func read(_ text: String, path: String) throws(CLIError) -> [Line] {
        var checker = IncomingLineChecker()
        var lines: [Line] = []
        var issues: [ValidationIssue] = []
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (index, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var bytes = Array(raw)
            if index == 0, bytes.starts(with: bom) { bytes.removeFirst(bom.count) }
            if bytes.last == 0x0D { bytes.removeLast() }  // a file that went through Windows
            if bytes.isEmpty { continue }
            switch checker.check(bytes, number: index + 1) {
            case .event(let event, let source): lines.append(Line(number: index + 1, event: event, source: source))
            case .repeated: continue
            case .problem(let message): issues.append(ValidationIssue(field: "line", message: message, line: index + 1))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        if lines.isEmpty {
            throw .invalid([ValidationIssue(field: "file", value: path, message: LocalizedText(
                en: "\(path) holds no events", vi: "\(path) không có sự kiện nào"))])
        }
        return lines
    }

    /// What an append would do: the new events (corrections pointing at seqs of this journal),
    /// the head they follow, and how many are already recorded.
    struct Plan {
        var events: [PendingEvent] = []
        var head: Int64
        var alreadyRecorded = 0
    }

    static func plan(_ lines: [Line], into journal: FileJournal, expectSeq: Int64?) throws(CLIError) -> Plan {
        let head: JournalHead
        let stored: [EventID: EventEnvelope]
        do {
            head = try journal.head()
            var wanted = Set(lines.map(\.event.id))
            for line in lines { if case .correction(let c) = line.event.payload { wanted.insert(c.event) } }
            stored = try journal.events(withIDs: wanted)
        } catch {
            throw .journal(error)
        }
        if let expectSeq, expectSeq != head.seq { throw .journal(.sequenceConflict(expected: expectSeq, actual: head.seq)) }
        var plan = Plan(head: head.seq)
        var problems: [ValidationIssue] = []
        var conflicts: [ValidationIssue] = []
        var staged: [EventID: (seq: Int64, line: Int, event: PendingEvent)] = [:]
        let own = journal.metadata.source
        for line in lines {
            let origin = line.event.origin ?? EventOrigin(source: line.source, seq: line.event.seq, recordedTime: line.event.recordedTime)
            var event = PendingEvent(id: line.event.id, subject: line.event.subject, effectiveDate: line.event.effectiveDate,
                                     recordedBy: line.event.recordedBy, sourceDocument: line.event.sourceDocument,
                                     origin: origin, payload: line.event.payload)
            if case .correction(var correction) = event.payload {
                if let target = stored[correction.event] {
                    correction.eventSeq = target.seq
                } else if let target = staged[correction.event] {
                    correction.eventSeq = target.seq
                } else {
                    problems.append(issue(line, "data.event", correction.event.rawValue,
                        en: "corrects event \(correction.event), which is neither in this journal nor on an earlier line; import the line that recorded it first (export --from-seq an earlier seq)",
                        vi: "đính chính sự kiện \(correction.event), không có trong sổ này cũng như ở dòng trước; hãy nhập dòng ghi sự kiện đó trước (export --from-seq sớm hơn)"))
                    continue
                }
                event.payload = .correction(correction)
            }
            if let existing = stored[event.id] {
                if existing.matches(event) {
                    plan.alreadyRecorded += 1
                } else {
                    conflicts.append(issue(line, "id", event.id.rawValue,
                        en: "event id \(event.id) is already used here by a different event (seq \(existing.seq)); nothing was overwritten",
                        vi: "mã sự kiện \(event.id) đã dùng ở sổ này cho một sự kiện khác (số \(existing.seq)); không ghi đè gì"))
                }
                continue
            }
            if origin.source == own || line.source == own {
                problems.append(issue(line, "source", own,
                        en: "names this journal as where it was recorded, but this journal holds no event \(event.id): a line from a copy of this journal that was changed?",
                        vi: "ghi rằng được ghi tại chính sổ này, nhưng sổ này không có sự kiện \(event.id): một dòng từ bản sao đã bị sửa?"))
                continue
            }
            if let earlier = staged[event.id] {
                if !earlier.event.envelope(seq: earlier.seq, recordedTime: origin.recordedTime, batch: nil).matches(event) {
                    conflicts.append(issue(line, "id", event.id.rawValue,
                        en: "event id \(event.id) is also line \(earlier.line)'s, with a different event",
                        vi: "mã sự kiện \(event.id) trùng với dòng \(earlier.line) nhưng là sự kiện khác"))
                } else {
                    plan.alreadyRecorded += 1
                }
                continue
            }
            staged[event.id] = (head.seq + Int64(plan.events.count) + 1, line.number, event)
            plan.events.append(event)
        }
        if !problems.isEmpty {
            let all = (problems + conflicts).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
            throw .invalid(all)
        }
        if !conflicts.isEmpty {
            throw .message(LocalizedText(
                en: conflicts.map { "line \($0.line ?? 0): \($0.message.en)" }.joined(separator: "\n") + "\nnothing was written.",
                vi: conflicts.map { "dòng \($0.line ?? 0): \($0.message.vi)" }.joined(separator: "\n") + "\nkhông ghi gì vào sổ."), .conflict)
        }
        return plan
    }

    static func issue(_ line: Line, _ field: String, _ value: String, en: String, vi: String) -> ValidationIssue {
        ValidationIssue(field: field, value: value, message: LocalizedText(en: en, vi: vi), line: line.number)
    }
}
