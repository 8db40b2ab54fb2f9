// socai-reliability: the reliability suite's driver, run by Tools/reliability (see RELIABILITY.md).
//
//   socai-reliability [--quick] [--seed S] [--socai PATH] [--generator PATH] [--work DIR] [--keep] PROPERTY…
//       PROPERTY: crash concurrency corruption fulldisk hostile snapshots security damage (or all)
//   socai-reliability torn-writer --journal DIR --seed S --id UUID…     (a helper the crash property starts)
//
// Prints one line per property with its counts (and its notes and failures under it); exits 1 when
// any property failed. The properties live in SocaiTestSupport/Reliability; `swift test` runs each
// with small counts (Tests/SocaiEndToEndTests/ReliabilityTests.swift).

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SocaiCore
import SocaiTestSupport

signal(SIGPIPE, SIG_IGN)
signal(SIGXFSZ, SIG_IGN)
var arguments = Array(CommandLine.arguments.dropFirst())

@MainActor func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("socai-reliability: " + message + "\n").utf8))
    exit(64)
}

@MainActor func value(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name) else { return nil }
    guard index + 1 < arguments.count else { fail("\(name) needs a value") }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}

@MainActor func flag(_ name: String) -> Bool {
    guard let index = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: index)
    return true
}

if arguments.first == "torn-writer" {
    arguments.removeFirst()
    guard let journal = value("--journal") else { fail("torn-writer needs --journal") }
    let seed = value("--seed").flatMap { UInt64($0) } ?? 1
    var ids: [EventID] = []
    while let id = value("--id") {
        guard let parsed = EventID(id) else { fail("--id \(id) is not a UUID") }
        ids.append(parsed)
    }
    guard !ids.isEmpty else { fail("torn-writer needs at least one --id") }
    TornWriter.main(journalPath: journal, ids: ids, seed: seed)
}

let quick = flag("--quick")
let keep = flag("--keep")
let seed = value("--seed").flatMap { UInt64($0) } ?? 20261123
let me = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
let folder = (me as NSString).deletingLastPathComponent
let socai = value("--socai") ?? folder + "/socai"
let generator = value("--generator") ?? folder + "/socai-generate"
let work = value("--work") ?? (NSTemporaryDirectory() + "socai-reliability-\(getpid())")
for binary in [socai, generator] where !FileManager.default.isExecutableFile(atPath: binary) { fail("\(binary) is not an executable") }
let all = ["crash", "concurrency", "corruption", "fulldisk", "hostile", "snapshots", "security", "damage"]
var properties = arguments.isEmpty || arguments == ["all"] ? all : arguments
for property in properties where !all.contains(property) { fail("unknown property \(property) (known: \(all.joined(separator: " ")))") }

try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
let env = ReliabilityEnvironment(socai: socai, generator: generator, helper: me, work: work, seed: seed) { line in
    FileHandle.standardError.write(Data(("  … " + line + "\n").utf8))
}
if properties.contains("hostile") { CrashLabel.install() }

var failed = false
for property in properties {
    let started = Date()
    let report: PropertyReport
    switch property {
    case "crash":
        report = CrashProperty.run(env, runs: quick ? 60 : 1000, segmentBytes: quick ? 64 * 1024 : 1 << 20)
    case "concurrency":
        report = quick
            ? ConcurrencyProperty.run(env, writers: 4, eventsPerWriter: 250, batchSize: 25, singles: 50, races: 10)
            : ConcurrencyProperty.run(env, writers: 4, eventsPerWriter: 10_000, batchSize: 100, singles: 500, races: 100)
    case "corruption":
        report = quick
            ? CorruptionProperty.run(env, events: 2000, segmentBytes: 256 * 1024, positions: 100, cliEvery: 20, structural: 5)
            : CorruptionProperty.run(env, events: 10_000, segmentBytes: 1 << 20, positions: 1000, cliEvery: 20, structural: 30)
    case "fulldisk":
        report = FullDiskProperty.run(env, limitTrials: quick ? 20 : 200)
    case "hostile":
        report = HostileInputProperty.run(env, cases: quick ? 5000 : 100_000, binaryEvery: quick ? 250 : 500)
    case "snapshots":
        report = quick
            ? SnapshotProperty.run(env, events: 1000, corruptions: 20, truncations: 10, crafted: 10)
            : SnapshotProperty.run(env, events: 5000, corruptions: 200, truncations: 50, crafted: 50)
    case "damage":
        report = DamageProperty.run(env, events: quick ? 2000 : 10_000, damagedLines: quick ? 20 : 200)
    default:
        report = SecurityProperty.run(env)
    }
    report.set("seconds", Int(Date().timeIntervalSince(started).rounded()))
    FileHandle.standardOutput.write(Data((report.details + "\n").utf8))
    if !report.passed { failed = true }
}
if !keep { try? FileManager.default.removeItem(atPath: work) }
exit(failed ? 1 : 0)
