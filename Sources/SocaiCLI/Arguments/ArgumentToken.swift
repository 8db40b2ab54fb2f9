extension ArgumentScanner {
    /// How one command-line word reads, before knowing which options exist; shared by command
    /// resolution and scanning so both split the line the same way.
    enum Token: Equatable {
        /// `--`: everything after it is positional.
        case endOfOptions
        /// `--name` or `--name=value` (split at the first `=`).
        case long(name: String, inlineValue: String?)
        /// `-h`.
        case short(Character)
        /// `-unit`: a long name written with one dash; never valid, but worth a suggestion.
        case singleDashWord(String)
        /// Anything else: a command word, a positional, or an option's value. `-` (stdin) and
        /// negative numbers (`-5`) are words, since no option is spelled with a digit.
        case word

        init(_ argument: String) {
            if argument == "--" {
                self = .endOfOptions
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    self = .long(name: String(body[..<equals]),
                                 inlineValue: String(body[body.index(after: equals)...]))
                } else {
                    self = .long(name: String(body), inlineValue: nil)
                }
            } else if argument.hasPrefix("-"), argument.count >= 2 {
                let body = argument.dropFirst()
                if let first = body.first, first.isNumber || first == "." {
                    self = .word
                } else if body.count == 1, let letter = body.first {
                    self = .short(letter)
                } else {
                    self = .singleDashWord(String(body))
                }
            } else {
                self = .word
            }
        }
    }
}
