/// R7's two warnings on a flow that is recorded anyway, in one place for both ways a flow is
/// validated: `EventBuilder` (through `RequestReader`) and an import's fast path (`PlainFlowCheck`),
/// whose flows not yet staged in the rules are passed as `unstaged`.
enum FlowWarnings {
    /// A departure that takes a level below zero (R7): 4,102 typed where 2 was meant, at a unit
    /// holding 4,014. The level it lowers is that of the nearest unit, the flow's own or an
    /// ancestor, whose value the flow changes (`Rules.addsFlow`: a report of its own, or at the
    /// flow's own unit a holding handed over by a merger): a unit that only adds up its children
    /// is not lowered by a flow at it, R2. Flows staged by
    /// earlier lines of the same import count too. Recorded anyway, with the value it gives and
    /// the correction that undoes a mistyped count (`nextSeq`, the seq this flow will get); `check`
    /// reports it (`impossible-level`).
    static func belowZero(_ rules: Rules, _ unit: Int32, _ date: CalendarDate, _ kind: FlowKind, _ count: Int,
                          unstaged: UnstagedFlows, nextSeq: Int64, line: Int?) -> ValidationIssue? {
        guard kind.memberSign < 0 else { return nil }
        let registry = rules.registry
        let day = date.dayNumber
        let chain = [unit] + registry.ancestors(of: unit, at: date)
        // The unit whose value the flow changes: the rule audit's running value follows (R2).
        guard let holder = chain.first(where: { rules.addsFlow($0, flowAt: unit, "members", day: day) }) else { return nil }
        let report = rules.projection.latestLevel(holder, "members", atOrBefore: day, rules.knowledge)
        // Since when the value stands: its report, or (a holding) the handover that gave it.
        guard let since = report?.date ?? registry.handovers(into: holder).filter({ $0.date.dayNumber <= day }).map(\.date).max() else { return nil }
        let holderID = registry[holder].id
        // A report on the flow's own day states the level after that day's flows (R0); a report an
        // earlier line stages is not in the levels yet: `check` judges those.
        guard report.map({ $0.date < date }) ?? true, !rules.staged(at: holderID).contains(where: { $0.type == .conference }),
              let value = rules.levels.value(holder, "members", at: date), let known = value.belowFloor ?? value.count else { return nil }
        var before = known
        if !rules.stagedSubjects.isEmpty || !unstaged.isEmpty {
            let reportDay = since.dayNumber
            for index in registry.everDescendants(of: holder) {
                for event in rules.staged(at: registry[index].id) {
                    guard case .flow(let flow) = event.payload, event.effectiveDate > since, event.effectiveDate <= date,
                          registry.isWithin(index, holder, at: event.effectiveDate) else { continue }
                    before += flow.kind.memberSign * flow.count
                }
                for flow in unstaged.flows(at: index) where Int(flow.day) > reportDay && Int(flow.day) <= day {
                    guard registry.isWithin(index, holder, at: CalendarDate(dayNumber: Int(flow.day))) else { continue }
                    before += flow.kind.memberSign * Int(flow.count)
                }
            }
        }
        let after = before - count
        guard after < 0 else { return nil }
        let name = registry[holder].name(at: date)
        let (a, b, c) = (LocalizedText.count(after), LocalizedText.count(before), LocalizedText.count(count))
        let seq = nextSeq
        return ValidationIssue(field: "count", value: String(count), message: LocalizedText(
            en: "members of \(name) (\(holderID)) would be \(a.en) on \(date.iso) after this departure (\(b.en) − \(c.en)); recorded anyway: if the count was mistyped, correct it: socai record correction --event \(seq) --set count=… --reason …",
            vi: "số đảng viên của \(name) (\(holderID)) sẽ là \(a.vi) ngày \(date.vietnamese) sau lần giảm này (\(b.vi) − \(c.vi)); vẫn ghi: nếu nhập nhầm số lượng, hãy đính chính: socai record correction --event \(seq) --set count=… --reason …"),
            severity: .warning, line: line)
    }

    /// The same flow recorded again (R7): same unit, kind (and reason), date, count and period,
    /// and no `--event-id` to say it is a retry. It may be genuine (two admissions of 2 on one
    /// day), so it is recorded; the warning names the earlier event and how to retract this one.
    static func sameFlow(_ rules: Rules, _ unit: Int32, _ date: CalendarDate, _ flow: Flow, eventIDGiven: Bool,
                         unstaged: UnstagedFlows, nextSeq: Int64, line: Int?) -> ValidationIssue? {
        guard !eventIDGiven else { return nil }
        let id = rules.registry[unit].id
        let recorded = rules.projection.flows(unit, from: date.dayNumber, through: date.dayNumber, rules.knowledge)
            .first { $0.kind == flow.kind && $0.count == flow.count && $0.since == flow.since }?.seq
        // The rules' staged flows all come before the unstaged ones.
        let staged = rules.stagedFlows(at: id, on: date).first {
            guard case .flow(let other) = $0.payload else { return false }
            return other.kind == flow.kind && other.count == flow.count && other.since == flow.since
        }?.seq ?? unstaged.first(at: unit, day: date.dayNumber) {
            $0.kind == flow.kind && Int($0.count) == flow.count && $0.since.map(Int.init) == flow.since?.dayNumber
        }?.seq
        guard let earlier = recorded ?? staged else { return nil }
        let what = flow.kind.memberSign > 0 ? flow.kind.label
            : LocalizedText(en: "departure (\(flow.kind.label.en))", vi: "giảm (\(flow.kind.label.vi))")
        let n = LocalizedText.count(flow.count)
        let seq = nextSeq
        return ValidationIssue(field: "count", value: String(flow.count), message: LocalizedText(
            en: "the same \(what.en) of \(n.en) at \(id) on \(date.iso) is already recorded as seq \(earlier); recorded again, as it may be another: if it happened once, retract this one: socai record correction --event \(seq) --retract --reason …",
            vi: "\(what.vi) \(n.vi) tại \(id) ngày \(date.vietnamese) đã được ghi ở sự kiện số \(earlier); vẫn ghi thêm vì có thể là lần khác: nếu chỉ xảy ra một lần, hãy rút lại sự kiện này: socai record correction --event \(seq) --retract --reason …"),
            severity: .warning, line: line)
    }
}

extension RequestReader {
    mutating func warnBelowZero(_ unit: Int32, _ date: CalendarDate, _ kind: FlowKind, _ count: Int) {
        if let issue = FlowWarnings.belowZero(rules, unit, date, kind, count, unstaged: UnstagedFlows(), nextSeq: rules.nextSeq,
                                              line: request.line) {
            issues.append(issue)
        }
    }

    mutating func warnSameFlow(_ unit: Int32, _ date: CalendarDate, _ flow: Flow) {
        if let issue = FlowWarnings.sameFlow(rules, unit, date, flow, eventIDGiven: context.eventIDGiven, unstaged: UnstagedFlows(),
                                             nextSeq: rules.nextSeq, line: request.line) {
            issues.append(issue)
        }
    }
}
