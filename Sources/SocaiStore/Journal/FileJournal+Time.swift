#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

extension FileJournal {
    /// The last seq recorded at or before `instant` (0 when none was): what "as known at" means
    /// (SEMANTICS §1). Recorded times never decrease along seq, so this bisects the journal's
    /// bytes — a few dozen lines read, whatever its size — instead of folding a prefix.
    public func lastSeq(recordedAtOrBefore instant: Instant) throws(JournalError) -> Int64 {
        let tail = try tail(verifyHead: false)
        guard !tail.segments.isEmpty, tail.head.seq > 0 else { return 0 }
        if let time = tail.head.recordedTime, time <= instant { return tail.head.seq }
        var best: Int64 = 0
        for (index, name) in tail.segments.enumerated().reversed() {
            let fd = try FileDescriptor.open(path(name), O_RDONLY)
            let end = index == tail.segments.count - 1 ? tail.committedEnd : try fd.size()
            guard let first = try line(startingAt: 0, end: end, fd: fd) else { continue }
            guard first.time <= instant else { continue }
            // In this segment: `low` starts a line at or before `instant`; no line starting at or
            // after `high` is. Bisect until a short forward read settles it.
            best = first.seq
            var low = 0, high = end
            while high - low > 16_384 {
                let middle = (low + high) / 2
                guard let probe = try line(after: middle, end: end, fd: fd), probe.start < high else {
                    high = middle + 1
                    continue
                }
                if probe.time <= instant {
                    low = probe.start
                    best = probe.seq
                } else {
                    high = probe.start
                }
            }
            var offset = low
            while offset < end, let next = try line(startingAt: offset, end: end, fd: fd), next.time <= instant {
                best = next.seq
                offset = next.end
            }
            return best
        }
        return best
    }

    /// The first line starting after byte `offset` (the line containing `offset` is skipped).
    private func line(after offset: Int, end: Int, fd: borrowing FileDescriptor) throws(JournalError) -> (start: Int, end: Int, seq: Int64, time: Instant)? {
        var position = offset
        while position < end {
            let chunk = try fd.read(count: min(4096, end - position), at: position)
            if let newline = chunk.firstIndex(of: 0x0A) {
                return try line(startingAt: position + newline + 1, end: end, fd: fd)
            }
            if chunk.isEmpty { return nil }
            position += chunk.count
        }
        return nil
    }

    /// The line starting at byte `start`, decoded for its seq and recorded time.
    private func line(startingAt start: Int, end: Int, fd: borrowing FileDescriptor) throws(JournalError) -> (start: Int, end: Int, seq: Int64, time: Instant)? {
        guard start < end else { return nil }
        var bytes: [UInt8] = []
        var position = start
        while position < end {
            let chunk = try fd.read(count: min(8192, end - position), at: position)
            if chunk.isEmpty { break }
            if let newline = chunk.firstIndex(of: 0x0A) {
                bytes.append(contentsOf: chunk[..<newline])
                position += newline + 1
                let decoded = bytes.withUnsafeBytes { b in Result { () throws(LineDecodingError) in try JournalLineCodec.decode(b) } }
                guard case .success(let line) = decoded else {
                    throw .damaged(JournalLocation(segment: "?", line: 0), reason: DamageText.unreadableLookingUpTime())
                }
                return (start, position, line.seq, line.recordedTime)
            }
            bytes.append(contentsOf: chunk)
            position += chunk.count
        }
        return nil
    }
}
