#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore

/// What one property of the reliability suite found: counts to print, and every failure.
///
/// `Tools/reliability` prints `line` for each property; `swift test` runs the same property with
/// small counts and expects `failures` to be empty.
public final class PropertyReport: @unchecked Sendable {
    public let name: String
    public private(set) var counts: [(String, Int)] = []
    public private(set) var failures: [String] = []
    public private(set) var notes: [String] = []
    /// Failures beyond this many are counted, not kept (one bug can fail every case).
    static let keptFailures = 40
    public private(set) var failureCount = 0

    public init(_ name: String) { self.name = name }

    public var passed: Bool { failureCount == 0 }

    public func fail(_ message: String) {
        failureCount += 1
        if failures.count < Self.keptFailures { failures.append(message) }
    }

    /// Records a failure unless `condition` holds.
    @discardableResult
    public func check(_ condition: Bool, _ message: @autoclosure () -> String) -> Bool {
        if !condition { fail(message()) }
        return condition
    }

    public func add(_ key: String, _ n: Int = 1) {
        if let index = counts.firstIndex(where: { $0.0 == key }) { counts[index].1 += n } else { counts.append((key, n)) }
    }

    public func set(_ key: String, _ n: Int) {
        if let index = counts.firstIndex(where: { $0.0 == key }) { counts[index].1 = n } else { counts.append((key, n)) }
    }

    public func count(_ key: String) -> Int { counts.first { $0.0 == key }?.1 ?? 0 }

    public func note(_ text: String) { notes.append(text) }

    /// `name: PASS|FAIL — key n, key n, …`
    public var line: String {
        let figures = counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "\(name): \(passed ? "PASS" : "FAIL (\(failureCount) failures)") — \(figures)"
    }

    /// The line, the notes and the failures kept.
    public var details: String {
        ([line] + notes.map { "  note: " + $0 } + failures.map { "  FAILURE: " + $0 }).joined(separator: "\n")
    }
}

/// Where the suite runs and what it runs: the binaries, a work directory, the seed, the scale.
public struct ReliabilityEnvironment: Sendable {
    /// The `socai` binary under test.
    public var socai: String
    /// `socai-generate` (synthetic journals).
    public var generator: String
    /// `socai-reliability` (its helper subcommands: a writer killed half-way through a line).
    public var helper: String
    /// A directory the suite may fill and that it removes afterwards.
    public var work: String
    public var seed: UInt64
    /// Progress lines (stderr in the tool; nothing in tests).
    public var log: @Sendable (String) -> Void

    public init(socai: String, generator: String, helper: String, work: String, seed: UInt64,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.socai = socai
        self.generator = generator
        self.helper = helper
        self.work = work
        self.seed = seed
        self.log = log
    }

    /// For tests: the binaries built next to `socai` (`.build/debug`), a fresh temporary directory.
    public static func forTests(_ directory: TemporaryDirectory, seed: UInt64) -> ReliabilityEnvironment {
        let socai = SocaiProcess.binary
        let folder = (socai as NSString).deletingLastPathComponent
        return ReliabilityEnvironment(socai: socai, generator: folder + "/socai-generate", helper: folder + "/socai-reliability",
                                      work: directory.path, seed: seed)
    }

    /// A new empty directory under `work`.
    public func directory(_ name: String) -> String {
        let path = work + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// How a child process ended.
public enum Termination: Equatable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)
    /// Still running when the deadline passed (then killed).
    case timedOut

    public var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signalled(let signal): "killed by signal \(signal)"
        case .timedOut: "timed out"
        }
    }

    public var code: Int32? { if case .exited(let code) = self { return code } else { return nil } }
}

/// A child process started directly (no shell), output to files: for precise kill timing and
/// for running thousands of short commands.
public final class Spawned: @unchecked Sendable {
    public let pid: pid_t
    private var ended: Termination?

