/// The CloudEvents `type` of every event socai records: reverse-DNS, versioned.
///
/// The version is part of the name so that a change to an event's fields is a new type that old
/// journals never contain, not a silent reinterpretation of old lines.
public enum EventType: String, Sendable, Hashable, CaseIterable {
    case unitEstablished = "vn.socai.unit.established.v1"
    case unitRenamed = "vn.socai.unit.renamed.v1"
    case unitMoved = "vn.socai.unit.moved.v1"
    case unitDissolved = "vn.socai.unit.dissolved.v1"
    case conference = "vn.socai.conference.v1"
    case admission = "vn.socai.admission.v1"
    case departure = "vn.socai.departure.v1"
    case arrival = "vn.socai.arrival.v1"
    case merger = "vn.socai.merger.v1"
    case rating = "vn.socai.rating.v1"
    case correction = "vn.socai.correction.v1"

    /// The `socai record` subcommand (and import `type`) that makes this event.
    public var recordName: String {
        switch self {
        case .unitEstablished: "unit"
        case .unitRenamed: "rename"
        case .unitMoved: "move"
        case .unitDissolved: "dissolve"
        case .conference: "conference"
        case .admission: "admission"
        case .departure: "departure"
        case .arrival: "arrival"
        case .merger: "merger"
        case .rating: "rating"
        case .correction: "correction"
        }
    }

    public init?(recordName: String) {
        guard let match = EventType.allCases.first(where: { $0.recordName == recordName }) else { return nil }
        self = match
    }

    /// Accepts the full type or the short record name (`admission`), as `log --type` does.
    public init?(loosely text: String) {
        if let full = EventType(rawValue: text) { self = full; return }
        guard let short = EventType(recordName: text) else { return nil }
        self = short
    }

    public var label: LocalizedText {
        switch self {
        case .unitEstablished: LocalizedText(en: "unit established", vi: "thành lập đơn vị")
        case .unitRenamed: LocalizedText(en: "unit renamed", vi: "đổi tên đơn vị")
        case .unitMoved: LocalizedText(en: "unit moved", vi: "chuyển trực thuộc")
        case .unitDissolved: LocalizedText(en: "unit dissolved", vi: "giải thể đơn vị")
        case .conference: LocalizedText(en: "conference", vi: "hội nghị")
        case .admission: LocalizedText(en: "admission", vi: "kết nạp")
        case .departure: LocalizedText(en: "departure", vi: "giảm đảng viên")
        case .arrival: LocalizedText(en: "arrival", vi: "chuyển đến")
        case .merger: LocalizedText(en: "merger", vi: "sáp nhập")
        case .rating: LocalizedText(en: "rating", vi: "đánh giá, xếp loại")
        case .correction: LocalizedText(en: "correction", vi: "đính chính")
        }
    }

    /// Flows are the events the fold keeps in compact columns: most of a large journal.
    public var isFlow: Bool { self == .admission || self == .departure || self == .arrival }
}
