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

    static func write(_ results: [MutantResult], of selected: Int, catalogue: Int, minutes: Double, to path: String) {
        // The command as typed: the entry script adds --root.
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let i = arguments.firstIndex(of: "--root"), i + 1 < arguments.count { arguments.removeSubrange(i...(i + 1)) }
        var text = "Mutation run: `Tools/mutate/run\(arguments.map { " " + $0 }.joined())`, \(selected) of \(catalogue) mutants"
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
