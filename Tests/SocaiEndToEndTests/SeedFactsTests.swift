import Foundation
import SocaiTestSupport
import Testing

/// Every figure of the five seed articles (Fixtures/seed-facts.tsv, a copy of
/// shared/domain/seed-facts.tsv) is reproduced by `replay`, `term` or `check` on the shipped
/// journal, published value against computed value.
@Suite("Seed facts on the shipped journal")
struct SeedFactsTests {
    /// Rows socai cannot express, with the reason. Must stay empty.
    static let notExpressible: [Int: String] = [:]

    @Test func everyRowIsReproduced() throws {
        let facts = try SeedFacts.load()
        #expect(facts.count == 72)
        let shipped = ShippedJournal()
        var unchecked: [Int] = []
        for fact in facts {
            if let reason = Self.notExpressible[fact.row] {
                Issue.record("row \(fact.row) (\(fact.indicator)) is not expressible: \(reason)")
                continue
            }
            guard let expectation = SeedFactExpectations.all[fact.row] else {
                unchecked.append(fact.row)
                continue
            }
            #expect(fact.indicator == expectation.indicator, "row \(fact.row) is \(fact.indicator), the table expects \(expectation.indicator)")
            expectation.verify(shipped, fact)
        }
        #expect(unchecked.isEmpty, "rows without an expectation: \(unchecked)")
    }

    @Test func checkFlagsExactlyTheArticlesInconsistencies() {
        let shipped = ShippedJournal()
        let errors = shipped.findings.filter { $0.severity == "error" }
        #expect(Set(errors.map { "\($0.unit) \($0.figure)" }) == ["sop-cop excellent-share", "khoi-co-quan-tinh admissions-with-degree-share"])
        let warnings = Set(shipped.findings.filter { $0.severity == "warning" }.map { "\($0.kind) \($0.unit)" })
        #expect(warnings == ["implausible-change sop-cop", "printed-sum sop-cop", "excellence-cap sop-cop"])
        // Seed 001's truncations are accepted, with a note.
        let truncated = shipped.findings.filter { $0.message.contains("truncated") }.map(\.figure)
        #expect(Set(truncated) == ["villages-without-members-reduction", "health-stations-without-cell-reduction",
                                   "health-stations-without-cell-reduction-per-year"])
        #expect(shipped.checkStatus == 1)
    }
}

/// One row of seed-facts.tsv.
struct SeedFact: Sendable {
    var row: Int
    var file: String
    var unit: String
    var period: String
    var indicator: String
    var published: String
    var normalized: String
}

enum SeedFacts {
    static func load() throws -> [SeedFact] {
        let url = Bundle.module.url(forResource: "seed-facts", withExtension: "tsv", subdirectory: "Fixtures")!
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().enumerated().map { index, line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return SeedFact(row: index + 1, file: f[0], unit: f[1], period: f[2], indicator: f[3], published: f[4],
                            normalized: f.count > 5 ? f[5] : "")
        }
    }
}

/// The repository's Journal/, queried through the binary, answers cached.
final class ShippedJournal: @unchecked Sendable {
    let directory = TemporaryDirectory()
    let journal: String
    private var cache: [String: Any] = [:]

    init() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        journal = root.appendingPathComponent("Journal").path
    }

    func json(_ arguments: [String]) -> [String: Any] {
        let key = arguments.joined(separator: " ")
        if let cached = cache[key] as? [String: Any] { return cached }
        let result = SocaiProcess.run(["--journal", journal, "--snapshots", directory.file("snapshots"), "--json"] + arguments,
                                      in: directory.path)
        let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        #expect(!object.isEmpty, "socai \(key) gave no JSON: \(result)")
        cache[key] = object
        return object
    }

    /// The unit's entry in `replay --to date`.
    func unit(_ id: String, at date: String) -> [String: Any] {
        let units = json(["replay", "--to", date])["units"] as? [[String: Any]] ?? []
        return units.first { $0["id"] as? String == id } ?? [:]
    }

    func figure(_ id: String, _ key: String, at date: String) -> Any? {
        (unit(id, at: date)["figures"] as? [String: Any])?[key]
    }

    func periodFigure(_ id: String, _ key: String, at date: String) -> [String: Any]? {
        (unit(id, at: date)["periodFigures"] as? [String: Any])?[key] as? [String: Any]
    }

    func term(_ id: String, _ term: String) -> [String: Any] { json(["term", "--unit", id, "--term", term]) }

    struct Finding {
        var unit, figure, kind, severity, message: String
        var stated: String?
        var derived: String?
    }

    var findings: [Finding] {
        (json(["check", "--notes"])["findings"] as? [[String: Any]] ?? []).map {
            Finding(unit: $0["unit"] as? String ?? "", figure: $0["figure"] as? String ?? "", kind: $0["kind"] as? String ?? "",
                    severity: $0["severity"] as? String ?? "", message: $0["message"] as? String ?? "",
                    stated: $0["stated"] as? String, derived: $0["derived"] as? String)
        }
    }

    var checkStatus: Int32 {
        SocaiProcess.run(["--journal", journal, "check"], in: directory.path).status
    }

    /// The finding about `figure`, the printed-percent one first when there are several.
    func finding(_ unit: String, _ figure: String) -> Finding? {
        let matching = findings.filter { $0.unit == unit && $0.figure == figure }
        return matching.first { $0.kind == "printed-percent" } ?? matching.first
    }
}
