/// What kind of meeting or document reported the figures.
public enum ConferenceKind: String, Sendable, Hashable, CaseIterable {
    /// Đại hội: opens a term and sets its targets.
    case congress
    /// Hội nghị sơ kết / tổng kết: reviews progress.
    case review
    /// A published report without a meeting (a newspaper article quoting a committee's figures).
    case report
    case other

    public var label: LocalizedText {
        switch self {
        case .congress: LocalizedText(en: "congress", vi: "đại hội")
        case .review: LocalizedText(en: "review conference", vi: "hội nghị sơ kết, tổng kết")
        case .report: LocalizedText(en: "published report", vi: "báo cáo, bài báo")
        case .other: LocalizedText(en: "other", vi: "khác")
        }
    }
}

/// A congress term label, `2020-2025` (also typed `2020–2025`): a label, not two calendar years.
public struct TermLabel: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let firstYear: Int
    public let secondYear: Int

    public init?(firstYear: Int, secondYear: Int) {
        guard (1930...9999).contains(firstYear), secondYear > firstYear, secondYear - firstYear <= 10 else { return nil }
        self.firstYear = firstYear
        self.secondYear = secondYear
    }

    public init?(_ text: String) {
        let normalised = TextFolding.searchKey(text).filter { $0 != " " }
        let parts = normalised.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4,
              let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        self.init(firstYear: a, secondYear: b)
    }

    /// The label of the term after this one (same length).
    public var next: TermLabel { TermLabel(firstYear: secondYear, secondYear: 2 * secondYear - firstYear)! }
    public var previous: TermLabel? { TermLabel(firstYear: 2 * firstYear - secondYear, secondYear: firstYear) }

    public var description: String { "\(firstYear)-\(secondYear)" }

    public static func < (a: TermLabel, b: TermLabel) -> Bool { (a.firstYear, a.secondYear) < (b.firstYear, b.secondYear) }
}

/// A conference (or published report) and everything it stated: figures, targets, percentages.
///
/// Figures keep their own dates (`95@2016-05-23`) because one review states both the baseline and
/// today's value; printed percentages are kept as printed so `check` can test them.
public struct Conference: Sendable, Hashable {
    public var title: String
    public var kind: ConferenceKind
    public var term: TermLabel?
    /// The date the figures describe when not the conference's date ("data at the end of 2023").
    public var asOf: CalendarDate?
    public var figures: [KeyedFigure]
    public var targets: [KeyedTarget]
    public var printed: [PrintedPercent]
    /// Conclusions and directives it adopted that are not figures ("set up commune military cells").
    public var decisions: [String]

    public init(title: String, kind: ConferenceKind = .other, term: TermLabel? = nil, asOf: CalendarDate? = nil,
                figures: [KeyedFigure] = [], targets: [KeyedTarget] = [], printed: [PrintedPercent] = [],
                decisions: [String] = []) {
        self.title = title
        self.kind = kind
        self.term = term
        self.asOf = asOf
        self.figures = Conference.grouped(figures)
        self.targets = targets
        self.printed = printed
        self.decisions = decisions
    }
}

extension Conference {
    /// Figures with the values of one key together, keys in first-mention order: the order the
    /// journal's `figures` object stores them in, so a conference reads back equal to itself.
    static func grouped(_ figures: [KeyedFigure]) -> [KeyedFigure] {
        var order: [String] = []
        var byKey: [String: [KeyedFigure]] = [:]
        for figure in figures {
            if byKey[figure.key] == nil { order.append(figure.key) }
            byKey[figure.key, default: []].append(figure)
        }
        return order.flatMap { byKey[$0]! }
    }
}

public struct KeyedFigure: Sendable, Hashable {
    public var key: String
    public var value: FigureValue

    public init(_ key: String, _ value: FigureValue) {
        self.key = key
        self.value = value
    }
}

public struct KeyedTarget: Sendable, Hashable {
    public var key: String
    public var target: Target

    public init(_ key: String, _ target: Target) {
        self.key = key
        self.target = target
    }
}

/// A percentage a document printed, named by what it is a percentage of (`admissions-attainment`).
public struct PrintedPercent: Sendable, Hashable {
    public var name: String
    public var value: FixedDecimal

    public init(_ name: String, _ value: FixedDecimal) {
        self.name = name
        self.value = value
    }
}
