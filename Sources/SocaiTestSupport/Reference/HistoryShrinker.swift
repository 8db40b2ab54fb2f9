import SocaiCore

/// Makes a failing history small enough to read: drops one `record` at a time, keeping the
/// drop when the rest is still accepted by `socai record` and still shows the difference class.
public enum HistoryShrinker {
    /// The history `lines` recorded afresh, in one session; nil when a line is refused.
    public static func replay(_ lines: [RecordedHistory.Line], seed: UInt64) -> RecordedHistory? {
        var history = RecordedHistory(seed: seed)
        for line in lines {
            guard history.record(line.type, line.options.map { ($0.name, $0.value) }, id: line.eventID) else { return nil }
        }
        history.endSession()
        return history
    }

    /// Whether the full-knowledge comparison of `history` shows a difference of `cls`.
    public static func shows(_ cls: String, _ history: RecordedHistory, comparator: DifferentialComparator) -> Difference? {
        let outcome = comparator.compare(history, reference: ReferenceFold(history.events),
                                         engine: RulesProjection(history.events))
        return outcome.differences.first { $0.differenceClass == cls }
    }

    /// The smallest history found that still shows `cls`, and its difference; the original when
    /// the class does not show on everything known.
    public static func shrink(_ history: RecordedHistory, showing cls: String) -> (RecordedHistory, Difference?) {
        var comparator = DifferentialComparator()
        comparator.days = 1000
        comparator.flowUnits = 1000
        comparator.termUnits = 1000
        comparator.auditUnits = 1000
        guard var current = replay(history.lines, seed: history.seed), var found = shows(cls, current, comparator: comparator) else {
            return (history, nil)
        }
        var changed = true
        while changed {
            changed = false
            var i = current.lines.count - 1
            while i >= 0 {
                var lines = current.lines
                lines.remove(at: i)
                if let candidate = replay(lines, seed: history.seed), let d = shows(cls, candidate, comparator: comparator) {
                    current = candidate
                    found = d
                    changed = true
                }
                i -= 1
            }
        }
        return (current, found)
    }
}
