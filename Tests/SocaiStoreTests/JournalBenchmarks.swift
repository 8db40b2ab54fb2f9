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
        // Before/after of the codec change, interleaved in one process so machine load hits both
        // alike: the old code built a String and an Array per line; the new one uses the stack.
        var best = (old: Double.infinity, new: Double.infinity)
        for _ in 0..<3 {
            best.old = min(best.old, Self.seconds(clock.measure { Self.chainAll(lines, split: Self.oldSplitHash, hash: Self.oldChainHash) }))
            best.new = min(best.new, Self.seconds(clock.measure { Self.chainAll(lines, split: JournalLineCodec.splitHash, hash: JournalLineCodec.chainHash) }))
        }
        print(String(format: "BENCH splitHash + chainHash alone: before %.0f lines/s, after %.0f lines/s (x%.2f)",
                     Double(lines.count) / best.old, Double(lines.count) / best.new, best.old / best.new))
    }

    /// Checks the whole chain with the given split and hash functions.
    static func chainAll(_ lines: [[UInt8]], split: (UnsafeRawBufferPointer) -> (body: UnsafeRawBufferPointer, stored: SHA256Digest)?,
                         hash: (SHA256Digest, UnsafeRawBufferPointer) -> SHA256Digest) {
        var previous = JournalLineCodec.genesisHash(journalID: JournalFixtures.journalID)
        for line in lines {
            line.withUnsafeBytes { buffer in
                guard let (body, stored) = split(buffer) else { preconditionFailure("no hash tail") }
                precondition(hash(previous, body) == stored)
                previous = stored
            }
        }
    }

    /// The chain hash as it was before: the previous digest's hex as a String, copied to an Array.
    static func oldChainHash(previous: SHA256Digest, body: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(Array(previous.hex.utf8))
        hasher.update(body)
        return hasher.finalize()
    }

    /// splitHash as it was before: the stored hex decoded through a String and re-rendered to compare.
    static func oldSplitHash(_ line: UnsafeRawBufferPointer) -> (body: UnsafeRawBufferPointer, stored: SHA256Digest)? {
        let suffix = Array(#","chainhash":""#.utf8)
        let tailLength = suffix.count + 66
        let n = line.count
        guard n > tailLength, line[n - 1] == 0x7D, line[n - 2] == 0x22 else { return nil }
        let prefixStart = n - tailLength
        for (i, byte) in suffix.enumerated() where line[prefixStart + i] != byte { return nil }
        let hexStart = prefixStart + suffix.count
        let hex = String(decoding: UnsafeRawBufferPointer(rebasing: line[hexStart..<(hexStart + 64)]), as: UTF8.self)
        guard let digest = SHA256Digest(hex: hex), digest.hex == hex else { return nil }
        return (UnsafeRawBufferPointer(rebasing: line[0..<prefixStart]), digest)
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
