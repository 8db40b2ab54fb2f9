/// One way to break a rule, applied to one line of source: each operator finds the places in the
/// line it can change and gives one mutated line per place, so a line with two comparisons makes
/// two mutants of `flip-comparison`.
///
/// Operators work on the text of a single line, as written in socai's style (binary operators with
/// a space on each side, one condition per `if`/`guard` line). A site whose line an operator cannot
/// change is an error of the catalogue, reported by `--list`, never a silent skip.
enum MutationOperator: String, CaseIterable, Sendable {
    /// `<` ↔ `<=`, `>` ↔ `>=`, `==` ↔ `!=`.
    case flipComparison = "flip-comparison"
    /// ` + 1` and ` - 1` dropped; `..<` ↔ `...`.
    case shiftBoundary = "shift-boundary"
    /// `max(` ↔ `min(`.
    case swapMinMax = "swap-min-max"
    /// `if C {` → `if !(C) {`, `guard C else` → `guard !(C) else`, `where C` → `where !(C)`.
    case negateCondition = "negate-condition"
    /// `if C {` / `else if C {` → the branch never taken (`if false, C {`); `where C` → `where false && (C)`.
    case dropBranch = "drop-branch"
    /// `} else {` → `} else if false {`: the else branch never taken.
    case dropElse = "drop-else"
    /// `guard C else { … }` → `guard true else { … }` (the check always passes); `if C {` → never taken.
    case skipCheck = "skip-check"
    /// `true` ↔ `false`.
    case flipBool = "flip-bool"
    /// `+=` ↔ `-=`, ` + ` ↔ ` - `.
    case flipArithmetic = "flip-arithmetic"
    /// `var x = E` / `let x = E` → the site's argument (an empty or zero start: `[]`, `0`, `JSONObject()`).
    case startEmpty = "start-empty"
    /// The statement on the line is not executed (the line commented out).
    case dropStatement = "drop-statement"
    /// The site's argument `OLD => NEW` replaced in the line (every other change a rule needs).
    case replace

    /// What the operator does, for `--list` and docs/TESTING.md.
    var summary: String {
        switch self {
        case .flipComparison: "`<`↔`<=`, `>`↔`>=`, `==`↔`!=` (each comparison of the line in turn)"
        case .shiftBoundary: "a boundary moved by one: ` + 1`/` - 1` dropped, `..<`↔`...`"
        case .swapMinMax: "`max(`↔`min(`"
        case .negateCondition: "the condition of `if`/`guard`/`where` negated"
        case .dropBranch: "an `if` branch never taken (`if false, …`), a `where` filter that keeps nothing"
        case .dropElse: "an `else` branch never taken"
        case .skipCheck: "a check that always passes: `guard … else` → `guard true else`, an `if` that records a problem never taken"
        case .flipBool: "`true`↔`false` (a returned or assigned truth value)"
        case .flipArithmetic: "`+=`↔`-=`, ` + `↔` - `"
        case .startEmpty: "an accumulation started from empty or zero instead of its initial value"
        case .dropStatement: "the line's statement not executed"
        case .replace: "a replacement written in the catalogue (`OLD => NEW`)"
        }
    }

