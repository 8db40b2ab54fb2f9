extension Rules {
    /// What a union of journals disagrees on (issue 19), each finding naming both journals:
    /// - `union-conflict` (error): one event id with two different facts; one unit registered
    ///   differently; two reports of one figure, date and unit that differ (values in force, so a
    ///   correction that makes them agree clears it);
    /// - `outside-subtree` (error): a journal holding events about a unit outside its declared
    ///   subtree (the units it registers and every unit ever under them in the union).
    func unionFindings(_ union: UnionFacts, units: [Int32]) -> [Finding] {
        let scope = Set(units)
        func inScope(_ unit: UnitID) -> Bool { registry.index(of: unit).map(scope.contains) ?? false }
        func known(_ time: Instant) -> Bool { union.knownAt.map { time <= $0 } ?? true }
        var findings: [Finding] = []

        for c in union.conflicts where known(c.recordedTime) && inScope(c.unit) {
            let message: LocalizedText
            switch c.kind {
            case .sameID:
                message = LocalizedText(
                    en: "event \(c.id) is \(c.kept) and \(c.other) with different facts: \(c.kept.journal) says \(c.keptFact.en); \(c.other.journal) says \(c.otherFact.en); the union counts \(c.kept.journal)'s",
                    vi: "sự kiện \(c.id) là \(c.kept) và \(c.other) nhưng khác nội dung: sổ \(c.kept.journal) ghi \(c.keptFact.vi); sổ \(c.other.journal) ghi \(c.otherFact.vi); khi đọc chung chỉ tính bản của \(c.kept.journal)")
            case .registration:
                message = LocalizedText(
                    en: "unit \(c.unit) is registered differently in \(c.kept.journal) (\(c.kept): \(c.keptFact.en)) and in \(c.other.journal) (\(c.other): \(c.otherFact.en)); the union keeps \(c.kept.journal)'s registration and leaves out the other with its corrections",
                    vi: "đơn vị \(c.unit) được đăng ký khác nhau ở sổ \(c.kept.journal) (\(c.kept): \(c.keptFact.vi)) và sổ \(c.other.journal) (\(c.other): \(c.otherFact.vi)); khi đọc chung giữ bản đăng ký của \(c.kept.journal), bỏ bản kia cùng các đính chính của nó")
            }
            findings.append(Finding(unit: c.unit, date: c.date, figure: "-", kind: "union-conflict", severity: .error, message: message,
                                    seq: c.keptSeq, place: c.kept))
        }

        findings += unionReportConflicts(union, units: units)

        // Each journal's declared subtree: the units it registers and every unit ever under them.
        for (j, name) in union.journals.enumerated() {
            var subtree = Set<Int32>()
            var frontier = union.registered[j].filter { known($0.value) }.keys.compactMap(registry.index(of:))
            while let u = frontier.popLast() {
                guard subtree.insert(u).inserted else { continue }
                frontier += registry.potentialChildren(of: u)
            }
            for (unit, mention) in union.mentions[j] where known(mention.recordedTime) && inScope(unit) {
                guard let u = registry.index(of: unit), !subtree.contains(u) else { continue }
                let owners = union.journals.indices.filter { $0 != j && union.registered[$0][unit].map(known) == true }.map { union.journals[$0] }
                let owner = owners.isEmpty
                    ? LocalizedText(en: "no journal of the union registers it", vi: "không sổ nào trong nhóm đăng ký đơn vị này")
                    : LocalizedText(en: "it is registered in \(owners.joined(separator: ", "))", vi: "đơn vị này được đăng ký ở sổ \(owners.joined(separator: ", "))")
                findings.append(Finding(
                    unit: unit, date: mention.date, figure: "-", kind: "outside-subtree", severity: .error,
                    message: LocalizedText(
                        en: "\(name) holds events about \(unit) (the first: \(mention.place)), which is outside \(name)'s subtree (the units it registers and those under them); ",
                        vi: "sổ \(name) có sự kiện về \(unit) (đầu tiên: \(mention.place)), đơn vị nằm ngoài phạm vi của sổ \(name) (các đơn vị sổ này đăng ký và cấp dưới của chúng); ")
                        + owner + LocalizedText(en: "; record it in the journal that keeps that unit",
                                                vi: "; hãy ghi vào sổ quản lý đơn vị đó"),
                    seq: mention.unionSeq, place: mention.place))
            }
        }
        return findings
    }

    /// Two reports, from two journals, of one figure of one unit on one date (as in force) that differ.
    private func unionReportConflicts(_ union: UnionFacts, units: [Int32]) -> [Finding] {
        var findings: [Finding] = []
        for u in units {
            // (figure, date it describes, period) → the first value stated, its journal and seq.
            var stated: [String: (value: String, journal: Int, seq: Int64)] = [:]
            for record in projection.records(u, knowledge) where !record.isRetracted && record.type == .conference {
                guard case .conference(let c)? = record.payload, let origin = union.places.origin(of: record.seq) else { continue }
                for figure in c.figures {
                    let date = figure.value.asOf ?? c.asOf ?? record.date
                    var bare = figure.value
                    bare.asOf = nil
                    bare.period = nil
                    let key = figure.key + "@" + date.iso + (figure.value.period.map { "@\($0)" } ?? "")
                    guard let first = stated[key] else {
                        stated[key] = (bare.description, origin.journal, record.seq)
                        continue
                    }
                    guard first.journal != origin.journal, first.value != bare.description else { continue }
                    let a = JournalPlace(journal: union.journals[first.journal], seq: union.places.origin(of: first.seq)!.seq)
                    let b = JournalPlace(journal: union.journals[origin.journal], seq: origin.seq)
                    findings.append(Finding(
                        unit: registry[u].id, date: date, figure: figure.key, stated: bare.description, derived: nil,
                        kind: "union-conflict", severity: .error,
                        message: LocalizedText(
                            en: "\(figure.key) of \(registry[u].id) on \(date.iso): \(first.value) in \(a.journal) (\(a)), \(bare.description) in \(b.journal) (\(b)); correct the one that is wrong",
                            vi: "\(figure.key) của \(registry[u].id) ngày \(date.vietnamese): \(first.value) ở sổ \(a.journal) (\(a)), \(bare.description) ở sổ \(b.journal) (\(b)); hãy đính chính số liệu sai"),
                        seq: record.seq, place: b))
                }
            }
        }
        return findings
    }
}
