import SocaiCore

/// What `LineAttributeReader` found in a line: each attribute read in place, or (rarely) the span
/// of a value that was not in socai's own form; then judged in the order and with the messages of
/// docs/JOURNAL.md.
struct Fields {
    /// The attributes present, one bit each (`LineAttribute.bit`).
    var seen: UInt32 = 0
    /// `specversion` and `datacontenttype` found with exactly the value socai writes.
    var canonical: UInt32 = 0
    var idKey: EventKey?
    /// Where the id's 36 characters start, when read in socai's form.
    var idStart = -1
    var type: EventType?
    var subject: UnitID?
    var date: CalendarDate?
    var seq: Int64?
    var recordedTime: Instant?
    var batch: BatchMark?
    var source: String?
    var recordedBy: String?
    var document: String?
    /// `originsource`, `originseq`, `origintime` read in socai's form (an event from another journal).
    var originSource: String?
    var originSeq: Int64?
    var originTime: Instant?
    /// A flow's `data`, read in place; else the `data` object's token.
    var flow: Flow?
    var data: Range<Int>?
    /// Attributes whose values were not in socai's form: judged from their JSON.
    var others: [(attribute: LineAttribute, span: ValueSpan)] = []
    /// Members that are not attributes, in order (a repeated name is invalid JSON).
    private var unknown: [(name: String, value: ValueSpan)] = []

    init() {}

    func has(_ attribute: LineAttribute) -> Bool { seen & attribute.bit != 0 }

