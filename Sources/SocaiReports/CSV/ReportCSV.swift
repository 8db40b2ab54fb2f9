import SocaiCore

/// CSV for Excel: one header row, stable columns, values as plain numbers (decimal point in
/// English, decimal comma in Vietnamese, no grouping so spreadsheets read them as numbers).
///
/// In English (the default) the headers are stable machine names, dates ISO and codes as stored,
/// for scripts. With `--lang vi` it is a clerk's spreadsheet: Vietnamese headers (`CSVColumn`),
/// dates as 31/12/2023, and kinds, statuses, provenances, event types and check kinds by their
/// Vietnamese names. Ids, figure keys and numbers are the same in both.
public enum ReportCSV {
    static func number(_ d: FixedDecimal?, _ p: Presenter) -> String {
        guard let d else { return "" }
        let text = d.description
        return p.language == .vi ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    static func number(_ n: Int?) -> String { n.map(String.init) ?? "" }

    /// A target with its numbers written like the other cells (`7,5%` in Vietnamese, no grouping).
    static func target(_ t: Target, _ p: Presenter) -> String { t.written { number($0, p) } }

    static func writer(_ columns: [CSVColumn], _ p: Presenter, bom: Bool) -> CSVWriter {
        CSVWriter(header: columns.map { p.text($0.text) }, byteOrderMark: bom)
    }

    /// A date as the reader writes it: ISO in English, 31/12/2023 in Vietnamese.
    static func date(_ d: CalendarDate?, _ p: Presenter) -> String {
        guard let d else { return "" }
        return p.language == .vi ? p.date(d) : d.iso
    }

    /// A recorded time: RFC 3339 in English; `23/01/2024 08:00:00` (UTC, as the header says) in Vietnamese.
    static func instant(_ t: Instant, _ p: Presenter) -> String {
        p.language == .vi ? String(p.instant(t).dropLast(" UTC".count)) : t.rfc3339
    }

    /// A code as stored in English, its Vietnamese name in Vietnamese.
    static func code(_ code: String, _ label: LocalizedText, _ p: Presenter) -> String {
        p.language == .vi ? label.vi : code
    }

    static func flag(_ b: Bool, _ p: Presenter) -> String {
        p.text(b ? LocalizedText(en: "true", vi: "có") : LocalizedText(en: "false", vi: "không"))
    }

    static func status(_ s: UnitStatus, _ p: Presenter) -> String {
        switch s {
        case .active: code(s.rawValue, LocalizedText(en: "active", vi: "đang hoạt động"), p)
        case .merged: code(s.rawValue, LocalizedText(en: "merged", vi: "đã sáp nhập"), p)
        case .dissolved: code(s.rawValue, LocalizedText(en: "dissolved", vi: "đã giải thể"), p)
        }
    }

    public static func replay(_ r: ReplayReport, _ p: Presenter, bom: Bool) -> String {
        var csv = writer([.date, .unit, .name, .kind, .parent, .status, .mergedInto, .figure, .value, .qualifier, .provenance, .basis],
                         p, bom: bom)
        for unit in r.units {
            let head = [date(r.to, p), unit.id.rawValue, unit.name, unit.kind.map { code($0.rawValue, $0.label, p) } ?? "",
                        unit.parent?.rawValue ?? "", status(unit.status, p), unit.mergedInto?.rawValue ?? ""]
            if unit.figures.isEmpty { csv.append(head + ["", "", "", "", ""]) }
            for (key, value) in unit.figures {
                let qualifier = value.qualifier == .exact ? ""
                    : code(String(describing: value.qualifier), value.qualifier.label.map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 }, p)
                csv.append(head + [key, number(value.amount, p), qualifier,
                                   code(value.provenance.rawValue, value.provenance.label, p), date(value.basis, p)])
            }
        }
        return csv.text
    }

