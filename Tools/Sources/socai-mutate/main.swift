// socai-mutate: the mutation tester behind Tools/mutate/run. Each mutant (a rule site of
// Tools/mutate/sites.txt broken by one operator) is written into a scratch copy of the repository,
// built, and tested: the rule's own test target first (most mutants die there in seconds), then
// every other target. A mutant that no test notices is a survivor: a rule no test pins down.
//
//   socai-mutate [--list] [--quick] [--sample N] [--only ID,…] [--budget SEC] [--timeout SEC]
//                [--no-baseline] [--root DIR] [--report FILE] [--resume FILE]
//
//   --list         check the catalogue and print every mutant with its diff; build nothing.
//   --quick        a sample of 12 mutants spread over the catalogue (--sample N for another size).
//   --only LIST    mutants whose id starts with one of the comma-separated prefixes (a site id
//                  takes all its mutants: `--only m2-tier-sum,m4-seq`).
//   --budget SEC   stop starting mutants after SEC seconds in all (the rest are "not run").
//   --timeout SEC  the most one build or one test phase of a mutant may take (default 1200); a
//                  test phase that outlives it counts as killed (a mutant that hangs is noticed).
//   --no-baseline  skip the unmutated build and test run (it proves the suite passes first).
//   --report FILE  where the Markdown report goes (default Tools/.work/mutate/report.md).
//   --resume FILE  take the verdicts of an earlier run's report (killed, survived, build-failed)
//                  instead of running those mutants again: a run stopped part-way (a session's
//                  end) is finished by a second one. Refused unless that report was made at the
//                  commit the sources are at now, with no uncommitted change in either.
//
// Equivalent mutants (no test can kill them: the change cannot alter any answer) are listed in
// Tools/mutate/equivalent.txt with the reason, are not run, and do not count in the score.
// Build failures do not count either. Score = killed / (killed + survived).

import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var list = false
    var sample: Int?
    var only: [String] = []
    var budget: Double?
    var timeout: Double = 1200
    var baseline = true
    var root = FileManager.default.currentDirectoryPath
    var report: String?
    var resume: String?

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fail("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--list": options.list = true
            case "--quick": options.sample = options.sample ?? 12
            case "--sample": options.sample = number(value(), "--sample takes a number")
            case "--only": options.only = value().split(separator: ",").map(String.init)
            case "--budget": options.budget = number(value(), "--budget takes seconds")
            case "--timeout": options.timeout = number(value(), "--timeout takes seconds")
            case "--no-baseline": options.baseline = false
            case "--root": options.root = value()
            case "--report": options.report = value()
            case "--resume": options.resume = value()
            case "-h", "--help":
                print("usage: Tools/mutate/run [--list] [--quick] [--sample N] [--only ID,…] [--budget SEC] [--timeout SEC] [--no-baseline] [--report FILE] [--resume FILE]")
                exit(0)
            default: fail("unknown option \(arguments[i]) (see --help)")
            }
            i += 1
        }
        return options
    }
}

func number<T: LosslessStringConvertible>(_ text: String, _ message: String) -> T {
    guard let value = T(text) else { fail(message) }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("socai-mutate: " + message + "\n").utf8))
    exit(64)
}

/// What happened to one mutant.
enum Verdict: String {
    case killed, survived, equivalent
    case buildFailed = "build-failed"
    case notRun = "not-run"
}

struct MutantResult {
    var mutant: Mutant
    var verdict: Verdict
    /// The phase that killed it (`SocaiCoreTests`, `the rest`, `timeout`), or the equivalence reason.
    var detail: String
    var seconds: Double
}

/// The first failing test a `swift test` log names (`✘ Test "name" recorded an issue …`), or the crash.
func firstFailure(inLog path: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") {
        if let range = line.range(of: "✘ Test ") {
            let rest = line[range.upperBound...]
            let name = rest.hasPrefix("\"") ? rest.dropFirst().prefix { $0 != "\"" } : rest.prefix { $0 != " " }
            return "`" + String(name).replacingOccurrences(of: "|", with: "/") + "`"
        }
        if line.contains("Fatal error") { return "a crash (" + String(line.suffix(80)).replacingOccurrences(of: "|", with: "/") + ")" }
    }
    return nil
}

