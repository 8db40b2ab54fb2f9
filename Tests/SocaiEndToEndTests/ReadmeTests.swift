import Foundation
import SocaiTestSupport
import Testing

/// The README's walkthrough is true: every `console` block's commands are run in order, on a copy
/// of the shipped journal with the clock fixed, and their output compared word for word (event
/// ids, which are random, are compared as placeholders). Guided entry (`socai record` with no
/// event type) runs on a pseudo terminal, typing the answers the transcript shows after each
/// prompt. `RECORD_README=1 swift test --filter Readme` rewrites the outputs in README.md instead.
@Suite("README walkthrough")
struct ReadmeTests {
    static let now = "2026-11-23T10:00:00Z"

    @Test func walkthroughOutputsAreWhatSocaiPrints() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readmePath = root.appendingPathComponent("README.md").path
        let readme = try String(contentsOfFile: readmePath, encoding: .utf8)
        let work = TemporaryDirectory("socai-readme")
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Journal").path, toPath: work.file("Journal"))
        var environment: [String: String] = ["SOCAI_USER": "clerk"]
        var rewritten: [String] = []
        var inConsole = false
        var expected: [String] = []
        var pendingCommand: String?
        var commandsRun = 0

        func flush() {
            guard let command = pendingCommand else { return }
            let actual = run(command, in: work, environment: &environment, transcript: expected)
            commandsRun += 1
            let want = expected.joined(separator: "\n")
            if ProcessInfo.processInfo.environment["RECORD_README"] == nil {
                #expect(Self.masked(actual) == Self.masked(want), "README command `\(command)` printed:\n\(actual)")
                rewritten += expected
            } else {
                rewritten += actual.isEmpty ? [] : actual.components(separatedBy: "\n")
            }
            pendingCommand = nil
            expected = []
        }

        for line in readme.components(separatedBy: "\n") {
            if !inConsole {
                rewritten.append(line)
                if line == "```console" { inConsole = true }
                continue
            }
            if line == "```" {
                flush()
                rewritten.append(line)
                inConsole = false
            } else if line.hasPrefix("$ ") {
                flush()
                pendingCommand = String(line.dropFirst(2))
                rewritten.append(line)
            } else {
                expected.append(line)
            }
        }
        #expect(commandsRun >= 10, "the README walkthrough should show at least ten commands")
        if ProcessInfo.processInfo.environment["RECORD_README"] != nil {
            try rewritten.joined(separator: "\n").write(toFile: readmePath, atomically: true, encoding: .utf8)
        }
    }

    /// Runs one README command: `socai …` / `swift run socai …`, `export K=V`, `cp -r A B`.
    func run(_ command: String, in work: TemporaryDirectory, environment: inout [String: String], transcript: [String]) -> String {
        let parsed = ShellCommand(command)
        var words = parsed.words
        if words.first == "export", words.count == 2, let equals = words[1].firstIndex(of: "=") {
            environment[String(words[1][..<equals])] = String(words[1][words[1].index(after: equals)...])
            return ""
        }
        if words.first == "cp", words.count == 4, words[1] == "-r" {
            try? FileManager.default.copyItem(atPath: work.file(words[2]), toPath: work.file(words[3]))
            return ""
        }
        // `K=V socai …`: variables for this command only.
        let local = environment.merging(parsed.environment) { $1 }
        if words.starts(with: ["swift", "run", "socai"]) { words.removeFirst(2) }
        guard words.first == "socai" else {
            Issue.record("README command not understood: \(command)")
            return ""
        }
        let arguments = Array(words.dropFirst())
        if arguments.first == "record", arguments.dropFirst().allSatisfy({ $0.hasPrefix("-") || $0 == "vi" || $0 == "en" }) {
            return guided(arguments, in: work, environment: local, transcript: transcript)
        }
        let result = SocaiProcess.run(arguments, in: work.path, environment: local, now: local["SOCAI_NOW"] ?? Self.now)
        var text = result.stdout + result.stderr
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Guided entry at a pseudo terminal, answers typed from the transcript; what the terminal
    /// showed, trailing spaces (a prompt answered with Enter) left out as the README writes it.
    func guided(_ arguments: [String], in work: TemporaryDirectory, environment: [String: String], transcript: [String]) -> String {
        guard let term = try? PseudoTerminal(arguments, in: work.path, environment: environment,
                                             now: environment["SOCAI_NOW"] ?? Self.now) else {
            Issue.record("no pseudo terminal for `socai \(arguments.joined(separator: " "))`")
            return ""
        }
        let played = term.play(transcript)
        if played { _ = term.wait() }
        // The line editor's "\r\n" reaches the terminal as "\r\r\n": drop every carriage return.
        let shown = String(String.UnicodeScalarView(term.transcript.unicodeScalars.filter { $0 != "\r" }))
        var text = shown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = line
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.joined(separator: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Event ids are random: compare them as a placeholder.
    static func masked(_ text: String) -> String {
        text.replacing(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, with: "<event-id>")
    }
}
