import SocaiCore

/// CSV for Excel: one header row, stable columns, values as plain numbers (decimal point in
/// English, decimal comma in Vietnamese, no grouping so spreadsheets read them as numbers).
public enum ReportCSV {
    static func number(_ d: FixedDecimal?, _ p: Presenter) -> String {
        guard let d else { return "" }
        let text = d.description
        return p.language == .vi ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    static func number(_ n: Int?) -> String { n.map(String.init) ?? "" }

    public static func replay(_ r: ReplayReport, _ p: Presenter, bom: Bool) -> String {
        var csv = CSVWriter(header: ["date", "unit", "name", "kind", "parent", "status", "merged_into", "figure", "value",
                                     "qualifier", "provenance", "basis"], byteOrderMark: bom)
        for unit in r.units {
            let head = [r.to.iso, unit.id.rawValue, unit.name, unit.kind?.rawValue ?? "", unit.parent?.rawValue ?? "",
                        unit.status.rawValue, unit.mergedInto?.rawValue ?? ""]
            if unit.figures.isEmpty { csv.append(head + ["", "", "", "", ""]) }
            for (key, value) in unit.figures {
                csv.append(head + [key, number(value.amount, p), value.qualifier == .exact ? "" : String(describing: value.qualifier),
                                   value.provenance.rawValue, value.basis?.iso ?? ""])
            }
        }
        return csv.text
    }

    public static func term(_ r: TermReport, _ p: Presenter, bom: Bool) -> String {
        var csv = CSVWriter(header: ["unit", "term", "section", "key", "start", "end", "change", "percent", "provenance"], byteOrderMark: bom)
        let head = [r.unit.rawValue, r.term.description]
        for f in r.figures {
            csv.append(head + ["figure", f.key, number(f.start?.amount, p), number(f.end?.amount, p), number(f.change),
                               number(f.percentChange, p), f.end?.provenance.rawValue ?? ""])
        }
        for (key, total) in r.flows {
            csv.append(head + ["flow", key, "", number(total.value), "", "", total.provenance.rawValue])
        }
        for t in r.targets {
            csv.append(head + ["target", t.key, t.effectiveTarget?.description ?? t.target.description, number(t.actual), "",
                               number(t.percent, p), t.status?.rawValue ?? ""])
        }
        for s in r.ratings {
            for tier in RatingTier.allCases {
                guard let value = s.tiers[tier] else { continue }
                csv.append(head + ["rating \(s.year) \(s.subject.rawValue)", tier.rawValue, "",
                                   value.isPercent ? number(value.amount, p) + "%" : number(value.amount, p), "",
                                   number(s.percent[tier], p), ""])
            }
        }
        return csv.text
    }

    public static func audit(_ r: AuditReport, _ p: Presenter, bom: Bool) -> String {
        var csv = CSVWriter(header: ["seq", "id", "type", "date", "unit", "delta", "reported", "unexplained", "value", "source",
                                     "recorded_by", "recorded_time", "corrected", "retracted"], byteOrderMark: bom)
        for e in r.entries {
            csv.append([String(e.seq), e.id.rawValue, e.type.recordName, e.date.iso, e.unit.rawValue, number(e.delta),
                        e.reported?.description ?? "", number(e.unexplained), number(e.value), e.source ?? "", e.recordedBy,
                        e.recordedTime.rfc3339, e.corrected ? "true" : "false", e.retracted ? "true" : "false"])
        }
        return csv.text
    }

    public static func check(_ r: CheckReport, _ p: Presenter, bom: Bool) -> String {
        var csv = CSVWriter(header: ["severity", "kind", "unit", "date", "figure", "stated", "derived", "message", "seq"], byteOrderMark: bom)
        for f in r.findings {
            csv.append([f.severity.rawValue, f.kind, f.unit.rawValue, f.date.iso, f.figure, f.stated ?? "", f.derived ?? "",
                        p.text(f.message), f.seq.map(String.init) ?? ""])
        }
        return csv.text
    }
}
