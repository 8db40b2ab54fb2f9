import SocaiCore
import SocaiStore

/// `socai export --format cloudevents-lines [--from-seq N] [--unit U] [--follow]`: the journal's
/// lines, byte for byte, one structured-mode CloudEvent per line, for a message broker's producer
/// or another journal's `import --format cloudevents-lines`.
///
/// Every line written has passed a reader's checks (its chain hash, seq, source, recorded-time
/// order, batch marks): damage stops the stream with 65 naming the line, after the good lines
/// before it. With `--follow` it keeps going, writing lines as writers commit them, until SIGINT
/// or SIGTERM or until its reader goes away, and then exits 0 (see `StreamOutput`).
enum CloudEventsLineExport {
    /// Lines are gathered up to this many bytes before one `write`, and always written before
    /// the stream waits: no line waits in socai's buffer once the journal has no more to give.
    static let flushBytes = 64 * 1024

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let follow = arguments.flag("follow")
        let command = ExportCommand.spec.name
        if follow, arguments.value("out") != nil {
            throw .usage(UsageError(message: CommandText.followWritesToStandardOutput(), command: command,
                                    hint: CommandText.pipeTheFollow()))
        }
        if follow, arguments.value("known-at") != nil {
            throw .usage(UsageError(message: CommandText.followWithKnownAt(), command: command,
                                    hint: CommandText.knownAtEndsFollowNever()))
        }
        let fromSeq = Int64(try LogCommand.integer(arguments, "from-seq") ?? 1)
        let knownAt = try invocation.knownAt(arguments)
        let journal: FileJournal
        do { journal = try FileJournal.open(at: invocation.journalPath) } catch { throw .journal(error) }
        var subtree: UnitSubtree?
        if let text = arguments.value("unit") {
            let session = try JournalSession.load(invocation)
            subtree = UnitSubtree(try invocation.unit(text, in: session.rules, command: command), registry: session.rules.registry)
        }
        var lines = LineFilter(follower: JournalFollower(journal, fromSeq: fromSeq), subtree: subtree, knownAt: knownAt)

        if let path = arguments.value("out") {
            var bytes: [UInt8] = []
            let round = try lines.next { line in
                bytes.append(contentsOf: line)
                bytes.append(0x0A)
                return true
            }
            for notice in round.notices { invocation.notice(notice) }
            do { try ImportFile.write(path, contents: bytes) } catch {
                throw .message(LocalizedText(en: "cannot write \(path): \(error.message.en)",
                                             vi: "không ghi được \(path): \(error.message.vi)"), .ioError)
            }
            invocation.out(invocation.presenter.text(LocalizedText(
                en: "wrote \(path): \(round.delivered) events (CloudEvents, one per line)\n",
                vi: "đã ghi \(path): \(round.delivered) sự kiện (CloudEvents, mỗi dòng một sự kiện)\n")))
            return .success
        }

        let output = StreamOutput(invocation.context.stdout, catchingStopSignals: follow)
        let watch = DirectoryWatch(journal.directory)
        var pending: [UInt8] = []
        var ended: StreamOutput.End?
        func flush() {
            defer { pending.removeAll(keepingCapacity: true) }
            guard ended == nil, !pending.isEmpty else { return }
            do { try output.write(pending) } catch { ended = error }
        }
        while ended == nil {
            let round: LineFilter.Round
            do {
                round = try lines.next { line in
                    pending.append(contentsOf: line)
                    pending.append(0x0A)
                    if pending.count >= flushBytes { flush() }
                    return ended == nil
                }
            } catch {
                flush()  // the good lines before the damage
                throw error
            }
            for notice in round.notices { invocation.notice(notice) }
            flush()
            if !follow || round.reachedKnownAt { break }
            // Look again when the directory changes, or after a short wait in any case (a journal on
            // a network file system may change without telling inotify).
            do { try output.wait(watch) } catch { ended = error }
        }
        return .success
    }

    /// The follower's lines that the export writes: from the seq, about the unit's subtree, recorded
    /// by `--known-at`.
    struct LineFilter {
        var follower: JournalFollower
        var subtree: UnitSubtree?
        let knownAt: Instant?

        struct Round {
            var delivered = 0
            var reachedKnownAt = false
            var notices: [LocalizedText] = []
        }

        /// Hands each new line's bytes (without `\n`, valid during the call) to `write`, which
        /// returns false to stop.
        mutating func next(_ write: (UnsafeRawBufferPointer) -> Bool) throws(CLIError) -> Round {
            var result = Round()
            let knownAt = self.knownAt
            var subtree = self.subtree
            defer { self.subtree = subtree }
            do {
                let round = try follower.readNew { record in
                    if let knownAt, record.recordedTime > knownAt {
                        result.reachedKnownAt = true
                        return false
                    }
                    if subtree?.carries(record.envelope) == false { return true }
                    result.delivered += 1
                    return write(record.line)
                }
                result.notices = round.notices
            } catch {
                throw .journal(error)
            }
            return result
        }
    }
}
