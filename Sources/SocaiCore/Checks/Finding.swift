/// How serious a finding is: errors make `check` exit 1.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.error, .warning, .note]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }

    public var label: LocalizedText {
        switch self {
        case .error: LocalizedText(en: "error", vi: "lỗi")
        case .warning: LocalizedText(en: "warning", vi: "cảnh báo")
        case .note: LocalizedText(en: "note", vi: "ghi chú")
        }
    }
}

/// One thing `check` found: which unit, date and figure, what was stated and what socai derives.
public struct Finding: Sendable, Hashable {
    public var unit: UnitID
    public var date: CalendarDate
    /// The figure as JSON gives it: a figure key (`members`, `excellent-share`) or a rating
    /// (`rating 2023 members`).
    public var figure: String
    /// The figure as a reader of each language sees it: a key as it is, a rating in words
    /// (`xếp loại 2023 đảng viên`).
    public var figureText: LocalizedText
    public var stated: String?
    public var derived: String?
    /// The check that found it: `unexplained`, `tier-sum`, `printed-percent`, … (every kind has
    /// a `CheckKindTitle`, which a Vietnamese reader sees instead of the code); over several
    /// journals read as one, `union-conflict` and `outside-subtree` (`UnionChecks`).
    public var kind: String
    public var severity: Severity
    public var message: LocalizedText
    /// The event the finding is about.
    public var seq: Int64?
    /// In a union of journals: the journal that event is in, and its seq there (`seq` is the union's).
    public var place: JournalPlace?

    public init(unit: UnitID, date: CalendarDate, figure: LocalizedText, stated: String? = nil, derived: String? = nil,
                kind: String, severity: Severity, message: LocalizedText, seq: Int64? = nil, place: JournalPlace? = nil) {
        self.unit = unit
        self.date = date
        self.figure = figure.en
        self.figureText = figure
        self.stated = stated
        self.derived = derived
        self.kind = kind
        self.severity = severity
        self.message = message
        self.seq = seq
        self.place = place
    }

    /// A finding about a figure key, which reads the same in both languages.
    public init(unit: UnitID, date: CalendarDate, figure: String, stated: String? = nil, derived: String? = nil,
                kind: String, severity: Severity, message: LocalizedText, seq: Int64? = nil, place: JournalPlace? = nil) {
        self.init(unit: unit, date: date, figure: LocalizedText(figure), stated: stated, derived: derived, kind: kind,
                  severity: severity, message: message, seq: seq, place: place)
    }
}
