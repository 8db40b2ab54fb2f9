import SocaiCore

/// A history as `socai record` accepted it: the requests, in order, and the events they made.
///
/// It prints as the `socai record …` command lines that rebuild it and as an import file, so a
/// failing history can be reproduced by hand or through the binary.
public struct RecordedHistory {
    /// One accepted `record`: its subcommand, options as typed, and the event id it was given.
    public struct Line: Sendable, Hashable {
        public var type: String
        public var options: [RecordRequest.Option]
        public var eventID: EventID
    }

    public var seed: UInt64
    public var lines: [Line] = []
    public var events: [EventEnvelope] = []
    /// The last seq of each recording session: `--known-at` questions ask at these boundaries.
    public var sessionEnds: [Int64] = []
    /// The rules over the events so far (what validation asks), rebuilt after each record.
    public private(set) var rules = Rules(LedgerBuilder.fold([]))
    /// "Today" for validation: no effective date after it.
    public static let today = CalendarDate(year: 2026, month: 6, day: 30)!

    public init(seed: UInt64) { self.seed = seed }

    /// The recorded time of session `n` (0-based): from 08:00 in Vietnam on `today`, a minute apart.
    public static func sessionTime(_ n: Int) -> Instant {
        Instant(millisecondsSinceEpoch: Instant.startOfDayInVietnam(today).millisecondsSinceEpoch + (8 * 60 + Int64(n)) * 60_000)
    }

    /// When questions are asked: 23:00 in Vietnam on `today`, after every session.
    public static let askedAt = Instant(millisecondsSinceEpoch: Instant.startOfDayInVietnam(today).millisecondsSinceEpoch + 23 * 3_600_000)

    /// Records a request the way `socai record` does; false (and nothing recorded) when invalid.
    @discardableResult
    public mutating func record(_ type: String, _ options: [(String, String)], id: EventID) -> Bool {
        let request = RecordRequest(type: type, options: options.map { RecordRequest.Option($0.0, $0.1) })
        let context = RecordContext(today: Self.today, recordedBy: "tester", eventID: id)
        guard case .success(let built) = EventBuilder.build(request, rules: rules, context: context) else {
            return false
        }
        let envelope = built.event.envelope(seq: Int64(events.count + 1), recordedTime: Self.sessionTime(sessionEnds.count), batch: nil)
        events.append(envelope)
        rules = Rules(LedgerBuilder.fold(events))
        lines.append(Line(type: type, options: request.options, eventID: id))
        return true
    }

    /// Ends a recording session (the next events are recorded a minute later).
    public mutating func endSession() {
        if let last = events.last?.seq, sessionEnds.last != last { sessionEnds.append(last) }
    }

    /// The `socai record …` lines that rebuild the history (one session per `SOCAI_NOW`).
    public var commandLines: String {
        var out = "socai init\n"
        var session = 0
        out += "export SOCAI_NOW=\(Self.sessionTime(0).rfc3339)\n"
        for (index, line) in lines.enumerated() {
            var words = ["socai", "record", line.type]
            for option in line.options {
                words.append("--" + option.name)
                if !option.value.isEmpty { words.append(Self.quoted(option.value)) }
            }
            words += ["--event-id", line.eventID.rawValue]
            out += "# seq \(index + 1)\n" + words.joined(separator: " ") + "\n"
            if session < sessionEnds.count, Int64(index + 1) == sessionEnds[session], index + 1 < lines.count {
                session += 1
                out += "export SOCAI_NOW=\(Self.sessionTime(session).rfc3339)\n"
            }
        }
        return out
    }

    /// The import files, one per session, JSON Lines with the options as keys.
    public var importFiles: [String] {
        var files: [String] = []
        var current = ""
        var session = 0
        for (index, line) in lines.enumerated() {
            var o = JSONObject([("type", .string(line.type)), ("event-id", .string(line.eventID.rawValue))])
            var repeated: [String: [JSONValue]] = [:]
            var order: [String] = []
            for option in line.options {
                if repeated[option.name] == nil { order.append(option.name) }
                repeated[option.name, default: []].append(option.value.isEmpty ? .bool(true) : .string(option.value))
            }
            for name in order {
                let values = repeated[name]!
                o[name] = values.count == 1 && !Self.repeatable.contains(name) ? values[0] : .array(values)
            }
            current += JSONWriter.string(.object(o)) + "\n"
            if session < sessionEnds.count, Int64(index + 1) == sessionEnds[session] {
                files.append(current)
                current = ""
                session += 1
            }
        }
        if !current.isEmpty { files.append(current) }
        return files
    }

    static let repeatable: Set<String> = ["figure", "target", "printed", "set", "decision"]

    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.,=@:/%".contains($0)) }
        if plain { return text }
        return "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
