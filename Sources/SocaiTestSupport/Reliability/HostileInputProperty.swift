#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore
import SocaiStore
import SocaiCLI

/// Property 5: hostile input never crashes, never hangs, and is never silently accepted.
///
/// A deterministic fuzz test: `cases` seeded cases, each one of
/// - **line**: a valid journal line (of a random history: every event type, batches, odd source
///   texts) with 1–4 random mutations (bit flips, interesting bytes, deletions, insertions of JSON
///   fragments and huge numbers, duplicated or spliced ranges, cuts), put after the lines that
///   precede it. The strict decoder (`JournalLineCodec.decode`) either decodes it or throws its typed
///   error, and a changed line never passes its chain hash; a reader (`FileJournal.read`, the fast
///   decoder path) either refuses with `.damaged` or delivers exactly the original events before it
///   (a cut line is a torn tail); and with hash checks off, every line the fast path delivers decodes
///   to the same event with the strict decoder (the fast path is never less strict);
/// - **date**, **number**, **unit**: `DateParser.parse` (a parsed date reads back from its ISO form),
///   `CountParser`, `FixedDecimal`, `FigureValue`, `Target`, `Instant.parseRFC3339`, `UnitID`,
///   `TextFolding`, `DisplayWidth`, `EditDistance` on generated and mutated text;
/// - **cli**: `socai` argument vectors (every reading and recording command) with hostile values,
///   missing, repeated, unknown and reordered options, run in-process: exit 0, 1 (check/verify) or 64
///   with a message on stderr, never anything else;
/// - **import**: JSON Lines and CSV files for `socai import` with mutations: exit 0 or 64.
/// Every `binaryEvery`th cli/import case also runs the built binary: same exit code, no signal.
/// A watchdog fails any case that runs over 10 s.
public enum HostileInputProperty {
    public static func run(_ env: ReliabilityEnvironment, cases: Int, binaryEvery: Int) -> PropertyReport {
        let report = PropertyReport("5 hostile input")
        let root = env.directory("hostile")
        var rng = SeededGenerator(seed: env.seed ^ 0xF022)
        let watchdog = Watchdog(limit: 10)
        defer { watchdog.stop() }

        // The line pool: a random history with batches and odd texts, as a valid journal.
        let pool = LinePool(directory: root + "/lines", seed: env.seed)
        // The CLI's journal: a few units and events; restored every 200 cases so it stays small.
        let cliJournal = root + "/cli/Journal", pristine = root + "/cli/pristine"
        let socai = Runner(env.socai, scratch: root)
        prepareCLIJournal(socai, cliJournal)
        Files.copyDirectory(cliJournal, pristine)
        let cliEnvironment = ["SOCAI_JOURNAL": cliJournal, "SOCAI_SNAPSHOTS": root + "/cli/Snapshots", "SOCAI_USER": "fuzz",
                              "SOCAI_NOW": "2024-06-01T08:00:00Z", "NO_COLOR": "1"]
        let context = { (out: OutputSink, err: OutputSink) in
            CommandContext(environment: cliEnvironment, now: { Instant.parseRFC3339("2024-06-01T08:00:00Z")! }, stdout: out, stderr: err,
                           loginName: "fuzz")
        }
        /// Every so often the same arguments run through the built binary, which must end the way
        /// the in-process run did (no signal, the same exit).
        func throughTheBinary(_ arguments: [String], _ status: Int32, _ label: String) {
            let binary = socai.run(arguments, environment: cliEnvironment)
            report.check(binary.termination == .exited(status),
                         "\(label): the binary ended with \(binary.termination), in-process \(status): \(binary.stderr.prefix(300))")
            report.add("run through the binary")
        }
        var slowest = (seconds: 0.0, label: "")
        var cliCases = 0

        for index in 1...max(1, cases) where cases > 0 {
            let roll = rng.int(0...99)
            let started = Date()
            var label = ""
            switch roll {
            case 0..<40:
                label = "line case \(index)"
                watchdog.begin(label)
                pool.check(&rng, report, label: label)
                report.add("line cases")
            case 40..<52:
                let text = Hostile.date(&rng)
                label = "date case \(index): \(text.debugDescription)"
                watchdog.begin(label)
                do {
                    let date = try DateParser.parse(text)
                    report.add("dates accepted")
                    report.check((try? DateParser.parse(date.iso)) == date, "\(label): parsed as \(date.iso), which does not read back")
                } catch {
                    report.add("dates refused (DateError)")
                }
                report.add("date cases")
            case 52..<62:
                let text = Hostile.number(&rng)
                label = "number case \(index): \(text.debugDescription)"
                watchdog.begin(label)
                _ = CountParser.parse(text)
                _ = FixedDecimal.parse(text)
                if case .success = Result(catching: { () throws(FigureValueError) in try FigureValue.parse(text) }) {
                    report.add("figure values accepted")
                }
                _ = Target.parse(text)
                _ = Instant.parseRFC3339(text)
                report.add("number cases")
            case 62..<67:
                let text = Hostile.text(&rng)
                label = "unit case \(index): \(text.debugDescription)"
                watchdog.begin(label)
                if let id = UnitID(text) { report.check(UnitID(id.rawValue) == id, "\(label): a unit id does not read back") }
                _ = TextFolding.searchKey(text)
                _ = DisplayWidth.of(text)
                _ = EditDistance.nearest(to: String(text.prefix(200)), among: ["sop-cop", "muong-lan", "u1", "huyen-uy"])
                report.add("unit cases")
            case 67..<90:
                if cliCases % 200 == 0 { Files.copyDirectory(pristine, cliJournal) }
                cliCases += 1
                let arguments = Hostile.arguments(&rng)
                label = "cli case \(index): \(arguments.map(\.debugDescription).joined(separator: " "))"
                watchdog.begin(label)
                let out = OutputSink(), err = OutputSink()
                let status = SocaiCLI.run(arguments, context: context(out, err))
                let allowed: Set<Int32> = [0, 1, 64]
                report.check(allowed.contains(status) && (status != 1 || arguments.contains("check") || arguments.contains("verify")),
                             "\(label): exit \(status): \(err.text.prefix(300))")
                // A refusal says why: on stderr, or (a bare `record` off a terminal) the help on stdout.
                report.check(status == 0 || status == 1 || !err.text.isEmpty || (status == 64 && !out.text.isEmpty),
                             "\(label): exit \(status) with nothing said")
                report.add(status == 0 ? "cli accepted" : status == 64 ? "cli refused (64)" : "cli exit \(status)")
                report.add("cli cases")
                if index % binaryEvery == 0 { throughTheBinary(arguments, status, label) }
            default:
                let csv = rng.chance(40)
                let content = Hostile.importFile(&rng, csv: csv)
                let file = root + "/import." + (csv ? "csv" : "jsonl")
                Files.write(file, content)
                let dryRun = rng.chance(70)
                let arguments = ["import"] + (dryRun ? ["--dry-run"] : []) + [file]
                label = "import case \(index): \(String(decoding: content.prefix(400), as: UTF8.self).debugDescription)"
                watchdog.begin(label)
                if cliCases % 200 == 0 { Files.copyDirectory(pristine, cliJournal) }
                cliCases += 1
                let out = OutputSink(), err = OutputSink()
                let status = SocaiCLI.run(arguments, context: context(out, err))
                report.check(status == 0 || status == 64, "\(label): exit \(status): \(err.text.prefix(300))")
                report.check(status == 0 || !err.text.isEmpty, "\(label): exit \(status) with nothing on stderr")
                report.add(status == 0 ? "imports accepted" : "imports refused (64)")
                report.add("import cases")
                if index % binaryEvery == 0 { throughTheBinary(arguments, status, label) }
            }
            watchdog.end()
            let seconds = Date().timeIntervalSince(started)
            if seconds > slowest.seconds { slowest = (seconds, String(label.prefix(200))) }
            if index % 10_000 == 0 { env.log("hostile input: \(index)/\(cases) cases") }
        }
        report.set("cases", cases)
        report.set("slowest case (ms)", Int(slowest.seconds * 1000))
        report.note("slowest case: \(slowest.label)")
        let verify = socai.run(["--journal", cliJournal, "verify"])
        report.check(verify.status == 0, "the CLI fuzz journal does not verify: \(verify)")
        return report
    }

