// socai-differential: the differential test's long run (Tools/differential; RELIABILITY.md has the figures).
//
//   socai-differential [--seed S] [--count N] [--size EVENTS] [--binary N] [--histories] [--shrink] [--show SEED] [--per-history]
//
// Generates N random valid histories (seeds S, S+1, …), asks the reference fold of
// docs/DECISIONS.md (Sources/SocaiTestSupport/Reference) and socai's engine the same questions,
// and prints: histories, questions, differences, then per difference class its count and the
// smallest history that shows it (with --histories, as the `socai record` lines that rebuild it).
// --binary N also asks the built `socai` (next to this executable) about the first N histories:
// imported with `socai import`, asked with `--json`, with and without `socai snapshot`, and with
// `--known-at` the end of the first recording session.
// --shrink prints, per class, the smallest history found that still shows it (records dropped one
// at a time while `socai record` accepts the rest and the difference remains).
// --show SEED prints one history's command lines and every difference it gives.
// --per-history prints a line for each history with differences: its seed, and its count per class.

#if canImport(Glibc)
import Glibc
#endif
import SocaiCore
import SocaiTestSupport

var arguments = Array(CommandLine.arguments.dropFirst())

@MainActor func value(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}

@MainActor func flag(_ name: String) -> Bool {
    guard let index = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: index)
    return true
}

let seed = value("--seed").flatMap(UInt64.init) ?? 1
let count = value("--count").flatMap(Int.init) ?? 1000
let size = value("--size").flatMap(Int.init) ?? 60
let show = value("--show").flatMap(UInt64.init)
let withHistories = flag("--histories")
let generateOnly = flag("--generate-only")
let binarySample = value("--binary").flatMap(Int.init) ?? 0
let shrink = flag("--shrink")
let perHistory = flag("--per-history")
guard arguments.isEmpty else {
    print("socai-differential: unknown arguments \(arguments.joined(separator: " "))")
    exit(64)
}

if let show {
    let (history, outcomes) = DifferentialRun.outcomes(seed: show, size: size)
    print(history.commandLines)
    for outcome in outcomes {
        print("questions \(outcome.questions), differences \(outcome.differences.count)")
        for d in outcome.differences { print("  " + d.description) }
    }
    exit(0)
}

if generateOnly {
    var events = 0
    for s in seed..<(seed + UInt64(count)) { events += HistoryGenerator(seed: s, size: size).generate().events.count }
    print("generated \(count) histories, \(events) events")
    exit(0)
}

var run = DifferentialRun()
var binaryRun = DifferentialRun()
var binaryFailures: [String] = []
for s in seed..<(seed + UInt64(count)) {
    let (history, outcomes) = DifferentialRun.outcomes(seed: s, size: size)
    run.add(history, outcomes)
    if perHistory {
        var classes: [String: Int] = [:]
        for outcome in outcomes { for d in outcome.differences { classes[d.differenceClass, default: 0] += 1 } }
        if !classes.isEmpty {
            print("seed \(s): " + classes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
    if (s - seed + 1) % 100 == 0 {
        let line = "socai-differential: \(s - seed + 1) histories (seeds \(seed)…\(s)), \(run.questions) questions, \(run.differences) differences\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
    if s < seed + UInt64(binarySample) {
        // Through the binary: imported, asked with and without a snapshot, and as known at the
        // end of an earlier session.
        let reference = ReferenceFold(history.events)
        var binaryOutcomes: [HistoryOutcome] = []
        for snapshot in [false, true] {
            let binary = BinaryProjection(history, snapshot: snapshot)
            binaryOutcomes.append(DifferentialComparator().compare(history, reference: reference, engine: binary))
            binaryFailures += binary.failures.map { "seed \(s) (\(binary.name)): \($0)" }
        }
        if history.sessionEnds.count > 1 {
            let n = history.sessionEnds[0]
            let binary = BinaryProjection(history, knownAtSeq: n, snapshot: true)
            binaryOutcomes.append(DifferentialComparator().compare(history, reference: ReferenceFold(history.events, knownAtSeq: n),
                                                                   engine: binary, knownAtSeq: n))
            binaryFailures += binary.failures.map { "seed \(s) (\(binary.name)): \($0)" }
        }
        binaryRun.add(history, binaryOutcomes)
    }
}
print("engine (Rules): " + run.summary(withHistories: withHistories), terminator: "")
if shrink {
    // The smallest history showing each class, as the `socai record` lines that rebuild it.
    for (cls, summary) in run.classes.sorted(by: { $0.key < $1.key }) {
        let (small, difference) = HistoryShrinker.shrink(summary.exampleHistory, showing: cls)
        print("\n== \(cls) (\(small.lines.count) records, from seed \(summary.exampleHistory.seed))")
        print(difference.map { "   \($0)" } ?? "   (shows only as known at an earlier seq)")
        print(small.commandLines.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("export") }
            .map { "   " + $0 }.joined(separator: "\n"))
    }
}
if binarySample > 0 {
    print("socai binary (\(binarySample) histories; with and without a snapshot, and --known-at): "
          + binaryRun.summary(withHistories: withHistories), terminator: "")
    for failure in binaryFailures.prefix(20) { print("  binary failure: " + failure) }
}
exit(run.differences == 0 && binaryRun.differences == 0 ? 0 : 1)
