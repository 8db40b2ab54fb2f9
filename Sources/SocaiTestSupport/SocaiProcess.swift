import Foundation

/// What a run of the built `socai` binary printed and returned.
public struct SocaiResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `socai` binary as a user would: arguments, environment, working directory.
public enum SocaiProcess {
    /// The binary next to the test bundle (`.build/<triple>/debug/socai`), or `$SOCAI_BIN`.
    public static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["SOCAI_BIN"] { return explicit }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("socai").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/socai").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// A fixed "now" for reproducible recorded times (see SOCAI_NOW in the README).
    public static let fixedNow = "2024-06-01T08:00:00Z"

    /// Another executable of the package built beside `socai` (`socai-generate`, …).
    public static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs `executable` (default: `socai`) with the environment tests rely on: no inherited
    /// journal, language or columns; `SOCAI_USER=tester`; `SOCAI_NOW=now` unless `now` is nil.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                           stdin: String? = nil, now: String? = fixedNow, executable: String = binary) -> SocaiResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for key in ["SOCAI_JOURNAL", "SOCAI_SNAPSHOTS", "SOCAI_LANG", "SOCAI_NOW", "NO_COLOR", "COLUMNS"] { env[key] = nil }
        env["SOCAI_USER"] = "tester"
        if let now { env["SOCAI_NOW"] = now }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        do { try process.run() } catch {
            return SocaiResult(status: -1, stdout: "", stderr: "could not start \(executable): \(error)")
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes while the process runs so a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        process.waitUntilExit()
        group.wait()
        return SocaiResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                           stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A journal in its own temporary directory, driven through the binary.
public final class ScratchJournal: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public var now: String = SocaiProcess.fixedNow

    public init(initialise: Bool = true) {
        directory = TemporaryDirectory()
        if initialise { run(["init"]) }
    }

    public var journalPath: String { directory.file("Journal") }

    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) -> SocaiResult {
        SocaiProcess.run(arguments, in: directory.path, environment: environment, stdin: stdin, now: now)
    }

    /// The bytes of every segment, concatenated: to assert nothing was written.
    public var journalBytes: [UInt8] {
        // Segments and quarantine files; seals are derived from segments and left out.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: journalPath)) ?? []).filter { $0.hasPrefix("segment-") && !$0.hasSuffix(".seal") }.sorted()
        return names.flatMap { FileManager.default.contents(atPath: journalPath + "/" + $0).map { Array($0) } ?? [] }
    }
}