    static func prepareCLIJournal(_ socai: Runner, _ journal: String) {
        Files.remove(journal)
        let env = ["SOCAI_NOW": "2024-06-01T08:00:00Z"]
        socai.run(["--journal", journal, "init", "--journal-id", "0190c8a0-0000-7000-8000-00000000f022"], environment: env)
        let lines = [
            #"{"type":"unit","id":"p","name":"Tỉnh ủy P","kind":"province","date":"2015-01-01"}"#,
            #"{"type":"unit","id":"u1","name":"Chi bộ 1","kind":"cell","parent":"p","date":"2015-01-01"}"#,
            #"{"type":"unit","id":"u2","name":"Chi bộ Đồng Tâm","kind":"cell","parent":"p","date":"2015-01-01"}"#,
            #"{"type":"unit","id":"v1","name":"Bản Một","kind":"village","parent":"p","date":"2015-01-01"}"#,
            #"{"type":"unit","id":"v2","name":"Bản Hai","kind":"village","parent":"p","date":"2015-01-01"}"#,
            #"{"type":"conference","unit":"u1","date":"2020-05-01","title":"Đại hội","kind":"congress","term":"2020-2025","figures":{"members":40},"targets":{"admissions":10}}"#,
            #"{"type":"admission","unit":"u1","date":"2021-03-01","count":3,"event-id":"0190c8a0-0000-7000-8000-0000000f0001"}"#,
            #"{"type":"departure","unit":"u1","date":"2021-04-01","count":1,"reason":"death"}"#,
            #"{"type":"rating","unit":"u1","year":2021,"of":"members","excellent":4,"good":30,"completed":5,"failed":1}"#,
        ]
        let file = journal + "/../seed.jsonl"
        Files.writeText(file, lines.joined(separator: "\n") + "\n")
        socai.run(["--journal", journal, "import", file], environment: env)
    }
}

