import SocaiCore
import SocaiTestSupport
import Testing

/// A correction the fold cannot apply (a journal written by another tool, or damaged within its
/// hashes) is kept, not applied, and reported by `check` in the reader's language, also after a
/// snapshot round trip.
@Suite("Corrections that cannot apply")
struct CorrectionFailureTests {
    @Test func reportedInBothLanguagesAndKeptThroughAnImage() throws {
        var b = LedgerBuilder()
        b.must("unit", [("id", "h"), ("name", "Huyện H"), ("kind", "district"), ("date", "2020-01-01")])
        let correction = Correction(event: EventID("01900000-0000-7000-8000-0000000000aa")!, eventSeq: 99, reason: "sửa",
                                    action: .retract)
        var events = b.events
        events.append(EventEnvelope(seq: Int64(events.count + 1), id: EventID("01900000-0000-7000-8000-0000000000bb")!,
                                    subject: UnitID("h")!, effectiveDate: CalendarDate("2021-01-01"), recordedTime: b.now,
                                    recordedBy: "other-tool", payload: .correction(correction)))
        let projection = LedgerBuilder.fold(events)
        #expect(projection.corrections(.latest).last?.failure == LocalizedText(en: "no event with seq 99 to correct",
                                                                                vi: "không có sự kiện số 99 để đính chính"))
        let finding = Rules(projection).check().findings.first { $0.kind == "integrity" }
        #expect(finding?.message.en == "correction seq 2 could not be applied: no event with seq 99 to correct")
        #expect(finding?.message.vi == "đính chính số 2 không áp dụng được: không có sự kiện số 99 để đính chính")

        // The image's bytes, copied and opened again, keep it.
        var builder = ProjectionBuilder()
        for event in events { builder.apply(event) }
        let image = builder.image(journalID: "j", chainHash: String(repeating: "0", count: 64))
        let copy = Array(image.bytes)
        let reopened = try copy.withUnsafeBytes { try Projection(image: ImageStorage.copy(of: $0)) }
        #expect(reopened.corrections(.latest).last?.failure == projection.corrections(.latest).last?.failure)
    }
}
