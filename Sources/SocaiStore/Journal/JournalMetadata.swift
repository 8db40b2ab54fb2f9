import SocaiCore

/// `journal.json`: what makes a directory a journal. Written once by `socai init`.
///
/// It names the journal (its id seeds the hash chain, its `source` is every event's CloudEvents
/// `source`) and the segment size, so readers and writers agree without configuration.
public struct JournalMetadata: Sendable, Hashable {
    public static let fileName = "journal.json"
    public static let format = "socai-journal"
    public static let currentVersion: Int64 = 1
    public static let defaultSegmentBytes = 64 * 1024 * 1024

    public var id: String
    public var source: String
    public var segmentBytes: Int
    public var created: Instant
    /// The unit this journal's committee reports to, kept in the superior's journal (`init
    /// --reports-to`): this journal's units may name it as their parent without holding it, and a
    /// union with the superior's journal hangs this journal's tree under it. Absent in journals
    /// made before it existed (they read as reporting to no one).
    public var reportsTo: UnitID?

    /// A journal's `source` is this followed by its id.
    static let sourcePrefix = "urn:socai:journal:"

    public init(id: String, segmentBytes: Int = JournalMetadata.defaultSegmentBytes, created: Instant, reportsTo: UnitID? = nil) {
        self.id = id
        self.source = JournalMetadata.sourcePrefix + id
        self.segmentBytes = segmentBytes
        self.created = created
        self.reportsTo = reportsTo
    }

    var json: [UInt8] {
        var object = JSONObject()
        object["format"] = .string(JournalMetadata.format)
        object["version"] = .integer(JournalMetadata.currentVersion)
        object["id"] = .string(id)
        object["source"] = .string(source)
        object["segmentbytes"] = .integer(Int64(segmentBytes))
        object["created"] = .string(created.rfc3339)
        if let reportsTo { object["reportsto"] = .string(reportsTo.rawValue) }
        return JSONWriter.encode(.object(object)) + [0x0A]
    }

    static func parse(_ bytes: [UInt8], path: String) throws(JournalError) -> JournalMetadata {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw .badMetadata(path: path, reason: DamageText.metadataNotJSON(["detail": error.text])) }
        guard let o = value.object, o["format"]?.string == JournalMetadata.format else {
            throw .badMetadata(path: path, reason: DamageText.notASocaiJournal())
        }
        guard o["version"]?.integer == JournalMetadata.currentVersion else {
            throw .badMetadata(path: path, reason: DamageText.unsupportedVersion(["version": o["version"].map { JSONWriter.string($0) } ?? "?"]))
        }
        func field(_ name: String, _ what: DamageText) -> JournalError {
            .badMetadata(path: path, reason: o[name].map { DamageText.metadataFieldWrong(["name": LocalizedText(name), "value": LocalizedText(JSONWriter.string($0)), "what": what()]) }
                ?? DamageText.metadataFieldMissing(["name": LocalizedText(name), "what": what()]))
        }
        guard let id = o["id"]?.string, !id.isEmpty else { throw field("id", .metadataID) }
        guard let source = o["source"]?.string, !source.isEmpty else { throw field("source", .metadataSource) }
        guard let size = o["segmentbytes"]?.integer, size >= 4096 else { throw field("segmentbytes", .metadataSegmentBytes) }
        guard let createdText = o["created"]?.string, let created = Instant.parseRFC3339(createdText) else { throw field("created", .metadataCreated) }
        var reportsTo: UnitID?
        if let value = o["reportsto"] {
            guard let text = value.string, let unit = UnitID(text) else { throw field("reportsto", .metadataReportsTo) }
            reportsTo = unit
        }
        var metadata = JournalMetadata(id: id, segmentBytes: Int(size), created: created, reportsTo: reportsTo)
        metadata.source = source
        return metadata
    }
}

/// The last committed event of a journal: what the next append chains from.
public struct JournalHead: Sendable, Hashable {
    public var seq: Int64
    public var hash: SHA256Digest
    public var recordedTime: Instant?

    public init(seq: Int64, hash: SHA256Digest, recordedTime: Instant?) {
        self.seq = seq
        self.hash = hash
        self.recordedTime = recordedTime
    }
}
