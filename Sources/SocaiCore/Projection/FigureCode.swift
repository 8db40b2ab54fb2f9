/// A figure key as a small number, so report rows are fixed-width: the key's position in the
/// catalogue, times four, plus 1 for `X-per-year` and 2 for `X-change`.
public struct FigureCode: Sendable, Hashable, Comparable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A key no catalogue entry names (a journal written by another tool): kept, never matched.
    public static let unknown = FigureCode(rawValue: .max)

    private static let positions: [String: Int] = {
        var table: [String: Int] = [:]
        for (i, definition) in FigureCatalogue.all.enumerated() { table[definition.key] = i }
        return table
    }()

    public init(_ key: String) {
        if let i = FigureCode.positions[key] { self.init(rawValue: UInt16(i * 4)); return }
        if let base = FigureCatalogue.baseKey(key, suffix: "-per-year"), let i = FigureCode.positions[base] {
            self.init(rawValue: UInt16(i * 4 + 1)); return
        }
        if let base = FigureCatalogue.baseKey(key, suffix: "-change"), let i = FigureCode.positions[base] {
            self.init(rawValue: UInt16(i * 4 + 2)); return
        }
        self = .unknown
    }

    /// The key it stands for ("?" for an unknown one).
    public var key: String {
        guard self != .unknown, Int(rawValue / 4) < FigureCatalogue.all.count else { return "?" }
        let base = FigureCatalogue.all[Int(rawValue / 4)].key
        switch rawValue % 4 {
        case 1: return base + "-per-year"
        case 2: return base + "-change"
        default: return base
        }
    }

    public static func < (a: FigureCode, b: FigureCode) -> Bool { a.rawValue < b.rawValue }
}

extension EventType {
    /// A stable number for image rows.
    var code: UInt8 { UInt8(EventType.allCases.firstIndex(of: self)!) }

    init?(code: UInt8) {
        guard Int(code) < EventType.allCases.count else { return nil }
        self = EventType.allCases[Int(code)]
    }
}
