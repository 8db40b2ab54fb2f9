#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs the built `socai` on a pseudo terminal, as a person at a keyboard would: its stdin,
/// stdout and stderr are the terminal (so `isatty` is true), and the test waits for a prompt
/// before typing the answer (`expect`, then `send`). Ctrl-D is the terminal's end of input.
public final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private let process: Process
    private var bytes: [UInt8] = []
    /// Where the last `expect` matched: the next one searches after it.
    private var cursor = 0

    /// Starts `socai arguments` in `directory` on a new terminal (80×24, canonical mode, echo on).
    public init(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                now: String? = SocaiProcess.fixedNow, executable: String = SocaiProcess.binary) throws {
        let pty = PTY.functions
        let master = pty.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.name(master) else {
            throw PseudoTerminalError(message: "no pseudo terminal: errno \(errno)")
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw PseudoTerminalError(message: "cannot open \(String(cString: name)): errno \(errno)") }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        self.master = master

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for key in ["SOCAI_JOURNAL", "SOCAI_SNAPSHOTS", "SOCAI_LANG", "SOCAI_NOW", "NO_COLOR", "COLUMNS"] { env[key] = nil }
        env["SOCAI_USER"] = "tester"
        env["TERM"] = "xterm"
        if let now { env["SOCAI_NOW"] = now }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        self.process = process
        do { try process.run() } catch {
            close(slave)
            close(master)
            throw PseudoTerminalError(message: "could not start \(executable): \(error)")
        }
        close(slave)  // the child holds it now; its exit makes reads on the master end
    }

    /// A bare terminal pair for in-process tests: write to `slave` (an `OutputSink` on it is a
    /// terminal), read what appeared from `master`. The caller closes both.
    public static func openPair() throws -> (master: Int32, slave: Int32) {
        let pty = PTY.functions
        let master = pty.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.name(master) else {
            throw PseudoTerminalError(message: "no pseudo terminal: errno \(errno)")
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw PseudoTerminalError(message: "cannot open the terminal: errno \(errno)") }
        return (master, slave)
    }

    /// What is waiting on `master` now (after `timeout` seconds at most).
    public static func drain(_ master: Int32, timeout: Double = 0.5) -> String {
        var bytes: [UInt8] = []
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, Int32(timeout * 1000)) > 0 {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Everything the terminal showed so far (prompts, echoed input, output), `\r\n` as `\n`.
    public var transcript: String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Waits until the output after the previous match contains `text`; false on timeout or exit.
    @discardableResult
    public func expect(_ text: String, timeout: Double = 10) -> Bool {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = find(needle, from: cursor) {
                cursor = end
                return true
            }
            guard Date() < deadline, readAvailable(until: deadline) else {
                guard let end = find(needle, from: cursor) else { return false }
                cursor = end
                return true
            }
        }
    }

    /// Plays a session written out as the terminal shows it (a README transcript): each of `lines`
    /// is either a line the program prints, or a prompt followed by what the user typed after it
    /// (`ngày [23/11/2026]: 15/03/2025`). When the program stops at a prompt that begins the next
    /// line, the rest of that line is typed, with Enter; trailing spaces do not count, so a prompt
    /// answered with Enter alone is written as the prompt. Returns false when the program stops
    /// showing what the lines expect (then `transcript` says what it showed instead).
    public func play(_ lines: [String], timeout: Double = 10) -> Bool {
        for line in lines {
            let want = line.trimmingTrailingSpaces
            let deadline = Date().addingTimeInterval(timeout)
            var answered = false
            while true {
                if let newline = bytes[cursor...].firstIndex(of: 0x0A) {
                    cursor = newline + 1
                    break
                }
                let partial = String(decoding: bytes[cursor...].filter { $0 != 0x0D }, as: UTF8.self)
                if !answered, partial.hasSuffix(": "), want.hasPrefix(partial.trimmingTrailingSpaces),
                   !readAvailable(until: Date().addingTimeInterval(0.3)) {
                    send(String(want.dropFirst(partial.trimmingTrailingSpaces.count)).trimmingLeadingSpace + "\n")
                    answered = true
                    continue
                }
                guard Date() < deadline else { return false }
                _ = readAvailable(until: min(deadline, Date().addingTimeInterval(0.1)))
            }
        }
        return true
    }

    /// Types `text` (add "\n" for Enter).
    public func send(_ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types a line and Enter.
    public func sendLine(_ line: String) { send(line + "\n") }

    /// Ctrl-D at the start of a line: end of input.
    public func sendEndOfInput() { send("\u{04}") }

    /// Waits for the program to exit, reading what it still prints; its status, or nil on timeout.
    public func wait(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { _ = readAvailable(until: Date().addingTimeInterval(0.05)) }
        guard !process.isRunning else { return nil }
        while readAvailable(until: Date().addingTimeInterval(0.05)) {}
        return process.terminationStatus
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count - start >= needle.count else { return needle.isEmpty ? start : nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i + needle.count }
            i += 1
        }
        return nil
    }

    /// Reads what is available before `deadline`; false when the terminal closed (the program exited) or time ran out.
    private func readAvailable(until deadline: Date) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard n > 0 else { return false }  // EIO: the last holder of the terminal closed it
        bytes.append(contentsOf: chunk[0..<n])
        return true
    }
}

/// The C library's pseudo-terminal calls, looked up at run time: Swift's Glibc module leaves
/// them out (they need `_XOPEN_SOURCE`).
private struct PTY {
    typealias IntCall = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    var openpt: IntCall
    var grant: IntCall
    var unlock: IntCall
    var name: NameCall

    static let functions: PTY = {
        func symbol<T>(_ name: String, as type: T.Type) -> T {
            guard let pointer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in the C library") }
            return unsafeBitCast(pointer, to: type)
        }
        return PTY(openpt: symbol("posix_openpt", as: IntCall.self), grant: symbol("grantpt", as: IntCall.self),
                   unlock: symbol("unlockpt", as: IntCall.self), name: symbol("ptsname", as: NameCall.self))
    }()
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    var trimmingLeadingSpace: String { hasPrefix(" ") ? String(dropFirst()) : self }
}

public struct PseudoTerminalError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