/// One line of progress, written at once (the run takes hours; its output is watched as it goes).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let root = options.root
let work = root + "/Tools/.work/mutate"
let tree = ScratchTree(repository: root, path: work + "/tree")

// 1. The catalogue, checked against the sources as they are now.
let sites: [Site]
let equivalents: [String: String]
var mutants: [Mutant] = []
do {
    sites = try Catalogue.parseSites(String(contentsOfFile: root + "/Tools/mutate/sites.txt", encoding: .utf8))
    equivalents = try Catalogue.parseEquivalents((try? String(contentsOfFile: root + "/Tools/mutate/equivalent.txt", encoding: .utf8)) ?? "")
    var problems: [String] = []
    for site in sites {
        do {
            let source = try String(contentsOfFile: root + "/" + site.file, encoding: .utf8)
            mutants += try Catalogue.mutants(of: site, in: source)
        } catch let error as CatalogueError {
            problems.append(error.description)
        } catch {
            problems.append("sites.txt:\(site.catalogueLine) (\(site.id)): cannot read \(site.file): \(error)")
        }
    }
    let ids = Set(mutants.map(\.id))
    for id in equivalents.keys where !ids.contains(id) { problems.append("equivalent.txt: \(id) is not a mutant of the catalogue") }
    if !problems.isEmpty { fail("the catalogue does not match the sources:\n  " + problems.joined(separator: "\n  ")) }
} catch {
    fail("\(error)")
}

if options.list {
    for m in mutants {
        say("\(m.id)\(equivalents[m.id].map { "  (equivalent: \($0))" } ?? "")\n\(m.diff)\n")
    }
    say("\(mutants.count) mutants at \(sites.count) sites; \(equivalents.count) listed as equivalent")
    exit(0)
}

// 2. Which mutants this run tries.
var selected = mutants
if !options.only.isEmpty {
    selected = mutants.filter { m in options.only.contains { m.id.hasPrefix($0) } }
    if selected.isEmpty { fail("--only matches no mutant") }
}
if let n = options.sample, n < selected.count {
    // Evenly spaced over the catalogue, so every area is sampled; the same sample every time.
    let step = Double(selected.count) / Double(n)
    selected = (0..<n).map { selected[Int(Double($0) * step)] }
}

let commit = Report.commit(of: root)
// Verdicts of an earlier run at the same commit (`--resume`): those mutants are not run again.
var earlier: [String: (verdict: Verdict, detail: String, seconds: Double)] = [:]
if let path = options.resume {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("--resume: cannot read \(path)") }
    guard let made = Report.commit(inReport: text), !made.hasSuffix("+"), made == commit else {
        fail("--resume: \(path) was made at \(Report.commit(inReport: text) ?? "an unknown commit"), the sources are at \(commit); run the whole catalogue again")
    }
    earlier = Report.verdicts(inReport: text)
    say("resuming \(path): \(earlier.count) verdicts taken over")
}

