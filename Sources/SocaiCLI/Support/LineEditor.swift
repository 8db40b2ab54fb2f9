#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiReports

/// One completion a Tab can offer: what goes into the line, and how it is listed.
public struct LineCompletion: Sendable, Hashable {
    public var insert: String
    public var display: String

    public init(insert: String, display: String) {
        self.insert = insert
        self.display = display
    }
}

/// A small line editor for guided entry at a terminal, so Tab can complete unit names the way
/// `hledger add` completes accounts. It owns the terminal only while a line is read (raw mode,
/// restored before it returns) and understands what a clerk types: letters in any script
/// (UTF-8 from an input method), Backspace, Ctrl-U, Enter, Tab, Ctrl-D on an empty line and Ctrl-C
/// anywhere to end the entry (signals are off while a line is read, so Ctrl-C cancels like
/// Ctrl-D and the terminal is always restored). Arrow and other escape sequences are ignored
/// rather than echoed as garbage.
public struct LineEditor: Sendable {
    let input: Int32
    let output: Int32

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// Whether `input` is a terminal whose settings can be read (and so changed and restored).
    public static func canEdit(input: Int32 = 0) -> Bool {
        var settings = termios()
        return tcgetattr(input, &settings) == 0
    }

    /// Reads one line after showing `prompt`; nil at end of input (Ctrl-D on an empty line, Ctrl-C).
    /// `complete` gets the line so far and returns what Tab may offer; `more` says how many more
    /// candidates there are than are listed, in the reader's language.
    public func readLine(prompt: String, more: (Int) -> String,
                         complete: (String) -> [LineCompletion]) -> String? {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        raw.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        defer { _ = tcsetattr(input, TCSANOW, &saved) }

        var state = LineEditState()
        write(prompt)
        while true {
            guard let byte = readByte() else {
                write("\r\n")
                return state.line.isEmpty ? nil : state.line
            }
            switch state.take(byte) {
            case .none:
                continue
            case .redraw:
                write("\r" + prompt + state.line + "\u{1B}[K")
            case .append(let text):
                write(text)
            case .bell:
                write("\u{07}")
            case .enter:
                write("\r\n")
                return state.line
            case .endOfInput:
                write("\r\n")
                return nil
            case .complete:
                switch state.complete(complete(state.line), more: more) {
                case .none: write("\u{07}")
                case .replaced: write("\r" + prompt + state.line + "\u{1B}[K")
                case .list(let shown):
                    // Unit names come from the journal: shown neutralised, like every text output.
                    write("\r\n" + shown.map { TerminalText.neutralised($0) }.joined(separator: "\r\n") + "\r\n" + prompt + state.line)
                }
            }
        }
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(input, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func write(_ text: String) { OutputSink(descriptor: output).write(text) }
}

/// The editing itself, without a terminal: bytes in, what to show out. Kept apart so it can be
/// tested byte by byte.
struct LineEditState {
    enum Effect: Equatable {
        case none, redraw, bell, enter, endOfInput, complete
        case append(String)
    }

    enum Completion: Equatable {
        case none, replaced
        case list([String])
    }

    /// Most candidates a Tab lists; beyond them it says how many more.
    static let listLimit = 20

    var line = ""
    private var pending: [UInt8] = []
    private var escape: [UInt8]?

    mutating func take(_ byte: UInt8) -> Effect {
        if var sequence = escape {
            // ESC, then '[' or 'O', then parameters until a final byte in @...~.
            sequence.append(byte)
            escape = sequence
            if sequence.count == 1 { return byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O") ? .none : finishEscape() }
            return (0x40...0x7E).contains(byte) ? finishEscape() : .none
        }
        switch byte {
        case 0x0A, 0x0D: return .enter
        case 0x04: return line.isEmpty ? .endOfInput : .bell
        case 0x03: return .endOfInput  // Ctrl-C: signals are off while a line is read
        case 0x09: return .complete
        case 0x7F, 0x08:
            guard !line.isEmpty else { return .bell }
            line.removeLast()
            return .redraw
        case 0x15:
            line = ""
            return .redraw
        case 0x1B:
            escape = []
            return .none
        case ..<0x20:
            return .none
        default:
            return takeText(byte)
        }
    }

    /// A byte of a character: kept until the character is whole. A byte that cannot continue it
    /// drops what came before (not UTF-8) and is read anew; C1 controls are dropped.
    private mutating func takeText(_ byte: UInt8) -> Effect {
        if pending.isEmpty {
            switch byte {
            case 0x20..<0x7F:
                let text = String(UnicodeScalar(byte))
                line += text
                return .append(text)
            case 0xC2...0xF4:
                pending = [byte]
                return .none
            default:
                return .none  // DEL, a stray continuation byte, or a byte UTF-8 never uses
            }
        }
        guard (0x80...0xBF).contains(byte) else {
            pending.removeAll()
            return take(byte)
        }
        pending.append(byte)
        let length = pending[0] >= 0xF0 ? 4 : pending[0] >= 0xE0 ? 3 : 2
        guard pending.count == length else { return .none }
        defer { pending.removeAll() }
        guard let text = String(validating: pending, as: UTF8.self),
              !text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return .none }
        line += text
        return .append(text)
    }

    private mutating func finishEscape() -> Effect {
        escape = nil
        return .none
    }

    /// Applies Tab: one candidate replaces the word being completed; several extend it to what
    /// they share and are listed.
    mutating func complete(_ candidates: [LineCompletion], more: (Int) -> String) -> Completion {
        guard !candidates.isEmpty else { return .none }
        let head = wordStart
        let word = line[head...]
        if candidates.count == 1 {
            line = String(line[..<head]) + candidates[0].insert
            return .replaced
        }
        let shared = candidates.map(\.insert).reduce(candidates[0].insert) { Self.sharedPrefix($0, $1) }
        if shared.count > word.count && shared.hasPrefix(word) {
            line = String(line[..<head]) + shared
        }
        var shown = candidates.prefix(Self.listLimit).map { "  " + $0.display }
        if candidates.count > Self.listLimit { shown.append(more(candidates.count - Self.listLimit)) }
        return .list(shown)
    }

    /// Where the word Tab completes begins: after the last comma and the spaces after it (a list
    /// of units), else the start of the line.
    var wordStart: String.Index {
        guard let comma = line.lastIndex(of: ",") else { return line.startIndex }
        var start = line.index(after: comma)
        while start < line.endIndex, line[start] == " " { start = line.index(after: start) }
        return start
    }

    /// The word Tab completes in `line`.
    static func word(in line: String) -> String {
        var state = LineEditState()
        state.line = line
        return String(line[state.wordStart...])
    }

    static func sharedPrefix(_ a: String, _ b: String) -> String {
        var result = ""
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            result.append(x)
        }
        return result
    }
}
