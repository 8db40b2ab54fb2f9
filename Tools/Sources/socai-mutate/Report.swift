import Foundation

/// The run's score and its Markdown report (Tools/.work/mutate/report.md by default), the text
/// docs/TESTING.md quotes.
enum Report {
    /// `killed K · survived S · … · score P%`: equivalent mutants and build failures are not counted.
    static func summary(_ results: [MutantResult], minutes: Double) -> String {
        let tally = Dictionary(grouping: results, by: \.verdict).mapValues(\.count)
        let killed = tally[.killed] ?? 0, survived = tally[.survived] ?? 0
        let score = killed + survived == 0 ? 0 : Double(killed) * 100 / Double(killed + survived)
        return String(format: "killed %d · survived %d · equivalent %d · build-failed %d · not run %d · score %.1f%% (killed / (killed + survived)) · %.0f min",
                      killed, survived, tally[.equivalent] ?? 0, tally[.buildFailed] ?? 0, tally[.notRun] ?? 0, score, minutes)
    }

    /// The commit the sources are at (`git rev-parse --short HEAD`), with `+` when the working tree
    /// has uncommitted changes: a report is evidence of that commit only.
    static func commit(of root: String) -> String {
        func git(_ arguments: [String]) -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }
        guard let head = git(["rev-parse", "--short", "HEAD"]) else { return "unknown" }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? true
        return head + (dirty ? "+" : "")
    }

    /// The commit a report names (`… at commit abc1234.`), nil for a report written before reports named one.
    static func commit(inReport text: String) -> String? {
        guard let range = text.range(of: " at commit `") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "`" })
    }

    /// The verdicts of a report's rows that a later run can take over (not `not-run`, not `equivalent`).
    static func verdicts(inReport text: String) -> [String: (verdict: Verdict, detail: String, seconds: Double)] {
        var result: [String: (verdict: Verdict, detail: String, seconds: Double)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 6, let verdict = Verdict(rawValue: cells[2]),
                  [.killed, .survived, .buildFailed].contains(verdict) else { continue }
            result[String(cells[1].dropFirst().dropLast())] = (verdict, cells[3], Double(cells[4]) ?? 0)
        }
        return result
    }

    static func write(_ results: [MutantResult], of selected: Int, catalogue: Int, minutes: Double, commit: String, to path: String) {
        // The command as typed: the entry script adds --root.
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let i = arguments.firstIndex(of: "--root"), i + 1 < arguments.count { arguments.removeSubrange(i...(i + 1)) }
        var text = "Mutation run: `Tools/mutate/run\(arguments.map { " " + $0 }.joined())`, \(selected) of \(catalogue) mutants at commit `\(commit)`"
        text += results.count < selected ? " (in progress: \(results.count) done).\n\n" : ".\n\n"
        text += summary(results, minutes: minutes) + "\n\n| mutant | verdict | killed by / reason | s |\n|---|---|---|---|\n"
        for r in results {
            text += "| `\(r.mutant.id)` | \(r.verdict.rawValue) | \(r.detail) | \(Int(r.seconds)) |\n"
        }
        text += "\nSurvivors:\n\n"
        for r in results where r.verdict == .survived { text += "```diff\n\(r.mutant.diff)\n```\n\n" }
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