    /// Records a member that is not an attribute; false when its name repeats (invalid JSON).
    mutating func addUnknown(key: ValueSpan, value: ValueSpan, _ line: UnsafeRawBufferPointer) -> Bool {
        let name: String?
        switch key {
        case .plain(let range, _): name = String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)
        case .escaped(let range): name = (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: line[range])))?.string
        case .other: name = nil
        }
        guard let name, !unknown.contains(where: { $0.name == name }) else { return false }
        unknown.append((name, value))
        return true
    }

    // MARK: Judging

    /// The line's event, or why it is not one. JSON validity comes first (as a JSON parser of the
    /// whole line would say), then each attribute in the order socai writes them, then the payload.
    func decodedLine(_ line: UnsafeRawBufferPointer, storedHash: SHA256Digest) throws(LineDecodingError) -> DecodedLine {
        // Nearly every line: a flow with every attribute in socai's own form, nothing left to judge.
        if let flow, others.isEmpty, unknown.isEmpty, canonical == LineAttribute.specversion.bit | LineAttribute.datacontenttype.bit,
           let idKey, let subject, let date, let seq, seq >= 1, seq <= JournalLineCodec.maxSeq, let recordedTime,
           let source, let recordedBy, has(.sourcedoc) == (document != nil), has(.batch) == (batch != nil),
           let origin = readOrigin {
            let line = FlowLine(seq: seq, id: idKey, subject: subject, effectiveDate: date, recordedTime: recordedTime,
                                recordedBy: recordedBy, sourceDocument: document, batch: batch, origin: origin, flow: flow)
            return DecodedLine(flow: line, source: source, storedHash: storedHash)
        }
        return try judged(line, storedHash: storedHash)
    }

    /// The origin as read in place: `.some(nil)` for none, `.some(origin)` for all three in
    /// socai's form, nil when the slow path must judge it.
    private var readOrigin: EventOrigin?? {
        let present = seen & (LineAttribute.originsource.bit | LineAttribute.originseq.bit | LineAttribute.origintime.bit)
        if present == 0 { return .some(nil) }
        guard let originSource, let originSeq, originSeq >= 1, originSeq <= JournalLineCodec.maxSeq, let originTime else { return nil }
        return .some(EventOrigin(source: originSource, seq: originSeq, recordedTime: originTime))
    }

    /// Every check in order, for the lines the fast case above does not cover.
    private func judged(_ line: UnsafeRawBufferPointer, storedHash: SHA256Digest) throws(LineDecodingError) -> DecodedLine {
        // The values kept as spans are parsed now, so invalid JSON inside them is reported first.
        var parsed: [LineAttribute: JSONValue] = [:]
        for (attribute, span) in others {
            switch span {
            case .plain: continue
            case .escaped(let range), .other(let range):
                guard let value = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: line[range])) else {
                    throw LineAttributeReader.jsonError(line)
                }
                parsed[attribute] = value
            }
        }
        for (_, value) in unknown {
            switch value {
            case .plain: continue
            case .escaped(let range), .other(let range):
                if (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: line[range]))) == nil { throw LineAttributeReader.jsonError(line) }
            }
        }
        var flow = self.flow
        var dataObject: JSONObject?
        if let data {
            let bytes = UnsafeRawBufferPointer(rebasing: line[data])
            var cursor = ByteCursor(bytes)
            if let type, type.isFlow, let read = cursor.flowData(type), cursor.atEnd {
                flow = read
            } else {
                guard let value = try? JSONParser.parse(bytes) else { throw LineAttributeReader.jsonError(line) }
                dataObject = value.object
            }
        }

        func string(_ attribute: LineAttribute) -> String? {
            guard let span = others.first(where: { $0.attribute == attribute })?.span else { return nil }
            if case .plain(let range, _) = span { return String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self) }
            return parsed[attribute]?.string
        }
        func required(_ attribute: LineAttribute) throws(LineDecodingError) -> String {
            guard let text = string(attribute) else { throw LineDecodingError(DamageText.attributeMissing(["name": attribute.name])) }
            return text
        }

        if canonical & LineAttribute.specversion.bit == 0 {
            guard try required(.specversion) == "1.0" else { throw LineDecodingError(DamageText.specversionNot1()) }
        }
        var key = idKey
        var eventID: EventID?
        if key == nil {
            guard let id = EventID(try required(.id)) else { throw LineDecodingError(DamageText.idNotUUID()) }
            eventID = id
            key = EventKey(id)
        }
        let source: String
        if let known = self.source { source = known } else { source = try required(.source) }
        var type = self.type
        if type == nil {
            let text = try required(.type)
            guard let known = EventType(rawValue: text) else { throw LineDecodingError(DamageText.unknownEventType(["type": text])) }
            type = known
        }
        var subject = self.subject
        if subject == nil {
            guard let unit = UnitID(try required(.subject)) else { throw LineDecodingError(DamageText.subjectNotUnit()) }
            subject = unit
        }
        var date = self.date
        if date == nil {
            let time = try required(.time)
            guard time.utf8.count == 25, time.hasSuffix("T00:00:00+07:00"),
                  let parsedDate = CalendarDate(isoText: String(time.prefix(10))) else {
                throw LineDecodingError(DamageText.timeNotMidnight())
            }
            date = parsedDate
        }
        if canonical & LineAttribute.datacontenttype.bit == 0 {
            guard try required(.datacontenttype) == "application/json" else {
                throw LineDecodingError(DamageText.contentTypeNotJSON())
            }
        }
        guard let seq = seq ?? parsed[.seq]?.integer, seq >= 1, seq <= JournalLineCodec.maxSeq else {
            throw LineDecodingError(DamageText.seqNotPositive(["max": String(JournalLineCodec.maxSeq)]))
        }
        var recorded = recordedTime
        if recorded == nil {
            guard let instant = Instant.parseRFC3339(try required(.recordedtime)) else {
                throw LineDecodingError(DamageText.recordedTimeNotRFC3339())
            }
            recorded = instant
        }
        let recordedBy: String
        if let known = self.recordedBy { recordedBy = known } else { recordedBy = try required(.recordedby) }
        var document = self.document
        if document == nil, has(.sourcedoc) {
            guard let text = string(.sourcedoc) else { throw LineDecodingError(DamageText.sourcedocNotString()) }
            document = text
        }
        var batch = self.batch
        if batch == nil, has(.batch) {
            guard let text = string(.batch), let mark = BatchMark(text) else { throw LineDecodingError(DamageText.batchNotMark()) }
            batch = mark
        }
        var origin: EventOrigin?
        let originsPresent = [LineAttribute.originsource, .originseq, .origintime].filter(has).count
        if originsPresent > 0 {
            guard originsPresent == 3 else {
                throw LineDecodingError(DamageText.originTogether())
            }
            guard let text = originSource ?? string(.originsource), !text.isEmpty else {
                throw LineDecodingError(DamageText.originSourceEmpty())
            }
            guard let number = originSeq ?? parsed[.originseq]?.integer, number >= 1, number <= JournalLineCodec.maxSeq else {
                throw LineDecodingError(DamageText.originSeqNotPositive(["max": String(JournalLineCodec.maxSeq)]))
            }
            guard let time = originTime ?? string(.origintime).flatMap(Instant.parseRFC3339) else {
                throw LineDecodingError(DamageText.originTimeNotRFC3339())
            }
            origin = EventOrigin(source: text, seq: number, recordedTime: time)
        }
        guard flow != nil || dataObject != nil else { throw LineDecodingError(DamageText.dataNotObject()) }
        if let (name, _) = unknown.first { throw LineDecodingError(DamageText.unknownAttribute(["name": name])) }

        if let flow {
            let line = FlowLine(seq: seq, id: key!, subject: subject!, effectiveDate: date!, recordedTime: recorded!,
                                recordedBy: recordedBy, sourceDocument: document, batch: batch, origin: origin, flow: flow)
            return DecodedLine(flow: line, source: source, storedHash: storedHash)
        }
        let payload: EventPayload
        do { payload = try EventPayload(type: type!, data: dataObject!) } catch { throw LineDecodingError(error.text) }
        // An id read in socai's form becomes an EventID from its bytes, not from the packed key.
        let id = eventID ?? EventID(canonical: String(decoding: UnsafeRawBufferPointer(rebasing: line[idStart..<(idStart + 36)]), as: UTF8.self))
        let envelope = EventEnvelope(seq: seq, id: id, subject: subject!, effectiveDate: date!, recordedTime: recorded!,
                                     recordedBy: recordedBy, sourceDocument: document, batch: batch, origin: origin, payload: payload)
        return DecodedLine(envelope: envelope, source: source, storedHash: storedHash)
    }
}
