import Foundation

/// The copy of the repository the mutants are built in (Tools/.work/mutate/tree), never the
/// working tree itself: a mutant that is not restored, or a run that is stopped, cannot leave a
/// broken rule behind in anyone's sources.
///
/// The copy keeps its own `.build` from run to run. Syncing writes only the files whose bytes
/// differ, so their modification times, and with them SwiftPM's incremental builds, stay valid:
/// each mutant recompiles the one file it changes and what depends on it.
struct ScratchTree {
    var repository: String
    var path: String

    /// Copies the repository's tracked and untracked-but-not-ignored files that differ, and
    /// removes copies of files that no longer exist. Returns how many files were written.
    func sync() throws -> Int {
        let listing = try Shell.output(["git", "-C", repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        let files = Set(listing.split(separator: "\0").map(String.init))
        let manager = FileManager.default
        var written = 0
        for file in files.sorted() {
            let source = repository + "/" + file
            guard let bytes = manager.contents(atPath: source) else { continue }   // deleted, not yet staged
            let target = path + "/" + file
            if manager.contents(atPath: target) == bytes { continue }
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: target))
            let mode = (try? manager.attributesOfItem(atPath: source)[.posixPermissions]) ?? 0o644
            try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: target)
            written += 1
        }
        // Sources that left the repository must leave the copy too, or SwiftPM would still compile them.
        for top in ["Sources", "Tests", "Tools/Sources"] {
            guard let enumerator = manager.enumerator(atPath: path + "/" + top) else { continue }
            for case let relative as String in enumerator {
                let file = top + "/" + relative
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: path + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue, !files.contains(file) {
                    try manager.removeItem(atPath: path + "/" + file)
                    written += 1
                }
            }
        }
        return written
    }

    func read(_ file: String) throws -> String {
        try String(contentsOfFile: path + "/" + file, encoding: .utf8)
    }

    func write(_ file: String, _ text: String) throws {
        try text.write(toFile: path + "/" + file, atomically: false, encoding: .utf8)
    }
}

/// Small synchronous commands whose output the tool reads (git).
enum Shell {
    static func output(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CatalogueError("\(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
