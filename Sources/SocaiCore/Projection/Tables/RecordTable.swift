/// Every version of every non-flow event, with its `data` as the journal wrote it: what term
/// listings, audit lines and checks decode, for the units they show only.
struct RecordTable: Sendable {
    let seq: Column<Int64>
    let type: Column<UInt8>
    let subject: Column<Int32>
    let day: Column<Int32>
    let recordedAt: Column<Int64>
    let idHigh: Column<UInt64>
    let idLow: Column<UInt64>
    let recorder: Column<UInt32>
    let source: Column<UInt32>
    let dataOffset: Column<UInt64>
    let dataLength: Column<UInt32>
    let validFrom: Column<Int64>
    let validTo: Column<Int64>
    let flags: Column<UInt8>
    let data: Column<UInt8>
    let unitGroups: Groups
    let byUnit: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        seq = try image.column(.recordSeq)
        type = try image.column(.recordType)
        subject = try image.column(.recordSubject)
        day = try image.column(.recordDay)
        recordedAt = try image.column(.recordRecordedAt)
        idHigh = try image.column(.recordIDHigh)
        idLow = try image.column(.recordIDLow)
        recorder = try image.column(.recordRecorder)
        source = try image.column(.recordSource)
        dataOffset = try image.column(.recordDataOffset)
        dataLength = try image.column(.recordDataLength)
        validFrom = try image.column(.recordValidFrom)
        validTo = try image.column(.recordValidTo)
        flags = try image.column(.recordCorrections)
        data = try image.column(.recordData)
        unitGroups = Groups(try image.column(.unitRecordGroups))
        byUnit = try image.column(.unitRecords)
        let n = seq.count
        guard [type.count, subject.count, day.count, recordedAt.count, idHigh.count, idLow.count, recorder.count, source.count,
               dataOffset.count, dataLength.count, validFrom.count, validTo.count, flags.count].allSatisfy({ $0 == n }) else {
            throw ImageReader.Invalid(reason: "the image's record table is damaged")
        }
    }

    /// The `data` object of row `i`, decoded (nil when it does not decode: a damaged image).
    func dataObject(_ i: Int) -> JSONObject? {
        let offset = Int(dataOffset[i]), length = Int(dataLength[i])
        guard offset >= 0, length >= 0, offset + length <= data.count, let base = data.base else { return nil }
        guard case .object(let object)? = try? JSONParser.parse(UnsafeRawBufferPointer(start: base + offset, count: length)) else {
            return nil
        }
        return object
    }
}

/// Corrections in seq order, with what the corrected event said before each.
struct CorrectionTable: Sendable {
    let seq: Column<Int64>
    let target: Column<Int64>
    let targetUnit: Column<Int32>
    let recordedAt: Column<Int64>
    let idHigh: Column<UInt64>
    let idLow: Column<UInt64>
    let recorder: Column<UInt32>
    let source: Column<UInt32>
    let data: Column<UInt32>
    let previous: Column<UInt32>
    let failure: Column<UInt32>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        seq = try image.column(.correctionSeq)
        target = try image.column(.correctionTarget)
        targetUnit = try image.column(.correctionTargetUnit)
        recordedAt = try image.column(.correctionRecordedAt)
        idHigh = try image.column(.correctionIDHigh)
        idLow = try image.column(.correctionIDLow)
        recorder = try image.column(.correctionRecorder)
        source = try image.column(.correctionSource)
        data = try image.column(.correctionData)
        previous = try image.column(.correctionPrevious)
        failure = try image.column(.correctionFailure)
        let n = seq.count
        guard [target.count, targetUnit.count, recordedAt.count, idHigh.count, idLow.count, recorder.count, source.count,
               data.count, previous.count, failure.count].allSatisfy({ $0 == n }) else {
            throw ImageReader.Invalid(reason: "the image's correction table is damaged")
        }
    }
}
