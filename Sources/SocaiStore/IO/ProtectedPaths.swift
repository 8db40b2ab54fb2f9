#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where socai must never write a file it was asked to write (`export --out`): inside the journal's
/// or the snapshots' directory, or onto one of their files under another name (a hard link or a
/// symbolic link to a segment).
///
/// A report written to `J/segment-00000002.jsonl` would replace the segment; to `J/journal.json`,
/// the journal's identity. Paths are compared after resolving what exists of them (symbolic links,
/// `..`, a relative path from the working directory); files by device and inode.
public enum ProtectedPaths {
    /// Why writing `path` could damage a file in `directories`, or nil when it cannot: the
    /// directory it falls in, or the file it is the same as.
    public static func conflict(writing path: String, protecting directories: [String]) -> Conflict? {
        let target = canonical(path)
        for directory in directories {
            let root = canonical(directory)
            if target == root || target.hasPrefix(root == "/" ? "/" : root + "/") {
                return Conflict(directory: directory, sameFileAs: nil)
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        for directory in directories {
            if let file = file(sameAs: info, in: directory, depth: 2) { return Conflict(directory: directory, sameFileAs: file) }
        }
        return nil
    }

    public struct Conflict: Sendable, Hashable {
        /// The protected directory, as given.
        public var directory: String
        /// The file in it that `path` is another name for, when `path` is outside it.
        public var sameFileAs: String?
    }

    /// A file under `directory` (at most `depth` levels down) with the same device and inode.
    private static func file(sameAs info: stat, in directory: String, depth: Int) -> String? {
        guard depth > 0, let names = try? FileSystem.list(directory) else { return nil }
        for name in names {
            let path = FileSystem.join(directory, name)
            var other = stat()
            guard lstat(path, &other) == 0 else { continue }
            if other.st_dev == info.st_dev && other.st_ino == info.st_ino { return path }
            if (other.st_mode & S_IFMT) == S_IFDIR, let found = file(sameAs: info, in: path, depth: depth - 1) { return found }
        }
        return nil
    }

    /// `path` made absolute, with what exists of it resolved by `realpath` (symbolic links, `.`,
    /// `..`) and the rest, which does not exist yet, normalised by hand.
    static func canonical(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = buffer.withUnsafeMutableBufferPointer { b in getcwd(b.baseAddress, b.count).map { String(cString: $0) } } ?? "."
            absolute = cwd + "/" + path
        }
        var existing = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                return normalised(String(cString: resolved), appending: rest.reversed())
            }
            let parent = FileSystem.parentDirectory(existing)
            guard parent != existing else { return normalised("/", appending: rest.reversed()) }
            rest.append(String(existing.dropFirst(parent == "/" ? 1 : parent.count + 1)))
            existing = parent
        }
    }

    private static func normalised(_ base: String, appending rest: [String]) -> String {
        var parts = base.split(separator: "/").map(String.init)
        for component in rest.flatMap({ $0.split(separator: "/").map(String.init) }) {
            switch component {
            case "", ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
