import Foundation
import SocaiCore
import SocaiTestSupport
import Testing

/// A scratch journal seeded, through one `socai import`, with a small unit tree shared by the
/// record tests:
///
/// ```
/// son-la     Tỉnh ủy Sơn La            province        2000-01-01
/// sop-cop    Huyện ủy Sốp Cộp          district        2003-01-01  under son-la
/// muong-lan  Đảng ủy xã Mường Lạn      base-committee  2005-01-01  under sop-cop
/// muong-va   Đảng ủy xã Mường Và       base-committee  2005-01-01  under sop-cop
/// ban-pe     Chi bộ bản Pe             cell            2010-01-01  under muong-lan
/// ban-ca     Chi bộ bản Cá             cell            2010-01-01  under muong-lan
/// ban-hua    Chi bộ bản Hua            cell            2010-01-01  under muong-va
/// xa-cu      Đảng ủy xã Cũ             base-committee  2005-01-01  under sop-cop, dissolved 2020-01-01
/// ```
///
/// Seqs 1–9 (the dissolution is seq 9). "Mường" is ambiguous (three communes, one closed); the
/// clock is `SocaiProcess.fixedNow`, 2024-06-01.
final class RecordFixture: @unchecked Sendable {
    let journal: ScratchJournal

    /// Every unit kind, as the "unknown kind" message lists them.
    static let kinds = "central, province, bloc, prov-party-agencies, prov-government, prov-military, prov-police, "
        + "prov-border-guard, district, base-committee, base-cell, sub-committee, cell, party-group, village"
    /// The same, as a Vietnamese reader is told them.
    static let kindsInVietnamese = "Trung ương; Đảng bộ tỉnh; Đảng bộ Khối; Đảng bộ các cơ quan Đảng tỉnh; Đảng bộ UBND tỉnh; Đảng bộ Quân sự tỉnh; Đảng bộ Công an tỉnh; Đảng bộ Biên phòng tỉnh; Đảng bộ huyện/thành phố; Đảng bộ cơ sở; Chi bộ cơ sở; Đảng bộ bộ phận; Chi bộ trực thuộc; Tổ đảng; Thôn, bản"

    /// The seq of the last seeded event.
    static let seededSeq = 9

    static let seed = """
        {"type":"unit","id":"son-la","name":"Tỉnh ủy Sơn La","kind":"province","date":"2000-01-01"}
        {"type":"unit","id":"sop-cop","name":"Huyện ủy Sốp Cộp","kind":"district","parent":"son-la","date":"2003-01-01"}
        {"type":"unit","id":"muong-lan","name":"Đảng ủy xã Mường Lạn","kind":"base-committee","parent":"sop-cop","date":"2005-01-01"}
        {"type":"unit","id":"muong-va","name":"Đảng ủy xã Mường Và","kind":"base-committee","parent":"sop-cop","date":"2005-01-01"}
        {"type":"unit","id":"ban-pe","name":"Chi bộ bản Pe","kind":"cell","setting":"ban","parent":"muong-lan","date":"2010-01-01"}
        {"type":"unit","id":"ban-ca","name":"Chi bộ bản Cá","kind":"cell","setting":"ban","parent":"muong-lan","date":"2010-01-01"}
        {"type":"unit","id":"ban-hua","name":"Chi bộ bản Hua","kind":"cell","setting":"ban","parent":"muong-va","date":"2010-01-01"}
        {"type":"unit","id":"xa-cu","name":"Đảng ủy xã Cũ","kind":"base-committee","parent":"sop-cop","date":"2005-01-01"}
        {"type":"dissolve","unit":"xa-cu","date":"2020-01-01","reason":"sáp nhập địa giới"}

        """

    /// A journal holding the seed, plus `extra` JSON Lines imported in the same batch.
    init(extra: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        journal = ScratchJournal()
        journal.directory.write("seed.jsonl", RecordFixture.seed + extra)
        let result = journal.run(["import", "seed.jsonl"])
        #expect(result.status == 0, "seeding failed: \(result)", sourceLocation: sourceLocation)
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) -> SocaiResult {
        journal.run(arguments, environment: environment)
    }

    /// Runs a record that must succeed silently: exit 0, nothing on stderr, one event written.
    @discardableResult
    func record(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> SocaiResult {
        let before = lines.count
        let result = run(["record"] + arguments)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == "", sourceLocation: sourceLocation)
        #expect(result.stdout.hasPrefix("recorded seq \(before + 1) id "), "\(result)", sourceLocation: sourceLocation)
        #expect(lines.count == before + 1, sourceLocation: sourceLocation)
        return result
    }

    /// Runs a command that must be refused as invalid input: exit 64, exactly `errors` (the
    /// `error:` lines) then the "nothing was written" line on stderr, nothing on stdout, and not
    /// one byte of the journal changed.
    func refuse(_ arguments: [String], _ errors: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = journal.journalBytes
        let result = run(arguments)
        let vietnamese = zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "vi" }
        let trailer = vietnamese ? "không ghi gì vào sổ." : "nothing was written."
        #expect(result.status == 64, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == errors + "\n" + trailer + "\n", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        #expect(journal.journalBytes == before, "the journal changed", sourceLocation: sourceLocation)
    }

    /// Runs a record that must be recorded with warnings: exit 0, exactly `warnings` on stderr.
    @discardableResult
    func recordWithWarnings(_ arguments: [String], _ warnings: String,
                            sourceLocation: SourceLocation = #_sourceLocation) -> SocaiResult {
        let before = lines.count
        let result = run(["record"] + arguments)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == warnings + "\n", sourceLocation: sourceLocation)
        #expect(result.stdout.hasPrefix("recorded seq \(before + 1) id "), "\(result)", sourceLocation: sourceLocation)
        #expect(lines.count == before + 1, sourceLocation: sourceLocation)
        return result
    }

    // MARK: What the journal holds

    /// Every line of every segment, in journal order.
    var lines: [String] {
        String(decoding: journal.journalBytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The segment files' names, in journal order.
    var segments: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: journal.journalPath)) ?? [])
            .filter { $0.hasPrefix("segment-") && !$0.hasSuffix(".seal") }.sorted()
    }

    /// The last event, as `TYPE SUBJECT TIME DATA` (data as compact JSON, in stored key order).
    var lastEvent: String { summary(lines.last ?? "") }

    /// An event line as `TYPE SUBJECT TIME DATA`.
    func summary(_ line: String) -> String {
        guard let object = (try? JSONParser.parse(line))?.object else { return "not JSON: \(line)" }
        let data = object["data"].map(JSONWriter.string) ?? "-"
        return [object["type"]?.string, object["subject"]?.string, object["time"]?.string]
            .map { $0 ?? "-" }.joined(separator: " ") + " " + data
    }

    /// A top-level attribute of the last event (`recordedby`, `sourcedoc`, `id`, …).
    func lastAttribute(_ name: String) -> String? { attribute(name, of: lines.last ?? "") }

    /// A top-level attribute of an event line.
    func attribute(_ name: String, of line: String) -> String? {
        (try? JSONParser.parse(line))?.object?[name]?.string
    }
}

extension ScratchJournal {
    /// Writes `text` into the scratch directory and imports it.
    @discardableResult
    func importing(_ name: String, _ text: String, _ options: [String] = []) -> SocaiResult {
        directory.write(name, text)
        return run(["import"] + options + [name])
    }
}
