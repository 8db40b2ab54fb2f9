import SocaiCore

/// What an engine under test answers, or that it cannot answer the question at all (a query
/// it does not have yet, such as `--boundaries`): kept apart so "unsupported" is its own class.
public enum Observed<Value> {
    case answered(Value)
    case unsupported
}

/// A level as an engine shows it.
public struct ObservedLevel: Sendable, Hashable, CustomStringConvertible {
    public var value: Int
    public var qualifier: Qualifier
    public var provenance: String

    public init(value: Int, qualifier: Qualifier, provenance: String) {
        self.value = value
        self.qualifier = qualifier
        self.provenance = provenance
    }

    public var description: String { qualifier.symbol + String(value) + " (\(provenance))" }
}

/// A term as an engine shows it: the fields the differential test compares.
public struct ObservedTerm: Sendable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var figuresAtStart: [String: Int]
    public var figuresAtEnd: [String: Int]
    public var flows: [String: Int]
    /// key → (target, actual, percent), the target being the term's (lower bound of a range).
    public var targets: [String: (target: Ratio?, actual: Int?, percent: FixedDecimal?)]
    /// key → year → actual, nil when the engine has no per-year rows.
    public var years: [String: [Int: Int?]]?
    /// "year/subject" → the seq of the rating shown; nil when the engine does not say.
    public var ratings: [String: Int64]?

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
        figuresAtStart = [:]
        figuresAtEnd = [:]
        flows = [:]
        targets = [:]
        years = nil
        ratings = [:]
    }
}

/// One running value of an audit: the value after the last row of a day.
public struct ObservedAuditDay: Sendable, Hashable {
    public var date: CalendarDate
    public var value: Int?

    public init(date: CalendarDate, value: Int?) {
        self.date = date
        self.value = value
    }
}

/// The queries the differential test asks of an engine: the projection under test.
///
/// The reference fold answers the same questions; `DifferentialComparator` asks both.
public protocol ProjectionUnderTest {
    /// A short name for reports ("Rules", "socai binary").
    var name: String { get }
    func level(_ unit: UnitID, _ key: String, _ date: CalendarDate) -> Observed<ObservedLevel?>
    func flowTotal(_ unit: UnitID, _ key: String, _ period: ClosedPeriod) -> Observed<Int?>
    func term(_ unit: UnitID, _ term: TermLabel, today: CalendarDate) -> Observed<ObservedTerm?>
    /// The running values of `audit --figure key --from from --to to`, one per day with rows.
    func audit(_ unit: UnitID, _ key: String, from: CalendarDate, to: CalendarDate) -> Observed<[ObservedAuditDay]>
    func restated(_ unit: UnitID, _ key: String, _ date: CalendarDate, boundaries: CalendarDate) -> Observed<ObservedLevel?>
    /// The findings of `check` of the given kinds, as (kind, unit, figure).
    func findings(kinds: [String]) -> Observed<[ReferenceFold.CheckFinding]>
}
