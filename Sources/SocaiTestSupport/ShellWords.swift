/// A command line as written in a README or a golden file, split the way a POSIX shell would for
/// the quoting they use (`'…'` and `"…"`, no escapes), with leading `NAME=value` assignments taken
/// apart: so a test can run what a user would type.
public struct ShellCommand: Sendable, Equatable {
    /// `NAME=value` words before the program: variables for this command only.
    public var environment: [String: String]
    /// The program and its arguments.
    public var words: [String]

    public init(_ line: String) {
        var words = Self.split(line)
        var environment: [String: String] = [:]
        while let first = words.first, let equals = first.firstIndex(of: "="), first.first?.isUppercase == true,
              first[..<equals].allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
            environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
            words.removeFirst()
        }
        self.environment = environment
        self.words = words
    }

    /// The words of `line`: spaces separate words outside quotes; quotes group and are removed.
    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let q = quote {
                if character == q { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
