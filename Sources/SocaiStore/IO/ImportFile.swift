#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file given on the command line (or standard input for `-`): the store is the only
/// code that touches files.
public enum ImportFile {
    public static func read(_ path: String) throws(JournalError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The file's bytes, checked to be UTF-8 (`EILSEQ` when they are not): an import reads its
    /// lines where they lie instead of making one String of the whole file.
    public static func readBytes(_ path: String) throws(JournalError) -> [UInt8] {
        let bytes: [UInt8]
        if path == "-" {
            var all: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .io(operation: "read", path: "-", errno: errno)
                }
                if n == 0 { break }
                all.append(contentsOf: chunk[0..<n])
            }
            bytes = all
        } else {
            bytes = try FileSystem.readFile(path)
        }
        // The standard library's check is the fastest here; the String it makes is dropped at once.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .io(operation: "read (not UTF-8)", path: path, errno: EILSEQ)
        }
        return bytes
    }

    /// Writes an output file (a report) atomically, mode 0640.
    public static func write(_ path: String, contents: [UInt8]) throws(JournalError) {
        try FileSystem.replaceFile(path, contents: contents)
    }
}
