import Foundation
import SocaiTestSupport
import Testing

/// What `replay`, `term`, `audit`, `check`, `log` and `export --format html` print, pinned byte for
/// byte on the shipped journal and on synthetic journals built deterministically (fixed journal ids,
/// event ids and `SOCAI_NOW`): so a change of the read path that changes an answer is seen.
///
/// Each folder of `Golden/` is a case: its `setup.test` builds the journal in a fresh directory
/// (the folder's other files, such as import files, are copied there first), then every other
/// `.test` file runs against it. See `Golden/README.md` for the format and for re-recording with
/// `RECORD_GOLDEN=1 swift test --filter Golden`.
@Suite("Golden outputs")
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The clock of every command that does not set `SOCAI_NOW` itself: after the shipped journal
    /// was recorded (2026-11-22), so "today" and the running term are the same on every run.
    static let now = "2026-11-23T10:00:00Z"
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("setup.test").path) }.sorted()
    }

    @Test func thereAreCasesAndEnoughGoldenFiles() {
        #expect(Self.cases.count >= 6, "cases found in \(Self.folder.path): \(Self.cases)")
        let files = Self.cases.flatMap { Self.testFiles(of: $0) }
        #expect(files.count >= 40, "golden files: \(files.count)")
    }

    /// The generated cases rely on this: the same options give the same bytes in every process
    /// (each process hashes with its own seed, so a dictionary's order would show here).
    @Test func socaiGenerateIsByteIdenticalAcrossRuns() {
        let work = TemporaryDirectory("socai-golden")
        var segments: [[UInt8]] = []
        for out in ["first", "second"] {
            let result = SocaiProcess.run(["--events", "500", "--seed", "11", "--batch", "25", "--out", out], in: work.path,
                                          executable: SocaiProcess.sibling("socai-generate"))
            #expect(result.status == 0, "\(result)")
            segments.append(work.bytes(out + "/segment-00000001.jsonl"))
        }
        #expect(segments[0].count > 100_000)
        #expect(segments[0] == segments[1], "socai-generate wrote different journals for the same --events and --seed")
    }

    @Test(arguments: cases)
    func outputsAreUnchanged(_ name: String) throws {
        let caseFolder = Self.folder.appendingPathComponent(name)
        let work = TemporaryDirectory("socai-golden")
        for file in try FileManager.default.contentsOfDirectory(atPath: caseFolder.path) where !file.hasSuffix(".test") && file != "README.md" {
            try FileManager.default.copyItem(atPath: caseFolder.appendingPathComponent(file).path, toPath: work.file(file))
        }
        for file in Self.testFiles(of: name) {
            let path = caseFolder.appendingPathComponent(file).path
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let golden = try GoldenFile(parsing: original)
            var recorded = golden
            for (index, entry) in golden.entries.enumerated() {
                let result = run(entry.command, in: work)
                let label = "Golden/\(name)/\(file): $ \(entry.command)"
                if Self.recording {
                    recorded.entries[index].status = result.status
                    if !entry.outputIgnored {
                        recorded.entries[index].stdout = result.stdout
                        recorded.entries[index].stderr = result.stderr
                    }
                } else {
                    compare(entry, result, label)
                }
            }
            if Self.recording && recorded.rendered != original {
                // What is written must read back as what was printed, or the file cannot pin it.
                let text = recorded.rendered
                #expect(try GoldenFile(parsing: text) == recorded, "Golden/\(name)/\(file): the output cannot be written as a golden file")
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
    }

    /// `setup.test` first, then the others in name order.
    static func testFiles(of name: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)) ?? []
        return ["setup.test"] + files.filter { $0.hasSuffix(".test") && $0 != "setup.test" }.sorted()
    }

    func compare(_ entry: GoldenFile.Entry, _ result: SocaiResult, _ label: String) {
        #expect(result.status == entry.status, "\(label)\nexit status \(result.status), expected \(entry.status)\n--- stderr\n\(result.stderr)")
        guard !entry.outputIgnored else { return }
        if result.stdout != entry.stdout {
            Issue.record("\(label)\nstdout differs (- expected, + actual):\n\(LineDiff.unified(expected: entry.stdout, actual: result.stdout))")
        }
        if result.stderr != entry.stderr {
            Issue.record("\(label)\nstderr differs (- expected, + actual):\n\(LineDiff.unified(expected: entry.stderr, actual: result.stderr))")
        }
    }

    /// Runs a golden command line: `[NAME=value …] socai …`, `socai-generate …`, or `cp -r SOURCE
    /// DEST` (SOURCE in the case's directory, else in the package: `cp -r Journal Journal` copies
    /// the shipped journal).
    func run(_ line: String, in work: TemporaryDirectory) -> SocaiResult {
        let command = ShellCommand(line)
        let now = command.environment["SOCAI_NOW"] ?? Self.now
        switch command.words.first {
        case "socai":
            return SocaiProcess.run(Array(command.words.dropFirst()), in: work.path, environment: command.environment, now: now)
        case "socai-generate":
            return SocaiProcess.run(Array(command.words.dropFirst()), in: work.path, environment: command.environment, now: now,
                                    executable: SocaiProcess.sibling("socai-generate"))
        case "cp" where command.words.count == 4 && command.words[1] == "-r":
            let source = FileManager.default.fileExists(atPath: work.file(command.words[2]))
                ? work.file(command.words[2]) : Self.packageRoot.appendingPathComponent(command.words[2]).path
            do {
                try FileManager.default.copyItem(atPath: source, toPath: work.file(command.words[3]))
                return SocaiResult(status: 0, stdout: "", stderr: "")
            } catch {
                return SocaiResult(status: 1, stdout: "", stderr: "cp: \(error)\n")
            }
        default:
            Issue.record("a golden command must be `socai …`, `socai-generate …` or `cp -r A B`: \(line)")
            return SocaiResult(status: -1, stdout: "", stderr: "")
        }
    }
}
