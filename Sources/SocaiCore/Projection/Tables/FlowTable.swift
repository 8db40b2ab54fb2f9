/// Flow events (admissions, arrivals, departures): every version, grouped by unit and sorted by
/// (day, seq), with each unit's running member total over the rows in force, so the members a
/// unit gained over any window are two binary searches (SEMANTICS §2).
struct FlowTable: Sendable {
    let groups: Groups
    let day: Column<Int32>
    let seq: Column<Int64>
    let count: Column<Int32>
    let kind: Column<UInt8>
    let flags: Column<UInt8>
    let since: Column<Int32>
    let recordedAt: Column<Int64>
    let idHigh: Column<UInt64>
    let idLow: Column<UInt64>
    let source: Column<UInt32>
    let recorder: Column<UInt32>
    let memberPrefix: Column<Int64>
    let versionRow: Column<UInt32>
    let versionFrom: Column<Int64>
    let versionTo: Column<Int64>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        groups = Groups(try image.column(.flowGroups))
        day = try image.column(.flowDay)
        seq = try image.column(.flowSeq)
        count = try image.column(.flowCount)
        kind = try image.column(.flowKind)
        flags = try image.column(.flowFlags)
        since = try image.column(.flowSince)
        recordedAt = try image.column(.flowRecordedAt)
        idHigh = try image.column(.flowIDHigh)
        idLow = try image.column(.flowIDLow)
        source = try image.column(.flowSource)
        recorder = try image.column(.flowRecorder)
        memberPrefix = try image.column(.flowMemberPrefix)
        versionRow = try image.column(.flowVersionRow)
        versionFrom = try image.column(.flowVersionFrom)
        versionTo = try image.column(.flowVersionTo)
        let n = day.count
        guard [seq.count, count.count, kind.count, flags.count, since.count, recordedAt.count, idHigh.count, idLow.count,
               source.count, recorder.count, memberPrefix.count].allSatisfy({ $0 == n }),
              versionFrom.count == versionRow.count, versionTo.count == versionRow.count,
              groups.count == 0 || Int(groups.offsets[groups.count]) == n else {
            throw ImageReader.Invalid(reason: "the image's flow table is damaged")
        }
    }

    /// The seqs during which row `i` is in force.
    @inline(__always) func validity(_ i: Int) -> (from: Int64, to: Int64) {
        guard flags[i] & FlowFlag.versioned != 0 else { return (seq[i], validForever) }
        let p = versionRow.lowerBound(of: UInt32(i), in: 0..<versionRow.count)
        guard p < versionRow.count, versionRow[p] == UInt32(i) else { return (seq[i], validForever) }
        return (versionFrom[p], versionTo[p])
    }

    /// The member change of row `i` when it is in force (0 for a retraction).
    @inline(__always) func memberDelta(_ i: Int) -> Int64 {
        flags[i] & FlowFlag.retracted != 0 ? 0 : Int64((FlowKind(rawValue: kind[i]) ?? .admission).memberSign) * Int64(count[i])
    }
}
