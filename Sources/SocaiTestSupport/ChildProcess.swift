#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process in its own process group, with stdout and stderr going to files: for tests that
/// kill a writer (and whatever it has started) with SIGKILL at an arbitrary moment, or run several
/// writers at once.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `/bin/bash -c script` in `directory`, its own process group leader, with the
    /// environment `SocaiProcess.run` uses (`SOCAI_BIN` = the built binary, a fixed `SOCAI_NOW`)
    /// plus `environment`. Output is appended to `stdoutPath` / `stderrPath`.
    public init(bash script: String, in directory: String, environment: [String: String] = [:],
                stdoutPath: String, stderrPath: String, now: String? = SocaiProcess.fixedNow) throws {
        var env = ProcessInfo.processInfo.environment
        for key in ["SOCAI_JOURNAL", "SOCAI_SNAPSHOTS", "SOCAI_LANG", "SOCAI_NOW", "NO_COLOR", "COLUMNS"] { env[key] = nil }
        env["SOCAI_USER"] = "tester"
        env["SOCAI_BIN"] = SocaiProcess.binary
        if let now { env["SOCAI_NOW"] = now }
        for (key, value) in environment { env[key] = value }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        // The directory and the script go in as $1 and $2: no quoting, and no chdir in posix_spawn.
        let wrapped = "cd \"$1\" || exit 127; eval \"$2\""
        let argv = ["/bin/bash", "-c", wrapped, "bash", directory, script]
        let envp = env.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = Self.withCStrings(argv) { cArgv in
            Self.withCStrings(envp) { cEnvp in
                posix_spawn(&child, "/bin/bash", &actions, &attributes, cArgv, cEnvp)
            }
        }
        guard status == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(status), userInfo: [NSLocalizedDescriptionKey: "posix_spawn bash failed"])
        }
        pid = child
    }

    /// Sends `signal` to the whole process group (the script and anything it runs).
    public func killGroup(_ signal: Int32 = SIGKILL) {
        _ = Glibc.kill(-pid, signal)
    }

    /// Waits for the script to end; returns its exit status (128 + n when killed by signal n).
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
    }

    /// Waits until every process of the group has finished exiting (zombies aside): after a
    /// SIGKILL, a member may still be on its way out, its last write and its lock not yet released.
    public func waitForGroupToExit(timeoutSeconds: Double = 10) {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Self.liveMembers(ofGroup: pid) > 0 && Date() < deadline { usleep(2_000) }
    }

    /// Processes in process group `group` that are not zombies, from /proc/PID/stat.
    static func liveMembers(ofGroup group: pid_t) -> Int {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var count = 0
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "(comm)": state, ppid, pgrp, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, fields[0] != "Z", fields[0] != "X", Int32(fields[2]) == group { count += 1 }
        }
        return count
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