    /// Environment for a child: this process's, without socai's own variables, plus `extra`.
    public static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("SOCAI_") { env[key] = nil }
        for key in ["NO_COLOR", "COLUMNS"] { env[key] = nil }
        env["SOCAI_USER"] = "tester"
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (key, value) in extra { env[key] = value }
        return env
    }

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                stdin: String = "/dev/null", stdout: String, stderr: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal dispositions in the child whatever ours are (the tool ignores SIGPIPE).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGXFSZ, SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // And no signal blocked: a test runs on a worker thread that blocks them all, and a child
        // inheriting that mask would never receive the SIGTERM or SIGINT a test sends it.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = [executable] + arguments
        let envp = Spawned.environment(environment).map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&child, executable, &actions, &attributes, cArgv, cEnvp) }
        }
        guard status == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(status),
                          userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(executable) failed: \(String(cString: strerror(status)))"])
        }
        pid = child
    }

    public func signal(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    private static func decode(_ status: Int32) -> Termination {
        (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
    }

    /// Waits for the child (killing it with SIGKILL after `timeout` seconds: `.timedOut`).
    @discardableResult
    public func wait(timeout: Double? = nil) -> Termination {
        if let ended { return ended }
        var status: Int32 = 0
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            var pause: UInt32 = 200
            while true {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid { ended = Spawned.decode(status); return ended! }
                if r < 0 && errno != EINTR { ended = .exited(-1); return ended! }
                if Date() >= deadline {
                    signal(SIGKILL)
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                    ended = .timedOut
                    return ended!
                }
                usleep(pause)
                pause = min(pause * 2, 20_000)
            }
        }
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ended = Spawned.decode(status)
        return ended!
    }
}

func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// One finished run of a binary.
public struct RunResult: Sendable, CustomStringConvertible {
    public var termination: Termination
    public var stdout: String
    public var stderr: String
    public var seconds: Double

    public var status: Int32 { termination.code ?? -1 }
    public var description: String { "\(termination)\n--- stdout\n\(stdout.prefix(2000))--- stderr\n\(stderr.prefix(2000))" }
}

/// Runs `socai` (or another binary) to completion with output captured in files under `scratch`.
public struct Runner: Sendable {
    public var executable: String
    public var scratch: String
    public var environment: [String: String] = [:]
    public var timeout: Double = 120

    public init(_ executable: String, scratch: String, environment: [String: String] = [:]) {
        self.executable = executable
        self.scratch = scratch
        self.environment = environment
    }

    @discardableResult
    public func run(_ arguments: [String], stdin: String = "/dev/null", environment extra: [String: String] = [:]) -> RunResult {
        let out = scratch + "/.run-out", err = scratch + "/.run-err"
        let start = Date()
        let child: Spawned
        do {
            child = try Spawned(executable, arguments, environment: environment.merging(extra) { $1 }, stdin: stdin, stdout: out, stderr: err)
        } catch {
            return RunResult(termination: .exited(-1), stdout: "", stderr: "\(error)", seconds: 0)
        }
        let termination = child.wait(timeout: timeout)
        return RunResult(termination: termination, stdout: Files.text(out), stderr: Files.text(err),
                         seconds: Date().timeIntervalSince(start))
    }

    /// `bash -c script` with `$SOCAI` set to the binary: for `ulimit`, `umask` and the like.
    @discardableResult
    public func bash(_ script: String, environment extra: [String: String] = [:]) -> RunResult {
        let out = scratch + "/.run-out", err = scratch + "/.run-err"
        let start = Date()
        var env = environment.merging(extra) { $1 }
        env["SOCAI"] = executable
        guard let child = try? Spawned("/bin/bash", ["-c", script], environment: env, stdout: out, stderr: err) else {
            return RunResult(termination: .exited(-1), stdout: "", stderr: "could not start bash", seconds: 0)
        }
        let termination = child.wait(timeout: timeout)
        return RunResult(termination: termination, stdout: Files.text(out), stderr: Files.text(err),
                         seconds: Date().timeIntervalSince(start))
    }
}

