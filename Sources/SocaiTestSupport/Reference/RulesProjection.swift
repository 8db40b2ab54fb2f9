import SocaiCore

/// socai's engine through its public query API (`Rules` over a `Projection`): the projection
/// under test. Known-at questions go through socai's own knowledge filter (`Knowledge(seq:)`).
public final class RulesProjection: ProjectionUnderTest {
    public let rules: Rules
    /// Whether the projection was read back from its image (written, then opened and validated).
    public let fromImage: Bool
    public var name: String { fromImage ? "Rules (projection image)" : "Rules" }

    /// The rules over `events`, as known at `knownAtSeq` (everything without it); with
    /// `throughImage`, the projection is written as an image and opened from it first.
    public init(_ events: [EventEnvelope], knownAtSeq: Int64? = nil, throughImage: Bool = false) {
        var builder = ProjectionBuilder()
        for event in events { builder.apply(event) }
        var projection = Projection(builder)
        var read = false
        if throughImage {
            var again = ProjectionBuilder()
            for event in events { again.apply(event) }
            let image = again.image(journalID: "differential", chainHash: String(repeating: "0", count: 64))
            if let opened = try? Projection(image: image, validate: true) {
                projection = opened
                read = true
            }
        }
        rules = Rules(projection, knowledge: knownAtSeq.map { Knowledge(seq: $0) } ?? .latest)
        fromImage = read
    }

    func index(_ unit: UnitID) -> Int32? { rules.registry.index(of: unit) }

    static func observed(_ v: LevelValue?) -> ObservedLevel? {
        guard let v, let n = v.count else { return nil }
        return ObservedLevel(value: n, qualifier: v.qualifier, provenance: v.provenance.rawValue)
    }

    public func level(_ unit: UnitID, _ key: String, _ date: CalendarDate) -> Observed<ObservedLevel?> {
        guard let i = index(unit) else { return .answered(nil) }
        return .answered(Self.observed(rules.levels.value(i, key, at: date)))
    }

    public func flowTotal(_ unit: UnitID, _ key: String, _ period: ClosedPeriod) -> Observed<Int?> {
        guard let i = index(unit) else { return .answered(nil) }
        return .answered(rules.flows.total(i, key, over: period)?.value)
    }

    public func term(_ unit: UnitID, _ term: TermLabel, today: CalendarDate) -> Observed<ObservedTerm?> {
        guard let i = index(unit) else { return .answered(nil) }
        let report = rules.term(i, term, today: today)
        // A term the unit has no day of is no term: the reference answers nil for it too.
        if report.noDays != nil { return .answered(nil) }
        var out = ObservedTerm(from: report.from, to: report.to)
        for figure in report.figures {
            if let n = figure.start?.count { out.figuresAtStart[figure.key] = n }
            if let n = figure.end?.count { out.figuresAtEnd[figure.key] = n }
        }
        for (key, total) in report.flows { out.flows[key] = total.value }
        var years: [String: [Int: Int?]] = [:]
        for t in report.targets {
            out.targets[t.key] = (t.effectiveAmount?.ratio, t.actual, t.percent)
            if !t.perYear.isEmpty {
                var rows: [Int: Int?] = [:]
                for row in t.perYear { rows[row.year] = row.actual }
                years[t.key] = rows
            }
        }
        out.years = years
        var ratings: [String: Int64] = [:]
        for r in report.ratings { ratings["\(r.year)/\(r.subject.rawValue)"] = r.seq }
        out.ratings = ratings
        return .answered(out)
    }

    public func audit(_ unit: UnitID, _ key: String, from: CalendarDate, to: CalendarDate) -> Observed<[ObservedAuditDay]> {
        guard let i = index(unit) else { return .answered([]) }
        let report = rules.audit(i, key, from: from, to: to, knownAt: nil)
        var days: [ObservedAuditDay] = []
        for entry in report.entries where !entry.retracted {
            if let last = days.last, last.date == entry.date {
                days[days.count - 1].value = entry.value
            } else {
                days.append(ObservedAuditDay(date: entry.date, value: entry.value))
            }
        }
        return .answered(days)
    }

    public func restated(_ unit: UnitID, _ key: String, _ date: CalendarDate, boundaries: CalendarDate) -> Observed<ObservedLevel?> {
        guard let i = index(unit) else { return .answered(nil) }
        return .answered(Self.observed(rules.restated(key, at: date, boundaries: boundaries)[i]))
    }

    public func findings(kinds: [String]) -> Observed<[ReferenceFold.CheckFinding]> {
        let report = rules.check()
        return .answered(report.findings.filter { kinds.contains($0.kind) }.map {
            ReferenceFold.CheckFinding(kind: $0.kind, unit: $0.unit, figure: $0.figure, date: $0.date, severity: $0.severity)
        })
    }
}
