#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocaiCore

/// What a command may use of the world: environment, clock, output, input, identity. Passed in,
/// never reached for, so tests control time and capture output (no singletons).
public struct CommandContext: Sendable {
    public var environment: [String: String]
    public var now: @Sendable () -> Instant
    public var stdout: OutputSink
    public var stderr: OutputSink
    /// Reads one line from standard input (nil at end of input): guided entry.
    public var readLine: @Sendable () -> String?
    public var stdinIsTerminal: Bool
    public var loginName: String
    /// Reads guided entry's answers with Tab completion, when both ends are a capable terminal;
    /// nil elsewhere (pipes, tests in process), where `readLine` is used.
    public var lineEditor: LineEditor?

    public init(environment: [String: String], now: @escaping @Sendable () -> Instant, stdout: OutputSink, stderr: OutputSink,
                readLine: @escaping @Sendable () -> String? = { nil }, stdinIsTerminal: Bool = false, loginName: String = "socai") {
        self.environment = environment
        self.now = now
        self.stdout = stdout
        self.stderr = stderr
        self.readLine = readLine
        self.stdinIsTerminal = stdinIsTerminal
        self.loginName = loginName
    }

    /// The real process: its environment, the system clock, stdout/stderr, the login name.
    public static func live() -> CommandContext {
        let environment = ProcessInfo.processInfo.environment
        let login = environment["SOCAI_USER"] ?? environment["USER"] ?? environment["LOGNAME"]
            ?? getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "unknown"
        // SOCAI_NOW fixes the clock: reproducible journals (Tools/seed-journal) and tests.
        if let fixed = environment["SOCAI_NOW"].flatMap(Instant.parseRFC3339) {
            return CommandContext(environment: environment, now: { fixed }, stdout: .standardOutput, stderr: .standardError,
                                  readLine: { Swift.readLine(strippingNewline: true) }, stdinIsTerminal: isatty(0) == 1,
                                  loginName: login).withLineEditor()
        }
        return CommandContext(
            environment: environment,
            now: {
                var ts = timespec()
                clock_gettime(CLOCK_REALTIME, &ts)
                return Instant(millisecondsSinceEpoch: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000)
            },
            stdout: .standardOutput, stderr: .standardError,
            readLine: { Swift.readLine(strippingNewline: true) },
            stdinIsTerminal: isatty(0) == 1, loginName: login).withLineEditor()
    }

    /// This context with a line editor, when stdin and stdout are a terminal that is not `dumb`.
    func withLineEditor() -> CommandContext {
        var context = self
        if stdinIsTerminal && stdout.isTerminal && environment["TERM"] != "dumb" && LineEditor.canEdit() {
            context.lineEditor = LineEditor()
        }
        return context
    }
}
