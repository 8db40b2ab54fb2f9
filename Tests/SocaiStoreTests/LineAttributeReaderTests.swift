import Testing
import SocaiCore
import SocaiStore
import SocaiTestSupport

/// `JournalLineCodec.decode` (the one reader of a line's attributes, read in place) against a
/// reference built the plain way: `JSONParser` makes a tree of the whole line, and the attributes
/// are taken from it one by one. On every line socai writes, on the same events written another
/// way (members reordered, whitespace, escapes, uppercase ids), and on damaged lines, the two
/// must give the same event, or refuse with the same reason.
@Suite("Line attribute reader")
struct LineAttributeReaderTests {
    static let source = "urn:socai:journal:" + JournalFixtures.journalID

    /// Lines of a random history: every event type, batches, source documents with quotes,
    /// backslashes, control characters and non-ASCII text.
    static let lines: [[UInt8]] = {
        var history = RandomJournal.build(seed: 77, events: 160).events
        let odd = ["Báo \"Nhân Dân\", số 1/2024", "tab\there\\back", "🇻🇳 Sơn La", "\u{7F}\u{1B}[2J", String(repeating: "ư", count: 300)]
        for index in history.indices where index % 5 == 0 { history[index].sourceDocument = odd[index % odd.count] }
        for index in stride(from: 3, to: history.count - 3, by: 17) {
            for k in 0..<3 { history[index + k].batch = BatchMark(index: k + 1, count: 3) }
        }
        // Events taken from another journal carry where they were first recorded.
        for index in history.indices where index % 7 == 2 {
            history[index].origin = EventOrigin(source: "urn:socai:journal:huyen-\(index % 3)", seq: Int64(index * 3 + 1),
                                                recordedTime: history[index].recordedTime)
        }
        var hash = JournalLineCodec.genesisHash(journalID: JournalFixtures.journalID)
        return history.map { event in
            let (line, next) = JournalLineCodec.encode(event, source: source, previousHash: hash)
            hash = next
            return Array(line.dropLast())
        }
    }()

    @Test("Every line socai writes reads as the reference reads it")
    func writtenLines() throws {
        for line in Self.lines {
            let (ours, reference) = (Self.decode(line), Self.reference(line))
            #expect(ours == reference)
            if case .failure(let reason) = ours { Issue.record("refused: \(reason)") }
        }
    }

    @Test("The same events written another way: reordered, spaced, escaped, uppercase ids")
    func otherSpellings() throws {
        var rng = SeededGenerator(seed: 5)
        for (index, line) in Self.lines.enumerated() {
            for variant in 0..<4 {
                let rewritten = Self.respell(line, variant: variant, &rng)
                let (ours, reference) = (Self.decode(rewritten), Self.reference(rewritten))
                #expect(ours == reference, "line \(index), variant \(variant): \(String(decoding: rewritten, as: UTF8.self))")
                #expect(ours == Self.decode(line), "line \(index), variant \(variant) reads differently from the line socai wrote")
            }
        }
    }

