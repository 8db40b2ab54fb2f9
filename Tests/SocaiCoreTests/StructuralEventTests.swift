import SocaiCore
import SocaiTestSupport
import Testing

/// A point question finds a unit's structural events from the unit (`structuralEvents(involving:)`),
/// an overview lists them all at once (`structuralEvents()`): the two ways must name the same events,
/// or a point question and the whole tree would answer from different histories.
@Suite("Structural events: from each unit, the same as the whole list")
struct StructuralEventTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func theEventsFoundFromEachUnitAreTheWholeList(seed: UInt64) {
        let b = RandomJournal.build(seed: seed, events: 240)
        let registry = Rules(b.projection).registry
        let whole = registry.structuralEvents()
        var fromUnits = Set<StructuralEvent>()
        for u in registry.all { fromUnits.formUnion(registry.structuralEvents(involving: u)) }
        #expect(fromUnits == Set(whole), "only in the whole list: \(Set(whole).subtracting(fromUnits)); only from units: \(fromUnits.subtracting(whole))")
        #expect(!whole.isEmpty, "the random history has structural events (seed \(seed))")
    }
}