    /// Every mutated version of `line`, or an explanation of why the operator does not apply.
    func mutations(of line: String, argument: String?) -> Result<[String], CatalogueError> {
        let results: [String]
        switch self {
        case .flipComparison:
            results = LineEdit.replacingEach(in: line, [" <= ": " < ", " >= ": " > ", " < ": " <= ", " > ": " >= ",
                                                       " == ": " != ", " != ": " == "])
        case .shiftBoundary:
            results = LineEdit.replacingEach(in: line, [" + 1": "", " - 1": ""], wholeNumber: true)
                + LineEdit.replacingEach(in: line, ["..<": "...", "...": "..<"])
        case .swapMinMax:
            results = LineEdit.replacingEach(in: line, ["max(": "min(", "min(": "max("], wordStart: true)
        case .flipBool:
            results = LineEdit.replacingEach(in: line, ["true": "false", "false": "true"], wordStart: true, wordEnd: true)
        case .flipArithmetic:
            results = LineEdit.replacingEach(in: line, [" += ": " -= ", " -= ": " += ", " + ": " - ", " - ": " + "])
        case .negateCondition, .dropBranch, .skipCheck:
            guard let condition = LineEdit.condition(in: line) else {
                return .failure(CatalogueError("\(rawValue) needs a line with a whole `if … {`, `guard … else` or `where … {` condition"))
            }
            let c = condition
            let text = String(line[c.range])
            let replacement: String?
            switch (self, c.keyword) {
            case (.negateCondition, _):
                replacement = c.hasBindings ? nil : "!(\(text))"
            case (.dropBranch, .if), (.skipCheck, .if):
                replacement = "false, " + text
            case (.dropBranch, .where):
                replacement = "false && (\(text))"
            case (.skipCheck, .guard):
                replacement = c.hasBindings ? nil : "true"
            default:
                replacement = nil
            }
            guard let replacement else {
                return .failure(CatalogueError("\(rawValue) does not apply to this `\(c.keyword)` condition (bindings or kind)"))
            }
            results = [line.replacingCharacters(in: c.range, with: replacement)]
        case .dropElse:
            results = LineEdit.replacingEach(in: line, ["} else {": "} else if false {"])
        case .startEmpty:
            guard let argument, let equals = line.range(of: " = ") else {
                return .failure(CatalogueError("start-empty needs a `let`/`var … = …` line and the empty value as argument"))
            }
            results = [String(line[..<equals.upperBound]) + argument]
        case .dropStatement:
            let indent = line.prefix { $0 == " " }
            results = [indent + "// (mutant) " + line.dropFirst(indent.count)]
        case .replace:
            guard let argument, let arrow = argument.range(of: " => ") else {
                return .failure(CatalogueError("replace needs an argument `OLD => NEW`"))
            }
            let old = String(argument[..<arrow.lowerBound]), new = String(argument[arrow.upperBound...])
            guard let found = line.range(of: old) else {
                return .failure(CatalogueError("replace: `\(old)` is not in the line"))
            }
            results = [line.replacingCharacters(in: found, with: new)]
        }
        if results.isEmpty { return .failure(CatalogueError("\(rawValue) finds nothing to change in the line")) }
        return .success(results)
    }
}

/// Text edits on one line of Swift, shared by the operators.
enum LineEdit {
    /// One result per occurrence of any key of `swaps`, each with only that occurrence replaced.
    /// Occurrences are found left to right without overlap, longest key first at each position.
    static func replacingEach(in line: String, _ swaps: [String: String], wordStart: Bool = false, wordEnd: Bool = false,
                              wholeNumber: Bool = false) -> [String] {
        let keys = swaps.keys.sorted { $0.count > $1.count }
        let chars = Array(line)
        var results: [String] = []
        var i = 0
        scan: while i < chars.count {
            for key in keys {
                let k = Array(key)
                guard i + k.count <= chars.count, Array(chars[i..<(i + k.count)]) == k else { continue }
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + k.count < chars.count ? chars[i + k.count] : " "
                let startOK = !wordStart || !(before.isLetter || before.isNumber || before == "_")
                let endOK = !wordEnd || !(after.isLetter || after.isNumber || after == "_")
                let numberOK = !wholeNumber || !(after.isNumber || after == "." || after.isLetter)
                if startOK && endOK && numberOK {
                    results.append(String(chars[..<i]) + swaps[key]! + String(chars[(i + k.count)...]))
                    i += k.count
                    continue scan
                }
            }
            i += 1
        }
        return results
    }

    enum Keyword: String { case `if`, `guard`, `where` }

    /// The condition of the line's `if … {`, `guard … else` or `where … {` (the last `where` on
    /// the line), when it is whole on the line.
    static func condition(in line: String) -> (keyword: Keyword, range: Range<String.Index>, hasBindings: Bool)? {
        func bindings(_ text: Substring) -> Bool {
            text.contains("let ") || text.contains("var ") || text.contains("case ") || topLevelComma(text)
        }
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("guard "), let start = line.range(of: "guard ")?.upperBound,
           let end = line.range(of: " else", range: start..<line.endIndex)?.lowerBound {
            return (.guard, start..<end, bindings(line[start..<end]))
        }
        if let keyword = ["} else if ", "if "].first(where: { trimmed.hasPrefix($0) }),
           let start = line.range(of: keyword)?.upperBound, let end = line.range(of: " {", options: .backwards)?.lowerBound,
           start < end {
            return (.if, start..<end, bindings(line[start..<end]))
        }
        if let whereRange = line.range(of: " where ", options: .backwards),
           let end = line.range(of: " {", range: whereRange.upperBound..<line.endIndex)?.lowerBound {
            return (.where, whereRange.upperBound..<end, bindings(line[whereRange.upperBound..<end]))
        }
        return nil
    }

    /// Whether `text` has a comma outside brackets and strings (a condition list).
    static func topLevelComma(_ text: Substring) -> Bool {
        var depth = 0
        var inString = false
        for c in text {
            if c == "\"" { inString.toggle() }
            if inString { continue }
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "," where depth == 0: return true
            default: break
            }
        }
        return false
    }
}
