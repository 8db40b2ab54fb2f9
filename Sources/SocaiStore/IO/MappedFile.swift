#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// A file mapped read-only into memory, handed to SocaiCore as `ImageStorage` (which unmaps it
/// when the last table reading it is gone). Questions read an image's columns in place: the
/// kernel pages in what they touch and nothing else.
enum MappedFile {
    static func map(_ path: String) throws(JournalError) -> ImageStorage {
        let fd = try FileDescriptor.open(path, O_RDONLY)
        let size = try fd.size()
        guard size > 0 else { throw .io(operation: "mmap", path: path, errno: EINVAL) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd.raw, 0), base != MAP_FAILED else {
            throw .io(operation: "mmap", path: path, errno: errno)
        }
        // A question reads a few rows of a few columns scattered over the file: no read-ahead and
        // no fault-around, so it maps the pages it reads and not their neighbours (a point query
        // on 10M events otherwise pulls in hundreds of MB it never looks at).
        _ = madvise(base, size, MADV_RANDOM)
        return ImageStorage(bytes: UnsafeRawBufferPointer(start: base, count: size)) { bytes in
            if let start = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: start), bytes.count) }
        }
    }
}

/// What identifies a file as it was: size, inode, modification time.
struct FileIdentity: Sendable, Hashable {
    var size: Int
    var inode: UInt64
    var modified: Int64

    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(size: Int(info.st_size), inode: UInt64(info.st_ino),
                            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}

extension FileSystem {
    /// Replaces a file atomically with `bytes` (an image in memory), as `replaceFile` does.
    static func replaceFile(_ path: String, bytes: UnsafeRawBufferPointer, mode: mode_t = FileDescriptor.journalFileMode) throws(JournalError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
        do {
            try fd.writeAll(bytes)
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
}
