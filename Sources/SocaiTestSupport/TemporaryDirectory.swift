import Foundation

/// A fresh directory for one test, removed afterwards: tests never share files.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ label: String = "socai-test") {
        let base = NSTemporaryDirectory()
        path = base + (base.hasSuffix("/") ? "" : "/") + label + "-" + UUID().uuidString.lowercased()
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, _ text: String) {
        let written = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
        precondition(written, "cannot write \(file(name))")
    }

    public func read(_ name: String) -> String {
        (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? ""
    }

    public func bytes(_ name: String) -> [UInt8] {
        (FileManager.default.contents(atPath: file(name))).map { Array($0) } ?? []
    }
}
