import Foundation
import SocaiCLI
import SocaiCore
import SocaiTestSupport

/// socai run in-process against a journal in a temporary directory: a fixed clock, captured
/// output, and (for guided entry) answers typed from a list, as if at a terminal.
final class InProcess: @unchecked Sendable {
    let directory = TemporaryDirectory("socai-cli")
    static let now = Instant.parseRFC3339("2024-06-01T08:00:00Z")!

    var journal: String { directory.file("Journal") }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Answers handed out one per `readLine`; nil (end of input, Ctrl-D) once they run out.
    final class Answers: @unchecked Sendable {
        private var lines: [String]
        private let lock = NSLock()
        init(_ lines: [String]) { self.lines = lines }
        func next() -> String? {
            lock.lock()
            defer { lock.unlock() }
            return lines.isEmpty ? nil : lines.removeFirst()
        }
        var remaining: Int { lock.lock(); defer { lock.unlock() }; return lines.count }
    }

    @discardableResult
    func run(_ arguments: [String], answers: Answers? = nil, environment: [String: String] = [:]) -> Outcome {
        let out = OutputSink(), err = OutputSink()
        var env = ["SOCAI_JOURNAL": journal]
        for (key, value) in environment { env[key] = value }
        let context = CommandContext(environment: env, now: { InProcess.now }, stdout: out, stderr: err,
                                     readLine: { answers?.next() }, stdinIsTerminal: answers != nil, loginName: "tester")
        let status = SocaiCLI.run(arguments, context: context)
        return Outcome(status: status, stdout: out.text, stderr: err.text)
    }

    /// A journal with Sơn La, Sốp Cộp and two communes whose names share a word.
    static func sopCop() -> InProcess {
        let p = InProcess()
        p.run(["init"])
        for arguments in [["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
                          ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la",
                           "--date", "2015-01-01"],
                          ["unit", "--id", "muong-va", "--name", "Đảng ủy xã Mường Và", "--kind", "base-committee", "--parent", "sop-cop",
                           "--date", "2015-01-01"],
                          ["unit", "--id", "muong-lan", "--name", "Đảng ủy xã Mường Lạn", "--kind", "base-committee", "--parent", "sop-cop",
                           "--date", "2015-01-01"]] {
            let outcome = p.run(["record"] + arguments)
            precondition(outcome.status == 0, outcome.stderr)
        }
        return p
    }
}
