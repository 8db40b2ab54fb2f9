/// `socai check`: every reported figure and printed percentage reconciled at once, beancount
/// style: the checks return findings, they never stop at the first. One file per kind of check.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    /// Every merger, dissolution and move of the units checked, with where their members went:
    /// what a reader of the findings needs to see a reorganisation kept its totals (issue 17).
    public var reorganisation: [ReorganisationStep] = []
    public var ok: Bool { !findings.contains { $0.severity == .error } }
}

extension Rules {
    /// Runs every check over `scope` (a unit and its subtree, or everything).
    /// With `strict`, an unexplained remainder is an error instead of a warning. `union`: the
    /// projection is several journals read as one; their disagreements are findings too, and every
    /// finding about an event names its journal and its seq there.
    /// `listingReorganisation: false` leaves out the list of structural steps (the HTML overview
    /// builds its own, over the term's period).
    public func check(scope: Int32? = nil, strict: Bool = false, union: UnionFacts? = nil,
                      listingReorganisation: Bool = true) -> CheckReport {
        let units: [Int32] = scope.map { registry.everDescendants(of: $0) } ?? Array(registry.all)
        let inScope = Set(units)
        var findings: [Finding] = []
        findings += integrityFindings(units)
        for record in projection.allRecords(knowledge) where !record.isRetracted && inScope.contains(record.subject) {
            switch record.payload {
            case .conference(let conference)?: findings += conferenceFindings(record, conference)
            case .rating(let rating)?: findings += ratingFindings(record, rating)
            default: findings += eventPrintedFindings(record)
            }
        }
        for u in units {
            findings += reconciliationFindings(u, strict: strict)
            findings += impossibleLevelFindings(u)
            findings += duplicateFindings(u)
            findings += flowStatementFindings(u)
            findings += dissolutionFindings(u)
            findings += congressOrderFindings(u)
        }
        if let union {
            findings += unionFindings(union, units: units)
            for i in findings.indices where findings[i].place == nil {
                findings[i].place = findings[i].seq.flatMap(union.places.place(of:))
            }
        }
        // Stable: findings of one event keep the order the checks made them in.
        findings = findings.enumerated().sorted { a, b in
            (a.element.unit.rawValue, a.element.date, a.element.seq ?? 0, a.element.kind, a.offset)
                < (b.element.unit.rawValue, b.element.date, b.element.seq ?? 0, b.element.kind, b.offset)
        }.map(\.element)
        return CheckReport(findings: findings, reorganisation: listingReorganisation ? reorganisation(of: units, over: nil) : [])
    }
}