/// Plain file access for the suite (the store keeps its own; these are for damaging and inspecting).
public enum Files {
    public static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { Array($0) } ?? []
    }

    public static func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

    /// Replaces a file's bytes in place (same inode and mode).
    public static func write(_ path: String, _ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT, 0o640)
        guard fd >= 0 else { return }
        defer { close(fd) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                if n <= 0 { break }
                offset += n
            }
        }
        _ = ftruncate(fd, off_t(bytes.count))
    }

    public static func writeText(_ path: String, _ text: String) { write(path, Array(text.utf8)) }

    public static func truncate(_ path: String, to length: Int) { _ = Glibc.truncate(path, off_t(length)) }

    public static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public static func list(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Segment files (`segment-NNNNNNNN.jsonl`), in journal order.
    public static func segments(_ journal: String) -> [String] {
        list(journal).filter { $0.hasPrefix("segment-") && $0.hasSuffix(".jsonl") }
    }

    public static func quarantines(_ journal: String) -> [String] { list(journal).filter { $0.contains(".quarantine-") } }

    public static func permissions(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode) & 0o7777 : -1
    }

    /// Every file under `directory`, recursively, as paths relative to it.
    public static func tree(_ directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
    }

    public static func copyDirectory(_ from: String, _ to: String) {
        try? FileManager.default.removeItem(atPath: to)
        try? FileManager.default.copyItem(atPath: from, toPath: to)
    }

    public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}

/// The journal as a reader and `verify` see it, in-process (no process start per check).
public struct JournalState {
    public var events: [EventEnvelope] = []
    public var report: ReadReport?
    public var verify: VerifyReport?
    /// Set when reading or verifying threw.
    public var error: String?

    public init(_ path: String, verify doVerify: Bool = true) {
        do {
            let journal = try FileJournal.open(at: path)
            var events: [EventEnvelope] = []
            report = try journal.read(ReadOptions()) { events.append($0.envelope); return true }
            self.events = events
            if doVerify { verify = try journal.verify() }
        } catch {
            self.error = error.message.en
        }
    }

    /// Bytes after the last committed line (torn tail and unfinished batch), which the next
    /// writer must move to quarantine: (segment, offset), or nil.
    public var leftover: (segment: String, offset: Int)? {
        if let batch = report?.incompleteBatch { return (batch.segment, batch.offset) }
        if let torn = report?.tornTail { return (torn.segment, torn.offset) }
        return nil
    }
}

extension RandomNumberGenerator {
    /// A uniform integer in `range` (for the seeded generator).
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// Parses what `socai record` and `socai import` print: `recorded seq N id X`, `recorded K events,
/// seq A–B` (with the ids of the import's lines, in order), `already recorded: seq N id X`.
public enum Acknowledgement {
    public static func parse(_ stdout: String, importIDs: [EventID] = []) -> [EventID: Int64] {
        var acked: [EventID: Int64] = [:]
        for line in stdout.split(separator: "\n") {
            let words = line.split(separator: " ")
            if line.hasPrefix("recorded seq "), words.count == 5, let seq = Int64(words[2]), let id = EventID(String(words[4])) {
                acked[id] = seq
            } else if line.hasPrefix("already recorded: seq "), words.count >= 6, let seq = Int64(words[3]), let id = EventID(String(words[5])) {
                acked[id] = seq
            } else if line.hasPrefix("recorded "), line.contains(" events, seq "),
                      let range = words.last?.split(separator: "–"), range.count == 2,
                      let first = Int64(range[0]), let last = Int64(range[1]), Int(last - first + 1) == importIDs.count {
                for (offset, id) in importIDs.enumerated() { acked[id] = first + Int64(offset) }
            }
        }
        return acked
    }
}

/// Event ids the suite gives its events: `0190c8a0-TTTT-7000-8000-NNNNNNNNNNNN`, a tag and a counter.
public struct EventIDs: Sendable {
    public let tag: Int
    public private(set) var next = 1
    public init(tag: Int) { self.tag = tag }
    public mutating func take() -> EventID {
        defer { next += 1 }
        return EventID(String(format: "0190c8a0-%04x-7000-8000-%012llx", tag & 0xffff, UInt64(next)))!
    }
    public mutating func take(_ n: Int) -> [EventID] { (0..<n).map { _ in take() } }
}

/// JSON Lines for `socai import`: admissions at `u1`, one per id.
public func admissionLines(_ ids: [EventID], unit: String = "u1", source: String? = nil) -> String {
    ids.map { id in
        var line = #"{"type":"admission","unit":""# + unit + #"","date":"2021-03-01","count":1,"event-id":""# + id.rawValue + "\""
        if let source { line += #","source":"# + JSONWriter.string(.string(source)) }
        return line + "}\n"
    }.joined()
}
