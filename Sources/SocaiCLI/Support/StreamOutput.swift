#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiStore

/// Where a stream (`export --format cloudevents-lines`) writes, and how it learns it should end
/// cleanly, with exit 0 and every line it wrote whole: its reader went away (a closed pipe or
/// socket), or, for a stream that never ends by itself (`--follow`), SIGINT or SIGTERM (Ctrl-C,
/// `kill`, a service manager).
///
/// While it lives, SIGPIPE is blocked in the calling thread, so a closed pipe makes `write` fail
/// with EPIPE instead of killing the process; with `catchingStopSignals` SIGINT and SIGTERM are
/// blocked too and stay pending until `stopRequested` takes them. Blocking instead of a handler
/// needs no global state. A write never blocks for long: it waits for room in the output a quarter
/// second at a time and looks for a stop signal in between, so a reader that stops reading cannot
/// keep the stream from ending. (A batch export interrupted keeps the usual death by signal: its
/// output is incomplete, and a script must not read exit 0.) On the way out the mask is restored
/// and what is still pending of the blocked signals is taken first, so nothing is delivered late.
struct StreamOutput: ~Copyable {
    private let sink: OutputSink
    private var previous = sigset_t()
    private var blocked = sigset_t()
    private var stops = sigset_t()

    /// How long one wait lasts: the longest a stop signal waits to be noticed.
    static let waitMilliseconds: Int32 = 250

    init(_ sink: OutputSink, catchingStopSignals: Bool) {
        self.sink = sink
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        sigemptyset(&stops)
        if catchingStopSignals {
            for signal in [SIGINT, SIGTERM] {
                sigaddset(&stops, signal)
                sigaddset(&blocked, signal)
            }
        }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    }

    deinit {
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        var pending = blocked
        while sigtimedwait(&pending, nil, &none) > 0 {}
        var restore = previous
        pthread_sigmask(SIG_SETMASK, &restore, nil)
    }

    /// Whether SIGINT or SIGTERM arrived (taking it, so it is not delivered later).
    func stopRequested() -> Bool {
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        var wanted = stops
        return sigismember(&wanted, SIGINT) == 1 && sigtimedwait(&wanted, nil, &none) > 0
    }

    /// Why a write or a wait ended the stream.
    enum End: Error { case readerGone, stopped }

    /// Writes `bytes` whole, unless the reader goes away or a stop signal comes first.
    func write(_ bytes: [UInt8]) throws(End) {
        guard let fd = sink.fileDescriptor else {
            sink.write(String(decoding: bytes, as: UTF8.self))  // a buffer (in-process tests)
            return
        }
        var offset = 0
        while offset < bytes.count {
            // Room for PIPE_BUF bytes, or the reader gone: either way the write below does not block.
            var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&entry, 1, Self.waitMilliseconds)
            if stopRequested() { throw .stopped }
            if ready <= 0 { continue }
            let count = min(bytes.count - offset, Int(PIPE_BUF))
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .readerGone  // EPIPE, or an output that refuses bytes: nothing more can be delivered
            }
            offset += n
        }
    }

    /// Waits up to `waitMilliseconds` for the journal directory to change; ends the stream when
    /// the reader goes away (poll reports POLLERR or POLLHUP on a pipe or socket whose reader
    /// closed, even with no events asked) or a stop signal comes.
    func wait(_ watch: borrowing DirectoryWatch) throws(End) {
        if stopRequested() { throw .stopped }
        var fds: [pollfd] = []
        if let descriptor = watch.descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let output = sink.fileDescriptor
        if let output { fds.append(pollfd(fd: output, events: 0, revents: 0)) }
        let ready = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), Self.waitMilliseconds) }
        if let output, ready > 0, let entry = fds.last, entry.fd == output, entry.revents & Int16(POLLERR | POLLHUP) != 0 {
            throw .readerGone
        }
        if ready > 0 { watch.drain() }
        if stopRequested() { throw .stopped }
    }
}
