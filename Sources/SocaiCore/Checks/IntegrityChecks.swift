extension Rules {
    /// Facts the projection cannot place: units never established, corrections that could not
    /// apply, and events at a unit on a day it did not exist (R7, `inactive-unit`).
    func integrityFindings(_ units: [Int32]) -> [Finding] {
        var findings: [Finding] = []
        let scope = Set(units)
        let vi = NumberFormat.vi
        _ = vi
        for u in units where registry[u].established == nil {
            // Only units something in force refers to: one recorded later is unknown, not missing.
            guard let first = projection.records(u, knowledge).first?.date ?? projection.flows(u, knowledge).first?.date else { continue }
            let id = registry[u].id
            findings.append(Finding(unit: id, date: first, figure: "-", kind: "integrity", severity: .error,
                                    message: LocalizedText(en: "events refer to unit \(id), which is not established (or its establishment was retracted)",
                                                           vi: "có sự kiện của đơn vị \(id) nhưng đơn vị chưa được thành lập (hoặc đã bị rút lại)")))
        }
        for correction in projection.corrections(knowledge) {
            guard let failure = correction.failure else { continue }
            let target = correction.targetUnit ?? registry.all.first
            guard let target, scope.contains(target) else { continue }
            findings.append(Finding(unit: registry[target].id, date: correction.recordedTime.dateInVietnam, figure: "-", kind: "integrity",
                                    severity: .error, message: LocalizedText(en: "correction seq \(correction.seq) could not be applied: \(failure.en)",
                                                                             vi: "đính chính số \(correction.seq) không áp dụng được: \(failure.vi)"),
                                    seq: correction.seq))
        }
        // Events dated when their unit did not exist.
        for u in units {
            let t = registry[u]
            guard let established = t.established else { continue }
            func outside(_ date: CalendarDate) -> Bool { date < established || (t.closing.map { date >= $0.date } ?? false) }
            func finding(_ date: CalendarDate, _ seq: Int64, _ type: EventType) -> Finding {
                let when = date < established
                    ? LocalizedText(en: "before it was established on \(established.iso)", vi: "trước khi thành lập ngày \(established.vietnamese)")
                    : LocalizedText(en: "after it closed on \(t.closing!.date.iso)", vi: "sau khi kết thúc ngày \(t.closing!.date.vietnamese)")
                return Finding(unit: t.id, date: date, figure: "-", kind: "inactive-unit", severity: .error,
                               message: LocalizedText(en: "\(type.label.en) seq \(seq) is dated \(date.iso), ", vi: "\(type.label.vi) số \(seq) ghi ngày \(date.vietnamese), ")
                                   + when + LocalizedText(en: "; correct its date or its unit", vi: "; hãy đính chính ngày hoặc đơn vị"),
                               seq: seq)
            }
            for row in projection.flows(u, knowledge) where outside(row.date) { findings.append(finding(row.date, row.seq, row.kind.eventType)) }
            for record in projection.records(u, knowledge) where !record.isRetracted && outside(record.date) {
                switch record.type {
                case .conference, .rating: findings.append(finding(record.date, record.seq, record.type))
                default: continue
                }
            }
        }
        return findings
    }

    /// A unit dissolved while still holding members: kept by its parent (no successor named) or
    /// lost (no parent either) — never silently (issue 17, `dissolved-with-members`).
    func dissolutionFindings(_ u: Int32) -> [Finding] {
        guard let closing = registry[u].closing, closing.status == .dissolved, closing.successor == nil else { return [] }
        let before = closing.date.adding(days: -1)
        guard let held = levels.residual(u, "members", at: before), held.amount > 0 else { return [] }
        let vi = NumberFormat.vi
        let name = registry[u].name(at: before)
        if let h = registry.handover(from: u) {
            let parent = registry[h.to].name(at: closing.date)
            return [Finding(unit: registry[u].id, date: closing.date, figure: "members", stated: nil, derived: String(held.amount),
                            kind: "dissolved-with-members", severity: .warning,
                            message: LocalizedText(en: "\(name) was dissolved holding \(held.amount) members with no successor; \(parent) keeps them. Record the dissolution with --successor if they went elsewhere",
                                                   vi: "\(name) giải thể khi còn \(vi.integer(held.amount)) đảng viên mà không có đơn vị kế thừa; \(parent) giữ lại. Nếu chuyển đi nơi khác, hãy ghi giải thể với --successor"),
                            seq: closing.seq)]
        }
        return [Finding(unit: registry[u].id, date: closing.date, figure: "members", stated: nil, derived: String(held.amount),
                        kind: "dissolved-with-members", severity: .error,
                        message: LocalizedText(en: "\(name) was dissolved holding \(held.amount) members, with no successor and no parent: they are no longer counted anywhere",
                                               vi: "\(name) giải thể khi còn \(vi.integer(held.amount)) đảng viên, không có đơn vị kế thừa và không có cấp trên: số đảng viên này không còn được tính ở đâu"),
                        seq: closing.seq)]
    }
}
