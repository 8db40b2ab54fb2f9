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
    /// Nil when the period is "the conference's term up to its date" and the term's start is
    /// resolved later (it depends on congress dates).
    public var period: ClosedPeriod?
    public var term: TermLabel?
    public var end: CalendarDate
    public var value: FigureValue
    public var seq: Int64
}

/// The facts conferences and ratings state, indexed for questions: reports per unit and key,
/// targets per unit and term, congresses, ratings per unit and year.
public struct ReportIndex: Sendable {
    public private(set) var levels: [Int32: [String: [LevelReport]]] = [:]
    public private(set) var flows: [Int32: [String: [FlowReport]]] = [:]
    /// Non-retracted conference records in (date, seq) order.
    public private(set) var conferences: [LedgerRecord] = []
    /// Non-retracted rating records in (date, seq) order.
    public private(set) var ratings: [LedgerRecord] = []
    /// Every level key any report states, in catalogue order.
    public private(set) var levelKeys: [String] = []

    public init(_ ledger: Ledger, registry: UnitRegistry) {
        let ordered = ledger.records.filter { !$0.isRetracted }.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
        var keys = Set<String>()
        for record in ordered {
            switch record.payload {
            case .conference(let conference):
                conferences.append(record)
                guard let unit = registry.index[record.subject] else { continue }
                let asOf = conference.asOf ?? record.date
                for figure in conference.figures {
                    let nature = FigureCatalogue.definition(figure.key)?.nature ?? .level
                    if nature == .flow {
                        let end = figure.value.period?.to ?? asOf
                        flows[unit, default: [:]][figure.key, default: []].append(
                            FlowReport(unit: unit, key: figure.key, period: figure.value.period, term: conference.term,
                                       end: end, value: figure.value, seq: record.seq))
                    } else {
                        let date = figure.value.asOf ?? asOf
                        levels[unit, default: [:]][figure.key, default: []].append(
                            LevelReport(unit: unit, key: figure.key, date: date, value: figure.value, seq: record.seq))
                        keys.insert(figure.key)
                    }
                }
            case .rating:
                ratings.append(record)
            default:
                continue
            }
        }
        for (unit, byKey) in levels {
            for (key, reports) in byKey {
                levels[unit]![key] = reports.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
            }
        }
        levelKeys = FigureCatalogue.all.map(\.key).filter { keys.contains($0) } + keys.subtracting(FigureCatalogue.keys).sorted()
    }

    /// The latest report of `key` for `unit` at or before `date`.
    public func latestLevel(_ unit: Int32, _ key: String, atOrBefore date: CalendarDate) -> LevelReport? {
        guard let reports = levels[unit]?[key] else { return nil }
        var result: LevelReport?
        for report in reports where report.date <= date { result = report }
        return result
    }

    public func levelReports(_ unit: Int32, _ key: String) -> [LevelReport] { levels[unit]?[key] ?? [] }
    public func flowReports(_ unit: Int32, _ key: String) -> [FlowReport] { flows[unit]?[key] ?? [] }
}
