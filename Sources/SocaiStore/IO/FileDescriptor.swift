#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin owner of a POSIX file descriptor: the journal's durability rests on calling exactly
/// `write`, `fsync` and `flock`, so they are called directly rather than through Foundation.
struct FileDescriptor: ~Copyable {
    let raw: Int32
    let path: String

    /// New journal files are created 0640: readable by the committee's group, by no one else.
    static let journalFileMode: mode_t = 0o640

    static func open(_ path: String, _ flags: Int32, mode: mode_t = journalFileMode) throws(JournalError) -> FileDescriptor {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return FileDescriptor(raw: fd, path: path) }
            if errno == EINTR { continue }
            throw .io(operation: "open", path: path, errno: errno)
        }
    }

    deinit { _ = Glibc.close(raw) }

    /// Writes all of `bytes`, retrying short writes and EINTR.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(JournalError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(raw, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path, errno: errno)
            }
            if n == 0 { throw .io(operation: "write", path: path, errno: EIO) }
            offset += n
        }
    }

    func writeAll(_ bytes: [UInt8]) throws(JournalError) {
        let result: Result<Void, JournalError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JournalError) in try writeAll(buffer) }
        }
        try result.get()
    }

    func sync() throws(JournalError) {
        while fsync(raw) != 0 {
            if errno == EINTR { continue }
            throw .io(operation: "fsync", path: path, errno: errno)
        }
    }

    func size() throws(JournalError) -> Int {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw .io(operation: "stat", path: path, errno: errno) }
        return Int(info.st_size)
    }

    func truncate(to length: Int) throws(JournalError) {
        while ftruncate(raw, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw .io(operation: "truncate", path: path, errno: errno)
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(JournalError) -> Int {
        var total = 0
        while total < buffer.count {
            let n = pread(raw, buffer.baseAddress! + total, buffer.count - total, off_t(offset + total))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            total += n
        }
        return total
    }

    func read(count: Int, at offset: Int) throws(JournalError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let result: Result<Int, JournalError> = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(JournalError) in try read(into: buffer, at: offset) }
        }
        bytes.removeLast(count - (try result.get()))
        return bytes
    }

    /// Takes the exclusive advisory lock, waiting up to `timeoutSeconds`.
    func lockExclusive(timeoutSeconds: Int) throws(JournalError) {
        let deadline = monotonicMilliseconds() + Int64(timeoutSeconds) * 1000
        var pause: UInt32 = 1_000
        while flock(raw, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else { throw .io(operation: "lock", path: path, errno: code) }
            if monotonicMilliseconds() >= deadline { throw .lockTimeout(path: path, seconds: timeoutSeconds) }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    func unlock() { _ = flock(raw, LOCK_UN) }

    /// fsyncs a directory so a file created in it survives a crash (its directory entry).
    static func syncDirectory(_ path: String) throws(JournalError) {
        let directory = try FileDescriptor.open(path, O_RDONLY | O_DIRECTORY)
        try directory.sync()
    }
}

func monotonicMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