    public static func term(_ r: TermReport, _ p: Presenter, bom: Bool) -> String {
        var csv = writer([.unit, .term, .section, .key, .start, .end, .change, .percent, .provenance], p, bom: bom)
        let head = [r.unit.rawValue, r.term.description]
        func section(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        // A term the unit has no day of: one row saying why and since when, not an empty table.
        if let n = r.noDays {
            csv.append(head + [section("no day of the term", "không có ngày nào trong nhiệm kỳ"), code(n.reason.rawValue, n.reason.label, p),
                               date(n.date, p), "", "", "", ""])
        }
        for f in r.figures {
            csv.append(head + [section("figure", "số liệu"), f.key, number(f.start?.amount, p), number(f.end?.amount, p), number(f.change),
                               number(f.percentChange, p), f.end.map { code($0.provenance.rawValue, $0.provenance.label, p) } ?? ""])
        }
        for (key, total) in r.flows {
            csv.append(head + [section("flow", "biến động"), key, "", number(total.value), "", "",
                               code(total.provenance.rawValue, total.provenance.label, p)])
        }
        for t in r.targets {
            csv.append(head + [section("target", "chỉ tiêu"), t.key, target(t.effectiveTarget ?? t.target, p),
                               number(t.actual), "", number(t.percent, p), t.status.map { code($0.rawValue, $0.label, p) } ?? ""])
        }
        for s in r.ratings {
            let rating = p.text(s.subject.ratingFigure(year: s.year))
            for tier in RatingTier.allCases {
                guard let value = s.tiers[tier] else { continue }
                csv.append(head + [rating, code(tier.rawValue, tier.label(year: s.year, subject: s.subject), p), "",
                                   value.isPercent ? number(value.amount, p) + "%" : number(value.amount, p), "",
                                   number(s.percent[tier], p), ""])
            }
        }
        return csv.text
    }

    public static func audit(_ r: AuditReport, _ p: Presenter, bom: Bool) -> String {
        let union = r.entries.contains { $0.place != nil }
        var csv = writer([.seq, .id, .type, .date, .unit, .delta, .reported, .unexplained, .value, .source, .recordedBy, .recordedTime,
                          .corrected, .retracted] + (union ? placeColumns : []), p, bom: bom)
        for e in r.entries {
            csv.append([String(e.seq), e.id.rawValue, code(e.type.recordName, e.type.label, p), date(e.date, p), e.unit.rawValue,
                        number(e.delta), e.reported.map { reported($0, p) } ?? "",
                        number(e.unexplained), number(e.value), e.source ?? "", e.recordedBy, instant(e.recordedTime, p),
                        flag(e.corrected, p), flag(e.retracted, p)] + placeFields(e.place))
        }
        return csv.text
    }

    public static func check(_ r: CheckReport, _ p: Presenter, bom: Bool) -> String {
        let union = r.findings.contains { $0.place != nil }
        var csv = writer([.severity, .kind, .unit, .date, .figure, .stated, .derived, .message, .seq] + (union ? placeColumns : []),
                         p, bom: bom)
        for f in r.findings {
            csv.append([code(f.severity.rawValue, f.severity.label, p), code(f.kind, CheckKindTitle.of(f.kind), p), f.unit.rawValue,
                        date(f.date, p), p.text(f.figureText),
                        written(f.stated, p), written(f.derived, p), p.text(f.message), f.seq.map(String.init) ?? ""] + placeFields(f.place))
        }
        return csv.text
    }

    /// A finding's stated or derived value (machine notation, as `check --json` gives it:
    /// `91.57`, `5@2018-01-01..2020-06-30`) in the reader's cells: in Vietnamese a decimal comma
    /// and dates as 30/06/2020, like every other cell; ranges' `..` kept.
    static func written(_ value: String?, _ p: Presenter) -> String {
        guard let value else { return "" }
        guard p.language == .vi else { return value }
        let characters = Array(value)
        var out = ""
        var i = 0
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count, characters[range].allSatisfy(\.isASCII), characters[range].allSatisfy(\.isNumber) else { return nil }
            return Int(String(characters[range]))
        }
        while i < characters.count {
            let c = characters[i]
            if i + 10 <= characters.count, characters[i + 4] == "-", characters[i + 7] == "-", (i == 0 || !characters[i - 1].isNumber),
               let year = digits(i..<i + 4), let month = digits(i + 5..<i + 7), let day = digits(i + 8..<i + 10),
               let date = CalendarDate(year: year, month: month, day: day) {
                out += p.date(date)
                i += 10
                continue
            }
            let decimalPoint = c == "." && i > 0 && characters[i - 1].isNumber && i + 1 < characters.count && characters[i + 1].isNumber
            out.append(decimalPoint ? "," : c)
            i += 1
        }
        return out
    }

    /// A stated figure as typed (`~120`, `2,9%` in Vietnamese), never grouped, so a spreadsheet
    /// reads the number.
    static func reported(_ value: FigureValue, _ p: Presenter) -> String {
        p.language == .vi ? value.qualifier.symbol + number(value.amount, p) + (value.isPercent ? "%" : "") : value.description
    }

    /// `log --format csv`, written a row at a time as the journal is read.
    /// `union`: several journals read as one; each row also names its journal and its seq there.
    public static func logWriter(_ p: Presenter, bom: Bool, union: Bool = false) -> CSVWriter {
        writer([.seq, .id, .type, .subject, .date, .logRecordedTime, .logRecordedBy, .source, .summary] + (union ? placeColumns : []),
               p, bom: bom)
    }

    public static func logRow(_ event: EventEnvelope, _ p: Presenter, place: JournalPlace? = nil) -> [String] {
        [String(event.seq), event.id.rawValue, code(event.type.recordName, event.type.label, p), event.subject.rawValue,
         date(event.effectiveDate, p), instant(event.recordedTime, p), event.recordedBy, event.sourceDocument ?? "",
         EventSummary.describe(event.payload, p)] + placeFields(place)
    }

    /// In a union: the journal an event came from and its seq there (the row's `seq` is the union's).
    static let placeColumns: [CSVColumn] = [.journal, .journalSeq]

    static func placeFields(_ place: JournalPlace?) -> [String] {
        place.map { [$0.journal, String($0.seq)] } ?? []
    }
}
