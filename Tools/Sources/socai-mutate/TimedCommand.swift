import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command run in its own process group with its output in a log file, stopped (the whole
/// group: `swift test` starts helpers of its own) when it outlives its time limit.
struct TimedCommand {
    enum Outcome: Equatable {
        case exited(Int32)
        case timedOut
    }

    var arguments: [String]
    var directory: String
    var log: String

    /// Runs the command and waits for it, at most `limit` seconds. Returns the outcome and the seconds it took.
    func run(limit: Double) -> (outcome: Outcome, seconds: Double) {
        let started = Date()
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addclose(&actions, 0)
        // The command runs in `directory`: through `env -C` so no global working directory changes.
        let argv = ["/usr/bin/env", "-C", directory] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, &cArgs, environ)
        guard status == 0 else { return (.exited(127), 0) }
        while true {
            var waitStatus: Int32 = 0
            let done = waitpid(pid, &waitStatus, WNOHANG)
            if done == pid {
                let code = (waitStatus & 0x7F) == 0 ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F)
                return (.exited(code), Date().timeIntervalSince(started))
            }
            if Date().timeIntervalSince(started) > limit {
                kill(-pid, SIGKILL)
                waitpid(pid, &waitStatus, 0)
                return (.timedOut, Date().timeIntervalSince(started))
            }
            usleep(200_000)
        }
    }
}
