import Foundation

/// Headless Chromium, to look at an HTML report as a person would: load it, dump the DOM the
/// browser built, print it to PDF, take a screenshot, and collect what the page logged to its
/// console (errors included: a blocked fetch, a script error, a Content-Security-Policy violation).
public enum HeadlessBrowser {
    /// The browser: `$SOCAI_CHROMIUM`, else the first of chromium, chromium-browser,
    /// google-chrome on PATH; nil when none is installed (tests then skip; CI installs it).
    public static let path: String? = {
        if let explicit = ProcessInfo.processInfo.environment["SOCAI_CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) {
            return explicit
        }
        return ExternalTool.find("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    }()

    public static var isAvailable: Bool { path != nil }

    /// What one browser run produced.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Lines the page wrote to its console (`console.log`, errors, CSP violations).
        public var consoleMessages: [String] {
            stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        }
    }

    /// Runs the browser on `file` with `extra` arguments (`--dump-dom`, `--print-to-pdf=…`,
    /// `--screenshot=…`), in a profile of its own, with console logging on stderr.
    public static func run(_ file: String, _ extra: [String], timeout: Double = 60) -> Run {
        guard let path else { return Run(status: -1, stdout: "", stderr: "no chromium") }
        let profile = TemporaryDirectory("socai-chromium")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                             "--hide-scrollbars", "--user-data-dir=" + profile.path, "--enable-logging=stderr", "--v=0"]
            + extra + [URL(fileURLWithPath: file).absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return Run(status: -1, stdout: "", stderr: "could not start \(path): \(error)") }
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 5)
        withExtendedLifetime(profile) {}
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// How many times `needle` occurs in `text`.
    public static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
