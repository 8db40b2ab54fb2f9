#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore
import SocaiReports

/// The command line as the kernel hands it over: bytes, not yet text.
///
/// Swift's `CommandLine.arguments` repairs invalid UTF-8 with U+FFFD, so `--name $'\xff'` (a
/// terminal or a script in another encoding) would be stored as "�" without a word, while an
/// import file with the same bytes is refused. socai decodes the bytes itself and refuses an
/// argument that is not UTF-8, naming it, before anything runs.
enum ArgumentBytes {
    /// Every argument as text, or the error naming the first one that is not UTF-8.
    static func decode(_ arguments: [[UInt8]]) -> Result<[String], CLIError> {
        var decoded: [String] = []
        for (index, bytes) in arguments.enumerated() {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(notUTF8(bytes, at: index, after: decoded.last))
            }
            decoded.append(text)
        }
        return .success(decoded)
    }

    /// The arguments of `argv` after the program's name.
    static func bytes(argc: Int32, argv: UnsafePointer<UnsafeMutablePointer<CChar>?>) -> [[UInt8]] {
        (1..<max(1, Int(argc))).compactMap { index in
            argv[index].map { pointer in
                Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
            }
        }
    }

    /// "the value of --name" (or "--name=…", or "argument 3"), the bytes as typed with the bad ones
    /// as `\xFF`, and what to do.
    static func notUTF8(_ bytes: [UInt8], at index: Int, after previous: String?) -> CLIError {
        let shown = shownBytes(bytes)
        let which: LocalizedText
        if bytes.starts(with: Array("--".utf8)), let equals = bytes.firstIndex(of: UInt8(ascii: "=")),
           let option = String(validating: bytes[..<equals], as: UTF8.self) {
            which = LocalizedText(en: "the value of \(option)", vi: "giá trị của \(option)")
        } else if let previous, previous.hasPrefix("-"), previous.count > 1, !previous.contains("=") {
            which = LocalizedText(en: "the value of \(previous)", vi: "giá trị của \(previous)")
        } else {
            which = LocalizedText(en: "argument \(index + 1)", vi: "đối số thứ \(index + 1)")
        }
        var position = 0
        while position < bytes.count, let length = scalarLength(bytes, at: position) { position += length }
        position = min(position, bytes.count - 1)
        return .message(which + LocalizedText(
            en: " ('\(shown)') is not UTF-8 text (byte \(hex(bytes[position])) at position \(position + 1)); "
                + "type it again in a UTF-8 terminal, or save the script as UTF-8; nothing was written",
            vi: " ('\(shown)') không phải văn bản UTF-8 (byte \(hex(bytes[position])) ở vị trí \(position + 1)); "
                + "hãy gõ lại trong một cửa sổ lệnh dùng UTF-8, hoặc lưu tập lệnh dạng UTF-8; không ghi gì"), .badInput)
    }

    /// The bytes with every byte outside a valid UTF-8 sequence written `\xFF`.
    static func shownBytes(_ bytes: [UInt8]) -> String {
        var shown = ""
        var index = 0
        while index < bytes.count {
            if let length = scalarLength(bytes, at: index) {
                shown += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                index += length
            } else {
                shown += "\\x" + hex(bytes[index]).dropFirst(2)
                index += 1
            }
        }
        return shown
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or nil when none starts there.
    private static func scalarLength(_ bytes: [UInt8], at index: Int) -> Int? {
        (1...min(4, bytes.count - index)).first { String(validating: bytes[index..<(index + $0)], as: UTF8.self) != nil }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

extension SocaiCLI {
    /// Runs the process's own command line, from its bytes (see `ArgumentBytes`).
    public static func run(argc: Int32, argv: UnsafePointer<UnsafeMutablePointer<CChar>?>, context: CommandContext) -> Int32 {
        run(argumentBytes: ArgumentBytes.bytes(argc: argc, argv: argv), context: context)
    }

    /// Runs a command line given as bytes: 64, naming the argument, when one is not UTF-8.
    public static func run(argumentBytes: [[UInt8]], context: CommandContext) -> Int32 {
        switch ArgumentBytes.decode(argumentBytes) {
        case .success(let arguments):
            return run(arguments, context: context)
        case .failure(let error):
            let readable = argumentBytes.map { String(decoding: $0, as: UTF8.self) }
            context.stderr.writeLine(TerminalText.neutralised(error.render(GlobalOptions.requestedLanguage(readable, environment: context.environment))))
            return error.status.rawValue
        }
    }
}
