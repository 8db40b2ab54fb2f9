extension Rules {
    /// Congresses whose order contradicts their terms (`congress-order`, R4): a unit's congress for
    /// 2015–2020 held on or after its congress for 2020–2025. One of the two is mistyped (its date
    /// or its term), and until it is corrected the earlier term has no day and the term before it
    /// runs over the later term's days, so its flows count in both. An error, one per pair, on
    /// the congress of the earlier term.
    func congressOrderFindings(_ unit: Int32) -> [Finding] {
        let id = registry[unit].id
        var findings: [Finding] = []
        for c in projection.conferences(unit, knowledge) where c.kind == .congress {
            guard let term = c.term else { continue }
            for later in terms.congressesOutOfOrder(unit, term: term, date: c.date, except: c.seq) where later.term.map({ $0 > term }) == true {
                let laterTerm = later.term!.description
                findings.append(Finding(
                    unit: id, date: c.date, figure: LocalizedText(en: "term \(term)", vi: "nhiệm kỳ \(term)"), stated: term.description, derived: laterTerm,
                    kind: "congress-order", severity: .error,
                    message: LocalizedText(
                        en: "the congress for \(term) (seq \(c.seq), \(c.date.iso)) is on or after the congress for \(laterTerm) (seq \(later.seq), \(later.date.iso)): term \(term) has no day for \(id) and the term before it runs over \(laterTerm)'s days; correct the date or the term of the one that is wrong (socai record correction --event \(c.seq) --set date=…)",
                        vi: "đại hội nhiệm kỳ \(term) (số \(c.seq), ngày \(c.date.vietnamese)) diễn ra cùng ngày hoặc sau đại hội nhiệm kỳ \(laterTerm) (số \(later.seq), ngày \(later.date.vietnamese)): nhiệm kỳ \(term) của \(id) không có ngày nào và nhiệm kỳ trước đó kéo dài sang nhiệm kỳ \(laterTerm); hãy đính chính ngày hoặc nhiệm kỳ của đại hội ghi sai (socai record correction --event \(c.seq) --set date=…)"),
                    seq: c.seq))
            }
        }
        return findings
    }
}
