import SocaiCore
import SocaiReports
import SocaiStore

/// Validates events against the ledger and appends them, so that validation and append see the
/// same journal: if another writer appends in between, the new events are folded in and the
/// request is validated again (unless `--expect-seq` asked to fail instead).
struct EventWriter {
    let invocation: Invocation
    let dryRun: Bool
    let expectSeq: Int64?

    /// Builds events from the current view (`build` may throw validation errors), appends them as
    /// one batch, prints the outcome. `checkIDs`: the ids came from the user (idempotent retry).
    func write(retryingOn session: inout JournalSession,
               _ build: (Rules, Instant) throws(CLIError) -> (events: [PendingEvent], warnings: [ValidationIssue], checkIDs: Bool))
        throws(CLIError) -> ExitStatus {
        let p = invocation.presenter
        for attempt in 0..<50 {
            let now = invocation.context.now()
            let (events, warnings, checkIDs) = try build(session.rules, now)
            if attempt == 0 {
                for warning in warnings {
                    invocation.warning(LocalizedText(warning.line.map { "line \($0): " } ?? "") + warning.message)
                }
            }
            if dryRun {
                for event in events {
                    invocation.out(p.text(LocalizedText(en: "valid (dry run, nothing written): ", vi: "hợp lệ (chạy thử, không ghi): "))
                                   + event.payload.type.recordName + " " + event.subject.rawValue + " " + p.date(event.effectiveDate)
                                   + ": " + EventSummary.describe(event.payload, p) + "\n")
                }
                return .success
            }
            let expected = expectSeq ?? session.headSeq
            do {
                let result = try session.journal.append(events, options: AppendOptions(expectedLastSeq: expected, checkExistingIDs: checkIDs),
                                                        now: now)
                for notice in result.notices { invocation.warning(notice) }
                for event in result.alreadyRecorded {
                    invocation.out(p.text(LocalizedText(en: "already recorded: seq \(event.seq) id \(event.id) (nothing written)\n",
                                                        vi: "đã ghi từ trước: số \(event.seq) mã \(event.id) (không ghi thêm)\n")))
                }
                if result.written.count == 1, let event = result.written.first {
                    invocation.out(p.text(LocalizedText(en: "recorded seq \(event.seq) id \(event.id)\n",
                                                        vi: "đã ghi số \(event.seq) mã \(event.id)\n")))
                } else if let first = result.written.first, let last = result.written.last {
                    invocation.out(p.text(LocalizedText(
                        en: "recorded \(p.count(result.written.count)) events, seq \(first.seq)–\(last.seq)\n",
                        vi: "đã ghi \(p.count(result.written.count)) sự kiện, số \(first.seq)–\(last.seq)\n")))
                }
                return .success
            } catch .sequenceConflict(let wanted, let actual) where expectSeq == nil {
                // Someone else appended: fold their events in and validate again.
                _ = (wanted, actual)
                try session.catchUp(invocation)
                continue
            } catch {
                throw .journal(error)
            }
        }
        throw .journal(.lockTimeout(path: session.journal.directory, seconds: 0))
    }
}
