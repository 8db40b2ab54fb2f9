/// How exact a stated figure is: documents say "gần 120" (about), "trên 3.700" (over), "90 trở lên".
public enum Qualifier: String, Sendable, Hashable, CaseIterable {
    case exact
    case about      // ~   gần, khoảng
    case over       // >   trên, hơn
    case atLeast    // >=  trở lên
    case under      // <   dưới
    case atMost     // <=  tối đa

    /// The prefix written before the number on the command line and in the journal.
    public var symbol: String {
        switch self {
        case .exact: ""
        case .about: "~"
        case .over: ">"
        case .atLeast: ">="
        case .under: "<"
        case .atMost: "<="
        }
    }

    public var label: LocalizedText {
        switch self {
        case .exact: LocalizedText("")
        case .about: LocalizedText(en: "about ", vi: "gần ")
        case .over: LocalizedText(en: "over ", vi: "trên ")
        case .atLeast: LocalizedText(en: "at least ", vi: "từ ")
        case .under: LocalizedText(en: "under ", vi: "dưới ")
        case .atMost: LocalizedText(en: "at most ", vi: "tối đa ")
        }
    }
}

/// A figure as a document stated it: `5275`, `~120`, `>3700`, `2,9%`, `95@2016-05-23`,
/// `1206@2008-01-01..2018-06-01`.
///
/// The text form is what users type after `--figure KEY=` and what the journal stores (dates
/// normalised to ISO, decimal commas to points), so the journal reads like the command that made it.
public struct FigureValue: Sendable, Hashable, CustomStringConvertible {
    public var qualifier: Qualifier
    public var amount: FixedDecimal
    public var isPercent: Bool
    /// For a level: the date the value describes, when not the conference's `as-of`.
    public var asOf: CalendarDate?
    /// For a flow: the period the total covers, when not the conference's term up to its `as-of`.
    public var period: ClosedPeriod?

    public init(qualifier: Qualifier = .exact, amount: FixedDecimal, isPercent: Bool = false,
                asOf: CalendarDate? = nil, period: ClosedPeriod? = nil) {
        self.qualifier = qualifier
        self.amount = amount
        self.isPercent = isPercent
        self.asOf = asOf
        self.period = period
    }

    public static func count(_ n: Int) -> FigureValue { FigureValue(amount: FixedDecimal(integer: n)) }

    /// The exact integer count, when the value is one (no qualifier, no percent, no fraction).
    public var exactCount: Int? {
        qualifier == .exact && !isPercent && amount.scale == 0 ? amount.units : nil
    }

    /// The count the value states, qualified or not (`~120` → 120), when it is a whole number.
    public var statedCount: Int? {
        !isPercent && amount.scale == 0 ? amount.units : nil
    }

    public var description: String {
        var text = qualifier.symbol + amount.description + (isPercent ? "%" : "")
        if let asOf { text += "@" + asOf.iso }
        if let period { text += "@" + period.from.iso + ".." + period.to.iso }
        return text
    }

    /// The journal form: a plain JSON integer for an exact undated count, else the text form.
    public var json: JSONValue {
        if asOf == nil, period == nil, let n = exactCount { return .integer(Int64(n)) }
        return .string(description)
    }

    public static func parse(_ input: String) throws(FigureValueError) -> FigureValue {
        var text = Substring(input.trimmingSpaces)
        var asOf: CalendarDate?
        var period: ClosedPeriod?
        if let at = text.firstIndex(of: "@") {
            let when = String(text[text.index(after: at)...])
            text = text[..<at]
            if let range = when.firstRange(of: "..") {
                let from = String(when[..<range.lowerBound]), to = String(when[range.upperBound...])
                do {
                    let start = try DateParser.parse(from), end = try DateParser.parse(to)
                    guard start <= end else { throw FigureValueError(input: input, reason: .periodBackwards) }
                    period = ClosedPeriod(from: start, to: end)
                } catch let error as DateError {
                    throw FigureValueError(input: input, reason: .badDate(error))
                } catch let error as FigureValueError { throw error } catch { fatalError("unreachable") }
            } else {
                do { asOf = try DateParser.parse(when) } catch { throw FigureValueError(input: input, reason: .badDate(error)) }
            }
        }
        var qualifier = Qualifier.exact
        for candidate in [Qualifier.atLeast, .atMost, .about, .over, .under] where text.hasPrefix(candidate.symbol) {
            qualifier = candidate
            text = text.dropFirst(candidate.symbol.count)
            break
        }
        var body = String(text).trimmingSpaces
        var isPercent = false
        if body.hasSuffix("%") {
            isPercent = true
            body = String(body.dropLast()).trimmingSpaces
        }
        let amount: FixedDecimal
        if let count = CountParser.parse(body) {
            amount = FixedDecimal(integer: count)
        } else if let decimal = FixedDecimal.parse(body) {
            amount = decimal
        } else {
            throw FigureValueError(input: input, reason: .notANumber)
        }
        guard amount.units >= 0 || qualifier == .exact else {
            throw FigureValueError(input: input, reason: .notANumber)
        }
        return FigureValue(qualifier: qualifier, amount: amount, isPercent: isPercent, asOf: asOf, period: period)
    }

    public static func parse(_ json: JSONValue) throws(FigureValueError) -> FigureValue {
        switch json {
        case .integer(let n): return .count(Int(n))
        case .string(let s): return try parse(s)
        case .decimal(let d): return try parse(d)
        default: throw FigureValueError(input: "\(json)", reason: .notANumber)
        }
    }
}

/// Why a figure value could not be read.
public struct FigureValueError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case notANumber
        case badDate(DateError)
        case periodBackwards
    }

    public var input: String
    public var reason: Reason

    public var message: LocalizedText {
        switch reason {
        case .notANumber:
            LocalizedText(en: "'\(input)' is not a figure; write a count (5275 or 5.275), a percentage (2,9%), optionally with ~ > >= < <= before it and @DATE or @FROM..TO after it",
                          vi: "'\(input)' không phải số liệu; hãy ghi số (5275 hoặc 5.275), tỷ lệ (2,9%), có thể thêm ~ > >= < <= phía trước và @NGÀY hoặc @TỪ..ĐẾN phía sau")
        case .badDate(let error):
            LocalizedText(en: "the date in '\(input)' is wrong: ", vi: "ngày trong '\(input)' sai: ") + error.reason
        case .periodBackwards:
            LocalizedText(en: "the period in '\(input)' ends before it starts", vi: "khoảng thời gian trong '\(input)' kết thúc trước khi bắt đầu")
        }
    }
}

/// A closed range of days, both ends included: how periods of flows and terms are counted.
public struct ClosedPeriod: Sendable, Hashable, CustomStringConvertible {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    public var description: String { from.iso + ".." + to.iso }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines (Core has no Foundation).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
