import Foundation

/// The file system calls a process made, from `strace -f -y -o FILE`: to check that an
/// acknowledgement is printed only after the bytes (and a new file's directory entry) are fsync'd.
public struct SyscallTrace: Sendable {
    public struct Call: Sendable, CustomStringConvertible {
        public var name: String
        /// The path strace printed for the first argument's descriptor (`-y`), or the quoted path of `openat`.
        public var path: String
        public var line: String
        public var description: String { line }
    }

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") }

    /// The strace command line to put in front of a command.
    public static func prefix(output: String) -> String {
        "/usr/bin/strace -f -y -qq -e trace=openat,write,fsync,fdatasync,ftruncate,flock,unlink,rename -o '\(output)'"
    }

    public let calls: [Call]

    public init(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        calls = text.split(separator: "\n").compactMap { raw in
            let line = String(raw)
            // "PID name(args) = result"
            guard let open = line.firstIndex(of: "(") else { return nil }
            let head = line[..<open].split(separator: " ")
            guard let name = head.last.map(String.init) else { return nil }
            let args = line[line.index(after: open)...]
            var path = ""
            if name == "openat" || name == "unlink" || name == "rename" {
                // openat(AT_FDCWD</dir>, "path", …): the quoted path
                if let q1 = args.firstIndex(of: "\""), let q2 = args[args.index(after: q1)...].firstIndex(of: "\"") {
                    path = String(args[args.index(after: q1)..<q2])
                }
            } else if let lt = args.firstIndex(of: "<"), let gt = args[lt...].firstIndex(of: ">") {
                path = String(args[args.index(after: lt)..<gt])
            }
            return Call(name: name, path: path, line: line)
        }
    }

    /// Index of the first call matching, at or after `start`.
    public func first(_ name: String, after start: Int = 0, where matches: (Call) -> Bool = { _ in true }) -> Int? {
        guard start < calls.count else { return nil }
        return calls[start...].firstIndex { $0.name == name && matches($0) }
    }

    public func last(_ name: String, where matches: (Call) -> Bool = { _ in true }) -> Int? {
        calls.lastIndex { $0.name == name && matches($0) }
    }
}
