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

    /// A correction naming a seq whose event has another id (a journal written by another tool,
    /// or one spliced from two) is not applied to that event: the mutation run's survivor
    /// `correction-event-id/skip-check` applied it. Asked of a report (a record) and of an
    /// admission (a flow), in one fold and with the correction in an image's tail.
    @Test func aCorrectionWhoseIdIsNotThatSeqsEventDoesNotApply() throws {
        var b = LedgerBuilder()
        b.must("unit", [("id", "h"), ("name", "Huyện H"), ("kind", "district"), ("date", "2020-01-01")])
        let report = b.must("conference", [("unit", "h"), ("date", "2021-01-01"), ("title", "T"), ("figure", "members=507")])
        let admission = b.must("admission", [("unit", "h"), ("date", "2021-02-01"), ("count", "4")])
        let base = b.events
        var tail: [EventEnvelope] = []
        var generator = SeededGenerator(seed: 5)
        for target in [report, admission] {
            let correction = Correction(event: EventID("01900000-0000-7000-8000-0000000000aa")!, eventSeq: target.seq,
                                        reason: "sửa", action: .retract)
            tail.append(EventEnvelope(seq: Int64(base.count + tail.count + 1), id: EventID.version7(at: b.now, using: &generator),
                                      subject: UnitID("h")!, effectiveDate: target.effectiveDate, recordedTime: b.now,
                                      recordedBy: "other-tool", payload: .correction(correction)))
        }
        func verify(_ projection: Projection, _ how: String) {
            let failures = projection.corrections(.latest).map { $0.failure?.en }
            #expect(failures == ["seq 2 is not event 01900000-0000-7000-8000-0000000000aa",
                                 "seq 3 is not event 01900000-0000-7000-8000-0000000000aa"], "\(how)")
            let view = Rules(projection)
            let h = view.registry.index(of: UnitID("h")!)!
            #expect(view.levels.value(h, "members", at: CalendarDate("2021-12-31"))?.count == 511, "\(how): nothing retracted")
        }
        verify(LedgerBuilder.fold(base + tail), "one fold")
        var builder = ProjectionBuilder()
        for event in base { builder.apply(event) }
        let image = builder.image(journalID: "j", chainHash: String(repeating: "0", count: 64))
        var overlay = ProjectionBuilder(continuing: try Projection(image: image))
        for event in tail { overlay.apply(event) }
        verify(try Projection(image: image, overlay: overlay.image(journalID: "j", chainHash: "")), "image + tail")
    }

    /// A `--set` after a `--retract` (written by another tool, or before socai refused it) does
    /// not bring the event back: the figure stays retracted, the correction is a finding. The
    /// same whether the retraction is in the image and the `--set` in the overlay after it.
    @Test func aRetractedEventStaysRetracted() throws {
        var b = LedgerBuilder()
        b.must("unit", [("id", "h"), ("name", "Huyện H"), ("kind", "district"), ("date", "2020-01-01")])
        let report = b.must("conference", [("unit", "h"), ("date", "2021-01-01"), ("title", "T"), ("figure", "members=507")])
        let admission = b.must("admission", [("unit", "h"), ("date", "2021-02-01"), ("count", "4")])
        b.must("correction", [("event", report.id.description), ("reason", "trùng"), ("retract", "")])
        b.must("correction", [("event", admission.id.description), ("reason", "trùng"), ("retract", "")])
        var events = b.events
        var generator = SeededGenerator(seed: 3)
        func set(_ target: EventEnvelope, _ field: String, _ value: Int64) {
            var fields = JSONObject()
            fields[field] = .integer(value)
            let correction = Correction(event: target.id, eventSeq: target.seq, reason: "sửa", action: .set(fields))
            events.append(EventEnvelope(seq: Int64(events.count + 1), id: EventID.version7(at: b.now, using: &generator),
                                        subject: UnitID("h")!, effectiveDate: target.effectiveDate, recordedTime: b.now,
                                        recordedBy: "other-tool", payload: .correction(correction)))
        }
        set(report, "figures.members", 292)
        set(admission, "count", 9)
        let expected = ["seq 2 was retracted; a retracted event cannot be corrected (record the fact again as a new event)",
                        "seq 3 was retracted; a retracted event cannot be corrected (record the fact again as a new event)"]

        func verify(_ projection: Projection) {
            #expect(projection.corrections(.latest).suffix(2).map { $0.failure?.en } == expected)
            let rules = Rules(projection)
            #expect(rules.levels.value(rules.registry.index(of: UnitID("h")!)!, "members", at: CalendarDate("2021-12-31"))?.count == nil)
            #expect(projection.flows(rules.registry.index(of: UnitID("h")!)!, .latest).isEmpty)
        }
        verify(LedgerBuilder.fold(events))
        // The retractions in an image, the two --set in the overlay after it.
        var first = ProjectionBuilder()
        for event in events.prefix(5) { first.apply(event) }
        let baseImage = first.image(journalID: "", chainHash: "")
        let base = try Projection(image: baseImage)
        var overlay = ProjectionBuilder(continuing: base)
        for event in events.dropFirst(5) { overlay.apply(event) }
        verify(try Projection(image: baseImage, overlay: overlay.image(journalID: "", chainHash: "")))
    }
}
