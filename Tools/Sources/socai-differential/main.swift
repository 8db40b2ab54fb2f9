// socai-differential: the differential test's long run (Tools/differential; RELIABILITY.md has the figures).
//
//   socai-differential [--seed S] [--count N] [--size EVENTS] [--histories] [--show SEED]
//
// Generates N random valid histories (seeds S, S+1, …), asks the reference fold of
// docs/DECISIONS.md (Sources/SocaiTestSupport/Reference) and socai's engine the same questions,
// and prints: histories, questions, differences, then per difference class its count and the
// smallest history that shows it (with --histories, as the `socai record` lines that rebuild it).
// --show SEED prints one history's command lines and every difference it gives.

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
for s in seed..<(seed + UInt64(count)) {
    let (history, outcomes) = DifferentialRun.outcomes(seed: s, size: size)
    run.add(history, outcomes)
}
print(run.summary(withHistories: withHistories), terminator: "")
exit(run.differences == 0 ? 0 : 1)
