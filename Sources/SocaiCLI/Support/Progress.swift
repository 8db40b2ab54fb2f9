import SocaiCore

/// A progress line on stderr for long operations (events/s and count), only when stderr is a
/// terminal and not `--quiet`; silent otherwise so scripts and logs stay clean.
final class Progress {
    private let invocation: Invocation
    private let label: LocalizedText
    private let enabled: Bool
    private let total: Int?
    private var count = 0
    private var started: Instant
    private var lastShown: Int64 = 0

    init(_ invocation: Invocation, label: LocalizedText, total: Int? = nil) {
        self.invocation = invocation
        self.label = label
        self.total = total
        self.enabled = !invocation.quiet && invocation.context.stderr.isTerminal
        self.started = invocation.context.now()
    }

    func tick(_ n: Int = 1) {
        count += n
        guard enabled, count & 0x3FFF == 0 else { return }
        let now = invocation.context.now()
        guard now.millisecondsSinceEpoch - lastShown >= 200 else { return }
        lastShown = now.millisecondsSinceEpoch
        let elapsed = max(1, now.millisecondsSinceEpoch - started.millisecondsSinceEpoch)
        let rate = Int64(count) * 1000 / elapsed
        var line = "\r" + invocation.presenter.text(label) + " " + invocation.presenter.count(count)
        if let total, total > 0, rate > 0 {
            let remaining = Int64(max(0, total - count)) / rate
            line += "/" + invocation.presenter.count(total) + ", "
                + invocation.presenter.text(CommandText.remaining(["seconds": .count(Int(remaining))]))
        }
        line += ", " + invocation.presenter.count(Int(rate)) + invocation.presenter.text(CommandText.eventsPerSecond()) + "   "
        invocation.context.stderr.write(line)
    }

    func finish() {
        guard enabled, lastShown != 0 else { return }
        invocation.context.stderr.write("\r\u{1B}[K")
    }
}
