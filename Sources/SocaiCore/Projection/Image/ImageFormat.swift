/// The layout of a projection image file (see docs/JOURNAL.md "The projection image").
///
/// ```
/// 0   "SOCAIIMG"                magic
/// 8   version u32, reserved u32
/// 16  checksum u64              xxHash64 of every byte from offset 24 on (checked by `verify`)
/// 24  header length u64, header JSON (journal, seq, chain hash, segments…), padded to 8
///     directory: count u64, then per column: id u32, element size u32, offset u64, count u64
///     columns, each 16-byte aligned, little-endian fixed-width values
/// ```
/// A reader maps the file and reads only the columns a question needs. An image written by
/// another version of the layout is ignored (it is derived data), never misread.
public enum ImageFormat {
    public static let magic: [UInt8] = Array("SOCAIIMG".utf8)
    /// Bumped whenever a column's meaning or layout changes.
    public static let version: UInt32 = 2
    public static let checksumOffset = 16
    public static let headerLengthOffset = 24
    static let directoryEntrySize = 24

    /// A fingerprint of the lists whose positions an image stores as small numbers (figure keys,
    /// event types, unit kinds and settings, conference kinds, rating subjects, qualifiers, flow
    /// kinds). A socai whose lists differ (a figure inserted mid-list) would read another figure
    /// from the same number: its images are refused as unusable, like another version's.
    public static let vocabulary: String = {
        var text = ""
        func add(_ names: [String]) { text += names.joined(separator: ",") + ";" }
        add(FigureCatalogue.all.map(\.key))
        add(EventType.allCases.map { "\($0)" })
        add(UnitKind.allCases.map { "\($0)" })
        add(UnitSetting.allCases.map(\.rawValue))
        add(ConferenceKind.allCases.map(\.rawValue))
        add(RatingSubject.allCases.map(\.rawValue))
        add(Qualifier.allCases.map(\.rawValue))
        add(FlowKind.allCases.map { "\($0)=\($0.rawValue)" })
        let hash = XXHash64.hash(Array(text.utf8))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }()
}

/// The columns an image holds. Raw values are stable within a format version.
public enum ColumnID: UInt32, Sendable, CaseIterable {
    // Strings: every text the tables refer to (ids, names, sources, recorders, keys, titles).
    case stringOffsets = 1, stringBytes

    // Units: one row per unit; facts (their timelines) grouped by unit.
    case unitID = 10, unitIDOrder
    case factGroups = 20, factDay, factSeq, factKind, factValue, factValidFrom, factValidTo, factRecord, factFolded
    /// Rows of the facts that change a unit after it was established (a move, a re-kind, a
    /// closing): what questions over the whole tree scan, instead of every unit's facts.
    case factChanges = 29
    case everChildGroups = 30, everChildren
    case mergerSeq = 35, mergerDay, mergerTarget, mergerFlags, mergerSourceGroups, mergerSources, mergerValidFrom, mergerValidTo, mergerRecord
    case aggregateSeq = 45, aggregateDay, aggregateScope, aggregateKind, aggregateChange, aggregateValidFrom, aggregateValidTo, aggregateRecord

    // Flows: one row per version of a flow event, grouped by unit, sorted by (day, seq).
    case flowGroups = 60, flowDay, flowSeq, flowCount, flowKind, flowFlags, flowSince, flowRecordedAt, flowIDHigh, flowIDLow,
         flowSource, flowRecorder, flowMemberPrefix
    case flowVersionRow = 75, flowVersionFrom, flowVersionTo

    // Reports of levels and of flows over periods, grouped by unit, sorted by (key, day, seq).
    case levelGroups = 80, levelKey, levelDay, levelSeq, levelUnits, levelScale, levelQualifier, levelPercent, levelValidFrom,
         levelValidTo, levelRecord
    case flowReportGroups = 95, flowReportKey, flowReportFrom, flowReportTo, flowReportTerm, flowReportUnits, flowReportScale,
         flowReportQualifier, flowReportSeq, flowReportValidFrom, flowReportValidTo, flowReportRecord

    // Conferences (term boundaries, targets) and ratings, grouped by unit, sorted by (day, seq).
    case conferenceGroups = 110, conferenceDay, conferenceAsOf, conferenceKind, conferenceTerm, conferenceSeq, conferenceValidFrom,
         conferenceValidTo, conferenceRecord
    case ratingGroups = 120, ratingYear, ratingSubject, ratingDay, ratingSeq, ratingValidFrom, ratingValidTo, ratingRecord

    // Records: every version of every non-flow event (and flows that carry printed percentages).
    case recordSeq = 130, recordType, recordSubject, recordDay, recordRecordedAt, recordIDHigh, recordIDLow, recordRecorder,
         recordSource, recordDataOffset, recordDataLength, recordValidFrom, recordValidTo, recordCorrections
    case recordData = 145
    case unitRecordGroups = 146, unitRecords

    // Corrections, in seq order.
    case correctionSeq = 150, correctionTarget, correctionRecordedAt, correctionRecorder, correctionSource, correctionData,
         correctionIDHigh, correctionIDLow, correctionFailure, correctionPrevious, correctionTargetUnit

    // An overlay's rows of the image below it that its corrections superseded.
    case tombstoneTable = 170, tombstoneRow, tombstoneTo, tombstoneUnit
}