/// Fails the run (prints the case and aborts) when one case takes longer than `limit` seconds.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private var label = ""
    private var running = true

    init(limit: Double) {
        Thread.detachNewThread { [self] in
            while true {
                usleep(200_000)
                lock.lock()
                let (begun, current, live) = (started, label, running)
                lock.unlock()
                if !live { return }
                if let begun, Date().timeIntervalSince(begun) > limit {
                    FileHandle.standardError.write(Data("hostile input: HANG (over \(limit) s): \(current)\n".utf8))
                    abort()
                }
            }
        }
    }

    func begin(_ label: String) {
        lock.lock(); started = Date(); self.label = label; lock.unlock()
        CrashLabel.set(label)
    }

    func end() { lock.lock(); started = nil; lock.unlock() }
    func stop() { lock.lock(); running = false; lock.unlock() }
}

/// The case being run, kept where a fatal-signal handler can print it (the tool installs one).
public enum CrashLabel {
    nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
        pointer.initialize(repeating: 0, count: 4096)
        return pointer
    }()

    static func set(_ label: String) {
        let bytes = Array(label.utf8.prefix(4000))
        bytes.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        buffer[bytes.count] = 0
    }

    /// On SIGILL/SIGTRAP/SIGSEGV/SIGBUS/SIGFPE/SIGABRT: print the case, then die of the signal.
    public static func install() {
        _ = buffer
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            signal(sig) { received in
                let prefix = "\nCRASH in case: "
                _ = prefix.withCString { write(2, $0, strlen($0)) }
                _ = write(2, CrashLabel.buffer, strlen(CrashLabel.buffer))
                _ = write(2, "\n", 1)
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}

/// A valid journal whose lines the line cases mutate: a random history (every event type), some
/// of it in batches, some with odd source texts; `check` runs one mutation case.
final class LinePool {
    let directory: String
    let segment: String
    let lines: [[UInt8]]          // each with its \n
    let events: [EventEnvelope]
    let previousHashes: [SHA256Digest]
    let stored: [SHA256Digest]

    init(directory: String, seed: UInt64) {
        self.directory = directory
        Files.remove(directory)
        let id = "0190c8a0-0000-7000-8000-00000000f00d"
        let journal = try! FileJournal.create(at: directory, id: id, now: Instant(millisecondsSinceEpoch: 0))
        segment = directory + "/segment-00000001.jsonl"
        var history = RandomJournal.build(seed: seed, events: 140).events
        var rng = SeededGenerator(seed: seed ^ 0x7007)
        let odd = ["Báo \"Nhân Dân\", số 1/2024", "tab\there\\back", "🇻🇳 Sơn La", "=HYPERLINK(\"x\")", "../../etc/passwd", "$(rm -rf /)",
                   String(repeating: "ư", count: 300), "\u{7F}\u{1B}[2J"]
        var index = 0
        while index < history.count {
            if rng.chance(20) { history[index].sourceDocument = odd[rng.int(0...(odd.count - 1))] }
            // Every so often the next 2–4 events form one batch.
            if rng.chance(15), index + 2 < history.count {
                let count = min(rng.int(2...4), history.count - index)
                for k in 0..<count { history[index + k].batch = BatchMark(index: k + 1, count: count) }
                index += count
            } else {
                index += 1
            }
        }
        var hash = JournalLineCodec.genesisHash(journalID: id)
        var lines: [[UInt8]] = [], previous: [SHA256Digest] = [], stored: [SHA256Digest] = []
        for event in history {
            let (line, next) = JournalLineCodec.encode(event, source: journal.metadata.source, previousHash: hash)
            lines.append(line)
            previous.append(hash)
            stored.append(next)
            hash = next
        }
        self.lines = lines
        self.events = history
        self.previousHashes = previous
        self.stored = stored
        Files.write(segment, lines.flatMap { $0 })
        precondition((try? journal.verify().ok) == true, "the line pool does not verify")
    }

    func check(_ rng: inout SeededGenerator, _ report: PropertyReport, label: String) {
        let k = rng.int(1...(lines.count - 1))
        let original = lines[k]
        var mutated = original
        for _ in 0..<rng.int(1...4) { Hostile.mutate(&mutated, &rng, splice: lines[rng.int(0...(lines.count - 1))]) }
        let label = label + " (line \(k + 1)): " + String(decoding: mutated, as: UTF8.self).debugDescription
        CrashLabel.set(label)
        let changed = mutated != original
        if !changed { report.add("line mutations that changed nothing") }
        // The line as a reader splits it off: intact when the change only added bytes after its newline,
        // or took away only its newline (the journal's last line, whole: read, MissingNewline).
        let intact = Array(mutated.prefix(original.count)) == original || mutated == Array(original.dropLast())

        // The strict decoder, on the bytes as a reader would split them (up to the first \n).
        let body = Array(mutated.prefix { $0 != 0x0A })
        let strict = body.withUnsafeBytes { buffer in
            Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(buffer) })
        }
        if case .success = strict, body != Array(original.dropLast()) {
            report.add("changed lines the strict decoder still decodes")
            let passes = body.withUnsafeBytes { buffer -> Bool in
                guard let (head, storedHash) = JournalLineCodec.splitHash(buffer) else { return false }
                return JournalLineCodec.chainHash(previous: previousHashes[k], body: head) == storedHash
            }
            report.check(!passes, "\(label): a changed line passes its chain hash")
        }

        // A reader: refuses, or delivers exactly the original events before the change.
        Files.write(segment, lines[0..<k].flatMap { $0 } + mutated)
        guard let journal = try? FileJournal.open(at: directory) else { report.fail("\(label): cannot open the pool journal"); return }
        var delivered: [EventEnvelope] = []
        do {
            let read = try journal.read(ReadOptions()) { delivered.append($0.envelope); return true }
            let limit = intact ? k + 1 : k
            report.check(delivered.count <= limit && Array(events[0..<delivered.count]) == delivered,
                         "\(label): a reader delivered \(delivered.count) events, not the original first \(min(limit, delivered.count))")
            if !intact && delivered.count == k && read.tornTail == nil && read.incompleteBatch == nil && mutated.last == 0x0A {
                report.fail("\(label): a reader skipped a changed complete line without refusing or reporting it")
            }
            report.add(read.tornTail != nil || read.incompleteBatch != nil ? "read as a torn tail"
                       : read.missingNewline != nil ? "read as a whole line without its newline" : "read unchanged")
        } catch .damaged(let location, _) {
            report.check(location.line >= 1, "\(label): damage without a line")
            report.add("refused by the reader (damaged)")
        } catch {
            report.fail("\(label): a reader threw \(error)")
        }

        // The fast path, hash checks off: every line it delivers, the strict decoder decodes the same.
        do {
            try journal.read(ReadOptions(verifyHashes: false)) { record in
                let strictRecord = Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(record.line) })
                switch strictRecord {
                case .success(let decoded):
                    report.check(decoded.envelope == record.envelope,
                                 "\(label): fast and strict decoders read line \(record.location.line) differently")
                case .failure(let error):
                    report.fail("\(label): the fast path delivered line \(record.location.line), which the strict decoder refuses (\(error.reason))")
                }
                return true
            }
        } catch .damaged {
            // refused: fine
        } catch {
            report.fail("\(label): a reader without hash checks threw \(error)")
        }
    }
}

