import SocaiCore

/// The built `socai` binary as the projection under test: the history imported into a scratch
/// journal (one `socai import` per recording session, each at its own `SOCAI_NOW`), optionally
/// `socai snapshot` taken, then `replay`, `term`, `audit` and `check` asked with `--json`
/// (and `--known-at` the end of a session when asked as known then).
public final class BinaryProjection: ProjectionUnderTest {
    public let directory = TemporaryDirectory("socai-differential")
    public let knownAt: Instant?
    public let snapshot: Bool
    /// Whether every import was accepted (a refused import makes every answer meaningless).
    public private(set) var imported = true
    public private(set) var failures: [String] = []
    private var replays: [CalendarDate: [String: JSONValue]] = [:]
    /// The time questions are asked at: after every session, on `RecordedHistory.today`.
    static let askedAt = RecordedHistory.askedAt.rfc3339

    public var name: String { "socai binary" + (snapshot ? " (snapshot)" : "") + (knownAt.map { " --known-at \($0.rfc3339)" } ?? "") }

    public init(_ history: RecordedHistory, knownAtSeq: Int64? = nil, snapshot: Bool) {
        self.snapshot = snapshot
        if let n = knownAtSeq, let i = history.sessionEnds.firstIndex(of: n) {
            knownAt = RecordedHistory.sessionTime(i)
        } else {
            knownAt = nil
        }
        run(["init"], now: RecordedHistory.sessionTime(0).rfc3339)
        for (i, file) in history.importFiles.enumerated() {
            directory.write("session-\(i).jsonl", file)
            let result = run(["import", "session-\(i).jsonl", "-q"], now: RecordedHistory.sessionTime(i).rfc3339)
            if result.status != 0 {
                imported = false
                failures.append("import of session \(i): \(result)")
            }
        }
        if snapshot { run(["snapshot", "-q"], now: Self.askedAt) }
    }

    @discardableResult
    func run(_ arguments: [String], now: String = BinaryProjection.askedAt) -> SocaiResult {
        var arguments = arguments
        if let knownAt, !["init", "import", "snapshot"].contains(arguments[0]) { arguments += ["--known-at", knownAt.rfc3339] }
        if !snapshot && !["init", "import", "snapshot"].contains(arguments[0]) { arguments.append("--no-snapshot") }
        return SocaiProcess.run(arguments, in: directory.path, now: now)
    }

    func json(_ arguments: [String]) -> JSONValue? {
        let result = run(arguments + ["--json", "-q"])
        guard result.status == 0 || result.status == 1, let value = try? JSONParser.parse(result.stdout) else {
            failures.append("\(arguments.joined(separator: " ")): \(result)")
            return nil
        }
        return value
    }

    func units(at date: CalendarDate) -> [String: JSONValue] {
        if let cached = replays[date] { return cached }
        var out: [String: JSONValue] = [:]
        for unit in json(["replay", "--to", date.iso])?.object?["units"]?.array ?? [] {
            if let id = unit.object?["id"]?.string { out[id] = unit }
        }
        replays[date] = out
        return out
    }

    static func int(_ value: JSONValue?) -> Int? {
        guard let value else { return nil }
        if let n = value.integer { return Int(n) }
        return value.commandLineText.flatMap { Int($0) }
    }

    public func level(_ unit: UnitID, _ key: String, _ date: CalendarDate) -> Observed<ObservedLevel?> {
        let state = units(at: date)[unit.rawValue]?.object
        guard let n = Self.int(state?["figures"]?.object?[key]) else { return .answered(nil) }
        let qualifier = state?["qualifiers"]?.object?[key]?.string.flatMap { text in
            Qualifier.allCases.first { $0.rawValue == text || (text == "at-least" && $0 == .atLeast) || (text == "at-most" && $0 == .atMost) }
        } ?? .exact
        let provenance = state?["provenance"]?.object?[key]?.string ?? ""
        return .answered(ObservedLevel(value: n, qualifier: qualifier, provenance: provenance))
    }

    /// The command line has no flow total over an arbitrary period: asked through `term` only.
    public func flowTotal(_ unit: UnitID, _ key: String, _ period: ClosedPeriod) -> Observed<Int?> { .unsupported }

    public func term(_ unit: UnitID, _ term: TermLabel, today: CalendarDate) -> Observed<ObservedTerm?> {
        guard let o = json(["term", "--unit", unit.rawValue, "--term", term.description])?.object,
              let from = o["from"]?.string.flatMap(CalendarDate.init(isoText:)),
              let to = o["to"]?.string.flatMap(CalendarDate.init(isoText:)), o["noDays"] == nil else { return .answered(nil) }
        var out = ObservedTerm(from: from, to: to)
        for (key, figure) in o["figures"]?.object ?? JSONObject() {
            if let n = Self.int(figure.object?["start"]) { out.figuresAtStart[key] = n }
            if let n = Self.int(figure.object?["end"]) { out.figuresAtEnd[key] = n }
        }
        for (key, value) in o["flows"]?.object ?? JSONObject() { if let n = Self.int(value) { out.flows[key] = n } }
        for (key, value) in o["targets"]?.object ?? JSONObject() {
            let t = value.object
            let percent = t?["percent"].flatMap { $0.commandLineText }.flatMap(FixedDecimal.parse)
            out.targets[key] = (nil, Self.int(t?["actual"]), percent)
        }
        out.ratings = nil
        return .answered(out)
    }

    public func audit(_ unit: UnitID, _ key: String, from: CalendarDate, to: CalendarDate) -> Observed<[ObservedAuditDay]> {
        let entries = json(["audit", "--unit", unit.rawValue, "--figure", key, "--from", from.iso, "--to", to.iso])?
            .object?["entries"]?.array ?? []
        var days: [ObservedAuditDay] = []
        for entry in entries {
            guard let date = entry.object?["date"]?.string.flatMap(CalendarDate.init(isoText:)) else { continue }
            let value = Self.int(entry.object?["value"])
            if let last = days.last, last.date == date { days[days.count - 1].value = value } else {
                days.append(ObservedAuditDay(date: date, value: value))
            }
        }
        return .answered(days)
    }

    public func restated(_ unit: UnitID, _ key: String, _ date: CalendarDate, boundaries: CalendarDate) -> Observed<ObservedLevel?> {
        .unsupported
    }

    public func findings(kinds: [String]) -> Observed<[ReferenceFold.CheckFinding]> {
        let findings = json(["check"])?.object?["findings"]?.array ?? []
        return .answered(findings.compactMap { f in
            let o = f.object
            guard let kind = o?["kind"]?.string, kinds.contains(kind), let unit = o?["unit"]?.string.flatMap(UnitID.init),
                  let date = o?["date"]?.string.flatMap(CalendarDate.init(isoText:)) else { return nil }
            let severity = o?["severity"]?.string.flatMap(Severity.init(rawValue:)) ?? .warning
            return ReferenceFold.CheckFinding(kind: kind, unit: unit, figure: o?["figure"]?.string ?? "", date: date, severity: severity)
        })
    }
}
