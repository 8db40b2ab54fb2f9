import SocaiCore

/// One line saying what an event states, for `log` and confirmations, all in the reader's
/// language: codes (`congress`, `organizations`, `excellent`) in English, their names in Vietnamese.
public enum EventSummary {
    public static func describe(_ payload: EventPayload, _ p: Presenter) -> String {
        let text = fields(payload, p)
        guard !payload.printed.isEmpty else { return text }
        let printed = p.text(LocalizedText(en: "printed ", vi: "in ")) + payload.printed.map { $0.name + "=" + p.decimal($0.value) + "%" }.joined(separator: " ")
        return text.isEmpty ? printed : text + "; " + printed
    }

    private static func fields(_ payload: EventPayload, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        func kind(_ kind: UnitKind) -> String { p.text(ChoiceList.unitKinds.shown(kind.rawValue)) }
        switch payload {
        case .unitEstablished(let u):
            return u.name + " (" + u.id.rawValue + ", " + kind(u.kind) + (u.parent.map { t(", under ", ", trực thuộc ") + $0.rawValue } ?? "") + ")"
        case .unitRenamed(let r):
            return [r.name.map { t("name ", "tên ") + $0 }, r.kind.map { t("kind ", "loại ") + kind($0) },
                    r.setting.map { t("setting ", "bối cảnh ") + p.text(ChoiceList.unitSettings.shown($0.rawValue)) }]
                .compactMap { $0 }.joined(separator: ", ")
        case .unitMoved(let m):
            return t("now under ", "nay trực thuộc ") + m.parent.rawValue
        case .unitDissolved(let d):
            let successor = d.successor.map { p.text(LocalizedText(en: "what it holds passes to ", vi: "chuyển giao cho ")) + $0.rawValue }
                ?? p.text(LocalizedText(en: "no successor: its parent keeps what it holds", vi: "không có đơn vị kế thừa: cấp trên giữ lại"))
            return ([successor] + (d.reason.map { [$0] } ?? [])).joined(separator: "; ")
        case .conference(let c):
            var parts = [c.title + " (" + p.text(ChoiceList.conferenceKinds.shown(c.kind.rawValue)) + (c.term.map { ", " + $0.description } ?? "") + ")"]
            if !c.figures.isEmpty { parts.append(c.figures.map { $0.key + "=" + p.figure($0.value) + dated($0.value, p) }.joined(separator: " ")) }
            if !c.targets.isEmpty { parts.append(t("targets ", "chỉ tiêu ") + c.targets.map { $0.key + "=" + $0.target.description }.joined(separator: " ")) }
            return parts.joined(separator: "; ")
        case .flow(let f):
            var text = p.count(f.count) + (f.kind.reason.map { " " + p.text(FlowKind(reason: $0)!.label) } ?? "")
            if let since = f.since { text += t(" since ", " từ ") + p.date(since) }
            return text
        case .merger(let m):
            var text = m.from.map(\.rawValue).joined(separator: " + ") + " → " + m.into.rawValue
            if let new = m.newUnit { text += " (" + t("new: ", "mới: ") + new.name + ")" }
            return text
        case .aggregateMerger(let a):
            return kind(a.of) + " " + p.count(a.before) + " → " + p.count(a.after) + t(" in ", " tại ") + a.scope.rawValue
                + (a.rounds.map { ", " + String($0) + t(" rounds", " đợt") } ?? "")
        case .rating(let r):
            var parts = [String(r.year) + " " + p.text(ChoiceList.ratingSubjects.shown(r.of.rawValue))]
            for tier in RatingTier.allCases {
                if let v = r.tiers[tier] { parts.append(p.text(LocalizedText(en: tier.rawValue, vi: tier.label(year: r.year, subject: r.of).vi)) + " " + p.figure(v)) }
            }
            if let g = r.goodOrBetter { parts.append(t("good-or-better ", "tốt trở lên ") + p.figure(g)) }
            if let n = r.rated { parts.append(t("rated ", "được đánh giá ") + p.count(n)) }
            return parts.joined(separator: ", ")
        case .correction(let c):
            let action: String
            switch c.action {
            case .retract: action = t("retracts", "rút lại")
            case .set(let fields): action = t("sets ", "sửa ") + fields.map { $0.key + "=" + (($0.value.commandLineText) ?? JSONWriter.string($0.value)) }.joined(separator: " ")
            }
            return p.seq(c.eventSeq) + " " + action + ": " + c.reason
        }
    }

    private static func dated(_ value: FigureValue, _ p: Presenter) -> String {
        if let asOf = value.asOf { return "@" + p.date(asOf) }
        if let period = value.period { return "@" + p.date(period.from) + ".." + p.date(period.to) }
        return ""
    }
}
