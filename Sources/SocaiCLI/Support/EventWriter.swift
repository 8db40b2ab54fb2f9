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
    /// `written` hears how many events were written (or found valid, in a dry run), after the
    /// outcome is printed.
    func write(retryingOn session: inout JournalSession, written: (Int) -> Void = { _ in },
               _ build: (Rules, Instant) throws(CLIError) -> (events: [PendingEvent], warnings: [ValidationIssue], checkIDs: Bool))
        throws(CLIError) -> ExitStatus {
        try write(retryingOn: &session, written: written) { rules, now throws(CLIError) in
            let (events, warnings, checkIDs) = try build(rules, now)
            return (events.map(PendingItem.event), warnings, checkIDs)
        }
    }

    /// The same for a batch that may hold flows in their compact form (an import's fast path).
    func write(retryingOn session: inout JournalSession, written: (Int) -> Void = { _ in },
               _ build: (Rules, Instant) throws(CLIError) -> (items: [PendingItem], warnings: [ValidationIssue], checkIDs: Bool))
        throws(CLIError) -> ExitStatus {
        let p = invocation.presenter
        for attempt in 0..<50 {
            let now = invocation.context.now()
            let (items, warnings, checkIDs) = try build(session.rules, now)
            if attempt == 0 {
                for warning in warnings {
                    invocation.warning((warning.line.map { CommandText.linePrefix(["line": String($0)]) } ?? LocalizedText("")) + warning.message)
                }
            }
            if dryRun {
                for item in items {
                    let event = item.event
                    invocation.out(p.text(CommandText.validDryRun()) + p.text(ChoiceList.eventTypes.shown(event.payload.type.recordName))
                                   + " " + event.subject.rawValue + " " + p.date(event.effectiveDate)
                                   + ": " + EventSummary.describe(event.payload, p) + "\n")
                }
                try previewReorganisation(items.compactMap { if case .event(let event) = $0 { event } else { nil } }, session: session, now: now)
                written(items.count)
                return .success
            }
            let expected = expectSeq ?? session.headSeq
            do {
                let result = try session.journal.append(items, options: AppendOptions(expectedLastSeq: expected, checkExistingIDs: checkIDs),
                                                        now: now)
                for notice in result.notices { invocation.warning(notice) }
                for event in result.alreadyRecorded {
                    invocation.out(p.text(CommandText.alreadyRecorded(["seq": String(event.seq), "id": event.id.rawValue])) + "\n")
                }
                if result.writtenCount == 1, let id = result.singleID {
                    invocation.out(p.text(CommandText.recordedOne(["seq": String(result.firstSeq), "id": id.rawValue])) + "\n")
                } else if result.writtenCount > 1 {
                    invocation.out(p.text(CommandText.recordedMany(["count": .count(result.writtenCount),
                                                                    "first": LocalizedText(String(result.firstSeq)),
                                                                    "last": LocalizedText(String(result.lastSeq))])) + "\n")
                }
                written(result.writtenCount)
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

    /// A dry run of mergers, moves or dissolutions also shows the tree before and after, and
    /// whether any top unit's members change (issue 17).
    private func previewReorganisation(_ events: [PendingEvent], session: JournalSession, now: Instant) throws(CLIError) {
        guard events.contains(where: { ReorganisationPreview.isStructural($0.payload) }) else { return }
        let head = session.projection.headSeq
        let envelopes = events.enumerated().map { $0.element.envelope(seq: head + 1 + Int64($0.offset), recordedTime: now, batch: nil) }
        var base = session.projection
        var after = base.appending(envelopes)
        if after == nil {
            // An image and the events after it: fold the journal whole, then add the batch.
            base = try JournalSession.load(invocation, refresh: false, snapshots: false).projection
            after = base.appending(envelopes)
        }
        guard let after, let preview = ReorganisationPreview(events: envelopes, before: Rules(base), after: Rules(after)) else { return }
        invocation.out(ReorganisationText.render(preview, invocation.presenter))
    }
}
