/// Why members joined or left: the event types admission / arrival / departure and its reasons.
public enum FlowKind: UInt8, Sendable, Hashable, CaseIterable {
    case admission = 0
    case arrival = 1
    case transferOut = 2
    case death = 3
    case expulsion = 4
    case struckOff = 5
    case exit = 6

    /// The `--reason` of a departure, nil for admissions and arrivals.
    public var reason: String? {
        switch self {
        case .admission, .arrival: nil
        case .transferOut: "transfer-out"
        case .death: "death"
        case .expulsion: "expulsion"
        case .struckOff: "struck-off"
        case .exit: "exit"
        }
    }

    public init?(reason: String) {
        guard let kind = FlowKind.allCases.first(where: { $0.reason == reason }) else { return nil }
        self = kind
    }

    /// The flow figure this kind adds to (`admissions`, `deaths`, …).
    public var figureKey: String {
        switch self {
        case .admission: "admissions"
        case .arrival: "arrivals"
        case .transferOut: "transfers-out"
        case .death: "deaths"
        case .expulsion: "expulsions"
        case .struckOff: "struck-off"
        case .exit: "exits"
        }
    }

    /// +1 for members joining, −1 for members leaving.
    public var memberSign: Int { self == .admission || self == .arrival ? 1 : -1 }

    public var eventType: EventType {
        switch self {
        case .admission: .admission
        case .arrival: .arrival
        default: .departure
        }
    }

    public var label: LocalizedText {
        switch self {
        case .admission: LocalizedText(en: "admission", vi: "kết nạp")
        case .arrival: LocalizedText(en: "arrival", vi: "chuyển đến")
        case .transferOut: LocalizedText(en: "transfer out", vi: "chuyển đi")
        case .death: LocalizedText(en: "death", vi: "từ trần")
        case .expulsion: LocalizedText(en: "expulsion", vi: "khai trừ")
        case .struckOff: LocalizedText(en: "struck off", vi: "xóa tên")
        case .exit: LocalizedText(en: "exit", vi: "ra khỏi Đảng")
        }
    }
}

/// Members admitted, arriving or leaving at a unit: what explains a count between two reports.
public struct Flow: Sendable, Hashable {
    public var kind: FlowKind
    public var count: Int
    /// When the count covers a period ("469 since the start of the term"), its first day; the
    /// event's date is the last.
    public var since: CalendarDate?
    /// Percentages the document printed next to the count; rare, so the fold keeps them aside
    /// (`ProjectionBuilder`) and flow rows stay small.
    public var printed: [PrintedPercent]

    public init(kind: FlowKind, count: Int, since: CalendarDate? = nil, printed: [PrintedPercent] = []) {
        self.kind = kind
        self.count = count
        self.since = since
        self.printed = printed
    }
}