// 3. The scratch copy, and the suite proven green without a mutant.
try FileManager.default.createDirectory(atPath: work + "/logs", withIntermediateDirectories: true)
// One run at a time: two would write mutants into the same copy. The lock goes with the process.
let lock = open(work + "/lock", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else { fail("another Tools/mutate/run is using \(work)") }
do {
    let written = try tree.sync()
    say("scratch tree \(tree.path): \(written) files updated")
} catch {
    fail("cannot sync the scratch tree: \(error)")
}
let started = Date()
func command(_ arguments: [String], log: String) -> TimedCommand {
    TimedCommand(arguments: arguments, directory: tree.path, log: work + "/logs/" + log + ".log")
}
func logName(_ id: String) -> String { id.replacingOccurrences(of: "/", with: "_") }
if options.baseline {
    try? FileManager.default.removeItem(atPath: work + "/logs/baseline.log")
    say("baseline: building and running every test without a mutant…")
    let build = command(["swift", "build", "--build-tests"], log: "baseline").run(limit: 4 * options.timeout)
    guard build.outcome == .exited(0) else { fail("the unmutated tree does not build: see \(work)/logs/baseline.log") }
    let test = command(["swift", "test", "--skip-build"], log: "baseline").run(limit: options.timeout)
    guard test.outcome == .exited(0) else { fail("the suite fails without a mutant: see \(work)/logs/baseline.log") }
    say(String(format: "baseline: green (build %.0f s, tests %.0f s)", build.seconds, test.seconds))
}

let reportPath = options.report ?? work + "/report.md"

// 4. Each mutant: written, built, tested (its rule's target first), and the file restored.
var results: [MutantResult] = []
for (k, mutant) in selected.enumerated() {
    let progress = "[\(k + 1)/\(selected.count)]"
    if let reason = equivalents[mutant.id] {
        results.append(MutantResult(mutant: mutant, verdict: .equivalent, detail: reason, seconds: 0))
        say("\(progress) equivalent   \(mutant.id)")
        continue
    }
    if let taken = earlier[mutant.id] {
        results.append(MutantResult(mutant: mutant, verdict: taken.verdict, detail: taken.detail, seconds: taken.seconds))
        say("\(progress) \(taken.verdict.rawValue)   \(mutant.id)  (earlier run)")
        continue
    }
    if let budget = options.budget, Date().timeIntervalSince(started) > budget {
        results.append(MutantResult(mutant: mutant, verdict: .notRun, detail: "over the --budget", seconds: 0))
        continue
    }
    let mutantStart = Date()
    let file = mutant.site.file
    let original: String
    do { original = try tree.read(file) } catch { fail("cannot read \(file) in the scratch tree: \(error)") }
    var lines = original.components(separatedBy: "\n")
    guard lines.indices.contains(mutant.lineNumber - 1), lines[mutant.lineNumber - 1] == mutant.original else {
        fail("\(file):\(mutant.lineNumber) in the scratch tree is not the line the catalogue resolved")
    }
    lines[mutant.lineNumber - 1] = mutant.mutated
    let log = logName(mutant.id)
    try? FileManager.default.removeItem(atPath: work + "/logs/" + log + ".log")
    do { try tree.write(file, lines.joined(separator: "\n")) } catch { fail("cannot write the mutant: \(error)") }
    defer { try? tree.write(file, original) }

    var verdict = Verdict.survived
    var detail = ""
    let build = command(["swift", "build", "--build-tests"], log: log).run(limit: options.timeout)
    if build.outcome != .exited(0) {
        verdict = .buildFailed
        detail = build.outcome == .timedOut ? "build timed out" : "does not compile"
    } else {
        let first = mutant.site.firstTests
        for (name, arguments) in [(first, ["--filter", first]), ("the rest", ["--skip", first])] {
            let test = command(["swift", "test", "--skip-build"] + arguments, log: log).run(limit: options.timeout)
            if test.outcome == .timedOut { (verdict, detail) = (.killed, "timeout in \(name)"); break }
            if test.outcome != .exited(0) {
                (verdict, detail) = (.killed, name + (firstFailure(inLog: work + "/logs/" + log + ".log").map { ": " + $0 } ?? ""))
                break
            }
        }
    }
    try? tree.write(file, original)
    let seconds = Date().timeIntervalSince(mutantStart)
    results.append(MutantResult(mutant: mutant, verdict: verdict, detail: detail, seconds: seconds))
    say(String(format: "%@ %-12@ %@  (%@, %.0f s)", progress, verdict.rawValue, mutant.id, detail.isEmpty ? "every test passed" : detail, seconds))
    if verdict == .survived { say(mutant.diff) }
    // Rewritten after every mutant, so a run that is stopped still leaves its report.
    Report.write(results, of: selected.count, catalogue: mutants.count, minutes: Date().timeIntervalSince(started) / 60, commit: commit, to: reportPath)
}

// 5. Survivors with their diffs, and the score.
let tally = Dictionary(grouping: results, by: \.verdict).mapValues(\.count)
let survived = tally[.survived] ?? 0
say("\nSurvivors:")
for r in results where r.verdict == .survived { say(r.mutant.diff + "\n") }
if survived == 0 { say("(none)") }
say(Report.summary(results, minutes: Date().timeIntervalSince(started) / 60))
Report.write(results, of: selected.count, catalogue: mutants.count, minutes: Date().timeIntervalSince(started) / 60, commit: commit, to: reportPath)
say("report: \(reportPath)")
exit(survived == 0 ? 0 : 1)
