/// What a snapshot says about itself: which journal, up to which event, and the chain hash there.
public struct SnapshotStamp: Sendable, Hashable {
    public var journalID: String
    public var seq: Int64
    public var chainHash: String
    public var recordedTime: Instant?

    public init(journalID: String, seq: Int64, chainHash: String, recordedTime: Instant?) {
        self.journalID = journalID
        self.seq = seq
        self.chainHash = chainHash
        self.recordedTime = recordedTime
    }
}

/// The fold's state as bytes, and back: `Ledger` after seq N, so a query folds only the events
/// after it. Pure (no files): `SnapshotStore` in SocaiStore writes and finds them.
///
/// Layout: magic, a JSON header (format version, stamp, row layout), sections (units, interned
/// strings, flow rows copied as they sit in memory, period starts, flows' printed percentages,
/// records, corrections), and an
/// xxHash64 of everything before it. Flow rows are raw bytes so a snapshot of millions of flows
/// loads with one copy; every row is still checked on load.
public enum LedgerSnapshot {
    public static let formatVersion: Int64 = 2
    static let magic = Array("SOCAISN1".utf8)

    /// Why bytes are not a usable snapshot.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The memory layout of `FlowRow`: a snapshot written by a build with another layout is refused.
    static var rowLayout: String {
        "stride=\(MemoryLayout<FlowRow>.stride),size=\(MemoryLayout<FlowRow>.size)"
            + ",day=\(MemoryLayout<FlowRow>.offset(of: \.day)!),kind=\(MemoryLayout<FlowRow>.offset(of: \.kindCode)!)"
            + ",source=\(MemoryLayout<FlowRow>.offset(of: \.source)!),flags=\(MemoryLayout<FlowRow>.offset(of: \.flags)!)"
    }

    public static func encode(_ ledger: Ledger, stamp: SnapshotStamp) -> [UInt8] {
        var w = ByteWriter()
        w.bytes.append(contentsOf: magic)
        var header = JSONObject()
        header["format"] = .integer(formatVersion)
        header["journal"] = .string(stamp.journalID)
        header["seq"] = .integer(stamp.seq)
        header["chainhash"] = .string(stamp.chainHash)
        header["recordedtime"] = stamp.recordedTime.map { .string($0.rfc3339) } ?? .null
        header["rows"] = .string(rowLayout)
        w.string(JSONWriter.string(.object(header)))

        w.u32(UInt32(ledger.unitIDs.count))
        for id in ledger.unitIDs { w.string(id.rawValue) }
        w.u32(UInt32(ledger.strings.count))
        for s in ledger.strings { w.string(s) }
        for rows in ledger.flows {
            w.u32(UInt32(rows.count))
            rows.withUnsafeBytes { w.raw($0) }
        }
        w.u32(UInt32(ledger.periodStarts.count))
        for (seq, day) in ledger.periodStarts.sorted(by: { $0.key < $1.key }) {
            w.i64(seq)
            w.i32(day)
        }
        w.u32(UInt32(ledger.flowPrinted.count))
        for (seq, printed) in ledger.flowPrinted.sorted(by: { $0.key < $1.key }) {
            w.i64(seq)
            w.string(JSONWriter.string(.object(JSONObject(printed.map { ($0.name, .string($0.value.description)) }))))
        }
        w.u32(UInt32(ledger.records.count))
        for record in ledger.records { w.string(JSONWriter.string(.object(recordJSON(record)))) }
        w.u32(UInt32(ledger.corrections.count))
        for correction in ledger.corrections { w.string(JSONWriter.string(.object(correctionJSON(correction)))) }
        w.u64(XXHash64.hash(w.bytes))
        return w.bytes
    }

    /// Checks the file's checksum and reads its stamp, to choose a snapshot before decoding it.
    public static func stamp(of bytes: UnsafeRawBufferPointer) throws(Invalid) -> SnapshotStamp {
        var r = ByteReader(try checkedBody(bytes))
        return try header(&r)
    }

