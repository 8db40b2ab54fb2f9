import Foundation
import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// Measurements, not tests: off unless `SOCAI_BENCH=1`, and they assert nothing about time.
///
///     SOCAI_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter JournalBenchmarks
///
/// (`-enable-testing` only because other test targets use `@testable import`; this file does not.)
@Suite("Journal benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SOCAI_BENCH"] != nil),
       .serialized)
struct JournalBenchmarks {
    @Test("append latency: 1,000 single appends with fsync")
    func appendLatency() throws {
        let scratch = try ScratchFileJournal()
        try scratch.append([JournalFixtures.admission(0)])  // the segment exists: measure steady state
        var samples: [Double] = []
        samples.reserveCapacity(1000)
        let clock = ContinuousClock()
        for n in 1...1000 {
            let event = JournalFixtures.admission(n)
            let elapsed = try clock.measure { try scratch.append([event]) }
            samples.append(Self.microseconds(elapsed))
        }
        samples.sort()
        let mean = samples.reduce(0, +) / Double(samples.count)
        print(String(format: "BENCH append: n=%d p50=%.0f µs p90=%.0f µs p99=%.0f µs max=%.0f µs mean=%.0f µs (dir %@)",
                     samples.count, Self.percentile(samples, 0.50), Self.percentile(samples, 0.90),
                     Self.percentile(samples, 0.99), samples.last!, mean, scratch.path))

        // The same without the fsyncs' share: encoding + tail analysis alone, through InMemoryJournal.
        let memory = InMemoryJournal(id: JournalFixtures.journalID)
        var memorySamples: [Double] = []
        for n in 1...1000 {
            let event = JournalFixtures.admission(n)
            let elapsed = try clock.measure { _ = try memory.append([event], options: AppendOptions(), now: JournalFixtures.now) }
            memorySamples.append(Self.microseconds(elapsed))
        }
        memorySamples.sort()
        print(String(format: "BENCH append (InMemoryJournal, no I/O): p50=%.1f µs p99=%.1f µs",
                     Self.percentile(memorySamples, 0.50), Self.percentile(memorySamples, 0.99)))
    }

    @Test("read throughput: 100,000 admission events")
    func readThroughput() throws {
        let scratch = try ScratchFileJournal()
        let total = 100_000
        let clock = ContinuousClock()
        let writeTime = try clock.measure {
            for batch in 0..<(total / 1000) {
                try scratch.append(JournalFixtures.admissions(batch * 1000 + 1, count: 1000))
            }
        }
        let bytes = scratch.segments.reduce(0) { $0 + scratch.bytes($1).count }
        print(String(format: "BENCH generate: %d events in %d batches, %.1f MB, %.2f s", total, total / 1000,
                     Double(bytes) / 1e6, Self.seconds(writeTime)))

        for (label, options) in [("read, hashes verified", ReadOptions()),
                                 ("read, hashes not verified", ReadOptions(verifyHashes: false))] {
            var best = Double.infinity
            for _ in 0..<3 {
                let journal = try scratch.reopen()
                var count = 0
                var members = 0
                let elapsed = try clock.measure {
                    try journal.read(options) { record in
                        count += 1
                        if case .flow(let flow) = record.envelope.payload { members += flow.count }
                        return true
                    }
                }
                #expect(count == total && members == total)
                best = min(best, Self.seconds(elapsed))
            }
            print(String(format: "BENCH %@: %.0f events/s, %.1f MB/s (best of 3: %.3f s)", label,
                         Double(total) / best, Double(bytes) / 1e6 / best, best))
        }

        let verifyTime = try clock.measure {
            let report = try scratch.reopen().verify()
            #expect(report.ok && report.events == total)
        }
        print(String(format: "BENCH verify: %.0f events/s (%.3f s)", Double(total) / Self.seconds(verifyTime), Self.seconds(verifyTime)))

        // The chain hash alone over the stored lines: what hashing costs of a read.
        var lines: [[UInt8]] = []
        try scratch.reopen().read(ReadOptions(verifyHashes: false)) { record in
            lines.append(Array(record.line)); return true
        }
        let hashTime = clock.measure {
            var previous = JournalLineCodec.genesisHash(journalID: JournalFixtures.journalID)
            for line in lines {
                line.withUnsafeBytes { buffer in
                    guard let (body, stored) = JournalLineCodec.splitHash(buffer) else { return }
                    precondition(JournalLineCodec.chainHash(previous: previous, body: body) == stored)
                    previous = stored
                }
            }
        }
        print(String(format: "BENCH splitHash + chainHash alone: %.0f lines/s", Double(lines.count) / Self.seconds(hashTime)))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func microseconds(_ duration: Duration) -> Double { seconds(duration) * 1e6 }

    /// Nearest-rank percentile of sorted samples.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
