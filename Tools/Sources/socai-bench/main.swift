// socai-bench: the in-process half of Tools/bench. Each subcommand measures one thing, or makes an
// input for a measurement, and prints `key=value` pairs on stdout for the script to read.
//
//   socai-bench json-decode --journal DIR
//       The baseline "prototype" reader: Foundation's JSONDecoder decoding every line of the
//       segments into a small Codable struct, and summing member flows per unit (no hashing).
//   socai-bench read --journal DIR [--no-hash] [--fold]
//       FileJournal.read in-process (every check; --no-hash skips the chain hash), and with --fold
//       Ledger.apply on every event: splits a replay's time between decoding, hashing and folding.
//   socai-bench append --journal DIR --unit U [--count 200] [--warmup 20] [--bare FILE]
//       In-process FileJournal.append of one admission at a time (flock, tail check, encode,
//       write, fsync), each followed by a bare write+fsync of the same bytes to FILE (an open
//       O_APPEND descriptor on the same file system): latency percentiles of both.
//   socai-bench make-import --events N --out FILE [--seed S]
//       A JSON Lines file for `socai import`: a unit tree, then admissions, arrivals, departures.
//   socai-bench agree --socai FILE.json --hledger FILE.csv [--prefix members:]
//       Compares `socai replay --json` members of the districts with `hledger bal -O csv` balances.
//   socai-bench maxrss [--out FILE] -- COMMAND ARGS…
//       Runs a command and writes its peak resident memory (wait4's ru_maxrss) in the words of
//       `/usr/bin/time -v`: Tools/bench uses it when /usr/bin/time is not installed.

import Foundation
import SocaiCore
import SocaiStore
import SocaiTestSupport
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("socai-bench: " + message + "\n").utf8))
    exit(64)
}

/// `--name value` options after the subcommand; flags map to "".
func options(_ arguments: ArraySlice<String>, flags: Set<String> = []) -> [String: String] {
    var result: [String: String] = [:]
    var i = arguments.startIndex
    while i < arguments.endIndex {
        let key = arguments[i]
        guard key.hasPrefix("--") else { fail("unexpected argument \(key)") }
        let name = String(key.dropFirst(2))
        if flags.contains(name) {
            result[name] = ""
            i += 1
            continue
        }
        guard i + 1 < arguments.endIndex else { fail("\(key) needs a value") }
        result[name] = arguments[i + 1]
        i += 2
    }
    return result
}

func seconds(_ duration: Duration) -> Double {
    let (s, attoseconds) = duration.components
    return Double(s) + Double(attoseconds) / 1e18
}

func format(_ value: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }

/// User + system CPU seconds of this process so far: steadier than wall time on a shared machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The segment files of a journal directory, in order.
func segmentPaths(_ directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasPrefix("segment-") && $0.hasSuffix(".jsonl") }.sorted().map { directory + "/" + $0 }
}

// MARK: - json-decode

/// What a naive reader would decode from each line: the attributes a fold needs.
struct PrototypeLine: Decodable {
    struct Payload: Decodable {
        var count: Int?
    }
    var seq: Int64
    var id: String
    var type: String
    var subject: String
    var time: String
    var recordedtime: String
    var data: Payload
    var chainhash: String
}

func jsonDecode(_ o: [String: String]) {
    guard let directory = o["journal"] else { fail("json-decode needs --journal DIR") }
    let clock = ContinuousClock()
    let began = clock.now
    let cpuBegan = cpuSeconds()
    let decoder = JSONDecoder()
    var events = 0
    var bytes = 0
    var members: [String: Int] = [:]
    var lastSeq: Int64 = 0
    for path in segmentPaths(directory) {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        bytes += data.count
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            let base = raw.baseAddress!
            while start < raw.count {
                guard let hit = memchr(base + start, 0x0A, raw.count - start) else { break }
                let end = base.distance(to: UnsafeRawPointer(hit))
                let line = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base + start), count: end - start, deallocator: .none)
                do {
                    let decoded = try decoder.decode(PrototypeLine.self, from: line)
                    guard decoded.seq == lastSeq + 1 else { fail("seq \(decoded.seq) after \(lastSeq) in \(path)") }
                    lastSeq = decoded.seq
                    if let count = decoded.data.count {
                        let sign = decoded.type.contains("admission") || decoded.type.contains("arrival") ? 1 : -1
                        if decoded.type.contains("admission") || decoded.type.contains("arrival") || decoded.type.contains("departure") {
                            members[decoded.subject, default: 0] += sign * count
                        }
                    }
                } catch {
                    fail("\(path): line after seq \(lastSeq): \(error)")
                }
                events += 1
                start = end + 1
            }
        }
    }
    let elapsed = seconds(clock.now - began)
    print("events=\(events) bytes=\(bytes) units=\(members.count) seconds=\(format(elapsed)) cpu_seconds=\(format(cpuSeconds() - cpuBegan)) events_per_second=\(Int(Double(events) / elapsed))")
}

