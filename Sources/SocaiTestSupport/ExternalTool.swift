import Foundation

/// Programs some tests drive besides socai (python3, bash, zsh, fish, chromium): found on PATH,
/// so a test can skip with a clear message when one is missing.
public enum ExternalTool {
    /// The first executable called one of `names` on PATH (or in /usr/bin, /bin), or nil.
    public static func find(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        for name in names {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return directory + "/" + name
            }
        }
        return nil
    }

    public static let python3 = find("python3")
    public static let bash = find("bash")
    public static let zsh = find("zsh")
    public static let fish = find("fish")

    /// Runs `tool arguments`, returning its status and output (stdin empty).
    public static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:],
                           in directory: String? = nil) -> SocaiResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return SocaiResult(status: -1, stdout: "", stderr: "could not start \(tool): \(error)") }
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
