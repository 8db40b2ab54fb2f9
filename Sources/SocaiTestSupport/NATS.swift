#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A `nats-server` (Debian's package) on a loopback port, for the broker round trip of
/// `export --format cloudevents-lines --follow` and `import --format cloudevents-lines`: started by
/// the test in its own directory and stopped (SIGTERM) when the value goes away.
public final class NATSServer: @unchecked Sendable {
    /// The server binary, or nil when it is not installed (the tests that need it skip).
    public static let executable = ExternalTool.find("nats-server")
        ?? ["/usr/sbin/nats-server", "/usr/local/sbin/nats-server"].first { FileManager.default.isExecutableFile(atPath: $0) }

    public let port: Int32
    private let process: Spawned

    /// Starts a server on 127.0.0.1 at a free port, logging into `directory`, and waits until it
    /// accepts connections.
    public init(directory: String) throws {
        guard let executable = Self.executable else { throw NATSError("nats-server is not installed") }
        port = try Self.freePort()
        process = try Spawned(executable, ["-a", "127.0.0.1", "-p", String(port), "-l", directory + "/nats-server.log"],
                              stdout: directory + "/nats-server.out", stderr: directory + "/nats-server.err")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if (try? NATSConnection(port: port)) != nil { return }
            usleep(50_000)
        }
        process.signal(SIGKILL)
        process.wait()
        throw NATSError("nats-server did not accept connections on port \(port) within 20 s")
    }

    deinit {
        process.signal(SIGTERM)
        process.wait(timeout: 10)
    }

    /// A port nobody listens on now (the kernel's pick for port 0).
    private static func freePort() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NATSError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = NATSConnection.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw NATSError("bind: \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int32(UInt16(bigEndian: address.sin_port))
    }
}

/// One client connection speaking NATS's text protocol (CONNECT, PUB, SUB, MSG, PING/PONG): all a
/// test needs to publish lines to a subject and read them back, without a client library.
public final class NATSConnection: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`, reads the server's INFO, introduces itself and waits for the
    /// server to answer a PING.
    public init(port: Int32) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NATSError("socket: \(String(cString: strerror(errno)))") }
        var address = Self.loopback(port: UInt16(port))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw NATSError("connect to port \(port): \(reason)")
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let info = try readLine()
        guard info.hasPrefix("INFO ") else { throw NATSError("expected INFO from the server, got \(info)") }
        try send(#"CONNECT {"verbose":false,"pedantic":false,"name":"socai-test","lang":"swift","version":"0","protocol":1}"# + "\r\n")
        try flush()
    }

    deinit { close(fd) }

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// Asks for the messages published to `subject`.
    public func subscribe(_ subject: String, id: Int = 1) throws {
        try send("SUB \(subject) \(id)\r\n")
        try flush()
    }

    /// Publishes one message.
    public func publish(_ subject: String, _ payload: [UInt8]) throws {
        try send("PUB \(subject) \(payload.count)\r\n")
        try send(payload + Array("\r\n".utf8))
    }

    /// Sends PING and waits for PONG: everything sent before has been processed by the server.
    public func flush() throws {
        try send("PING\r\n")
        while true {
            let line = try readLine()
            if line == "PONG" { return }
            if line.hasPrefix("-ERR") { throw NATSError("server: \(line)") }
        }
    }

    /// The next message's payload (answering the server's PINGs on the way), or an error after
    /// the receive timeout.
    public func nextMessage() throws -> [UInt8] {
        while true {
            let line = try readLine()
            if line == "PING" { try send("PONG\r\n"); continue }
            if line.hasPrefix("-ERR") { throw NATSError("server: \(line)") }
            guard line.hasPrefix("MSG "), let size = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
            let payload = try read(count: size + 2)
            return Array(payload.prefix(size))
        }
    }

    private func send(_ text: String) throws { try send(Array(text.utf8)) }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NATSError("send: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n > 0 { buffer += chunk[0..<n]; return }
            if n < 0 && errno == EINTR { continue }
            throw NATSError(n == 0 ? "the server closed the connection" : "receive: \(String(cString: strerror(errno)))")
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            try fill()
        }
    }

    private func read(count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        defer { buffer.removeSubrange(..<count) }
        return Array(buffer[..<count])
    }
}

public struct NATSError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