// MARK: - read

func readJournal(_ o: [String: String]) {
    guard let directory = o["journal"] else { fail("read needs --journal DIR") }
    let fold = o["fold"] != nil
    let clock = ContinuousClock()
    let began = clock.now
    let cpuBegan = cpuSeconds()
    var builder = ProjectionBuilder()
    var events = 0
    do {
        let journal = try FileJournal.open(at: directory)
        try journal.read(ReadOptions(verifyHashes: o["no-hash"] == nil)) { record in
            events += 1
            if fold { if let flow = record.flowLine { builder.apply(flow) } else { builder.apply(record.envelope) } }
            return true
        }
    } catch {
        fail(error.message.en)
    }
    let elapsed = seconds(clock.now - began)
    print("events=\(events) seconds=\(format(elapsed)) cpu_seconds=\(format(cpuSeconds() - cpuBegan)) events_per_second=\(Int(Double(events) / elapsed)) folded_to_seq=\(builder.lastSeq)")
}

// MARK: - append

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[rank]
}

func append(_ o: [String: String]) {
    guard let directory = o["journal"], let unitText = o["unit"], let unit = UnitID(unitText) else {
        fail("append needs --journal DIR --unit U (a unit of that journal)")
    }
    let count = Int(o["count"] ?? "200") ?? 200
    let warmup = Int(o["warmup"] ?? "20") ?? 20
    let barePath = o["bare"] ?? (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + ".bare-fsync"
    let journal: FileJournal
    do { journal = try FileJournal.open(at: directory) } catch { fail(error.message.en) }
    let bare = Glibc.open(barePath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
    guard bare >= 0 else { fail("cannot open \(barePath)") }
    defer { Glibc.close(bare); unlink(barePath) }

    var generator = SystemRandomNumberGenerator()
    let clock = ContinuousClock()
    var appendTimes: [Double] = []
    var bareTimes: [Double] = []
    var lineBytes = 0
    let date = CalendarDate(year: 2024, month: 12, day: 31)!
    for i in 0..<(warmup + count) {
        let now = Instant(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000))
        let event = PendingEvent(id: EventID.version7(at: now, using: &generator), subject: unit, effectiveDate: date,
                                 recordedBy: "socai-bench", sourceDocument: nil, payload: .flow(Flow(kind: .admission, count: 1)))
        let sizeBefore = lastSegmentSize(directory)
        let t0 = clock.now
        do { _ = try journal.append([event], now: now) } catch { fail(error.message.en) }
        let t1 = clock.now
        // The same bytes, read back from the segment, through a bare write + fsync.
        let (path, sizeAfter) = lastSegment(directory)
        let start = sizeAfter >= sizeBefore ? sizeBefore : 0
        var bytes = [UInt8](repeating: 0, count: sizeAfter - start)
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        _ = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
        Glibc.close(fd)
        lineBytes = bytes.count
        let t2 = clock.now
        let written = bytes.withUnsafeBytes { Glibc.write(bare, $0.baseAddress!, $0.count) }
        guard written == bytes.count, fsync(bare) == 0 else { fail("bare write+fsync failed: errno \(errno)") }
        let t3 = clock.now
        if i >= warmup {
            appendTimes.append(seconds(t1 - t0) * 1000)
            bareTimes.append(seconds(t3 - t2) * 1000)
        }
    }
    appendTimes.sort()
    bareTimes.sort()
    func stats(_ name: String, _ values: [Double]) -> String {
        "\(name)_p50_ms=\(format(percentile(values, 50))) \(name)_p99_ms=\(format(percentile(values, 99))) "
            + "\(name)_min_ms=\(format(values.first ?? .nan)) \(name)_max_ms=\(format(values.last ?? .nan))"
    }
    print("count=\(count) line_bytes=\(lineBytes) " + stats("append", appendTimes) + " " + stats("bare", bareTimes))
}

func lastSegment(_ directory: String) -> (String, Int) {
    guard let path = segmentPaths(directory).last else { return ("", 0) }
    var info = stat()
    guard stat(path, &info) == 0 else { return (path, 0) }
    return (path, Int(info.st_size))
}

func lastSegmentSize(_ directory: String) -> Int { lastSegment(directory).1 }

// MARK: - make-import

/// The same seed gives the same file everywhere (SeededGenerator is SplitMix64, as socai-generate).
extension SeededGenerator {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

func makeImport(_ o: [String: String]) {
    guard let out = o["out"], let events = Int((o["events"] ?? "").replacingOccurrences(of: "_", with: "")) else {
        fail("make-import needs --events N --out FILE")
    }
    var rng = SeededGenerator(seed: UInt64(o["seed"] ?? "1") ?? 1)
    var text = ""
    text.reserveCapacity(events * 100)
    var lines = 0
    func line(_ s: String) { text += s; text += "\n"; lines += 1 }
    // About one unit per 200 events: a province, districts, communes and their cells.
    let districts = max(2, Int(Double(max(1, events / 200)).squareRoot() / 4))
    let communes = max(2, events / 200 / (districts * 5) + 1)
    line(#"{"type":"unit","id":"tinh","name":"Tỉnh ủy Nhập","kind":"province","date":"2015-01-01"}"#)
    var flowUnits: [String] = []
    for d in 1...districts {
        line(#"{"type":"unit","id":"huyen-\#(d)","name":"Huyện ủy \#(d)","kind":"district","parent":"tinh","date":"2015-01-01"}"#)
        for c in 1...communes {
            let commune = "xa-\(d)-\(c)"
            line(#"{"type":"unit","id":"\#(commune)","name":"Đảng ủy xã \#(d).\#(c)","kind":"base-committee","setting":"commune","parent":"huyen-\#(d)","date":"2015-01-01"}"#)
            flowUnits.append(commune)
            for k in 1...4 {
                line(#"{"type":"unit","id":"\#(commune)-cb-\#(k)","name":"Chi bộ \#(k) xã \#(d).\#(c)","kind":"cell","parent":"\#(commune)","date":"2015-01-01"}"#)
                flowUnits.append("\(commune)-cb-\(k)")
            }
        }
    }
    let start = CalendarDate(year: 2015, month: 1, day: 2)!.dayNumber
    let span = CalendarDate(year: 2024, month: 12, day: 31)!.dayNumber - start
    let reasons = ["transfer-out", "death", "exit"]
    while lines < events {
        let unit = flowUnits[rng.below(flowUnits.count)]
        let date = CalendarDate(dayNumber: start + rng.below(span)).iso
        let roll = rng.below(100)
        if roll < 60 {
            line(#"{"type":"admission","unit":"\#(unit)","date":"\#(date)","count":\#(1 + rng.below(4))}"#)
        } else if roll < 80 {
            line(#"{"type":"arrival","unit":"\#(unit)","date":"\#(date)","count":\#(1 + rng.below(2))}"#)
        } else {
            line(#"{"type":"departure","unit":"\#(unit)","date":"\#(date)","count":1,"reason":"\#(reasons[rng.below(reasons.count)])","source":"bench"}"#)
        }
    }
    guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else { fail("cannot write \(out)") }
    print("lines=\(lines) bytes=\(text.utf8.count) units=\(flowUnits.count + districts + 1)")
}

// MARK: - agree

/// Members per district from `socai replay --json` against hledger's balances of the same accounts.
func agree(_ o: [String: String]) {
    guard let socaiPath = o["socai"], let hledgerPath = o["hledger"] else { fail("agree needs --socai FILE.json --hledger FILE.csv") }
    let prefix = o["prefix"] ?? "members:"
    guard let socaiData = FileHandle(forReadingAtPath: socaiPath)?.readDataToEndOfFile(),
          let root = try? JSONSerialization.jsonObject(with: socaiData) as? [String: Any],
          let units = root["units"] as? [[String: Any]] else { fail("\(socaiPath) is not socai replay --json output") }
    var socai: [String: Int] = [:]
    for unit in units {
        guard let id = unit["id"] as? String, let figures = unit["figures"] as? [String: Any] else { continue }
        if let members = figures["members"] as? NSNumber { socai[id] = members.intValue }
    }
    guard let csvData = FileHandle(forReadingAtPath: hledgerPath)?.readDataToEndOfFile(),
          let csv = String(data: csvData, encoding: .utf8) else { fail("cannot read \(hledgerPath)") }
    var hledger: [String: Int] = [:]
    for row in csv.split(separator: "\n").dropFirst() {
        // "account","balance"
        let fields = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r ")) }
        guard fields.count >= 2, fields[0].hasPrefix(prefix), let value = Int(fields[1]) else { continue }
        // members:huyen-1:xa-1-1:cb-2 is the unit xa-1-1-cb-2 (socai-generate's account names).
        let parts = fields[0].dropFirst(prefix.count).split(separator: ":").map(String.init)
        guard var unit = parts.last else { continue }
        if unit.hasPrefix("cb-"), parts.count >= 2 { unit = parts[parts.count - 2] + "-" + unit }
        hledger[unit] = value
    }
    var agreeing = 0
    var differing: [(String, Int?, Int)] = []
    for (account, value) in hledger.sorted(by: { $0.key.localizedStandardCompare($1.key) == .orderedAscending }) {
        if socai[account] == value { agreeing += 1 } else { differing.append((account, socai[account], value)) }
    }
    let total = differing.reduce(0) { $0 + (($1.1 ?? 0) - $1.2) }
    print("compared=\(hledger.count) agree=\(agreeing) differ=\(differing.count) sum_socai_minus_hledger=\(total)")
    let limit = Int(o["show"] ?? "12") ?? 12
    if differing.count > limit { print("  (first \(limit) of \(differing.count) differences)") }
    for (account, mine, theirs) in differing.prefix(limit) {
        let delta = mine.map { String($0 - theirs) } ?? "n/a"
        print("  differ \(account): socai=\(mine.map(String.init) ?? "missing") hledger=\(theirs) socai-hledger=\(delta)")
    }
    exit(differing.isEmpty && !hledger.isEmpty ? 0 : 1)
}

// MARK: - maxrss

/// Runs a command with the same stdin/stdout/stderr and writes its peak resident memory the way
/// `/usr/bin/time -v -o FILE` does, so Tools/bench reads either; exits with the command's status.
func maxRSS(_ arguments: ArraySlice<String>) {
    var rest = arguments
    var out: String?
    if rest.first == "--out" {
        rest = rest.dropFirst()
        out = rest.first
        rest = rest.dropFirst()
    }
    if rest.first == "--" { rest = rest.dropFirst() }
    guard let executable = rest.first else { fail("maxrss needs [--out FILE] -- COMMAND ARGS…") }
    let argv: [UnsafeMutablePointer<CChar>?] = rest.map { strdup($0) } + [nil]
    let clock = ContinuousClock()
    let began = clock.now
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, executable, nil, nil, argv, environ)
    guard spawned == 0 else { fail("cannot run \(executable): errno \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = seconds(clock.now - began)
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let report = "\tElapsed (wall clock) time (seconds): \(format(elapsed))\n\tMaximum resident set size (kbytes): \(usage.ru_maxrss)\n\tExit status: \(exitCode)\n"
    if let out {
        guard FileManager.default.createFile(atPath: out, contents: Data(report.utf8)) else { fail("cannot write \(out)") }
    } else {
        FileHandle.standardError.write(Data(report.utf8))
    }
    exit(exitCode)
}

// MARK: -

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    fail("usage: socai-bench json-decode|read|append|make-import|agree|maxrss … (see Tools/Sources/socai-bench/main.swift)")
}
let rest = arguments.dropFirst(2)
switch arguments[1] {
case "json-decode": jsonDecode(options(rest))
case "read": readJournal(options(rest, flags: ["no-hash", "fold"]))
case "append": append(options(rest))
case "make-import": makeImport(options(rest))
case "agree": agree(options(rest))
case "maxrss": maxRSS(rest)
default: fail("unknown subcommand \(arguments[1])")
}