    /// The bytes before the checksum, once the checksum matches them.
    static func checkedBody(_ bytes: UnsafeRawBufferPointer) throws(Invalid) -> UnsafeRawBufferPointer {
        guard bytes.count >= magic.count + 8 else { throw Invalid(reason: "the file is too short to be a snapshot") }
        let body = UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 8)])
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
        guard XXHash64.hash(body) == stored else { throw Invalid(reason: "its checksum does not match its bytes (damaged or cut short)") }
        return body
    }

    /// Runs `body` for indices `0..<count`, possibly on several threads at once (the store passes
    /// Dispatch's `concurrentPerform`; Core itself has no threads).
    public typealias ParallelFor = @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

    /// Decodes a snapshot; `checked` skips the checksum when `stamp(of:)` already verified it.
    /// Records are decoded in parallel chunks through `parallelFor` (their JSON is most of the cost).
    public static func decode(_ bytes: UnsafeRawBufferPointer, checked: Bool = false,
                              parallelFor: ParallelFor = { count, body in for i in 0..<count { body(i) } }) throws(Invalid) -> (Ledger, SnapshotStamp) {
        let body = checked ? UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 8)]) : try checkedBody(bytes)
        var r = ByteReader(body)
        do {
            let stamp = try header(&r)
            var ledger = Ledger()
            let unitCount = Int(try r.u32())
            var units: [UnitID] = []
            units.reserveCapacity(unitCount)
            for _ in 0..<unitCount {
                guard let id = UnitID(try r.string()) else { throw Invalid(reason: "a unit id is not valid") }
                units.append(id)
            }
            let stringCount = Int(try r.u32())
            var strings: [String] = []
            strings.reserveCapacity(stringCount)
            for _ in 0..<stringCount { strings.append(try r.string()) }
            let stride = MemoryLayout<FlowRow>.stride
            var flows: [[FlowRow]] = []
            flows.reserveCapacity(unitCount)
            for _ in 0..<unitCount {
                let count = Int(try r.u32())
                let raw = try r.take(count * stride)
                let rows = [FlowRow](unsafeUninitializedCapacity: count) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
                    initialized = count
                }
                for row in rows where row.kindCode >= UInt8(FlowKind.allCases.count) || row.flags.rawValue > 7
                    || Int(row.recordedBy) >= strings.count || Int(row.source) >= strings.count {
                    throw Invalid(reason: "a flow row is not valid")
                }
                flows.append(rows)
            }
            var periodStarts: [Int64: Int32] = [:]
            for _ in 0..<Int(try r.u32()) { periodStarts[try r.i64()] = try r.i32() }
            var flowPrinted: [Int64: [PrintedPercent]] = [:]
            for _ in 0..<Int(try r.u32()) {
                let seq = try r.i64()
                guard let object = (try? JSONParser.parse(try r.string()))?.object else { throw Invalid(reason: "a flow's printed percentages are not valid") }
                var printed: [PrintedPercent] = []
                for (name, value) in object {
                    guard let text = value.string, let decimal = FixedDecimal.parse(text) else {
                        throw Invalid(reason: "a flow's printed percentages are not valid")
                    }
                    printed.append(PrintedPercent(name, decimal))
                }
                flowPrinted[seq] = printed
            }
            var texts: [String] = []
            let recordCount = Int(try r.u32())
            texts.reserveCapacity(recordCount)
            for _ in 0..<recordCount { texts.append(try r.string()) }
            let records = try decodeAll(texts, parallelFor: parallelFor, record(from:))
            texts.removeAll(keepingCapacity: true)
            for _ in 0..<Int(try r.u32()) { texts.append(try r.string()) }
            let corrections = try decodeAll(texts, parallelFor: parallelFor, correction(from:))
            guard r.offset == body.count else { throw Invalid(reason: "bytes after the last section") }
            ledger.restore(headSeq: stamp.seq, headRecordedTime: stamp.recordedTime, unitIDs: units, flows: flows,
                           periodStarts: periodStarts, flowPrinted: flowPrinted, records: records, corrections: corrections, strings: strings)
            return (ledger, stamp)
        } catch is ByteReader.Short {
            throw Invalid(reason: "it is cut short")
        } catch let error as Invalid {
            throw error
        } catch {
            throw Invalid(reason: "\(error)")
        }
    }

    /// Decodes every text with `decode`, in chunks run through `parallelFor`; the first failure wins.
    private static func decodeAll<T: Sendable>(_ texts: [String], parallelFor: ParallelFor,
                                               _ decode: @escaping @Sendable (String) throws(Invalid) -> T) throws(Invalid) -> [T] {
        let chunks = texts.count < 2048 ? 1 : 8
        let results = ChunkResults<T>(count: chunks)
        parallelFor(chunks) { chunk in
            let from = texts.count * chunk / chunks, to = texts.count * (chunk + 1) / chunks
            var part: [T] = []
            part.reserveCapacity(to - from)
            let outcome = Result { () throws(Invalid) -> [T] in
                for i in from..<to { part.append(try decode(texts[i])) }
                return part
            }
            results.set(chunk, outcome)
        }
        var all: [T] = []
        all.reserveCapacity(texts.count)
        for chunk in 0..<chunks { all += try results.get(chunk) }
        return all
    }

    private static func header(_ r: inout ByteReader) throws(Invalid) -> SnapshotStamp {
        do {
            guard Array(try r.take(magic.count)) == magic else { throw Invalid(reason: "not a socai snapshot") }
            guard let header = try? JSONParser.parse(try r.string()).object else { throw Invalid(reason: "its header is not JSON") }
            guard header["format"]?.integer == formatVersion else { throw Invalid(reason: "snapshot format \(header["format"].map { JSONWriter.string($0) } ?? "?") is not this socai's") }
            guard header["rows"]?.string == rowLayout else { throw Invalid(reason: "written by a socai with another memory layout") }
            guard let journal = header["journal"]?.string, let seq = header["seq"]?.integer, let hash = header["chainhash"]?.string else {
                throw Invalid(reason: "its header lacks the journal stamp")
            }
            let recorded = header["recordedtime"]?.string.flatMap(Instant.parseRFC3339)
            return SnapshotStamp(journalID: journal, seq: seq, chainHash: hash, recordedTime: recorded)
        } catch is ByteReader.Short {
            throw Invalid(reason: "it is cut short")
        } catch let error as Invalid {
            throw error
        } catch {
            throw Invalid(reason: "\(error)")
        }
    }

    // MARK: Records as JSON objects

    static func recordJSON(_ r: LedgerRecord) -> JSONObject {
        var o = JSONObject()
        o["seq"] = .integer(r.seq)
        o["id"] = .string(r.id.rawValue)
        o["subject"] = .string(r.subject.rawValue)
        o["date"] = .string(r.date.iso)
        o["rt"] = .integer(r.recordedTime.millisecondsSinceEpoch)
        o["by"] = .string(r.recordedBy)
        if let s = r.sourceDocument { o["src"] = .string(s) }
        o["type"] = .string(r.type.rawValue)
        o["data"] = .object(r.payload.data)
        if r.isRetracted { o["retracted"] = .bool(true) }
        if !r.corrections.isEmpty { o["corrections"] = .array(r.corrections.map { .integer($0) }) }
        return o
    }

    static func record(from text: String) throws(Invalid) -> LedgerRecord {
        guard let o = try? JSONParser.parse(text).object, let seq = o["seq"]?.integer, let id = o["id"]?.string.flatMap(EventID.init),
              let subject = o["subject"]?.string.flatMap(UnitID.init), let date = o["date"]?.string.flatMap(CalendarDate.init(isoText:)),
              let rt = o["rt"]?.integer, let by = o["by"]?.string, let type = o["type"]?.string.flatMap(EventType.init(rawValue:)),
              let data = o["data"]?.object, let payload = try? EventPayload(type: type, data: data) else {
            throw Invalid(reason: "a record is not valid")
        }
        var record = LedgerRecord(seq: seq, id: id, subject: subject, date: date, recordedTime: Instant(millisecondsSinceEpoch: rt),
                                  recordedBy: by, sourceDocument: o["src"]?.string, payload: payload)
        record.isRetracted = o["retracted"] == .bool(true)
        record.corrections = o["corrections"]?.array?.compactMap(\.integer) ?? []
        return record
    }

    static func correctionJSON(_ c: CorrectionRecord) -> JSONObject {
        var o = JSONObject()
        o["seq"] = .integer(c.seq)
        o["id"] = .string(c.id.rawValue)
        o["rt"] = .integer(c.recordedTime.millisecondsSinceEpoch)
        o["by"] = .string(c.recordedBy)
        if let s = c.sourceDocument { o["src"] = .string(s) }
        o["data"] = .object(EventPayload.correction(c.correction).data)
        if let d = c.previousDate { o["previousDate"] = .string(d.iso) }
        if let d = c.previousData { o["previousData"] = .object(d) }
        if let f = c.failure {
            o["failure"] = .string(f.en)
            o["failureVi"] = .string(f.vi)
        }
        return o
    }

    static func correction(from text: String) throws(Invalid) -> CorrectionRecord {
        guard let o = try? JSONParser.parse(text).object, let seq = o["seq"]?.integer, let id = o["id"]?.string.flatMap(EventID.init),
              let rt = o["rt"]?.integer, let by = o["by"]?.string, let data = o["data"]?.object,
              case .correction(let correction)? = try? EventPayload(type: .correction, data: data) else {
            throw Invalid(reason: "a correction record is not valid")
        }
        return CorrectionRecord(seq: seq, id: id, recordedTime: Instant(millisecondsSinceEpoch: rt), recordedBy: by,
                                sourceDocument: o["src"]?.string, correction: correction,
                                previousDate: o["previousDate"]?.string.flatMap(CalendarDate.init(isoText:)),
                                previousData: o["previousData"]?.object,
                                failure: o["failure"]?.string.map { LocalizedText(en: $0, vi: o["failureVi"]?.string ?? $0) })
    }
}

/// Results of chunks written by different threads, each to its own slot.
final class ChunkResults<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<[T], LedgerSnapshot.Invalid>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Each chunk writes only its own slot, and reads happen after every chunk finished.
    func set(_ chunk: Int, _ result: Result<[T], LedgerSnapshot.Invalid>) {
        slots.withUnsafeMutableBufferPointer { $0[chunk] = result }
    }

    func get(_ chunk: Int) throws(LedgerSnapshot.Invalid) -> [T] {
        guard let slot = slots[chunk] else { throw LedgerSnapshot.Invalid(reason: "a chunk was not decoded") }
        return try slot.get()
    }
}
