#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells when files in a directory change (Linux inotify): a follower waits on it instead of
/// re-reading the journal's tail on a timer. Writers append to a segment (`IN_MODIFY`) or create
/// the next one (`IN_CREATE`); a `git pull` replaces files (`IN_MOVED_TO`, `IN_CLOSE_WRITE`).
///
/// Its descriptor is meant for `poll` together with other descriptors; when inotify is not
/// available (`descriptor` is nil) the caller polls on a timer alone, which only costs latency.
public struct DirectoryWatch: ~Copyable {
    /// Readable when something changed since the last `drain`.
    public let descriptor: Int32?

    public init(_ directory: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            descriptor = nil
            return
        }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            _ = close(fd)
            descriptor = nil
            return
        }
        descriptor = fd
    }

    deinit {
        if let descriptor { _ = close(descriptor) }
    }

    /// Reads and forgets the pending change notices (they only say "look again").
    public func drain() {
        guard let descriptor else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if n > 0 { continue }
            if n < 0 && errno == EINTR { continue }
            return
        }
    }
}
