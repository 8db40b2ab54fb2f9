extension ProjectionPart {
    /// Every reference an image's rows make checked against what it holds: unit indices, rows of
    /// other tables, string indices, data ranges, group offsets. What an image read from a file it
    /// cannot vouch for (not the bytes it wrote) must pass before a question uses it, so that a
    /// damaged or crafted file is refused rather than misread or crashing a query. O(image).
    func validate(unitCount: Int) throws(ImageReader.Invalid) {
        func fail(_ what: String) -> ImageReader.Invalid { ImageReader.Invalid(reason: "the image's \(what) are damaged") }
        func groups(_ g: Groups, rows: Int, _ what: String) throws(ImageReader.Invalid) {
            guard g.offsets.count == 0 || g.offsets.count <= unitCount + 1 || what == "merger sources" else { throw fail(what) }
            var previous: UInt32 = 0
            for o in g.offsets {
                guard o >= previous, Int(o) <= rows else { throw fail(what) }
                previous = o
            }
        }
        func unit(_ value: Int64, allowNone: Bool = true) -> Bool { (allowNone && value == -1) || (value >= 0 && value < Int64(unitCount)) }
        let recordCount = records.seq.count
        let stringCount = strings.count

        try groups(units.factGroups, rows: units.factDay.count, "unit facts")
        for i in 0..<units.factKind.count {
            let kind = units.factKind[i]
            guard kind <= 7, Int(units.factRecord[i]) < max(recordCount, 1) || recordCount == 0 else { throw fail("unit facts") }
            switch kind {
            case 1, 2: guard units.factValue[i] >= 0, units.factValue[i] < Int64(stringCount), Int(units.factFolded[i]) < stringCount else { throw fail("unit names") }
            case 5, 6, 7: guard unit(units.factValue[i]) else { throw fail("unit facts") }
            default: break
            }
        }
        guard units.ids.allSatisfy({ Int($0) < stringCount }), units.idOrder.allSatisfy({ $0 >= 0 && Int($0) < units.ids.count }) else {
            throw fail("unit ids")
        }
        guard units.factChanges.allSatisfy({ Int($0) < units.factKind.count }) else { throw fail("unit changes") }
        try groups(units.everChildGroups, rows: units.everChildren.count, "unit children")
        guard units.everChildren.allSatisfy({ unit(Int64($0), allowNone: false) }) else { throw fail("unit children") }

        guard mergers.target.allSatisfy({ unit(Int64($0), allowNone: false) }), mergers.sources.allSatisfy({ unit(Int64($0), allowNone: false) }),
              mergers.aggregateScope.allSatisfy({ unit(Int64($0), allowNone: false) }),
              mergers.record.allSatisfy({ Int($0) < recordCount }), mergers.aggregateRecord.allSatisfy({ Int($0) < recordCount }) else {
            throw fail("mergers")
        }
        try groups(mergers.sourceGroups, rows: mergers.sources.count, "merger sources")

        try groups(flows.groups, rows: flows.day.count, "flows")
        guard flows.source.allSatisfy({ Int($0) < stringCount }), flows.recorder.allSatisfy({ Int($0) < stringCount }),
              flows.versionRow.allSatisfy({ Int($0) < flows.day.count }) else { throw fail("flows") }

        try groups(levels.groups, rows: levels.key.count, "level reports")
        guard levels.record.allSatisfy({ Int($0) < recordCount }) else { throw fail("level reports") }
        try groups(flowReports.groups, rows: flowReports.key.count, "flow reports")
        guard flowReports.record.allSatisfy({ Int($0) < recordCount }) else { throw fail("flow reports") }
        try groups(conferences.groups, rows: conferences.day.count, "conferences")
        guard conferences.record.allSatisfy({ Int($0) < recordCount }) else { throw fail("conferences") }
        try groups(ratings.groups, rows: ratings.year.count, "ratings")
        guard ratings.record.allSatisfy({ Int($0) < recordCount }) else { throw fail("ratings") }

        for i in 0..<recordCount {
            guard unit(Int64(records.subject[i]), allowNone: false), Int(records.recorder[i]) < stringCount, Int(records.source[i]) < stringCount,
                  records.dataOffset[i] <= UInt64(records.data.count), UInt64(records.dataLength[i]) <= UInt64(records.data.count) - records.dataOffset[i] else {
                throw fail("records")
            }
        }
        try groups(records.unitGroups, rows: records.byUnit.count, "records by unit")
        guard records.byUnit.allSatisfy({ Int($0) < recordCount }) else { throw fail("records by unit") }

        for i in 0..<corrections.seq.count {
            guard unit(Int64(corrections.targetUnit[i])), [corrections.recorder[i], corrections.source[i], corrections.data[i],
                                                            corrections.previous[i], corrections.failure[i]].allSatisfy({ Int($0) < stringCount }) else {
                throw fail("corrections")
            }
        }
    }
}
