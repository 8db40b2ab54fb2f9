import SocaiCore
import SocaiTestSupport
import Testing

/// `--printed NAME=P` on records other than conferences and ratings: stored with the event,
/// kept through corrections and snapshots, and recomputed by `check` from the projection.
@Suite("Printed percentages on every event")
struct EventPrintedPercentTests {
    /// District S with 128 villages reported at the start of 2020.
    static func districtS() -> LedgerBuilder {
        var b = LedgerBuilder()
        b.must("unit", [("id", "s"), ("name", "Huyện S"), ("kind", "district"), ("date", "2015-01-01")])
        b.must("unit", [("id", "x"), ("name", "Xã X"), ("kind", "base-committee"), ("parent", "s"), ("date", "2015-01-01")])
        b.must("conference", [("unit", "s"), ("date", "2020-01-01"), ("title", "Báo cáo"), ("figure", "villages=128")])
        return b
    }

    static func findings(_ b: LedgerBuilder, _ name: String) -> [Finding] {
        b.view.check().findings.filter { $0.figure == name }
    }

    @Test func everyPayloadKeepsItsPrintedPercentagesThroughTheJournalData() throws {
        let printed = [PrintedPercent("villages-reduction", FixedDecimal.parse("21,1")!)]
        let payloads: [EventPayload] = [
            .unitEstablished(UnitEstablished(id: UnitID("a")!, name: "A", kind: .cell, printed: printed)),
            .unitRenamed(UnitRenamed(name: "B", printed: printed)),
            .unitMoved(UnitMoved(parent: UnitID("p")!, printed: printed)),
            .unitDissolved(UnitDissolved(reason: "r", printed: printed)),
            .flow(Flow(kind: .death, count: 2, printed: printed)),
            .merger(Merger(from: [UnitID("a")!, UnitID("b")!], into: UnitID("b")!, printed: printed)),
            .aggregateMerger(AggregateMerger(scope: UnitID("s")!, of: .village, before: 128, after: 101, printed: printed)),
        ]
        for payload in payloads {
            #expect(payload.data["printed"] == .object(JSONObject([("villages-reduction", .string("21.1"))])))
            let decoded = try EventPayload(type: payload.type, data: payload.data)
            #expect(decoded == payload)
            #expect(decoded.printed == printed)
        }
    }

    @Test func aMergersPrintedReductionIsRecomputedFromItsTotals() {
        var b = Self.districtS()
        b.must("merger", [("in", "s"), ("of", "village"), ("before", "128"), ("after", "101"), ("since", "2020-01-01"),
                          ("date", "2023-12-31"), ("printed", "villages-reduction=21,1"), ("printed", "villages-reduction-per-year=5,3")])
        let reduction = Self.findings(b, "villages-reduction")
        #expect(reduction.map(\.severity) == [.note])
        #expect(reduction.first?.message.en == "21.1% = (128 − 101)/128 = 21.0938…%, rounded")
        // 27/128 over the 3 whole years 2020-01-01..2023-12-31 is 7.03% a year, not 5.3.
        let perYear = Self.findings(b, "villages-reduction-per-year")
        #expect(perYear.map(\.severity) == [.error])
        #expect(perYear.first?.message.en == "printed 5.3% but (128 − 101)/128/3 = 7.0313…%")
    }

    @Test func aFlowsPrintedShareIsOverTheFlowsOfItsPeriod() {
        var b = Self.districtS()
        b.must("conference", [("unit", "x"), ("date", "2021-12-31"), ("title", "Tổng kết"),
                              ("figure", "admissions-with-degree=2@2021-01-01..2021-12-31")])
        let admission = b.must("admission", [("unit", "x"), ("date", "2021-12-31"), ("since", "2021-01-01"), ("count", "3"),
                                             ("printed", "admissions-with-degree-share=66,7")])
        #expect(b.projection.locate(seq: admission.seq)?.payload.printed.map(\.name) == ["admissions-with-degree-share"])
        let found = Self.findings(b, "admissions-with-degree-share")
        #expect(found.map(\.severity) == [.note])
        #expect(found.first?.message.en == "66.7% = 2/3 = 66.6667…%, rounded")

        // A correction of the printed value is what `check` then tests; a retraction removes it.
        b.must("correction", [("event", admission.id.rawValue), ("set", "printed.admissions-with-degree-share=70"), ("reason", "typo")])
        #expect(Self.findings(b, "admissions-with-degree-share").map(\.severity) == [.error])
        b.must("correction", [("event", admission.id.rawValue), ("retract", ""), ("reason", "duplicate")])
        #expect(Self.findings(b, "admissions-with-degree-share").isEmpty)
    }

    @Test func aPercentageWithoutItsCountsIsAWarningNotSilence() {
        var b = Self.districtS()
        b.must("admission", [("unit", "x"), ("date", "2022-03-01"), ("count", "4"), ("printed", "villages-with-cell-committee-share=80")])
        let found = Self.findings(b, "villages-with-cell-committee-share")
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.en == "cannot recompute 80%: the counts it is computed from are not recorded")
    }

    @Test func aCorrectionCarriesNoPercentagesOfItsOwn() {
        var b = Self.districtS()
        let admission = b.must("admission", [("unit", "x"), ("date", "2022-03-01"), ("count", "4")])
        guard case .failure(let failure) = b.record("correction", [("event", admission.id.rawValue), ("reason", "r"),
                                                                   ("set", "count=5"), ("printed", "villages-reduction=1")]) else {
            Issue.record("a correction with --printed was accepted")
            return
        }
        #expect(failure.issues.map(\.field) == ["printed"])
        #expect(failure.issues.first?.message.en.contains("--set printed.NAME=P") == true)
    }

    @Test func unknownPrintedNamesAreRefusedOnEveryType() {
        var b = Self.districtS()
        guard case .failure(let failure) = b.record("dissolve", [("unit", "x"), ("date", "2022-03-01"), ("printed", "villages-reductoin=3")]) else {
            Issue.record("an unknown printed name was accepted")
            return
        }
        #expect(failure.issues.first?.message.en == "--printed 'villages-reductoin=3': 'villages-reductoin' does not say what the percentage is of; did you mean villages-reduction, cells-reduction?")
    }
}