/// Generators of hostile text.
enum Hostile {
    static let interestingBytes: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x39,
                                            0x3A, 0x5B, 0x5C, 0x5D, 0x65, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE1, 0xED, 0xF0,
                                            0xF4, 0xF5, 0xFE, 0xFF]
    static let fragments: [String] = [
        #"""#, #"\"#, #"\u0000"#, #"\ud800"#, #"\udc00"#, #"\u00e9"#, "\\n", #","seq":1"#, #""seq":"#, #","data":{}"#, #""data":null"#,
        "99999999999999999999", "-1", "-0", "1e308", "1E-999", "0.000000001", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "18446744073709551616", "NaN", "Infinity", "true", "null", "[]", "{}", "[[[[[[[[", "}}}}", ",,",
        #""count":2147483648"#, #""count":-5"#, #""batch":"0/0""#, #""batch":"2/1""#, #""batch":"99999999999999999999/1""#,
        #""time":"2021-02-29T00:00:00+07:00""#, #""recordedtime":"2024-13-01T00:00:00.000Z""#, #""type":"vn.socai.admission.v2""#,
        #""subject":"../../etc/passwd""#, #""id":"00000000-0000-0000-0000-000000000000""#, "ư", "🇻🇳", "\u{301}", "\u{FEFF}",
        #","chainhash":""#, String(repeating: "a", count: 64), String(repeating: "9", count: 400),
    ]

    /// One random change to `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator, splice: [UInt8]) {
        guard !bytes.isEmpty else { bytes = Array(fragments[rng.int(0...(fragments.count - 1))].utf8); return }
        let at = rng.int(0...(bytes.count - 1))
        switch rng.int(0...9) {
        case 0: bytes[at] ^= UInt8(1) << UInt8(rng.int(0...7))
        case 1: bytes[at] = interestingBytes[rng.int(0...(interestingBytes.count - 1))]
        case 2: bytes.remove(at: at)
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + rng.int(1...40)))
        case 4: bytes.insert(contentsOf: Array(fragments[rng.int(0...(fragments.count - 1))].utf8), at: at)
        case 5: bytes.insert(interestingBytes[rng.int(0...(interestingBytes.count - 1))], at: at)
        case 6:
            let length = min(bytes.count - at, rng.int(1...64))
            bytes.insert(contentsOf: Array(bytes[at..<(at + length)]), at: rng.int(0...bytes.count))
        case 7:
            // Splice: the rest of this line from a point in another.
            let from = rng.int(0...(max(0, splice.count - 1)))
            bytes = Array(bytes[0..<at]) + Array(splice[from...])
        case 8: bytes.removeLast(min(bytes.count, rng.int(1...80)))
        default:
            // Replace a number with a hostile one.
            if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                var end = digit
                while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
                let numbers = ["0", "-1", "99999999999999999999", "2147483648", "9223372036854775807", "1.5", "1e3", "00"]
                bytes.replaceSubrange(digit..<end, with: Array(numbers[rng.int(0...(numbers.count - 1))].utf8))
            } else {
                bytes.append(0x7D)
            }
        }
    }

    static func mutateText(_ text: String, _ rng: inout SeededGenerator, times: Int = 1) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<times { mutate(&bytes, &rng, splice: Array("31/12/2023 Thứ Hai ~120 >3700 2,9%".utf8)) }
        // Arguments and Swift strings are UTF-8: repair what the mutation broke, as a shell would pass it.
        return String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
    }

    static func pick<T>(_ items: [T], _ rng: inout SeededGenerator) -> T { items[rng.int(0...(items.count - 1))] }

    static func date(_ rng: inout SeededGenerator) -> String {
        let valid = ["2023-12-31", "31/12/2023", "1/6/2018", "31-12-2023", "Thứ Tư, 16/05/2018", "Thứ 6 ngày 01/06/2018", "Chủ nhật 3/3/2024",
                     "29/02/2024", "2024-02-29", "thu hai 1/1/2024", "ngày 5/5/2020", "23/1", "00/00/0000", "0001-01-01", "9999-12-31"]
        let weird = ["", " ", "31/12/99999", "2023-1-1", "2023/12/31", "31.12.2023", "31/12-2023", "-1/-1/-1", "99999999999999999999/1/2023",
                     "１/２/２０２３", "٣١/١٢/٢٠٢٣", "Thứ Mười 1/1/2024", "thu", "thu 8 1/1/2024", "chu nhat", String(repeating: "1/", count: 500),
                     "2023-12-31T00:00:00Z", "31 / 12 / 2023", "\u{0}31/12/2023", "Đ/12/2023"]
        var text = rng.chance(50) ? pick(valid, &rng) : pick(weird, &rng)
        if rng.chance(70) { text = mutateText(text, &rng, times: rng.int(1...3)) }
        return text
    }

    static func number(_ rng: inout SeededGenerator) -> String {
        let base = ["5275", "5.275", "1,206", "~120", ">3700", ">=3700", "<5", "2,9%", "95@2016-05-23", "1206@2008-01-01..2018-06-01",
                    "91,57", "15.2", "-27", "0", "00", "99999999999999999999", "9223372036854775807", "-9223372036854775808",
                    "1e9", "1.", ".5", "1..2", "%", "@", "~", "5@", "5@2016-02-30", "5@2018-01-01..2017-01-01", "1.000.000", "1,2,3",
                    "2024-01-23T08:00:00Z", "2024-01-23T08:00:00.123+07:00", "2024-01-23T25:61:61Z", "99999-01-01T00:00:00Z"]
        var text = pick(base, &rng)
        if rng.chance(70) { text = mutateText(text, &rng, times: rng.int(1...3)) }
        return text
    }

    static let hostileValues = [
        "", " ", "-", "--", "=1+1", "+1", "@SUM(A1:A9)", "-2+3", "=HYPERLINK(\"http://x\",\"y\")", "../../etc/passwd", "/etc/passwd",
        "$(touch /tmp/socai-pwned)", "`touch /tmp/socai-pwned`", "; rm -rf /", "%s%s%n", "<script>alert(1)</script>", "\u{1B}[2J",
        "ư", "Đảng bộ", "🇻🇳", "\u{301}", "\u{FEFF}", "\u{202E}abc", String(repeating: "x", count: 5000), "99999999999999999999",
        "-1", "0", "2147483648", "9223372036854775808", "1e308", "NaN", "31/02/2023", "2023-13-01", "0000-00-00", "23/1", "members=",
        "=5", "members=-1", "members=99999999999999999999", "unknown-figure=1", "members=5@2016-02-30", "a,b,,c", ",", "u1,u1", "true",
    ]

    static func text(_ rng: inout SeededGenerator) -> String {
        var text = rng.chance(50) ? pick(hostileValues, &rng) : pick(["sop-cop", "muong-lan", "u1", "Sốp Cộp", "Mường Lạn", "đ", "a-b-c"], &rng)
        if rng.chance(60) { text = mutateText(text, &rng, times: rng.int(1...3)) }
        return text
    }

    static let commands: [[String]] = [
        ["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "3", "--source", "Báo cáo 1"],
        ["record", "departure", "--unit", "u1", "--date", "2021-03-01", "--count", "1", "--reason", "death"],
        ["record", "arrival", "--unit", "u2", "--date", "2021-03-01", "--count", "2", "--by", "clerk"],
        ["record", "unit", "--id", "x1", "--name", "Chi bộ X", "--kind", "cell", "--parent", "p", "--date", "2020-01-01"],
        ["record", "conference", "--unit", "u1", "--date", "2021-05-01", "--title", "Hội nghị", "--kind", "review", "--figure", "members=41",
         "--target", "admissions=12", "--printed", "admissions-attainment=91,57"],
        ["record", "rating", "--unit", "u1", "--year", "2022", "--of", "members", "--excellent", "3", "--good", "10", "--completed", "2",
         "--failed", "0", "--rated", "15"],
        ["record", "correction", "--event", "0190c8a0-0000-7000-8000-0000000f0001", "--reason", "typo", "--set", "count=2"],
        ["record", "correction", "--event", "0190c8a0-0000-7000-8000-0000000f0001", "--reason", "wrong", "--retract"],
        ["record", "merger", "--from", "v1,v2", "--into", "v1", "--date", "2021-06-01"],
        ["record", "merger", "--in", "p", "--of", "village", "--before", "128", "--after", "101", "--date", "2021-06-01"],
        ["record", "rename", "--unit", "u2", "--name", "Chi bộ Mới", "--date", "2022-01-01"],
        ["record", "move", "--unit", "u2", "--parent", "p", "--date", "2022-01-01"],
        ["record", "dissolve", "--unit", "v2", "--date", "2023-01-01"],
        ["replay", "--to", "2023-12-31"], ["replay", "--known-at", "2024-01-23T08:00:00Z", "--unit", "u1"],
        ["term", "--unit", "u1", "--term", "2020-2025"], ["audit", "--unit", "u1", "--figure", "members", "--from", "2020-01-01", "--to", "2024-01-01"],
        ["check", "--unit", "u1"], ["check", "--notes"], ["log", "--unit", "u1", "--type", "admission", "--from-seq", "2"], ["verify"],
        ["help", "record"], ["record", "admission", "--help"], ["--version"],
    ]
    static let globals = [["--format", "json"], ["--format", "csv"], ["--format", "text"], ["--json"], ["--lang", "vi"], ["--lang", "en"],
                          ["--allow-damaged"], ["--no-snapshot"], ["--quiet"]]
    static let extraOptions = ["--bogus", "-x", "--", "-", "--count", "--unit", "--date", "--to", "--format", "--lang", "--figure", "-h",
                               "--dry-run", "--allow-future", "--help=yes", "--count=5", "--unit=u1"]

    /// A command line for socai, never one that names another journal, writes files or installs anything.
    static func arguments(_ rng: inout SeededGenerator) -> [String] {
        while true {
            var args = pick(commands, &rng)
            if rng.chance(40) { args.insert(contentsOf: pick(globals, &rng), at: rng.int(0...args.count)) }
            for _ in 0..<rng.int(1...3) {
                guard !args.isEmpty else { break }
                let at = rng.int(0...(args.count - 1))
                switch rng.int(0...8) {
                case 0, 1, 2:
                    // A value replaced by a hostile one (options keep their names).
                    if !args[at].hasPrefix("-") || at > 1 { args[at] = rng.chance(60) ? pick(hostileValues, &rng) : mutateText(args[at], &rng) }
                case 3: args.remove(at: at)
                case 4: args.insert(args[at], at: rng.int(0...args.count))
                case 5: args.insert(pick(extraOptions, &rng), at: rng.int(0...args.count))
                case 6: args.swapAt(at, rng.int(0...(args.count - 1)))
                case 7:
                    if at + 1 < args.count, args[at].hasPrefix("--") { args[at] += "=" + args.remove(at: at + 1) }
                default: args[at] = mutateText(args[at], &rng, times: rng.int(1...2))
                }
            }
            let forbidden = ["init", "export", "snapshot", "completion", "import", "__complete", "complete"]
            let safe = !args.contains { arg in
                forbidden.contains(arg) || arg.hasPrefix("--jour") || arg.hasPrefix("--snap") || arg.hasPrefix("--out")
                    || arg.hasPrefix("--inst") || arg.hasPrefix("--segment")
            }
            if safe { return args }
        }
    }

    static func importFile(_ rng: inout SeededGenerator, csv: Bool) -> [UInt8] {
        var text: String
        if csv {
            text = "type,unit,date,count,reason,source\nadmission,u1,2021-03-01,2,,\"Báo cáo, số 1\"\ndeparture,u1,01/04/2021,1,death,x\n"
                + "arrival,u2,2021-05-01,3,,\"=1+1\"\n"
        } else {
            text = [
                #"{"type":"admission","unit":"u1","date":"2021-03-01","count":2}"#,
                #"{"type":"departure","unit":"u1","date":"2021-04-01","count":1,"reason":"exit","source":"Báo \"A\""}"#,
                #"{"type":"conference","unit":"u1","date":"2021-05-01","title":"Hội nghị","figures":{"members":41},"targets":{"admissions":12}}"#,
                #"{"type":"rating","unit":"u1","year":2022,"of":"cells","excellent":1,"good":2,"completed":0,"failed":0}"#,
                #"{"type":"unit","id":"x2","name":"Bản X","kind":"village","parent":"p","date":"2020-01-01"}"#,
            ].joined(separator: "\n") + "\n"
        }
        var bytes = Array(text.utf8)
        for _ in 0..<rng.int(1...4) { mutate(&bytes, &rng, splice: Array(pick(hostileValues, &rng).utf8)) }
        return bytes
    }
}
