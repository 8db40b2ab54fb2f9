#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where a command's text goes: a file descriptor (stdout, stderr) or a buffer (in-process tests).
public final class OutputSink: Sendable {
    private let descriptor: Int32?
    private let buffer = Mutex<[UInt8]>([])

    public init(descriptor: Int32) { self.descriptor = descriptor }
    public init() { self.descriptor = nil }

    public static let standardOutput = OutputSink(descriptor: 1)
    public static let standardError = OutputSink(descriptor: 2)

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        guard let descriptor else {
            buffer.withLock { $0.append(contentsOf: bytes) }
            return
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return  // EPIPE and the like: the reader went away; nothing useful to do.
            }
            offset += n
        }
        bytes.removeAll()
    }

    public func writeLine(_ text: String) { write(text + "\n") }

    /// The descriptor it writes to (nil for a buffer): a stream polls it to notice a closed pipe
    /// while it has nothing to write.
    public var fileDescriptor: Int32? { descriptor }

    /// What was written, for a buffered sink.
    public var text: String { String(decoding: buffer.withLock { $0 }, as: UTF8.self) }

    /// Whether it is a terminal (for colour, progress lines and guided entry).
    public var isTerminal: Bool { descriptor.map { isatty($0) == 1 } ?? false }

    /// The terminal's width in columns, when it is a terminal that tells (`TIOCGWINSZ`).
    public var terminalColumns: Int? {
        guard let descriptor, isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
