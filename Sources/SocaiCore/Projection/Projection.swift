/// The read model of a journal: an image (folded in memory, or mapped from a file) plus, when
/// events were recorded after the image, an overlay image of those events alone.
///
/// Everything a question asks goes through here, with the `Knowledge` it is asked under; the
/// rules (`Rules/`) never see parts, columns or versions. Opening costs O(columns); a question
/// reads the rows of the units it is about (EventStoreDB's index and its memtable, in shape).
public final class Projection: Sendable {
    let parts: [ProjectionPart]
    /// Rows of lower parts whose validity a higher part's correction ended: row → end seq, per table.
    let superseded: Superseded

    /// The last event folded in, and what identifies the journal there.
    public let headSeq: Int64
    public let headRecordedTime: Instant?
    public let journalID: String
    public let chainHash: String
    /// The storage layer's part of the image header (what the image covers).
    public let storeHeader: JSONObject
    public let unitCount: Int

    struct Superseded: Sendable {
        var facts: [Int: Int64] = [:]
        var mergers: [Int: Int64] = [:]
        var aggregates: [Int: Int64] = [:]
        var levels: [Int: Int64] = [:]
        var flowReports: [Int: Int64] = [:]
        var conferences: [Int: Int64] = [:]
        var ratings: [Int: Int64] = [:]
        var records: [Int: Int64] = [:]
        var flows: [Int: Int64] = [:]
        /// Superseded flow rows per unit, for running totals.
        var flowsByUnit: [Int32: [Int]] = [:]
        var isEmpty: Bool { flows.isEmpty && records.isEmpty && facts.isEmpty && levels.isEmpty }
    }

    /// Opens an image (and an overlay of the events after it). With `validate`, every reference
    /// in the image is checked first (an image read from a file it did not just write).
    public init(image: ImageStorage, overlay: ImageStorage? = nil, validate: Bool = false) throws(ImageReader.Invalid) {
        let base = try ProjectionPart(image)
        var parts = [base]
        var superseded = Superseded()
        if let overlay {
            let top = try ProjectionPart(overlay)
            guard top.firstUnit == base.units.ids.count else { throw ImageReader.Invalid(reason: "the overlay does not fit its image") }
            parts.append(top)
            superseded = try Projection.supersededRows(top.reader)
        }
        self.parts = parts
        self.superseded = superseded
        let header = parts.last!.reader.header
        headSeq = header["seq"]?.integer ?? 0
        headRecordedTime = header["recordedtime"]?.integer.map { Instant(millisecondsSinceEpoch: $0) }
        journalID = base.reader.header["journal"]?.string ?? ""
        chainHash = header["chainhash"]?.string ?? ""
        storeHeader = base.reader.header["store"]?.object ?? JSONObject()
        unitCount = parts.reduce(0) { max($0, $1.firstUnit + $1.units.ids.count) }
        if validate { for part in parts { try part.validate(unitCount: unitCount) } }
    }

    /// The image of an in-memory fold, as a projection.
    public convenience init(_ builder: consuming ProjectionBuilder) {
        let storage = builder.image(journalID: "", chainHash: "")
        try! self.init(image: storage)
    }

    static func supersededRows(_ overlay: ImageReader) throws(ImageReader.Invalid) -> Superseded {
        var result = Superseded()
        let tables: Column<UInt8> = try overlay.column(.tombstoneTable)
        let rows: Column<UInt32> = try overlay.column(.tombstoneRow)
        let ends: Column<Int64> = try overlay.column(.tombstoneTo)
        let units: Column<Int32> = try overlay.column(.tombstoneUnit)
        guard rows.count == tables.count, ends.count == tables.count, units.count == tables.count else {
            throw ImageReader.Invalid(reason: "the overlay's superseded rows are damaged")
        }
        for i in 0..<tables.count {
            let row = Int(rows[i]), end = ends[i]
            switch SupersededTable(rawValue: tables[i]) {
            case .facts?: result.facts[row] = end
            case .mergers?: result.mergers[row] = end
            case .aggregates?: result.aggregates[row] = end
            case .levels?: result.levels[row] = end
            case .flowReports?: result.flowReports[row] = end
            case .conferences?: result.conferences[row] = end
            case .ratings?: result.ratings[row] = end
            case .records?: result.records[row] = end
            case .flows?:
                result.flows[row] = end
                result.flowsByUnit[units[i], default: []].append(row)
            case nil: throw ImageReader.Invalid(reason: "the overlay names an unknown table")
            }
        }
        return result
    }

    /// The end of validity of a row of part `p`, after what later parts superseded.
    @inline(__always) func end(_ p: Int, _ stored: Int64, _ map: KeyPath<Superseded, [Int: Int64]>, _ row: Int) -> Int64 {
        guard p == 0, parts.count > 1 else { return stored }
        return superseded[keyPath: map][row].map { min($0, stored) } ?? stored
    }
}

/// The tables an overlay can supersede rows of.
enum SupersededTable: UInt8 {
    case facts = 1, mergers, aggregates, levels, flowReports, conferences, ratings, records, flows
}
