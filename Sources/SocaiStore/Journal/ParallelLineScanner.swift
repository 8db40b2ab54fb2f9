#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SocaiCore

/// Reads a segment in large chunks and runs the local checks of each chunk's lines (hash tail,
/// decode, chain hash) on every core, then hands the lines over in order: hashing every line of
/// a journal is the dominant cost of reading it, and lines can be hashed independently because
/// each line is checked against the hash *stored* on the line before it.
struct ParallelLineScanner {
    static let chunkSize = 4 * 1024 * 1024
    static let workers = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    /// One line as delivered: its local outcome, number, offset and bytes (valid during the call).
    typealias Body = (LineChecker.LocalOutcome, Int, Int, UnsafeRawBufferPointer) throws(JournalError) -> Bool

    /// Scans the complete lines of `[start, end)`; `previousHash` is the hash stored on the line
    /// before `start`. Stops when `body` returns false. Returns the offset after the last complete line.
    ///
    /// With `checksum`, the bytes of every chunk's complete lines are also fed to it, on a worker
    /// beside the ones checking lines, before the chunk's lines are delivered: how a sealed segment's
    /// checksum is computed in the same pass that reads it. `checksum.end` says how far it got.
    @discardableResult
    static func scan(_ fd: borrowing FileDescriptor, from start: Int, to end: Int, firstLineNumber: Int,
                     previousHash: SHA256Digest, verifyHashes: Bool, checksum: UnsafeMutablePointer<SegmentChecksum>? = nil,
                     _ body: Body) throws(JournalError) -> Int {
        checksum?.pointee.end = start
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var fileOffset = start
        var filled = 0
        var lineNumber = firstLineNumber
        var carriedHash = previousHash
        var consumedEnd = start
        var decoders = [LineAttributeReader](repeating: LineAttributeReader(), count: workers)
        while fileOffset + filled < end {
            if filled == buffer.count {
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
            }
            let want = min(buffer.count - filled, end - (fileOffset + filled))
            let got = try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + want)]), at: fileOffset + filled)
            if got == 0 { break }
            filled += got

            // The complete lines in the buffer.
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var starts: [Int] = []
            var ends: [Int] = []
            var cursor = 0
            while cursor < filled, let hit = memchr(base + cursor, 0x0A, filled - cursor) {
                let newline = base.distance(to: UnsafeRawPointer(hit))
                starts.append(cursor)
                ends.append(newline)
                cursor = newline + 1
            }
            let count = starts.count
            if count > 0 {
                let outcomes = UnsafeMutableBufferPointer<LineChecker.LocalOutcome>.allocate(capacity: count)
                defer { outcomes.deallocate() }
                let firstHash = carriedHash
                let lines = { (i: Int) in UnsafeRawBufferPointer(start: base + starts[i], count: ends[i] - starts[i]) }
                let parts = count < 64 ? 1 : workers
                let linesEnd = cursor
                decoders.withUnsafeMutableBufferPointer { decoderBuffer in
                    // Each worker reads its own lines and writes its own outcomes and decoder: no sharing.
                    let shared = Unshared((base: base, starts: starts, ends: ends, outcomes: outcomes.baseAddress!,
                                           decoders: decoderBuffer.baseAddress!, checksum: checksum))
                    DispatchQueue.concurrentPerform(iterations: parts + (checksum == nil ? 0 : 1)) { part in
                        let work = shared.value
                        if part == parts, let checksum = work.checksum {
                            checksum.pointee.hasher.update(UnsafeRawBufferPointer(start: work.base, count: linesEnd))
                            return
                        }
                        let lines = { (i: Int) in UnsafeRawBufferPointer(start: work.base + work.starts[i], count: work.ends[i] - work.starts[i]) }
                        let outcomeBase = work.outcomes
                        let from = count * part / parts, to = count * (part + 1) / parts
                        // The hash stored on the line before this part's first line.
                        var previous = firstHash
                        var k = from - 1
                        while k >= 0 {
                            if let stored = JournalLineCodec.splitHash(lines(k))?.stored { previous = stored; break }
                            k -= 1
                        }
                        for i in from..<to {
                            let outcome = LineChecker.local(lines(i), previousHash: previous, verifyHashes: verifyHashes,
                                                            decoder: &work.decoders[part])
                            (outcomeBase + i).initialize(to: outcome)
                            if let stored = outcome.stored { previous = stored }
                        }
                    }
                }
                defer { _ = outcomes.baseAddress!.deinitialize(count: count) }
                checksum?.pointee.end = fileOffset + linesEnd
                for i in 0..<count {
                    if let stored = outcomes[i].stored { carriedHash = stored }
                    let keepGoing = try body(outcomes[i], lineNumber, fileOffset + starts[i], lines(i))
                    lineNumber += 1
                    consumedEnd = fileOffset + ends[i] + 1
                    if !keepGoing { return consumedEnd }
                }
            }
            let remaining = filled - cursor
            if remaining > 0 && cursor > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + cursor, remaining) }
            fileOffset += cursor
            filled = remaining
        }
        return consumedEnd
    }
}

/// A sealed segment's checksum as a scan computes it: the hasher, and the offset it has covered.
struct SegmentChecksum {
    var hasher = XXHash64.Streaming()
    var end = 0
}

/// Memory handed to `concurrentPerform` workers that each touch disjoint parts of it.
private struct Unshared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
