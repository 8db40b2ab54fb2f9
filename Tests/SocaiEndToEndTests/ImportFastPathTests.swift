import Foundation
import SocaiTestSupport
import Testing

/// `socai import` reads plain flows straight from their bytes (`PlainFlowLineReader`,
/// `PlainFlowCheck`) and every other line through the JSON parser and `EventBuilder`. The two
/// must not be told apart: the expected outputs in Fixtures/import-fast-path/expected were
/// recorded with the build before the fast path existed (every line through the general path),
/// and this test replays the same steps: a file of valid lines of both kinds interleaved, with
/// every warning (the same flow twice, in the journal and earlier in the file; a level taken
/// below zero, with flows of both paths before it; a repeated event-id), a correction of a flow
/// the file itself recorded, and a file with a bad line of every kind. The journal's bytes
/// (fixed journal id, clock and event ids) and every message must be the same.
@Suite struct ImportFastPathTests {
    static let fixtures = "import-fast-path"

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/\(fixtures)"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func expected(_ name: String) throws -> (stdout: String, stderr: String, status: Int32) {
        (try fixture("expected/\(name).stdout"), try fixture("expected/\(name).stderr"),
         Int32(try fixture("expected/\(name).status").trimmingCharacters(in: .whitespacesAndNewlines))!)
    }

    /// The journal of `RecordFixture` with a fixed id, a reported level at ban-hua (5 members on
    /// 2023-01-01) and an admission at ban-ca, both with fixed ids, so every byte is reproducible.
    static func journal() -> ScratchJournal {
        let journal = ScratchJournal(initialise: false)
        #expect(journal.run(["init", "--journal-id", "5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"]).status == 0)
        journal.directory.write("seed.jsonl", RecordFixture.seed)
        #expect(journal.run(["import", "seed.jsonl"]).status == 0)
        #expect(journal.run(["record", "conference", "--unit", "ban-hua", "--date", "2023-01-01", "--title", "Đại hội",
                             "--figure", "members=5", "--event-id", "0190a1b2-0000-7000-8000-000000000010"]).status == 0)
        #expect(journal.run(["record", "admission", "--unit", "ban-ca", "--date", "2023-01-10", "--count", "1",
                             "--event-id", "0190a1b2-0000-7000-8000-000000000011"]).status == 0)
        return journal
    }

    func expectSame(_ result: SocaiResult, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try Self.expected(name)
        #expect(result.status == expected.status, "\(name): \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == expected.stderr, "\(name) stderr:\n\(LineDiff.unified(expected: expected.stderr, actual: result.stderr))",
                sourceLocation: sourceLocation)
        #expect(result.stdout == expected.stdout, "\(name) stdout", sourceLocation: sourceLocation)
    }

    @Test func acceptedFileWritesTheSameBytesAndWarningsAsTheGeneralPath() throws {
        let journal = Self.journal()
        journal.directory.write("accepted.jsonl", try Self.fixture("accepted.jsonl"))
        let dryRun = journal.run(["import", "--dry-run", "accepted.jsonl"])
        let expectedDryRun = try Self.expected("dry-run")
        // The general path's listing, then the one-line total the dry run now ends with.
        #expect(dryRun.stdout == expectedDryRun.stdout + "dry run: 26 events valid, 8 warnings; nothing written\n")
        #expect(dryRun.stderr == expectedDryRun.stderr)

        try expectSame(journal.run(["import", "accepted.jsonl"]), "accepted")
        let written = String(decoding: journal.journalBytes, as: UTF8.self)
        let recorded = try Self.fixture("expected/journal.jsonl")
        #expect(written == recorded, "journal differs from the general path's:\n\(LineDiff.unified(expected: recorded, actual: written))")
        #expect(journal.run(["verify"]).status == 0)
        // Imported again: every line found by its derived id (or its event-id), nothing written.
        try expectSame(journal.run(["import", "accepted.jsonl"]), "again")
        #expect(String(decoding: journal.journalBytes, as: UTF8.self) == recorded)
    }

    @Test func refusedFileNamesTheSameLinesWithTheSameMessages() throws {
        let journal = Self.journal()
        let before = journal.journalBytes
        journal.directory.write("refused.jsonl", try Self.fixture("refused.jsonl"))
        try expectSame(journal.run(["import", "refused.jsonl"]), "refused")
        try expectSame(journal.run(["import", "refused.jsonl", "--lang", "vi"]), "refused-vi")
        #expect(journal.journalBytes == before)
    }
}
