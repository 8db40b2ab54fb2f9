/// The tables of one image: the whole projection of a journal up to its seq, or the overlay of
/// the events recorded since (see `Projection`).
struct ProjectionPart: Sendable {
    let reader: ImageReader
    let strings: StringTable
    let units: UnitTable
    let mergers: MergerTable
    let flows: FlowTable
    let levels: LevelReportTable
    let flowReports: FlowReportTable
    let conferences: ConferenceTable
    let ratings: RatingTable
    let records: RecordTable
    let corrections: CorrectionTable
    /// The first unit index whose id this part holds (0 for a whole image; the base's unit count
    /// for an overlay).
    let firstUnit: Int

    init(_ storage: ImageStorage) throws(ImageReader.Invalid) {
        let reader = try ImageReader(storage)
        self.reader = reader
        strings = try StringTable(reader)
        units = try UnitTable(reader)
        mergers = try MergerTable(reader)
        flows = try FlowTable(reader)
        levels = try LevelReportTable(reader)
        flowReports = try FlowReportTable(reader)
        conferences = try ConferenceTable(reader)
        ratings = try RatingTable(reader)
        records = try RecordTable(reader)
        corrections = try CorrectionTable(reader)
        firstUnit = Int(reader.header["firstunit"]?.integer ?? 0)
        guard units.ids.allSatisfy({ Int($0) < strings.count }) else {
            throw ImageReader.Invalid(reason: "the image's unit ids are damaged")
        }
    }
}
