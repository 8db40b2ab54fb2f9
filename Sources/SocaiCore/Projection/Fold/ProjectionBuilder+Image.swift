extension ProjectionBuilder {
    /// Lays the fold's rows out as an image: rows grouped by unit and sorted for binary search,
    /// running member totals per unit, strings interned. `extra` is the storage layer's part of
    /// the header (which segments the image covers).
    public consuming func image(journalID: String, chainHash: String, extra: JSONObject = JSONObject()) -> ImageStorage {
        var writer = ImageWriter()
        let unitCount = self.unitCount
        sortRecordsBySeq()

        // Units.
        writer.add(.unitID, unitIDs.map { strings.intern($0.rawValue) })
        writer.add(.unitIDOrder, unitIDs.indices.sorted { unitIDs[$0].rawValue < unitIDs[$1].rawValue }.map { Int32($0) })
        let factOrder = ProjectionBuilder.grouped(facts.count, units: unitCount, unit: { facts[$0].unit }) {
            (facts[$0].day, facts[$0].seq, facts[$0].validFrom, facts[$0].kind.rawValue)
                < (facts[$1].day, facts[$1].seq, facts[$1].validFrom, facts[$1].kind.rawValue)
        }
        writer.add(.factGroups, factOrder.offsets)
        writer.add(.factDay, factOrder.rows.map { facts[$0].day })
        writer.add(.factSeq, factOrder.rows.map { facts[$0].seq })
        writer.add(.factKind, factOrder.rows.map { facts[$0].kind.rawValue })
        writer.add(.factValue, factOrder.rows.map { facts[$0].value })
        writer.add(.factValidFrom, factOrder.rows.map { facts[$0].validFrom })
        writer.add(.factValidTo, factOrder.rows.map { facts[$0].validTo })
        writer.add(.factRecord, factOrder.rows.map { facts[$0].record })
        writer.add(.factFolded, factOrder.rows.map { facts[$0].folded })
        // The parent and kind a unit is established with carry the establishment's seq; every
        // other parent or kind fact, and every closing, is a change.
        var establishing = Set<Int64>()
        for f in facts where f.kind == .established { establishing.insert(Int64(f.unit) << 40 ^ f.seq) }
        var changes: [UInt32] = []
        var kindsPresent = Set<Int64>()
        for (row, i) in factOrder.rows.enumerated() {
            let f = facts[i]
            switch f.kind {
            case .merged, .dissolved: changes.append(UInt32(row))
            case .parent, .kind:
                if f.kind == .kind { kindsPresent.insert(f.value) }
                if !establishing.contains(Int64(f.unit) << 40 ^ f.seq) { changes.append(UInt32(row)) }
            default: break
            }
        }
        writer.add(.factChanges, changes)
        var everChildren = [[Int32]](repeating: [], count: unitCount)
        for f in facts where f.kind == .parent && f.value >= 0 && Int(f.value) < unitCount && f.value != Int64(f.unit) {
            if !everChildren[Int(f.value)].contains(f.unit) { everChildren[Int(f.value)].append(f.unit) }
        }
        var childOffsets: [UInt32] = [0]
        var children: [Int32] = []
        for list in everChildren {
            children.append(contentsOf: list.sorted())
            childOffsets.append(UInt32(children.count))
        }
        writer.add(.everChildGroups, childOffsets)
        writer.add(.everChildren, children)

        let mergerOrder = mergers.indices.sorted { (mergers[$0].day, mergers[$0].seq, mergers[$0].validFrom) < (mergers[$1].day, mergers[$1].seq, mergers[$1].validFrom) }
        writer.add(.mergerSeq, mergerOrder.map { mergers[$0].seq })
        writer.add(.mergerDay, mergerOrder.map { mergers[$0].day })
        writer.add(.mergerTarget, mergerOrder.map { mergers[$0].target })
        writer.add(.mergerFlags, mergerOrder.map { UInt8(mergers[$0].targetIsNew ? 1 : 0) })
        var sourceOffsets: [UInt32] = [0]
        var sources: [Int32] = []
        for i in mergerOrder {
            sources.append(contentsOf: mergers[i].sources)
            sourceOffsets.append(UInt32(sources.count))
        }
        writer.add(.mergerSourceGroups, sourceOffsets)
        writer.add(.mergerSources, sources)
        writer.add(.mergerValidFrom, mergerOrder.map { mergers[$0].validFrom })
        writer.add(.mergerValidTo, mergerOrder.map { mergers[$0].validTo })
        writer.add(.mergerRecord, mergerOrder.map { mergers[$0].record })

        let aggregateOrder = aggregates.indices.sorted { (aggregates[$0].day, aggregates[$0].seq) < (aggregates[$1].day, aggregates[$1].seq) }
        writer.add(.aggregateSeq, aggregateOrder.map { aggregates[$0].seq })
        writer.add(.aggregateDay, aggregateOrder.map { aggregates[$0].day })
        writer.add(.aggregateScope, aggregateOrder.map { aggregates[$0].scope })
        writer.add(.aggregateKind, aggregateOrder.map { aggregates[$0].kind })
        writer.add(.aggregateChange, aggregateOrder.map { aggregates[$0].change })
        writer.add(.aggregateValidFrom, aggregateOrder.map { aggregates[$0].validFrom })
        writer.add(.aggregateValidTo, aggregateOrder.map { aggregates[$0].validTo })
        writer.add(.aggregateRecord, aggregateOrder.map { aggregates[$0].record })

        addFlows(to: &writer, unitCount: unitCount)

        // Reports of levels and of flow totals.
        let levelOrder = ProjectionBuilder.grouped(levels.count, units: unitCount, unit: { levels[$0].unit }) {
            (levels[$0].key.rawValue, levels[$0].day, levels[$0].seq, levels[$0].validFrom)
                < (levels[$1].key.rawValue, levels[$1].day, levels[$1].seq, levels[$1].validFrom)
        }
        writer.add(.levelGroups, levelOrder.offsets)
        writer.add(.levelKey, levelOrder.rows.map { levels[$0].key.rawValue })
        writer.add(.levelDay, levelOrder.rows.map { levels[$0].day })
        writer.add(.levelSeq, levelOrder.rows.map { levels[$0].seq })
        writer.add(.levelUnits, levelOrder.rows.map { levels[$0].value.amount.units })
        writer.add(.levelScale, levelOrder.rows.map { UInt8(clamping: levels[$0].value.amount.scale) })
        writer.add(.levelQualifier, levelOrder.rows.map { UInt8(Qualifier.allCases.firstIndex(of: levels[$0].value.qualifier)!) })
        writer.add(.levelPercent, levelOrder.rows.map { UInt8(levels[$0].value.isPercent ? 1 : 0) })
        writer.add(.levelValidFrom, levelOrder.rows.map { levels[$0].validFrom })
        writer.add(.levelValidTo, levelOrder.rows.map { levels[$0].validTo })
        writer.add(.levelRecord, levelOrder.rows.map { levels[$0].record })

        let flowReportOrder = ProjectionBuilder.grouped(flowReports.count, units: unitCount, unit: { flowReports[$0].unit }) {
            (flowReports[$0].key.rawValue, flowReports[$0].to, flowReports[$0].seq, flowReports[$0].validFrom)
                < (flowReports[$1].key.rawValue, flowReports[$1].to, flowReports[$1].seq, flowReports[$1].validFrom)
        }
        writer.add(.flowReportGroups, flowReportOrder.offsets)
        writer.add(.flowReportKey, flowReportOrder.rows.map { flowReports[$0].key.rawValue })
        writer.add(.flowReportFrom, flowReportOrder.rows.map { flowReports[$0].from })
        writer.add(.flowReportTo, flowReportOrder.rows.map { flowReports[$0].to })
        writer.add(.flowReportTerm, flowReportOrder.rows.map { flowReports[$0].term })
        writer.add(.flowReportUnits, flowReportOrder.rows.map { flowReports[$0].value.amount.units })
        writer.add(.flowReportScale, flowReportOrder.rows.map { UInt8(clamping: flowReports[$0].value.amount.scale) })
        writer.add(.flowReportQualifier, flowReportOrder.rows.map {
            UInt8(Qualifier.allCases.firstIndex(of: flowReports[$0].value.qualifier)!) | (flowReports[$0].value.isPercent ? 0x80 : 0)
        })
        writer.add(.flowReportSeq, flowReportOrder.rows.map { flowReports[$0].seq })
        writer.add(.flowReportValidFrom, flowReportOrder.rows.map { flowReports[$0].validFrom })
        writer.add(.flowReportValidTo, flowReportOrder.rows.map { flowReports[$0].validTo })
        writer.add(.flowReportRecord, flowReportOrder.rows.map { flowReports[$0].record })

        // Conferences and ratings.
        let conferenceOrder = ProjectionBuilder.grouped(conferences.count, units: unitCount, unit: { conferences[$0].unit }) {
            (conferences[$0].day, conferences[$0].seq, conferences[$0].validFrom) < (conferences[$1].day, conferences[$1].seq, conferences[$1].validFrom)
        }
        writer.add(.conferenceGroups, conferenceOrder.offsets)
        writer.add(.conferenceDay, conferenceOrder.rows.map { conferences[$0].day })
        writer.add(.conferenceAsOf, conferenceOrder.rows.map { conferences[$0].asOf })
        writer.add(.conferenceKind, conferenceOrder.rows.map { conferences[$0].kind })
        writer.add(.conferenceTerm, conferenceOrder.rows.map { conferences[$0].term })
        writer.add(.conferenceSeq, conferenceOrder.rows.map { conferences[$0].seq })
        writer.add(.conferenceValidFrom, conferenceOrder.rows.map { conferences[$0].validFrom })
        writer.add(.conferenceValidTo, conferenceOrder.rows.map { conferences[$0].validTo })
        writer.add(.conferenceRecord, conferenceOrder.rows.map { conferences[$0].record })

        let ratingOrder = ProjectionBuilder.grouped(ratings.count, units: unitCount, unit: { ratings[$0].unit }) {
            (ratings[$0].day, ratings[$0].seq, ratings[$0].validFrom) < (ratings[$1].day, ratings[$1].seq, ratings[$1].validFrom)
        }
        writer.add(.ratingGroups, ratingOrder.offsets)
        writer.add(.ratingYear, ratingOrder.rows.map { ratings[$0].year })
        writer.add(.ratingSubject, ratingOrder.rows.map { ratings[$0].subject })
        writer.add(.ratingDay, ratingOrder.rows.map { ratings[$0].day })
        writer.add(.ratingSeq, ratingOrder.rows.map { ratings[$0].seq })
        writer.add(.ratingValidFrom, ratingOrder.rows.map { ratings[$0].validFrom })
        writer.add(.ratingValidTo, ratingOrder.rows.map { ratings[$0].validTo })
        writer.add(.ratingRecord, ratingOrder.rows.map { ratings[$0].record })

        // Records in (seq, version) order: `record(seq:)` is a binary search.
        writer.add(.recordSeq, records.map(\.seq))
        writer.add(.recordType, records.map(\.type))
        writer.add(.recordSubject, records.map(\.subject))
        writer.add(.recordDay, records.map(\.day))
        writer.add(.recordRecordedAt, records.map(\.recordedAt))
        writer.add(.recordIDHigh, records.map(\.id.high))
        writer.add(.recordIDLow, records.map(\.id.low))
        writer.add(.recordRecorder, records.map(\.recorder))
        writer.add(.recordSource, records.map(\.source))
        writer.add(.recordDataOffset, records.map(\.dataOffset))
        writer.add(.recordDataLength, records.map(\.dataLength))
        writer.add(.recordValidFrom, records.map(\.validFrom))
        writer.add(.recordValidTo, records.map(\.validTo))
        writer.add(.recordCorrections, records.map(\.flags))
        writer.add(.recordData, recordData)
        let recordOrder = ProjectionBuilder.grouped(records.count, units: unitCount, unit: { records[$0].subject }) {
            (records[$0].day, records[$0].seq, records[$0].validFrom) < (records[$1].day, records[$1].seq, records[$1].validFrom)
        }
        writer.add(.unitRecordGroups, recordOrder.offsets)
        writer.add(.unitRecords, recordOrder.rows.map { UInt32($0) })

        // Corrections, in seq order.
        writer.add(.correctionSeq, corrections.map(\.seq))
        writer.add(.correctionTarget, corrections.map(\.target))
        writer.add(.correctionTargetUnit, corrections.map(\.targetUnit))
        writer.add(.correctionRecordedAt, corrections.map(\.recordedAt))
        writer.add(.correctionIDHigh, corrections.map(\.id.high))
        writer.add(.correctionIDLow, corrections.map(\.id.low))
        writer.add(.correctionRecorder, corrections.map(\.recorder))
        writer.add(.correctionSource, corrections.map(\.source))
        writer.add(.correctionData, corrections.map(\.data))
        writer.add(.correctionPrevious, corrections.map(\.previous))
        writer.add(.correctionFailure, corrections.map(\.failure))

        // Strings last: every table above may have interned more.
        var offsets: [UInt64] = [0]
        var bytes: [UInt8] = []
        for s in strings.strings {
            bytes.append(contentsOf: s.utf8)
            offsets.append(UInt64(bytes.count))
        }
        writer.add(.stringOffsets, offsets)
        writer.add(.stringBytes, bytes)

        var header = JSONObject()
        header["format"] = .string("socai-projection-image")
        header["vocabulary"] = .string(ImageFormat.vocabulary)
        header["journal"] = .string(journalID)
        header["seq"] = .integer(headSeq)
        header["chainhash"] = .string(chainHash)
        header["recordedtime"] = headRecordedAt.map { .integer($0) } ?? .null
        header["units"] = .integer(Int64(unitCount))
        header["firstunit"] = .integer(Int64(firstUnit))
        header["kinds"] = .array(kindsPresent.sorted().map { .integer($0) })
        writer.add(.tombstoneTable, tombstones.map(\.table.rawValue))
        writer.add(.tombstoneRow, tombstones.map { UInt32($0.row) })
        writer.add(.tombstoneTo, tombstones.map(\.end))
        writer.add(.tombstoneUnit, tombstones.map(\.unit))
        header["store"] = .object(extra)
        return writer.finish(header: header)
    }

    /// Flow rows (every version) grouped by unit, sorted by (day, seq, version), with each unit's
    /// running member total over the rows in force, and the validity of rows that are not simply
    /// "from their own seq on" in a side table.
    private mutating func addFlows(to writer: inout ImageWriter, unitCount: Int) {
        let originals = flows.seq.count
        let total = originals + flowVersions.count
        func unit(_ i: Int) -> Int32 { i < originals ? flows.unit[i] : flowVersions[i - originals].unit }
        func day(_ i: Int) -> Int32 { i < originals ? flows.day[i] : flowVersions[i - originals].day }
        func seq(_ i: Int) -> Int64 { i < originals ? flows.seq[i] : flowVersions[i - originals].seq }
        func from(_ i: Int) -> Int64 { i < originals ? flows.seq[i] : flowVersions[i - originals].validFrom }
        func to(_ i: Int) -> Int64 { i < originals ? flows.supersededAt[i] ?? validForever : flowVersions[i - originals].validTo }
        let order = ProjectionBuilder.grouped(total, units: unitCount, unit: unit) { a, b in
            (day(a), seq(a), from(a)) < (day(b), seq(b), from(b))
        }
        writer.add(.flowGroups, order.offsets)
        writer.add(.flowDay, order.rows.map(day))
        writer.add(.flowSeq, order.rows.map(seq))
        writer.add(.flowCount, order.rows.map { $0 < originals ? flows.count[$0] : flowVersions[$0 - originals].count })
        writer.add(.flowKind, order.rows.map { $0 < originals ? flows.kind[$0] : flowVersions[$0 - originals].kind })
        var versionRows: [UInt32] = [], versionFrom: [Int64] = [], versionTo: [Int64] = []
        var flagColumn: [UInt8] = []
        flagColumn.reserveCapacity(total)
        for (position, i) in order.rows.enumerated() {
            var flags = i < originals ? flows.flags[i] : flowVersions[i - originals].flags
            if from(i) != seq(i) || to(i) != validForever {
                flags |= FlowFlag.versioned
                versionRows.append(UInt32(position))
                versionFrom.append(from(i))
                versionTo.append(to(i))
            }
            flagColumn.append(flags)
        }
        writer.add(.flowSince, order.rows.map { $0 < originals ? flows.since[$0] : flowVersions[$0 - originals].since })
        writer.add(.flowRecordedAt, order.rows.map { $0 < originals ? flows.recordedAt[$0] : flowVersions[$0 - originals].recordedAt })
        writer.add(.flowIDHigh, order.rows.map { $0 < originals ? flows.idHigh[$0] : flowVersions[$0 - originals].id.high })
        writer.add(.flowIDLow, order.rows.map { $0 < originals ? flows.idLow[$0] : flowVersions[$0 - originals].id.low })
        writer.add(.flowSource, order.rows.map { $0 < originals ? flows.source[$0] : flowVersions[$0 - originals].source })
        writer.add(.flowRecorder, order.rows.map { $0 < originals ? flows.recorder[$0] : flowVersions[$0 - originals].recorder })
        // Running member totals over the rows in force, per unit (inclusive of the row).
        var prefix: [Int64] = []
        prefix.reserveCapacity(total)
        for u in 0..<unitCount {
            var running: Int64 = 0
            for position in Int(order.offsets[u])..<Int(order.offsets[u + 1]) {
                let i = order.rows[position]
                let flags = flagColumn[position]
                if to(i) == validForever && flags & FlowFlag.retracted == 0 {
                    let count = Int64(i < originals ? flows.count[i] : flowVersions[i - originals].count)
                    let kind = FlowKind(rawValue: i < originals ? flows.kind[i] : flowVersions[i - originals].kind) ?? .admission
                    running += Int64(kind.memberSign) * count
                }
                prefix.append(running)
            }
        }
        writer.add(.flowFlags, flagColumn)
        writer.add(.flowMemberPrefix, prefix)
        writer.add(.flowVersionRow, versionRows)
        writer.add(.flowVersionFrom, versionFrom)
        writer.add(.flowVersionTo, versionTo)
        flows = FlowColumnsBuilder()
        flowVersions = []
    }

    /// Puts record versions in (seq, version) order (a correction's version is appended after
    /// later events) and points every row that refers to a record at its new place.
    private mutating func sortRecordsBySeq() {
        let order = records.indices.sorted { (records[$0].seq, records[$0].validFrom) < (records[$1].seq, records[$1].validFrom) }
        guard order != Array(records.indices) else { return }
        var newIndex = [UInt32](repeating: 0, count: records.count)
        for (position, old) in order.enumerated() { newIndex[old] = UInt32(position) }
        records = order.map { records[$0] }
        for i in facts.indices { facts[i].record = newIndex[Int(facts[i].record)] }
        for i in mergers.indices { mergers[i].record = newIndex[Int(mergers[i].record)] }
        for i in aggregates.indices { aggregates[i].record = newIndex[Int(aggregates[i].record)] }
        for i in levels.indices { levels[i].record = newIndex[Int(levels[i].record)] }
        for i in flowReports.indices { flowReports[i].record = newIndex[Int(flowReports[i].record)] }
        for i in conferences.indices { conferences[i].record = newIndex[Int(conferences[i].record)] }
        for i in ratings.indices { ratings[i].record = newIndex[Int(ratings[i].record)] }
    }

    /// A stable order of `count` rows grouped by unit (counting sort), each group sorted by `less`;
    /// `offsets[u] ..< offsets[u + 1]` are unit u's positions.
    static func grouped(_ count: Int, units: Int, unit: (Int) -> Int32, less: (Int, Int) -> Bool) -> (rows: [Int], offsets: [UInt32]) {
        var offsets = [UInt32](repeating: 0, count: units + 1)
        for i in 0..<count { offsets[Int(unit(i)) + 1] += 1 }
        for u in 0..<units { offsets[u + 1] += offsets[u] }
        var next = offsets
        var rows = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let u = Int(unit(i))
            rows[Int(next[u])] = i
            next[u] += 1
        }
        for u in 0..<units {
            let range = Int(offsets[u])..<Int(offsets[u + 1])
            guard range.count > 1 else { continue }
            // Rows come mostly in order already (the journal is mostly in date order).
            var sorted = true
            for p in range.dropFirst() where less(rows[p], rows[p - 1]) { sorted = false; break }
            if !sorted { rows[range].sort(by: less) }
        }
        return (rows, offsets)
    }
}
