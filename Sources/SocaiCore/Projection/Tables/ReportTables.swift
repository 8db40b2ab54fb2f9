/// Level figures conferences stated, grouped by unit and sorted by (key, day, seq).
struct LevelReportTable: Sendable {
    let groups: Groups
    let key: Column<UInt16>
    let day: Column<Int32>
    let seq: Column<Int64>
    let units: Column<Int64>
    let scale: Column<UInt8>
    let qualifier: Column<UInt8>
    let percent: Column<UInt8>
    let validFrom: Column<Int64>
    let validTo: Column<Int64>
    let record: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        groups = Groups(try image.column(.levelGroups))
        key = try image.column(.levelKey)
        day = try image.column(.levelDay)
        seq = try image.column(.levelSeq)
        units = try image.column(.levelUnits)
        scale = try image.column(.levelScale)
        qualifier = try image.column(.levelQualifier)
        percent = try image.column(.levelPercent)
        validFrom = try image.column(.levelValidFrom)
        validTo = try image.column(.levelValidTo)
        record = try image.column(.levelRecord)
        let n = key.count
        guard [day.count, seq.count, units.count, scale.count, qualifier.count, percent.count, validFrom.count, validTo.count,
               record.count].allSatisfy({ $0 == n }), groups.count == 0 || Int(groups.offsets[groups.count]) == n else {
            throw ImageReader.Invalid(reason: "the image's level reports are damaged")
        }
    }

    func value(_ i: Int) -> FigureValue {
        let q = Int(qualifier[i])
        return FigureValue(qualifier: q < Qualifier.allCases.count ? Qualifier.allCases[q] : .exact,
                           amount: FixedDecimal(units: Int(units[i]), scale: Int(scale[i])), isPercent: percent[i] != 0)
    }
}

/// Flow totals conferences stated over periods, grouped by unit and sorted by (key, end, seq).
struct FlowReportTable: Sendable {
    let groups: Groups
    let key: Column<UInt16>
    let from: Column<Int32>
    let to: Column<Int32>
    let term: Column<UInt32>
    let units: Column<Int64>
    let scale: Column<UInt8>
    let qualifier: Column<UInt8>
    let seq: Column<Int64>
    let validFrom: Column<Int64>
    let validTo: Column<Int64>
    let record: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        groups = Groups(try image.column(.flowReportGroups))
        key = try image.column(.flowReportKey)
        from = try image.column(.flowReportFrom)
        to = try image.column(.flowReportTo)
        term = try image.column(.flowReportTerm)
        units = try image.column(.flowReportUnits)
        scale = try image.column(.flowReportScale)
        qualifier = try image.column(.flowReportQualifier)
        seq = try image.column(.flowReportSeq)
        validFrom = try image.column(.flowReportValidFrom)
        validTo = try image.column(.flowReportValidTo)
        record = try image.column(.flowReportRecord)
        let n = key.count
        guard [from.count, to.count, term.count, units.count, scale.count, qualifier.count, seq.count, validFrom.count,
               validTo.count, record.count].allSatisfy({ $0 == n }), groups.count == 0 || Int(groups.offsets[groups.count]) == n else {
            throw ImageReader.Invalid(reason: "the image's flow reports are damaged")
        }
    }

    func value(_ i: Int) -> FigureValue {
        let q = Int(qualifier[i] & 0x7F)
        return FigureValue(qualifier: q < Qualifier.allCases.count ? Qualifier.allCases[q] : .exact,
                           amount: FixedDecimal(units: Int(units[i]), scale: Int(scale[i])), isPercent: qualifier[i] & 0x80 != 0)
    }
}

/// Conferences by unit in (day, seq) order: what terms start from and where targets are set.
struct ConferenceTable: Sendable {
    let groups: Groups
    let day: Column<Int32>
    let asOf: Column<Int32>
    let kind: Column<UInt8>
    let term: Column<UInt32>
    let seq: Column<Int64>
    let validFrom: Column<Int64>
    let validTo: Column<Int64>
    let record: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        groups = Groups(try image.column(.conferenceGroups))
        day = try image.column(.conferenceDay)
        asOf = try image.column(.conferenceAsOf)
        kind = try image.column(.conferenceKind)
        term = try image.column(.conferenceTerm)
        seq = try image.column(.conferenceSeq)
        validFrom = try image.column(.conferenceValidFrom)
        validTo = try image.column(.conferenceValidTo)
        record = try image.column(.conferenceRecord)
        let n = day.count
        guard [asOf.count, kind.count, term.count, seq.count, validFrom.count, validTo.count, record.count].allSatisfy({ $0 == n }),
              groups.count == 0 || Int(groups.offsets[groups.count]) == n else {
            throw ImageReader.Invalid(reason: "the image's conference table is damaged")
        }
    }
}

/// Ratings by unit in (day, seq) order.
struct RatingTable: Sendable {
    let groups: Groups
    let year: Column<Int32>
    let subject: Column<UInt8>
    let day: Column<Int32>
    let seq: Column<Int64>
    let validFrom: Column<Int64>
    let validTo: Column<Int64>
    let record: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        groups = Groups(try image.column(.ratingGroups))
        year = try image.column(.ratingYear)
        subject = try image.column(.ratingSubject)
        day = try image.column(.ratingDay)
        seq = try image.column(.ratingSeq)
        validFrom = try image.column(.ratingValidFrom)
        validTo = try image.column(.ratingValidTo)
        record = try image.column(.ratingRecord)
        let n = year.count
        guard [subject.count, day.count, seq.count, validFrom.count, validTo.count, record.count].allSatisfy({ $0 == n }),
              groups.count == 0 || Int(groups.offsets[groups.count]) == n else {
            throw ImageReader.Invalid(reason: "the image's rating table is damaged")
        }
    }
}
