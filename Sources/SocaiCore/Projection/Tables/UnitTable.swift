/// The units and their timelines: who each unit is, under whom, from when to when.
///
/// One row per unit (its id), and its *facts* grouped by unit in (day, seq) order: establishment,
/// names, aliases, kinds, settings, parents, and how it closed. `Registry` answers questions about
/// them for one state of knowledge.
struct UnitTable: Sendable {
    let ids: Column<UInt32>
    let idOrder: Column<Int32>
    let factGroups: Groups
    let factDay: Column<Int32>
    let factSeq: Column<Int64>
    let factKind: Column<UInt8>
    let factValue: Column<Int64>
    let factValidFrom: Column<Int64>
    let factValidTo: Column<Int64>
    let factRecord: Column<UInt32>
    let factFolded: Column<UInt32>
    /// Rows (into the fact columns) of changes after establishment: moves, re-kinds, closings.
    let factChanges: Column<UInt32>
    let everChildGroups: Groups
    let everChildren: Column<Int32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        ids = try image.column(.unitID)
        idOrder = try image.column(.unitIDOrder)
        factGroups = Groups(try image.column(.factGroups))
        factDay = try image.column(.factDay)
        factSeq = try image.column(.factSeq)
        factKind = try image.column(.factKind)
        factValue = try image.column(.factValue)
        factValidFrom = try image.column(.factValidFrom)
        factValidTo = try image.column(.factValidTo)
        factRecord = try image.column(.factRecord)
        factFolded = try image.column(.factFolded)
        factChanges = try image.column(.factChanges)
        everChildGroups = Groups(try image.column(.everChildGroups))
        everChildren = try image.column(.everChildren)
        let n = factDay.count
        guard idOrder.count == ids.count, [factSeq.count, factKind.count, factValue.count, factValidFrom.count, factValidTo.count,
                                            factRecord.count, factFolded.count].allSatisfy({ $0 == n }) else {
            throw ImageReader.Invalid(reason: "the image's unit table is damaged")
        }
    }
}

/// Named mergers and merger totals, in (day, seq) order.
struct MergerTable: Sendable {
    let seq: Column<Int64>
    let day: Column<Int32>
    let target: Column<Int32>
    let flags: Column<UInt8>
    let sourceGroups: Groups
    let sources: Column<Int32>
    let validFrom: Column<Int64>
    let validTo: Column<Int64>
    let record: Column<UInt32>

    let aggregateSeq: Column<Int64>
    let aggregateDay: Column<Int32>
    let aggregateScope: Column<Int32>
    let aggregateKind: Column<UInt8>
    let aggregateChange: Column<Int32>
    let aggregateValidFrom: Column<Int64>
    let aggregateValidTo: Column<Int64>
    let aggregateRecord: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        seq = try image.column(.mergerSeq)
        day = try image.column(.mergerDay)
        target = try image.column(.mergerTarget)
        flags = try image.column(.mergerFlags)
        sourceGroups = Groups(try image.column(.mergerSourceGroups))
        sources = try image.column(.mergerSources)
        validFrom = try image.column(.mergerValidFrom)
        validTo = try image.column(.mergerValidTo)
        record = try image.column(.mergerRecord)
        aggregateSeq = try image.column(.aggregateSeq)
        aggregateDay = try image.column(.aggregateDay)
        aggregateScope = try image.column(.aggregateScope)
        aggregateKind = try image.column(.aggregateKind)
        aggregateChange = try image.column(.aggregateChange)
        aggregateValidFrom = try image.column(.aggregateValidFrom)
        aggregateValidTo = try image.column(.aggregateValidTo)
        aggregateRecord = try image.column(.aggregateRecord)
        guard [day.count, target.count, flags.count, validFrom.count, validTo.count, record.count].allSatisfy({ $0 == seq.count }),
              sourceGroups.count == seq.count || seq.count == 0,
              [aggregateDay.count, aggregateScope.count, aggregateKind.count, aggregateChange.count, aggregateValidFrom.count,
               aggregateValidTo.count, aggregateRecord.count].allSatisfy({ $0 == aggregateSeq.count }) else {
            throw ImageReader.Invalid(reason: "the image's merger table is damaged")
        }
    }
}
