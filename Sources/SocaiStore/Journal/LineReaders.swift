#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the complete lines of a segment, in order, through one reusable buffer: a journal is
/// never loaded into memory whole.
struct ForwardLineReader {
    static let chunkSize = 4 * 1024 * 1024

    /// Calls `body` with each `\n`-terminated line in `[start, end)` (without its `\n`), its 1-based
    /// line number counted from `firstLineNumber`, and its byte offset. Stops early when `body`
    /// returns false. Returns the offset just after the last complete line seen.
    @discardableResult
    static func forEachLine(_ fd: borrowing FileDescriptor, from start: Int = 0, to end: Int, firstLineNumber: Int = 1,
                            _ body: (UnsafeRawBufferPointer, Int, Int) throws(JournalError) -> Bool) throws(JournalError) -> Int {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var fileOffset = start          // file offset of buffer[0]
        var filled = 0                  // bytes valid in buffer
        var lineNumber = firstLineNumber
        var consumedEnd = start
        while fileOffset + filled < end {
            if filled == buffer.count {
                // A single line longer than the buffer: grow it.
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
            }
            let want = min(buffer.count - filled, end - (fileOffset + filled))
            let got = try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + want)]),
                                  at: fileOffset + filled)
            if got == 0 { break }
            filled += got
            var lineStart = 0
            let base = buffer.baseAddress!
            while lineStart < filled {
                guard let hit = memchr(base + lineStart, 0x0A, filled - lineStart) else { break }
                let newline = base.distance(to: hit)
                let line = UnsafeRawBufferPointer(start: base + lineStart, count: newline - lineStart)
                let keepGoing = try body(line, lineNumber, fileOffset + lineStart)
                lineNumber += 1
                lineStart = newline + 1
                consumedEnd = fileOffset + lineStart
                if !keepGoing { return consumedEnd }
            }
            // Move the partial line to the front.
            let remaining = filled - lineStart
            if remaining > 0 && lineStart > 0 {
                memmove(base, base + lineStart, remaining)
            }
            fileOffset += lineStart
            filled = remaining
        }
        return consumedEnd
    }
}

/// Reads a segment's lines backwards from an offset: how the tail is examined without reading
/// the whole segment.
struct BackwardLineReader {
    /// The first read backwards is small (a line is about half a kilobyte, and every append reads
    /// the tail); later ones, for a long line, are larger.
    static let firstChunkSize = 4 * 1024
    static let chunkSize = 64 * 1024

    /// The line that ends just before `end` (which must be 0 or just after a `\n`), as
    /// (start offset, bytes without `\n`), or nil at the start of the file.
    ///
    /// Finds where the line starts first, then reads it once: linear in the line's length, however
    /// long it is.
    static func line(endingAt end: Int, in fd: borrowing FileDescriptor) throws(JournalError) -> (start: Int, bytes: [UInt8])? {
        guard end > 0 else { return nil }
        let lineEnd = end - 1  // offset of the '\n'
        var cursor = lineEnd
        var size = firstChunkSize
        while cursor > 0 {
            let from = max(0, cursor - size)
            let chunk = try fd.read(count: cursor - from, at: from)
            if let newline = lastNewline(in: chunk) {
                let start = from + newline + 1
                // The whole line is in this first chunk: no second read.
                if cursor == lineEnd { return (start, Array(chunk[(newline + 1)...])) }
                return (start, try fd.read(count: lineEnd - start, at: start))
            }
            cursor = from
            size = chunkSize
        }
        return (0, try fd.read(count: lineEnd, at: 0))
    }

    /// The offset just after the last `\n` in `[0, size)`, or 0 when there is none.
    static func endOfLastCompleteLine(size: Int, in fd: borrowing FileDescriptor) throws(JournalError) -> Int {
        var cursor = size
        var chunkSize = firstChunkSize
        while cursor > 0 {
            let from = max(0, cursor - chunkSize)
            let chunk = try fd.read(count: cursor - from, at: from)
            if let newline = lastNewline(in: chunk) { return from + newline + 1 }
            cursor = from
            chunkSize = Self.chunkSize
        }
        return 0
    }

    private static func lastNewline(in chunk: [UInt8]) -> Int? {
        chunk.withUnsafeBufferPointer { buffer in
            var i = buffer.count - 1
            while i >= 0 {
                if buffer[i] == 0x0A { return i }
                i -= 1
            }
            return nil
        }
    }

    /// How many `\n` there are before `offset`: a line number for messages about the tail.
    static func lineNumber(at offset: Int, in fd: borrowing FileDescriptor) throws(JournalError) -> Int {
        var count = 0
        try ForwardLineReader.forEachLine(fd, to: offset) { _, _, _ in count += 1; return true }
        return count + 1
    }
}
