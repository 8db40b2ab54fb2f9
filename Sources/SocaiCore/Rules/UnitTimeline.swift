/// One unit's history as the journal knew it: when it existed, its names, kinds, settings and
/// parents over time, and how it ended. Built from the unit's facts in force (`Registry`).
///
/// A class, immutable once built: the rules ask the registry for a unit's timeline many times a
/// question (a replay of 83k units, millions of times), and a reference is handed out where a
/// struct of six arrays was copied, retaining each array, at every ask.
public final class UnitTimeline: @unchecked Sendable {
    /// A value taking effect on a day (ties broken by seq).
    public struct Change<Value: Sendable>: Sendable {
        public var day: Int
        public var seq: Int64
        public var value: Value
    }

    /// How a unit ended: merged into a unit, or dissolved (with a successor, or none: then its
    /// parent keeps what it held, DECISIONS R1).
    public struct Closing: Sendable, Hashable {
        public var date: CalendarDate
        public var status: UnitStatus
        public var mergedInto: Int32?
        public var successor: Int32?
        public var seq: Int64
    }

    public let id: UnitID
    public let index: Int32
    /// Nil when the journal never established it (or the establishment was retracted).
    public private(set) var established: CalendarDate?
    public private(set) var establishedSeq: Int64 = 0
    /// The first closing (the one in force: a unit closes once).
    public var closing: Closing? { closings.first }
    /// Every closing in force, in (date, seq) order: more than one only when a later fact closes
    /// the unit again (what `record` refuses, R7, but a journal may still hold).
    public private(set) var closings: [Closing] = []
    private(set) var names: [Change<String>] = []
    private(set) var foldedNames: [Change<String>] = []
    private(set) var aliasList: [(text: String, folded: String)] = []
    private(set) var kinds: [Change<UnitKind>] = []
    private(set) var settings: [Change<UnitSetting?>] = []
    private(set) var parents: [Change<Int32?>] = []

    init(id: UnitID, index: Int32, facts: [UnitFact], knowledge: Knowledge) {
        self.id = id
        self.index = index
        let inForce = facts.filter { knowledge.holds($0.validFrom, $0.validTo) }
        // The first establishment counts; a second one (a journal written by another tool) adds nothing.
        let first = inForce.filter { $0.kind == .established }.min { ($0.day, $0.seq) < ($1.day, $1.seq) }
        let otherEstablishments = Set(inForce.filter { $0.kind == .established && $0.seq != first?.seq }.map(\.seq))
        if let first {
            established = first.date
            establishedSeq = first.seq
        }
        for fact in inForce where !otherEstablishments.contains(fact.seq) {
            switch fact.kind {
            case .established:
                continue
            case .name:
                names.append(Change(day: fact.day, seq: fact.seq, value: fact.text ?? ""))
                foldedNames.append(Change(day: fact.day, seq: fact.seq, value: fact.folded ?? TextFolding.searchKey(fact.text ?? "")))
            case .alias:
                aliasList.append((fact.text ?? "", fact.folded ?? TextFolding.searchKey(fact.text ?? "")))
            case .kind:
                if fact.value >= 0 && Int(fact.value) < UnitKind.allCases.count {
                    kinds.append(Change(day: fact.day, seq: fact.seq, value: UnitKind.allCases[Int(fact.value)]))
                }
            case .setting:
                let value = fact.value >= 0 && Int(fact.value) < UnitSetting.allCases.count ? UnitSetting.allCases[Int(fact.value)] : nil
                settings.append(Change(day: fact.day, seq: fact.seq, value: value))
            case .parent:
                parents.append(Change(day: fact.day, seq: fact.seq, value: fact.value >= 0 && fact.value != Int64(index) ? Int32(fact.value) : nil))
            case .merged, .dissolved:
                let candidate = Closing(date: fact.date, status: fact.kind == .merged ? .merged : .dissolved,
                                        mergedInto: fact.kind == .merged ? Int32(fact.value) : nil,
                                        successor: fact.kind == .dissolved && fact.value >= 0 ? Int32(fact.value) : nil, seq: fact.seq)
                closings.append(candidate)
            }
        }
        // Establishment values first, then later changes in (day, seq) order.
        func ordered<V>(_ list: [Change<V>]) -> [Change<V>] {
            list.sorted { ($0.seq == establishedSeq ? 0 : 1, $0.day, $0.seq) < ($1.seq == establishedSeq ? 0 : 1, $1.day, $1.seq) }
        }
        closings.sort { ($0.date, $0.seq) < ($1.date, $1.seq) }
        names = ordered(names)
        foldedNames = ordered(foldedNames)
        kinds = ordered(kinds)
        settings = ordered(settings)
        parents = ordered(parents)
    }

    static func value<V>(_ changes: [Change<V>], at day: Int) -> V? {
        guard changes.count > 1 else { return changes.first?.value }  // nearly always: one value for life
        var result: V?
        for change in changes where change.day <= day { result = change.value }
        return result ?? changes.first?.value  // before establishment: the first known
    }

    /// Whether the unit exists at the end of `date`.
    public func isActive(at date: CalendarDate) -> Bool {
        guard let established, established <= date else { return false }
        if let closing, closing.date <= date { return false }
        return true
    }

    public func name(at date: CalendarDate) -> String { UnitTimeline.value(names, at: date.dayNumber) ?? id.rawValue }
    public func kind(at date: CalendarDate) -> UnitKind? { UnitTimeline.value(kinds, at: date.dayNumber) }
    public func setting(at date: CalendarDate) -> UnitSetting? { UnitTimeline.value(settings, at: date.dayNumber) ?? nil }
    /// The parent its registration names (a move on the same day may place it elsewhere by the
    /// end of that day).
    public var registeredParent: Int32? { parents.first { $0.seq == establishedSeq }?.value ?? nil }
    /// The parent recorded for the unit at `date` (before following a parent's handover).
    public func recordedParent(at date: CalendarDate) -> Int32? { UnitTimeline.value(parents, at: date.dayNumber) ?? nil }
    /// Every name the unit has had, oldest first.
    public var allNames: [String] { names.map(\.value) }
    /// Alternative names lookups also match: those recorded (`--alias`), then the other form of
    /// each name (`Đảng bộ huyện X` for `Huyện ủy X`, `CommitteeNames`).
    public var aliases: [String] {
        let recorded = aliasList.map(\.text)
        let known = Set(recorded.map(TextFolding.searchKey) + foldedNames.map(\.value))
        var seen = Set<String>()
        let forms = names.compactMap { CommitteeNames.otherForm(of: $0.value) }.filter {
            let key = TextFolding.searchKey($0)
            return !known.contains(key) && seen.insert(key).inserted
        }
        return recorded + forms
    }
    /// Folded names and aliases, for lookups that ignore diacritics (in the order of
    /// `allNames + aliases`).
    public var searchKeys: [String] { foldedNames.map(\.value) + aliases.map(TextFolding.searchKey) }
    /// Every parent the unit has been recorded under.
    public var recordedParents: [Int32] { parents.compactMap(\.value) }
    /// Changes of parent after the first (moves).
    var moves: [Change<Int32?>] { Array(parents.dropFirst()) }
    /// Changes of kind after the first (re-kinds).
    var rekinds: [Change<UnitKind>] { Array(kinds.dropFirst()) }
}