    @Test("Damaged lines: the same event or the same reason as the reference")
    func damagedLines() {
        var rng = SeededGenerator(seed: 11)
        let fragments = [#"""#, #"\"#, "{", "}", "[", "]", ",", ":", #","seq":1"#, #","x":{"a":1,"a":2}"#, "\u{0}", "\u{1F}",
                         "\u{FF}", "\u{C0}\u{80}", "-0", "1e3", "99999999999999999999", #"\u0000"#, #"\ud800"#, " ", "null",
                         #""specversion":"1.0","#, #","data":{}"#, "é", #"\""#]
        var refusals = 0
        for round in 0..<6000 {
            var line = Self.lines[rng.int(0...(Self.lines.count - 1))]
            let hashTail = 66  // mutate the attributes, keep the hash tail that splitHash requires
            for _ in 0..<rng.int(1...3) where line.count > hashTail + 2 {
                let at = rng.int(0...(line.count - hashTail - 1))
                switch rng.int(0...4) {
                case 0: line[at] ^= UInt8(1) << UInt8(rng.int(0...7))
                case 1: line.remove(at: at)
                case 2: line.removeSubrange(at..<min(line.count - hashTail, at + rng.int(1...20)))
                case 3: line.insert(contentsOf: Array(fragments[rng.int(0...(fragments.count - 1))].utf8), at: at)
                default: line[at] = [0x22, 0x5C, 0x7B, 0x7D, 0x2C, 0x3A, 0x30, 0x20, 0x80][rng.int(0...8)]
                }
            }
            let (ours, reference) = (Self.decode(line), Self.reference(line))
            #expect(ours == reference, "round \(round): \(String(decoding: line, as: UTF8.self).debugDescription)")
            if case .failure = ours { refusals += 1 }
        }
        #expect(refusals > 3000, "the mutations should mostly damage lines (\(refusals) refused)")
    }

    @Test("Reading is linear in a line's length: a 5 MB source document")
    func longLine() throws {
        var event = JournalFixtures.admission(1).envelope(seq: 1, recordedTime: JournalFixtures.now, batch: nil)
        event.sourceDocument = String(repeating: "Nghị quyết \"số\" 12\\ ", count: 1 << 18)
        let line = Array(JournalLineCodec.encode(event, source: Self.source,
                                                 previousHash: JournalLineCodec.genesisHash(journalID: "x")).line.dropLast())
        #expect(line.count > 5_000_000)
        let decoded = try line.withUnsafeBytes { try JournalLineCodec.decode($0) }
        #expect(decoded.envelope.sourceDocument == event.sourceDocument)
    }

    // MARK: Helpers

    enum Outcome: Equatable {
        case event(EventEnvelope, source: String)
        case failure(String)
    }

    static func decode(_ line: [UInt8]) -> Outcome {
        line.withUnsafeBytes { buffer in
            switch Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(buffer) }) {
            case .success(let decoded): .event(decoded.envelope, source: decoded.source)
            case .failure(let error): .failure(error.reason.en)
            }
        }
    }

    /// The reference: a JSON tree of the whole line, then each attribute from the tree.
    static func reference(_ line: [UInt8]) -> Outcome {
        guard line.withUnsafeBytes({ JournalLineCodec.splitHash($0) }) != nil else {
            return .failure("the line does not end with its chain hash (bytes changed, cut or inserted)")
        }
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { return .failure("not valid JSON: \(error)") }
        guard let o = value.object else { return .failure("not a JSON object") }
        func string(_ key: String) -> String? { o[key]?.string }
        func missing(_ key: String) -> Outcome { .failure("attribute '\(key)' is missing or not a string") }
        guard let version = string("specversion") else { return missing("specversion") }
        guard version == "1.0" else { return .failure("specversion is not 1.0") }
        guard let idText = string("id") else { return missing("id") }
        guard let id = EventID(idText) else { return .failure("id is not a UUID") }
        guard let source = string("source") else { return missing("source") }
        guard let typeText = string("type") else { return missing("type") }
        guard let type = EventType(rawValue: typeText) else { return .failure("unknown event type '\(typeText)'") }
        guard let subjectText = string("subject") else { return missing("subject") }
        guard let subject = UnitID(subjectText) else { return .failure("subject is not a unit id") }
        guard let time = string("time") else { return missing("time") }
        guard time.utf8.count == 25, time.hasSuffix("T00:00:00+07:00"), let date = CalendarDate(isoText: String(time.prefix(10))) else {
            return .failure("time is not a date at 00:00 Vietnam time")
        }
        guard let contentType = string("datacontenttype") else { return missing("datacontenttype") }
        guard contentType == "application/json" else { return .failure("datacontenttype is not application/json") }
        guard let seq = o["seq"]?.integer, seq >= 1, seq <= (1 << 53) - 1 else {
            return .failure("seq is missing or not a positive integer up to \((1 << 53) - 1)")
        }
        guard let recordedText = string("recordedtime") else { return missing("recordedtime") }
        guard let recorded = Instant.parseRFC3339(recordedText) else { return .failure("recordedtime is not an RFC 3339 time") }
        guard let recordedBy = string("recordedby") else { return missing("recordedby") }
        if o["sourcedoc"] != nil && string("sourcedoc") == nil { return .failure("sourcedoc is not a string") }
        var batch: BatchMark?
        if let mark = o["batch"] {
            guard let text = mark.string, let parsed = BatchMark(text) else { return .failure("batch is not i/n") }
            batch = parsed
        }
        var origin: EventOrigin?
        let origins = ["originsource", "originseq", "origintime"].filter { o[$0] != nil }.count
        if origins > 0 {
            guard origins == 3 else { return .failure("originsource, originseq and origintime must be given together") }
            guard let source = string("originsource"), !source.isEmpty else { return .failure("originsource is not a non-empty string") }
            guard let seq = o["originseq"]?.integer, seq >= 1, seq <= (1 << 53) - 1 else {
                return .failure("originseq is not a positive integer up to \((1 << 53) - 1)")
            }
            guard let time = string("origintime").flatMap(Instant.parseRFC3339) else { return .failure("origintime is not an RFC 3339 time") }
            origin = EventOrigin(source: source, seq: seq, recordedTime: time)
        }
        guard let data = o["data"]?.object else { return .failure("data is missing or not an object") }
        let known: Set<String> = ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "seq",
                                  "recordedtime", "recordedby", "sourcedoc", "batch", "originsource", "originseq", "origintime",
                                  "data", "chainhash"]
        for key in o.keys where !known.contains(key) { return .failure("unknown attribute '\(key)'") }
        let payload: EventPayload
        do { payload = try EventPayload(type: type, data: data) } catch { return .failure("\(error)") }
        return .event(EventEnvelope(seq: seq, id: id, subject: subject, effectiveDate: date, recordedTime: recorded, recordedBy: recordedBy,
                                    sourceDocument: string("sourcedoc"), batch: batch, origin: origin, payload: payload), source: source)
    }

    /// The line's members (the hash tail kept last), written another way that means the same.
    static func respell(_ line: [UInt8], variant: Int, _ rng: inout SeededGenerator) -> [UInt8] {
        let tailStart = line.count - 66  // `,"chainhash":"…"}`
        guard let object = try? JSONParser.parse(Array(line[..<tailStart]) + [0x7D]).object else { return line }
        var members = object.keys.map { ($0, object[$0]!) }
        var out: [UInt8] = [0x7B]
        if variant == 0 { members.reverse() }
        if variant == 1 { members.shuffle(using: &rng) }
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += Array((variant == 2 ? " , " : ",").utf8) }
            var keyText = JSONWriter.encode(.string(key))
            var valueText = JSONWriter.encode(value)
            if variant == 3 {
                // The first letter of each name and string value as a \u escape, ids in uppercase.
                keyText = Self.escapeFirst(keyText)
                if key == "id", case .string(let text) = value { valueText = JSONWriter.encode(.string(text.uppercased())) }
                if case .string = value, key != "chainhash" { valueText = Self.escapeFirst(valueText) }
            }
            out += keyText + Array((variant == 2 ? " :\t" : ":").utf8) + valueText
        }
        return (variant == 2 ? [0x20, 0x0A] : []) + out + Array(line[tailStart...])
    }

    static func escapeFirst(_ token: [UInt8]) -> [UInt8] {
        guard token.count > 2, token[1] < 0x80, token[1] != 0x5C else { return token }
        let hex = Array("0123456789abcdef".utf8)
        let b = token[1]
        return [0x22] + Array(#"\u00"#.utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]] + token[2...]
    }
}
