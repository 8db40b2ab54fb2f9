@testable import SocaiCore
import SocaiTestSupport
import Testing

/// `LevelCarry` lets `audit` of a count of units ask a province's level every day: a unit's value
/// is reused while none of the days it may change on has passed. A day it fails to mark is a
/// silently wrong figure, so the carried values are compared with values computed plainly, on the
/// differential's random histories (mergers of every shape, moves, re-kinds, dissolutions,
/// reports, merger totals, late records), every unit, every day anything happens and the day after.
@Suite("Level carry: a value reused while nothing under the unit changed")
struct LevelCarryTests {
    @Test("carried values equal plain ones on random histories", arguments: [0, 1, 2, 3, 4, 5] as [UInt64])
    func carriedEqualsPlain(batch: UInt64) {
        var compared = 0
        for seed in (batch * 10 + 1)...(batch * 10 + 10) {
            let history = HistoryGenerator(seed: seed, size: 60).generate()
            let plain = RulesProjection(history.events).rules
            let days = Set(history.events.flatMap { [$0.effectiveDate.dayNumber, $0.effectiveDate.dayNumber + 1] }).sorted()
            for key in ["villages", "base-committees", "cells"] {
                for root in plain.registry.established where plain.registry[root].kind(at: plain.registry[root].established!) == .province
                    || seed % 3 == 0 {
                    let carried = RulesProjection(history.events).rules
                    carried.levels.carryValues(key, under: root)
                    let units = carried.registry.everDescendants(of: root)
                    for day in days {
                        let date = CalendarDate(dayNumber: day)
                        for u in units {
                            let a = carried.levels.value(u, key, at: date), b = plain.levels.value(u, key, at: date)
                            compared += 1
                            #expect(a == b, "seed \(seed) \(key) under \(plain.registry[root].id): \(plain.registry[u].id) on \(date): carried \(String(describing: a)), plain \(String(describing: b))")
                            if a != b { return }
                        }
                    }
                }
            }
        }
        #expect(compared > 10_000, "enough values compared (\(compared))")
    }

    /// Only units ever under the question's unit are marked: any other unit may change on any day,
    /// so its value is computed, never carried (a district beside the audited one gaining a village).
    @Test func aUnitNeverUnderTheRootIsNeverCarried() {
        var b = LedgerBuilder()
        for (id, kind, parent, date) in [("p", "province", nil, "2015-01-01"), ("d1", "district", "p", "2015-01-01"),
                                         ("d2", "district", "p", "2015-01-01"), ("c1", "base-committee", "d1", "2015-01-01"),
                                         ("c2", "base-committee", "d2", "2015-01-01"), ("v1", "village", "c2", "2015-01-01"),
                                         ("v2", "village", "c2", "2020-01-01")] as [(String, String, String?, String)] {
            b.must("unit", [("id", id), ("name", id.uppercased()), ("kind", kind), ("date", date)] + (parent.map { [("parent", $0)] } ?? []))
        }
        let rules = b.view
        let d1 = rules.registry.index(of: UnitID("d1")!)!, d2 = rules.registry.index(of: UnitID("d2")!)!
        rules.levels.carryValues("villages", under: d1)
        #expect(rules.levels.value(d2, "villages", at: CalendarDate("2019-06-30"))?.count == 1)
        #expect(rules.levels.value(d2, "villages", at: CalendarDate("2021-06-30"))?.count == 2)
    }
}
