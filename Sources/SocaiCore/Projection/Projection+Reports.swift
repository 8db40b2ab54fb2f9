/// A level figure a document stated for a unit at a date.
public struct LevelReport: Sendable, Hashable {
    public var unit: Int32
    public var key: String
    public var date: CalendarDate
    public var value: FigureValue
    /// The conference event that stated it.
    public var seq: Int64
}

/// A flow total a document stated for a unit over a period ("469 admitted since the start of the term").
public struct FlowReport: Sendable, Hashable {
    public var unit: Int32
    public var key: String
    /// Nil when the period is "the conference's term up to its date": its start depends on
    /// congress dates and is resolved per question (`Terms.period(of:)`).
    public var period: ClosedPeriod?
    public var term: TermLabel?
    public var end: CalendarDate
    public var value: FigureValue
    public var seq: Int64
}

/// A conference as terms and targets need it.
public struct ConferenceFact: Sendable, Hashable {
    public var unit: Int32
    public var date: CalendarDate
    /// The date its figures describe (`--as-of`, else its date).
    public var asOf: CalendarDate
    public var kind: ConferenceKind
    public var term: TermLabel?
    public var seq: Int64
    /// Its row in the record table.
    public var record: RecordRef
}

/// A rating as terms and checks need it.
public struct RatingFact: Sendable, Hashable {
    public var unit: Int32
    public var year: Int
    public var subject: RatingSubject
    public var date: CalendarDate
    public var seq: Int64
    public var record: RecordRef
}

extension TermLabel {
    /// From an image's packed `first << 16 | second`, or nil.
    init?(packed: UInt32) {
        guard packed != 0 else { return nil }
        self.init(firstYear: Int(packed >> 16), secondYear: Int(packed & 0xFFFF))
    }
}

extension Projection {
    /// Unit `u`'s reports of level `key` in force, in (date, seq) order.
    public func levelReports(_ u: Int32, _ key: String, _ knowledge: Knowledge) -> [LevelReport] {
        let code = FigureCode(key).rawValue
        var result: [LevelReport] = []
        for (p, part) in parts.enumerated() {
            let t = part.levels
            let rows = t.groups.rows(Int(u))
            guard !rows.isEmpty else { continue }
            let a = t.key.lowerBound(of: code, in: rows), b = t.key.upperBound(of: code, in: rows)
            for i in a..<b where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.levels, i)) {
                result.append(LevelReport(unit: u, key: key, date: CalendarDate(dayNumber: Int(t.day[i])), value: t.value(i), seq: t.seq[i]))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }

