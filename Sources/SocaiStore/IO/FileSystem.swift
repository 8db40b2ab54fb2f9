#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few directory operations the store needs, as plain functions over paths.
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Nil when `path` exists, else why `stat` could not see it (ENOENT, ENOTDIR, EACCES…):
    /// "no such file" and "not allowed to look" call for different answers.
    static func statError(_ path: String) -> Int32? {
        var info = stat()
        return stat(path, &info) == 0 ? nil : errno
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Names in `directory`, sorted bytewise (the `ls` order segments are named for).
    static func list(_ directory: String) throws(JournalError) -> [String] {
        guard let dir = opendir(directory) else { throw .io(operation: "list", path: directory, errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func makeDirectory(_ path: String) throws(JournalError) {
        if isDirectory(path) { return }
        let parent = parentDirectory(path)
        if parent != path && !parent.isEmpty && !isDirectory(parent) { try makeDirectory(parent) }
        if mkdir(path, 0o750) != 0 && errno != EEXIST { throw .io(operation: "create directory", path: path, errno: errno) }
    }

    static func parentDirectory(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func readFile(_ path: String) throws(JournalError) -> [UInt8] {
        let fd = try FileDescriptor.open(path, O_RDONLY)
        let size = try fd.size()
        return try fd.read(count: size, at: 0)
    }

    /// Writes a new file (refusing to replace one) and fsyncs it and its directory.
    static func createFile(_ path: String, contents: [UInt8], mode: mode_t = FileDescriptor.journalFileMode) throws(JournalError) {
        let fd = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_EXCL, mode: mode)
        do {
            try fd.writeAll(contents)
            try fd.sync()
        } catch {
            // A file that could not be written whole (disk full) must not stay behind: an empty
            // quarantine copy would read as bytes saved from a crash when it holds none.
            unlink(path)
            throw error
        }
        try FileDescriptor.syncDirectory(parentDirectory(path))
    }

    /// Replaces a file atomically: write a temporary file, fsync, rename over, fsync the directory.
    static func replaceFile(_ path: String, contents: [UInt8], mode: mode_t = FileDescriptor.journalFileMode) throws(JournalError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
        do {
            try fd.writeAll(contents)
            try fd.sync()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io(operation: "rename", path: path, errno: code)
        }
        try FileDescriptor.syncDirectory(parentDirectory(path))
    }

    static func remove(_ path: String) {
        unlink(path)
    }
}
