import SocaiCore
import SocaiTestSupport
import Testing

/// A correction the fold cannot apply (a journal written by another tool, or damaged within its
/// hashes) is kept, not applied, and reported by `check` in the reader's language, also after a
/// snapshot round trip.
@Suite("Corrections that cannot apply")
struct CorrectionFailureTests {
    @Test func reportedInBothLanguagesAndKeptThroughASnapshot() throws {
        var b = LedgerBuilder()
        b.must("unit", [("id", "h"), ("name", "Huyện H"), ("kind", "district"), ("date", "2020-01-01")])
        var ledger = b.ledger
        let correction = Correction(event: EventID("01900000-0000-7000-8000-0000000000aa")!, eventSeq: 99, reason: "sửa",
                                    action: .retract)
        ledger.apply(EventEnvelope(seq: ledger.headSeq + 1, id: EventID("01900000-0000-7000-8000-0000000000bb")!,
                                   subject: UnitID("h")!, effectiveDate: CalendarDate("2021-01-01"), recordedTime: b.now,
                                   recordedBy: "other-tool", payload: .correction(correction)))
        #expect(ledger.corrections.last?.failure == LocalizedText(en: "no event with seq 99 to correct",
                                                                    vi: "không có sự kiện số 99 để đính chính"))
        let finding = LedgerView(ledger).check().findings.first { $0.kind == "integrity" }
        #expect(finding?.message.en == "correction seq 2 could not be applied: no event with seq 99 to correct")
        #expect(finding?.message.vi == "đính chính số 2 không áp dụng được: không có sự kiện số 99 để đính chính")

        let stamp = SnapshotStamp(journalID: "j", seq: ledger.headSeq, chainHash: String(repeating: "0", count: 64), recordedTime: nil)
        let bytes = LedgerSnapshot.encode(ledger, stamp: stamp)
        let (restored, _) = try bytes.withUnsafeBytes { try LedgerSnapshot.decode($0) }
        #expect(restored.corrections.last?.failure == ledger.corrections.last?.failure)
    }
}
