import SocaiCore
import SocaiTestSupport
import Testing

/// The differential test of issues 13, 17, 20, 21 and 22: random valid histories answered by the
/// reference fold of docs/DECISIONS.md (Sources/SocaiTestSupport/Reference, written from the
/// rules' text) and by socai's engine, question by question. `Tools/differential` runs thousands.
@Suite("Differential: the reference fold against the engine")
struct DifferentialTests {
    /// Classes of differences today's engine is known to show, with the issue that asks for the
    /// fix. When a fix lands, delete its line: from then on one difference of that class fails
    /// the test. The goal is an empty list. (A class ending in `[stranded]`, a history with events
    /// at a unit on a day it did not exist, no longer occurs: `record` refuses what would strand
    /// an event, R7, and the generator builds histories through the same `EventBuilder`.)
    static let knownDifferences: [String: String] = [:]

    @Test("random histories: the engine answers as the reference fold, but for the known differences")
    func randomHistories() {
        var comparator = DifferentialComparator()
        comparator.days = 4
        comparator.flowUnits = 3
        comparator.termUnits = 3
        comparator.auditUnits = 2
        var run = DifferentialRun()
        for seed in 1...200 as ClosedRange<UInt64> {
            let (history, outcomes) = DifferentialRun.outcomes(seed: seed, size: 12 + Int(seed % 24), comparator: comparator)
            run.add(history, outcomes)
        }
        #expect(run.histories == 200)
        #expect(run.questions > 10_000, "the histories ask enough questions")
        for (cls, summary) in run.classes.sorted(by: { $0.key < $1.key }) {
            let text = "\(cls): \(summary.count) differences in \(summary.histories) histories; smallest: seed \(summary.exampleHistory.seed)\n"
                + "\(summary.example)\n\(summary.exampleHistory.commandLines)"
            if let why = Self.knownDifferences[cls] {
                withKnownIssue(Comment(rawValue: why)) { Issue.record(Comment(rawValue: text)) }
            } else {
                Issue.record(Comment(rawValue: "a difference of a class not known: " + text))
            }
        }
        for (cls, n) in run.unsupported.sorted(by: { $0.key < $1.key }) {
            let key = "unsupported:" + cls
            if let why = Self.knownDifferences[key] {
                withKnownIssue(Comment(rawValue: why)) { Issue.record(Comment(rawValue: "\(key): \(n) questions")) }
            } else {
                Issue.record(Comment(rawValue: "the engine cannot answer \(n) questions of \(cls)"))
            }
        }
    }

    /// Every seed a long run (`Tools/differential`, size 60) found a difference in, whichever side
    /// was wrong (RELIABILITY.md "The runs of 2026-12-05"): the 200 short histories above miss
    /// the shapes only long histories reach, so these are asked in full on every `swift test`.
    static let seedsThatFoundDifferences: [UInt64] = [
        68, 69, 75, 95, 138, 150, 163, 184, 220, 261, 332, 337, 422, 506, 613, 708, 763, 776, 798, 809, 888, 930, 951,
        1003, 1231, 1335, 1418, 1507, 1726, 1849, 1958, 2000, 2093, 2207, 3738, 4372, 4611, 5421, 5426, 5830, 6267,
        6330, 7681, 7714, 8494, 9267, 14068, 15466, 33285, 35853,
    ]

    @Test("the histories long runs found differences in: none now", arguments: seedsThatFoundDifferences)
    func historiesThatFoundDifferences(_ seed: UInt64) {
        var run = DifferentialRun()
        let (history, outcomes) = DifferentialRun.outcomes(seed: seed, size: 60)
        run.add(history, outcomes)
        #expect(run.questions > 100)
        for (cls, summary) in run.classes.sorted(by: { $0.key < $1.key }) {
            Issue.record(Comment(rawValue: "seed \(seed): \(cls): \(summary.count) differences\n\(summary.example)\n\(history.commandLines)"))
        }
        #expect(run.unsupported.isEmpty, "\(run.unsupported)")
    }
}