    /// The latest report of `key` for `u` on or before day `day` (ties: the highest seq).
    public func latestLevel(_ u: Int32, _ key: String, atOrBefore day: Int, _ knowledge: Knowledge) -> LevelReport? {
        let code = FigureCode(key).rawValue
        var best: LevelReport?
        for (p, part) in parts.enumerated() {
            let t = part.levels
            let rows = t.groups.rows(Int(u))
            guard !rows.isEmpty else { continue }
            let a = t.key.lowerBound(of: code, in: rows), b = t.key.upperBound(of: code, in: rows)
            guard a < b else { continue }
            // Rows of the key are in (day, seq) order: walk back from the last one on or before `day`.
            var i = t.day.upperBound(of: Int32(clamping: day), in: a..<b) - 1
            while i >= a {
                if knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.levels, i)) {
                    let candidate = LevelReport(unit: u, key: key, date: CalendarDate(dayNumber: Int(t.day[i])), value: t.value(i), seq: t.seq[i])
                    if best == nil || (candidate.date, candidate.seq) > (best!.date, best!.seq) { best = candidate }
                    break
                }
                i -= 1
            }
        }
        return best
    }

    /// Every level key stated in force anywhere, in catalogue order.
    public func reportedLevelKeys(_ knowledge: Knowledge) -> [String] {
        var codes = Set<UInt16>()
        for (p, part) in parts.enumerated() {
            let t = part.levels
            for i in 0..<t.key.count where !codes.contains(t.key[i]) && knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.levels, i)) {
                codes.insert(t.key[i])
            }
        }
        return codes.sorted().map { FigureCode(rawValue: $0).key }.filter { $0 != "?" }
    }

    /// Unit `u`'s stated totals of flow `key` in force.
    public func flowReports(_ u: Int32, _ key: String, _ knowledge: Knowledge) -> [FlowReport] {
        let code = FigureCode(key).rawValue
        var result: [FlowReport] = []
        for (p, part) in parts.enumerated() {
            let t = part.flowReports
            let rows = t.groups.rows(Int(u))
            guard !rows.isEmpty else { continue }
            let a = t.key.lowerBound(of: code, in: rows), b = t.key.upperBound(of: code, in: rows)
            for i in a..<b where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.flowReports, i)) {
                let endDay = CalendarDate(dayNumber: Int(t.to[i]))
                let period = t.from[i] == Int32.min ? nil : ClosedPeriod(from: CalendarDate(dayNumber: Int(t.from[i])), to: endDay)
                result.append(FlowReport(unit: u, key: key, period: period, term: TermLabel(packed: t.term[i]), end: endDay,
                                         value: t.value(i), seq: t.seq[i]))
            }
        }
        if parts.count > 1 { result.sort { ($0.end, $0.seq) < ($1.end, $1.seq) } }
        return result
    }

    /// The level keys unit `u` reports (as known).
    public func levelReportKeys(_ u: Int32, _ knowledge: Knowledge) -> [String] {
        var codes = Set<UInt16>()
        for (p, part) in parts.enumerated() {
            let t = part.levels
            for i in t.groups.rows(Int(u)) where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.levels, i)) { codes.insert(t.key[i]) }
        }
        return codes.sorted().map { FigureCode(rawValue: $0).key }.filter { $0 != "?" }
    }

    /// The flow keys `u` states totals of (as known).
    public func flowReportKeys(_ u: Int32, _ knowledge: Knowledge) -> [String] {
        var codes = Set<UInt16>()
        for (p, part) in parts.enumerated() {
            let t = part.flowReports
            for i in t.groups.rows(Int(u)) where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.flowReports, i)) { codes.insert(t.key[i]) }
        }
        return codes.sorted().map { FigureCode(rawValue: $0).key }.filter { $0 != "?" }
    }

    /// Whether any unit states totals of flow `key`.
    public func anyFlowReports(_ key: String) -> Bool {
        let code = FigureCode(key).rawValue
        return parts.contains { $0.flowReports.key.contains(code) }
    }

    /// Unit `u`'s conferences in force, in (date, seq) order.
    public func conferences(_ u: Int32, _ knowledge: Knowledge) -> [ConferenceFact] {
        var result: [ConferenceFact] = []
        for (p, part) in parts.enumerated() {
            let t = part.conferences
            for i in t.groups.rows(Int(u)) where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.conferences, i)) {
                let k = Int(t.kind[i])
                result.append(ConferenceFact(unit: u, date: CalendarDate(dayNumber: Int(t.day[i])), asOf: CalendarDate(dayNumber: Int(t.asOf[i])),
                                             kind: k < ConferenceKind.allCases.count ? ConferenceKind.allCases[k] : .other,
                                             term: TermLabel(packed: t.term[i]), seq: t.seq[i], record: RecordRef(part: p, row: Int(t.record[i]))))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }

    /// Unit `u`'s ratings in force, in (date, seq) order.
    public func ratings(_ u: Int32, _ knowledge: Knowledge) -> [RatingFact] {
        var result: [RatingFact] = []
        for (p, part) in parts.enumerated() {
            let t = part.ratings
            for i in t.groups.rows(Int(u)) where knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.ratings, i)) {
                let s = Int(t.subject[i])
                guard s < RatingSubject.allCases.count else { continue }
                result.append(RatingFact(unit: u, year: Int(t.year[i]), subject: RatingSubject.allCases[s],
                                         date: CalendarDate(dayNumber: Int(t.day[i])), seq: t.seq[i], record: RecordRef(part: p, row: Int(t.record[i]))))
            }
        }
        if parts.count > 1 { result.sort { ($0.date, $0.seq) < ($1.date, $1.seq) } }
        return result
    }
}

extension Projection {
    /// The first congress of unit `u` for `term` (kind congress), by (date, seq).
    public func congress(_ u: Int32, term: TermLabel, _ knowledge: Knowledge) -> (date: CalendarDate, seq: Int64)? {
        congresses(u, term: term, knowledge).first
    }

    /// Every congress of unit `u` for `term`, in (date, seq) order (a second one, a congress held
    /// again, is rare but recorded).
    public func congresses(_ u: Int32, term: TermLabel, _ knowledge: Knowledge) -> [(date: CalendarDate, seq: Int64)] {
        let packed = UInt32(term.firstYear) << 16 | UInt32(term.secondYear)
        let congress = UInt8(ConferenceKind.allCases.firstIndex(of: .congress)!)
        var result: [(date: CalendarDate, seq: Int64)] = []
        for (p, part) in parts.enumerated() {
            let t = part.conferences
            for i in t.groups.rows(Int(u)) where t.term[i] == packed && t.kind[i] == congress
                && knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.conferences, i)) {
                result.append((CalendarDate(dayNumber: Int(t.day[i])), t.seq[i]))
            }
        }
        return result.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    }

    /// The latest date (`--as-of`, else its own) of a conference of unit `u` labelled `term`.
    public func latestLabelled(_ u: Int32, term: TermLabel, _ knowledge: Knowledge) -> CalendarDate? {
        let packed = UInt32(term.firstYear) << 16 | UInt32(term.secondYear)
        var latest: Int32?
        for (p, part) in parts.enumerated() {
            let t = part.conferences
            for i in t.groups.rows(Int(u)) where t.term[i] == packed && knowledge.holds(t.validFrom[i], end(p, t.validTo[i], \.conferences, i)) {
                latest = max(latest ?? t.asOf[i], t.asOf[i])
            }
        }
        return latest.map { CalendarDate(dayNumber: Int($0)) }
    }
}
