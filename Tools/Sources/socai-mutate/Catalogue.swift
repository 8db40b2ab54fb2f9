import Foundation

/// A mistake in Tools/mutate/sites.txt or equivalent.txt, named with its line.
struct CatalogueError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A rule site of the catalogue: a line of a source file (found by its text, inside a function
/// when one is named, so the site survives code moving around it) and the operators to try there.
///
/// Sites name code by text, not by line number, so the lead can re-point them after the read-path
/// redesign moves code: a pattern that no longer matches exactly one line is an error of the
/// catalogue that `--list` reports.
struct Site: Sendable {
    var id: String
    var file: String
    /// A function, initialiser or property name (`levels`, `init`, `memberFlowContributors`), or nil for the whole file.
    var scope: String?
    /// Text the line contains (spaces as written); `#2` at the end takes the second such line.
    var pattern: String
    var occurrence: Int
    /// Whether the catalogue wrote ` #N` (then a pattern on several lines is meant, even for ` #1`).
    var occurrenceGiven = false
    var operators: [MutationOperator]
    /// `OLD => NEW` for `replace`, the empty value for `start-empty`.
    var argument: String?
    /// The catalogue's line number, for error messages.
    var catalogueLine: Int

    /// The test target that holds the rule's own tests: run first, so most mutants die fast.
    var firstTests: String {
        for (folder, tests) in [("Sources/SocaiCore/", "SocaiCoreTests"), ("Sources/SocaiStore/", "SocaiStoreTests"),
                                ("Sources/SocaiReports/", "SocaiReportsTests"), ("Sources/SocaiCLI/", "SocaiCLITests")]
        where file.hasPrefix(folder) { return tests }
        return "SocaiEndToEndTests"
    }
}

/// One mutant: a site, an operator and the place in the line it changed.
struct Mutant: Sendable {
    var id: String
    var site: Site
    var op: MutationOperator
    var lineNumber: Int
    var original: String
    var mutated: String

    /// A unified-diff-like view of the change, for survivors.
    var diff: String {
        "--- \(site.file):\(lineNumber)  [\(op.rawValue)]\n-\(original)\n+\(mutated)"
    }
}

/// Tools/mutate/sites.txt: `ID | FILE | SCOPE | PATTERN | OPERATORS [| ARGUMENT]`, `#` comments.
enum Catalogue {
    static func parseSites(_ text: String) throws(CatalogueError) -> [Site] {
        var sites: [Site] = []
        var ids = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 5 || fields.count == 6 else {
                throw CatalogueError("sites.txt:\(n + 1): expected `ID | FILE | SCOPE | PATTERN | OPERATORS [| ARGUMENT]`, found \(fields.count) fields")
            }
            var operators: [MutationOperator] = []
            for name in fields[4].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let op = MutationOperator(rawValue: name) else {
                    throw CatalogueError("sites.txt:\(n + 1): unknown operator \(name); known: \(MutationOperator.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                operators.append(op)
            }
            guard ids.insert(fields[0]).inserted else { throw CatalogueError("sites.txt:\(n + 1): site id \(fields[0]) used twice") }
            var pattern = fields[3]
            var occurrence = 1
            var occurrenceGiven = false
            if let hash = pattern.range(of: " #", options: .backwards), let k = Int(pattern[hash.upperBound...]) {
                occurrence = k
                occurrenceGiven = true
                pattern = String(pattern[..<hash.lowerBound])
            }
            sites.append(Site(id: fields[0], file: fields[1], scope: fields[2] == "-" ? nil : fields[2], pattern: pattern,
                              occurrence: occurrence, occurrenceGiven: occurrenceGiven, operators: operators,
                              argument: fields.count == 6 ? fields[5] : nil, catalogueLine: n + 1))
        }
        return sites
    }

    /// Tools/mutate/equivalent.txt: `MUTANT-ID | why it cannot change any answer`.
    static func parseEquivalents(_ text: String) throws(CatalogueError) -> [String: String] {
        var reasons: [String: String] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let bar = line.range(of: " | ") else { throw CatalogueError("equivalent.txt:\(n + 1): expected `MUTANT-ID | reason`") }
            reasons[String(line[..<bar.lowerBound])] = String(line[bar.upperBound...])
        }
        return reasons
    }

    /// The mutants of `site` in `source` (the file's text): one per operator and place.
    static func mutants(of site: Site, in source: String) throws(CatalogueError) -> [Mutant] {
        let lines = source.components(separatedBy: "\n")
        let range = try scopeRange(site, lines)
        let matches = range.filter { lines[$0].contains(site.pattern) }
        guard matches.count >= site.occurrence else {
            throw CatalogueError("sites.txt:\(site.catalogueLine) (\(site.id)): `\(site.pattern)` is not in \(site.file)\(site.scope.map { " inside \($0)" } ?? "")")
        }
        guard matches.count == 1 || site.occurrenceGiven else {
            throw CatalogueError("sites.txt:\(site.catalogueLine) (\(site.id)): `\(site.pattern)` is on \(matches.count) lines (\(matches.map { String($0 + 1) }.joined(separator: ", "))); add ` #N` or more text")
        }
        let index = matches[site.occurrence - 1]
        let original = lines[index]
        var mutants: [Mutant] = []
        for op in site.operators {
            switch op.mutations(of: original, argument: site.argument) {
            case .failure(let error):
                throw CatalogueError("sites.txt:\(site.catalogueLine) (\(site.id)): \(error.description): \(original.trimmingCharacters(in: .whitespaces))")
            case .success(let variants):
                for (k, mutated) in variants.enumerated() {
                    let id = site.id + "/" + op.rawValue + (variants.count > 1 ? ".\(k + 1)" : "")
                    mutants.append(Mutant(id: id, site: site, op: op, lineNumber: index + 1, original: original, mutated: mutated))
                }
            }
        }
        return mutants
    }

    /// The lines of the site's scope: from the line declaring it to the brace that closes it.
    static func scopeRange(_ site: Site, _ lines: [String]) throws(CatalogueError) -> Range<Int> {
        guard let scope = site.scope else { return 0..<lines.count }
        let declarations = scope == "init" ? ["init("]
            : ["func \(scope)(", "func \(scope)<", "var \(scope):", "var \(scope) =", "let \(scope):", "let \(scope) ="]
        // Functions first: `term` is a function of LedgerView and a property of TermReport.
        guard let start = declarations.lazy.compactMap({ d in lines.firstIndex { $0.contains(d) } }).first else {
            throw CatalogueError("sites.txt:\(site.catalogueLine) (\(site.id)): no declaration of \(scope) in \(site.file)")
        }
        var depth = 0
        var opened = false
        for i in start..<lines.count {
            var inString = false
            var previous: Character = " "
            for c in lines[i] {
                if c == "\"" && previous != "\\" { inString.toggle() }
                previous = c
                if inString { continue }
                if c == "{" { depth += 1; opened = true }
                if c == "}" { depth -= 1 }
            }
            if opened && depth <= 0 { return start..<(i + 1) }
        }
        return start..<lines.count
    }
}
