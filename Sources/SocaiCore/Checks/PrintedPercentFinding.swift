extension Rules {
    /// A finding for one printed percentage: a note when rounded or truncated, an error when it
    /// does not follow from its counts at all. `base` is the count the percentage is over when it
    /// is a plain count over a base ("6/41"), so the message can say that no count gives it.
    func printedFinding(subject: UnitID, seq: Int64, date: CalendarDate, name: String, printed: FixedDecimal, exact: Ratio,
                        formula: LocalizedText, base: Int? = nil, basis: LocalizedText? = nil) -> Finding {
        let classification = PercentClassification.classify(printed, exact: exact)
        let computed = exact.rounded(scale: 2)
        // Four decimals show why 91.57 is a truncation of 91.5789, not a rounding.
        let precise = exact.rounded(scale: 4)
        let shown = precise.ratio == exact ? exact.rounded(scale: max(2, printed.scale)) : precise
        let ellipsis = precise.ratio == exact ? "" : "…"
        let atPrinted = exact.rounded(scale: printed.scale)
        let vi = NumberFormat.vi
        let p = LocalizedText(en: "\(printed)%", vi: vi.percent(printed))
        let s = LocalizedText(en: "\(shown)\(ellipsis)%", vi: vi.decimal(shown) + ellipsis + "%")
        let a = LocalizedText(en: "\(atPrinted)%", vi: vi.percent(atPrinted))
        var message: LocalizedText
        switch classification {
        case .rounded:
            message = p + LocalizedText(" = ") + formula + LocalizedText(" = ") + s + LocalizedText(en: ", rounded", vi: ", làm tròn")
        case .truncated:
            message = p + LocalizedText(" = ") + formula + LocalizedText(" = ") + s
                + LocalizedText(en: ", truncated (rounding gives ", vi: ", cắt bớt chữ số (làm tròn sẽ là ") + a + LocalizedText(")")
        case .roundedViaIntermediate:
            let intermediate = exact.rounded(scale: printed.scale + 1)
            message = p + LocalizedText(" = ") + formula + LocalizedText(" = ") + s
                + LocalizedText(en: " only when rounded twice (\(intermediate) → \(printed)); rounded once it is ",
                                vi: " chỉ khi làm tròn hai lần (\(vi.decimal(intermediate)) → \(vi.decimal(printed))); làm tròn một lần là ") + a
        case .inconsistent:
            message = LocalizedText(en: "printed ", vi: "in ") + p + LocalizedText(en: " but ", vi: " nhưng ") + formula + LocalizedText(" = ") + s
            if let base, base > 0, base <= 100_000,
               !(0...base).contains(where: { PercentClassification.classify(printed, exact: Ratio($0 * 100, base)) != .inconsistent }) {
                message = message + LocalizedText(en: "; no count out of \(base) gives \(printed)%",
                                                  vi: "; không có số nào trên \(vi.integer(base)) cho \(vi.percent(printed))")
            }
        }
        if let basis { message = message + LocalizedText(" (") + basis + LocalizedText(")") }
        return Finding(unit: subject, date: date, figure: name, stated: printed.description, derived: computed.description,
                       kind: "printed-percent", severity: classification == .inconsistent ? .error : .note,
                       message: message, seq: seq)
    }

    /// A printed percentage whose counts are not in the journal: a warning, so it is not forgotten.
    func unrecomputable(subject: UnitID, seq: Int64, date: CalendarDate, _ printed: PrintedPercent, why: LocalizedText? = nil) -> Finding {
        var message = LocalizedText(en: "cannot recompute \(printed.value)%: the counts it is computed from are not recorded",
                                    vi: "không tính lại được \(NumberFormat.vi.percent(printed.value)): chưa ghi các số liệu để tính")
        if let why { message = message + LocalizedText(" (") + why + LocalizedText(")") }
        return Finding(unit: subject, date: date, figure: printed.name, stated: printed.value.description,
                       kind: "printed-percent", severity: .warning, message: message, seq: seq)
    }

    /// "actual/target" in both languages.
    static func formula(_ a: Int, _ b: Int) -> LocalizedText {
        LocalizedText(en: "\(a)/\(b)", vi: "\(NumberFormat.vi.integer(a))/\(NumberFormat.vi.integer(b))")
    }

    static func formula(_ a: Int, _ b: FixedDecimal) -> LocalizedText {
        LocalizedText(en: "\(a)/\(b)", vi: "\(NumberFormat.vi.integer(a))/\(NumberFormat.vi.decimal(b))")
    }

    /// "(a − b)/a" in both languages.
    static func reductionFormula(_ a: Int, _ b: Int) -> LocalizedText {
        let vi = NumberFormat.vi
        return LocalizedText(en: "(\(a) − \(b))/\(a)", vi: "(\(vi.integer(a)) − \(vi.integer(b)))/\(vi.integer(a))")
    }
}
