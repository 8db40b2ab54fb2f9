import Foundation
import SocaiTestSupport
import Testing

/// One trial of an issue, as the issue tells it: a fresh journal built through the binary with
/// `socai record`, then the answers read from `--json` output (never from the text layout, which
/// the read-path redesign may change). The clock is fixed (`now`), so "today" and the running
/// term are the same on every run.
final class Trial: @unchecked Sendable {
    let journal = ScratchJournal()

    init(now: String = "2025-06-01T08:00:00Z") {
        journal.now = now
    }

    /// A copy of the shipped journal (`Journal/` of the package) in its own directory.
    static func shippedJournal() throws -> TemporaryDirectory {
        let work = TemporaryDirectory("socai-trial")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Journal").path, toPath: work.file("Journal"))
        return work
    }

    /// Runs any command, optionally at another "now" (the question's today).
    @discardableResult
    func run(_ arguments: [String], now: String? = nil) -> SocaiResult {
        journal.run(arguments, environment: now.map { ["SOCAI_NOW": $0] } ?? [:])
    }

    /// A `record` that socai accepts today (exit 0): the facts of the trial, not what it tests.
    @discardableResult
    func record(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> SocaiResult {
        let result = run(["record"] + arguments)
        #expect(result.status == 0, "record \(arguments.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        return result
    }

    /// Registers a unit (named after its id) from `date`.
    func unit(_ id: String, _ kind: String, parent: String? = nil, date: String = "2015-01-01",
              sourceLocation: SourceLocation = #_sourceLocation) {
        record(["unit", "--id", id, "--name", "Đơn vị \(id)", "--kind", kind, "--date", date] + (parent.map { ["--parent", $0] } ?? []),
               sourceLocation: sourceLocation)
    }

    /// Registers units of one kind under `parent`.
    func units(under parent: String, _ kind: String, _ ids: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        for id in ids { unit(id, kind, parent: parent, sourceLocation: sourceLocation) }
    }

    /// A congress of `unit` on `date` opening `term` (`2020-2025`), with no figures.
    func congress(_ unit: String, _ date: String, term: String, sourceLocation: SourceLocation = #_sourceLocation) {
        record(["conference", "--unit", unit, "--date", date, "--kind", "congress", "--term", term, "--title", "Đại hội"],
               sourceLocation: sourceLocation)
    }

    /// A report of figures (`members=40`, `admissions=12@2021-01-01..2021-12-31`) at `unit` on `date`.
    func report(_ unit: String, _ date: String, _ figures: String..., extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        record(["conference", "--unit", unit, "--date", date, "--title", "Báo cáo", "--kind", "report"]
               + figures.flatMap { ["--figure", $0] } + extra, sourceLocation: sourceLocation)
    }

    /// The `--json` document a command prints; an empty one (and a failed expectation) when it
    /// prints none or fails with another status than 0 or 1.
    func json(_ arguments: [String], now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> OutputJSON {
        let result = run(arguments + ["--json"], now: now)
        #expect(result.status == 0 || result.status == 1, "\(arguments.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        return OutputJSON((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:])
    }

    /// The unit's object in `replay --to date` (nil when it is not listed).
    func replayed(_ id: String, at date: String, _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) -> OutputJSON? {
        json(["replay", "--to", date] + extra, sourceLocation: sourceLocation).objects("units").first { $0.string("id") == id }
    }

    /// A figure of a unit in `replay --to date`.
    func figure(_ id: String, _ key: String, at date: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        replayed(id, at: date, sourceLocation: sourceLocation)?.int("figures", key)
    }

    /// `term --unit U --term L`.
    func term(_ unit: String, _ term: String, now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> OutputJSON {
        json(["term", "--unit", unit, "--term", term], now: now, sourceLocation: sourceLocation)
    }

    /// Every finding of `check --notes`.
    func findings(_ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) -> [OutputJSON] {
        json(["check", "--notes"] + extra, sourceLocation: sourceLocation).objects("findings")
    }

    /// The entries of `audit --unit U --figure K`.
    func audit(_ unit: String, _ figure: String, _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) -> [OutputJSON] {
        json(["audit", "--unit", unit, "--figure", figure] + extra, sourceLocation: sourceLocation).objects("entries")
    }
}

/// A JSON object from socai's output, read by path: `term.int("targets", "admissions", "actual")`.
struct OutputJSON: @unchecked Sendable {
    let dictionary: [String: Any]

    init(_ dictionary: [String: Any]) { self.dictionary = dictionary }

    func value(_ path: [String]) -> Any? {
        var current: Any? = dictionary
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    func int(_ path: String...) -> Int? { (value(path) as? NSNumber)?.intValue }
    func double(_ path: String...) -> Double? { (value(path) as? NSNumber)?.doubleValue }
    func string(_ path: String...) -> String? { value(path) as? String }
    func object(_ path: String...) -> OutputJSON? { (value(path) as? [String: Any]).map(OutputJSON.init) }
    func objects(_ path: String...) -> [OutputJSON] { ((value(path) as? [[String: Any]]) ?? []).map(OutputJSON.init) }
    /// Whether the key is there with JSON `null`.
    func isNull(_ path: String...) -> Bool { value(path) is NSNull }
}
