/// `socai check`: every reported figure and printed percentage reconciled at once, beancount
/// style: the checks return findings, they never stop at the first. One file per kind of check.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    public var ok: Bool { !findings.contains { $0.severity == .error } }
}

extension Rules {
    /// Runs every check over `scope` (a unit and its subtree, or everything).
    /// With `strict`, an unexplained remainder is an error instead of a warning.
    public func check(scope: Int32? = nil, strict: Bool = false) -> CheckReport {
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
        }
        findings.sort { ($0.unit.rawValue, $0.date, $0.seq ?? 0, $0.kind, $0.figure) < ($1.unit.rawValue, $1.date, $1.seq ?? 0, $1.kind, $1.figure) }
        return CheckReport(findings: findings)
    }
}
