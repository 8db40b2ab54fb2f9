#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiStore

/// How a stream (`export --format cloudevents-lines --follow`) learns it should end cleanly, with
/// exit 0 and every line it wrote whole: SIGINT or SIGTERM (Ctrl-C, `kill`, a service manager), or
/// a reader that went away (a closed pipe or socket).
///
/// While it lives, SIGINT, SIGTERM and SIGPIPE are blocked in the calling thread, so none of them
/// kills the process in the middle of a line: a closed pipe makes `write` fail with EPIPE, and the
/// two stop signals stay pending until `stopRequested` takes them. Blocking instead of a handler
/// needs no global state. On the way out the mask is restored and what is still pending of the
/// three is taken first, so nothing is delivered late.
struct StreamStop: ~Copyable {
    private var previous = sigset_t()
    private var blocked = sigset_t()
    private var stops = sigset_t()

    init() {
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&blocked, signal) }
        sigemptyset(&stops)
        sigaddset(&stops, SIGINT)
        sigaddset(&stops, SIGTERM)
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
        return sigtimedwait(&wanted, nil, &none) > 0
    }

    /// What ended a wait.
    enum Wake { case journalChanged, timedOut, readerGone }

    /// Waits up to `milliseconds` for the journal directory to change or the reader of `output`
    /// (a pipe or socket) to go away. Signals are checked by the caller between waits, so a wait
    /// is kept short.
    func wait(_ watch: borrowing DirectoryWatch, output: Int32?, milliseconds: Int32) -> Wake {
        var fds: [pollfd] = []
        if let descriptor = watch.descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        // No events asked of the output: poll still reports POLLERR/POLLHUP when its reader closed.
        if let output { fds.append(pollfd(fd: output, events: 0, revents: 0)) }
        let ready = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), milliseconds) }
        guard ready > 0 else { return .timedOut }
        if let output, let entry = fds.first(where: { $0.fd == output }),
           entry.revents & Int16(POLLERR | POLLHUP) != 0 {
            return .readerGone
        }
        watch.drain()
        return .journalChanged
    }
}
