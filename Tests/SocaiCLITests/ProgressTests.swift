#if canImport(Glibc)
import Glibc
#endif
import Testing
import SocaiCore
import SocaiTestSupport
@testable import SocaiCLI

/// Long operations (reading, verifying, exporting) show a progress line on stderr when it is a
/// terminal, and stay silent when it is not, or with --quiet.
@Suite("progress line")
struct ProgressTests {
    static func invocation(stderr: OutputSink, quiet: Bool) throws -> Invocation {
        let context = CommandContext(environment: [:], now: { Instant.parseRFC3339("2024-06-01T08:00:00Z")! },
                                     stdout: OutputSink(), stderr: stderr)
        let globals = ParsedArguments(command: "export", occurrences: quiet ? [.init(name: "quiet", value: nil)] : [])
        return try Invocation(context: context, globals: globals)
    }

    static func tick(_ progress: Progress, _ n: Int) {
        for _ in 0..<n { progress.tick() }
        progress.finish()
    }

    @Test func onATerminal() throws {
        let (master, slave) = try PseudoTerminal.openPair()
        defer { close(master); close(slave) }
        let progress = Progress(try Self.invocation(stderr: OutputSink(descriptor: slave), quiet: false),
                                label: LocalizedText(en: "exporting", vi: "đang xuất"))
        Self.tick(progress, 20_000)
        let shown = PseudoTerminal.drain(master)
        #expect(shown.hasPrefix("\rexporting 16,384, "), "\(shown)")
        #expect(shown.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
    }

    /// With a total (an import's lines), the line also says how far along it is and the time left.
    @Test func withATotalOnATerminal() throws {
        let (master, slave) = try PseudoTerminal.openPair()
        defer { close(master); close(slave) }
        let progress = Progress(try Self.invocation(stderr: OutputSink(descriptor: slave), quiet: false),
                                label: LocalizedText(en: "validating", vi: "đang kiểm tra"), total: 49_152)
        Self.tick(progress, 20_000)
        let shown = PseudoTerminal.drain(master)
        // The fixed clock makes the elapsed time 1 ms: 16,384 lines at 16,384,000 a second.
        #expect(shown.hasPrefix("\rvalidating 16,384/49,152, ETA 0 s, 16,384,000 events/s"), "\(shown)")
        #expect(shown.hasSuffix("\r\u{1B}[K"))
    }

    @Test func silentWithQuietOrOffATerminal() throws {
        let (master, slave) = try PseudoTerminal.openPair()
        defer { close(master); close(slave) }
        Self.tick(Progress(try Self.invocation(stderr: OutputSink(descriptor: slave), quiet: true),
                           label: LocalizedText("exporting")), 20_000)
        #expect(PseudoTerminal.drain(master, timeout: 0.1).isEmpty)
        let buffer = OutputSink()
        Self.tick(Progress(try Self.invocation(stderr: buffer, quiet: false), label: LocalizedText("exporting")), 20_000)
        #expect(buffer.text.isEmpty)
    }
}
