import SocaiCore

/// Many histories compared at once: what `swift test` and `Tools/differential` both run.
public struct DifferentialRun {
    public var histories = 0
    public var questions = 0
    public var differences = 0
    /// Per class: how many differences, and the smallest history (fewest events) showing one.
    public var classes: [String: ClassSummary] = [:]
    public var unsupported: [String: Int] = [:]

    public struct ClassSummary {
        public var count = 0
        public var histories = 0
        public var example: Difference
        public var exampleHistory: RecordedHistory
    }

    public init() {}

    /// Generates the history of `seed`, compares the reference with the engine (`Rules`) on everything
    /// known and, when the history has several sessions, as known at the end of one of them.
    public static func outcomes(seed: UInt64, size: Int, comparator: DifferentialComparator = DifferentialComparator())
        -> (history: RecordedHistory, outcomes: [HistoryOutcome]) {
        let history = HistoryGenerator(seed: seed, size: size).generate()
        var outcomes: [HistoryOutcome] = []
        let full = ReferenceFold(history.events)
        // Odd seeds read the engine's projection back from its image (what a snapshot holds).
        outcomes.append(comparator.compare(history, reference: full,
                                           engine: RulesProjection(history.events, throughImage: seed % 2 == 1)))
        if history.sessionEnds.count > 1 {
            let n = history.sessionEnds[Int(seed % UInt64(history.sessionEnds.count - 1))]
            let known = ReferenceFold(history.events, knownAtSeq: n)
            outcomes.append(comparator.compare(history, reference: known, engine: RulesProjection(history.events, knownAtSeq: n),
                                               knownAtSeq: n))
        }
        return (history, outcomes)
    }

    public mutating func add(_ history: RecordedHistory, _ outcomes: [HistoryOutcome]) {
        histories += 1
        var seenHere = Set<String>()
        for outcome in outcomes {
            questions += outcome.questions
            differences += outcome.differences.count
            for (cls, n) in outcome.unsupported { unsupported[cls, default: 0] += n }
            for d in outcome.differences {
                if var summary = classes[d.differenceClass] {
                    summary.count += 1
                    if seenHere.insert(d.differenceClass).inserted {
                        summary.histories += 1
                        if history.events.count < summary.exampleHistory.events.count {
                            summary.example = d
                            summary.exampleHistory = history
                        }
                    }
                    classes[d.differenceClass] = summary
                } else {
                    seenHere.insert(d.differenceClass)
                    classes[d.differenceClass] = ClassSummary(count: 1, histories: 1, example: d, exampleHistory: history)
                }
            }
        }
    }

    /// The figures and, per class, the count and the smallest example.
    public func summary(withHistories: Bool) -> String {
        var out = "histories \(histories), questions \(questions), differences \(differences)\n"
        for (cls, s) in classes.sorted(by: { $0.key < $1.key }) {
            out += "  \(cls): \(s.count) differences in \(s.histories) histories\n"
            out += "    e.g. seed \(s.exampleHistory.seed) (\(s.exampleHistory.events.count) events): \(s.example)\n"
            if withHistories {
                out += s.exampleHistory.commandLines.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        for (cls, n) in unsupported.sorted(by: { $0.key < $1.key }) {
            out += "  unsupported by the engine: \(cls): \(n) questions\n"
        }
        return out
    }
}
