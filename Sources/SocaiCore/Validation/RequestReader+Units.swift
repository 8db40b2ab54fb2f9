extension RequestReader {
    mutating func unitEstablished() -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        var id: UnitID?
        if let text = required("id") {
            if let parsed = UnitID(text) {
                if let existing = registry.timeline(parsed), existing.established != nil {
                    fail("id", text, en: "unit id '\(text)' is already used by \(UnitLookup.describe(existing)); choose another id",
                         vi: "mã '\(text)' đã dùng cho \(UnitLookup.describe(existing)); hãy chọn mã khác")
                } else {
                    id = parsed
                }
            } else {
                fail("id", text, en: "unit id '\(text)' must be lowercase ASCII letters, digits and single dashes, e.g. sop-cop",
                     vi: "mã '\(text)' chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ sop-cop")
            }
        }
        let name = self.name("name", required: true)
        let kind = self.kind("kind", required: true)
        let setting = self.setting()
        var parent: UnitID?
        if let text = single("parent") {
            if let external = superior(text) {
                parent = external
            } else if let index = unit("parent", text: text, activeAt: date) {
                parent = registry[index].id
            }
        }
        let aliases = self.aliases()
        guard let id, let name, let kind, let date else { return nil }
        return (id, date, .unitEstablished(UnitEstablished(id: id, name: name, kind: kind, setting: setting, parent: parent,
                                                           aliases: aliases ?? [], printed: printedPercents(onRating: false))))
    }

    mutating func unitRenamed() -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        let unit = self.unit("unit", activeAt: date)
        let name = self.name("name", required: false)
        let kind = self.kind("kind", required: false)
        let setting = self.setting()
        let aliases = self.aliases() ?? []
        if name == nil && kind == nil && setting == nil && aliases.isEmpty && !request.has("name") && !request.has("kind")
            && !request.has("setting") && !request.has("alias") {
            fail("name", nil, en: "give the new --name, --kind, --setting or --alias", vi: "hãy ghi --name, --kind, --setting hoặc --alias mới")
        }
        guard let unit, let date, name != nil || kind != nil || setting != nil || !aliases.isEmpty else { return nil }
        return (registry[unit].id, date, .unitRenamed(UnitRenamed(name: name, kind: kind, setting: setting, aliases: aliases,
                                                                  printed: printedPercents(onRating: false))))
    }

    /// `--alias NAME`, repeatable: other names of the same organisation, one line each.
    mutating func aliases() -> [String]? {
        var result: [String] = []
        for text in request.values("alias") {
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isNewline }), trimmed.count <= 200 else {
                fail("alias", text, en: "--alias must be one line of 1 to 200 characters", vi: "--alias phải là một dòng, từ 1 đến 200 ký tự")
                return nil
            }
            if !result.contains(trimmed) { result.append(trimmed) }
        }
        return result
    }

    /// The unit the journal reports to, when `text` names it by id: a parent this journal does
    /// not hold (`init --reports-to`), so it is not looked up among this journal's units.
    func superior(_ text: String) -> UnitID? {
        guard let reportsTo = context.reportsTo, text.trimmingSpaces == reportsTo.rawValue else { return nil }
        return reportsTo
    }

    mutating func unitMoved() -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        let unit = self.unit("unit", activeAt: date)
        if request.values("parent").count == 1, let external = superior(request.values("parent")[0]) {
            guard let unit, let date else { return nil }
            return (registry[unit].id, date, .unitMoved(UnitMoved(parent: external, printed: printedPercents(onRating: false))))
        }
        let parent = self.unit("parent", activeAt: date)
        if let unit, let parent, let date, registry.isWithin(parent, unit, at: date) {
            fail("parent", registry[parent].id.rawValue,
                 en: "--parent '\(request.value("parent") ?? "")': \(registry[parent].id) is \(registry[unit].id) itself or lies under it; a unit cannot be moved under itself: choose a parent outside \(registry[unit].id)",
                 vi: "--parent '\(request.value("parent") ?? "")': \(registry[parent].id) là chính \(registry[unit].id) hoặc trực thuộc nó; không thể chuyển đơn vị vào chính nó: hãy chọn đơn vị cấp trên ngoài \(registry[unit].id)")
            return nil
        }
        guard let unit, let parent, let date else { return nil }
        warnSecondMove(unit, on: date)
        return (registry[unit].id, date, .unitMoved(UnitMoved(parent: registry[parent].id, printed: printedPercents(onRating: false))))
    }

    /// A unit already moved on that day: recorded (a clerk may be correcting where it went), but
    /// said, for a unit's moves of one day are one change, to where the last puts it (DECISIONS
    /// R2 Δ; seed 506): the earlier move no longer counts.
    private mutating func warnSecondMove(_ unit: Int32, on date: CalendarDate) {
        let t = registry[unit]
        guard let earlier = registry.facts(unit).last(where: { $0.kind == .parent && $0.day == date.dayNumber && $0.seq != t.establishedSeq
                && rules.knowledge.holds($0.validFrom, $0.validTo) }) else { return }
        let to = earlier.value >= 0 ? registry[Int32(earlier.value)].id.rawValue : nil
        warn("date", date.iso,
             en: "--date \(date.iso): \(t.id) was already moved on that day (seq \(earlier.seq)\(to.map { ", under \($0)" } ?? "")); both are recorded and the later one counts: where this one puts it. If the first was a mistake, retract it instead (socai record correction --event \(earlier.seq) --retract)",
             vi: "--date \(date.iso): \(t.id) đã được chuyển trong ngày \(date.vietnamese) (sự kiện số \(earlier.seq)\(to.map { ", về \($0)" } ?? "")); cả hai được ghi và sự kiện sau có hiệu lực: nơi sự kiện này chuyển đến. Nếu sự kiện trước ghi nhầm, hãy rút lại nó (socai record correction --event \(earlier.seq) --retract)")
    }

    mutating func unitDissolved() -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        let unit = self.unit("unit", activeAt: date)
        let reason = self.name("reason", required: false)
        let successor = request.has("successor") ? self.unit("successor", activeAt: date) : nil
        guard let unit, let date else { return nil }
        refuseStranding([registry[unit].id], days: date.dayNumber...Int(Int32.max), option: "date", value: date.iso)
        if request.has("successor") {
            guard let successor else { return nil }
            if registry.isWithin(successor, unit, at: date) {
                fail("successor", registry[successor].id.rawValue,
                     en: "--successor '\(request.value("successor") ?? "")': \(registry[successor].id) is \(registry[unit].id) itself or lies under it; name the unit that takes over what it held",
                     vi: "--successor '\(request.value("successor") ?? "")': \(registry[successor].id) là chính \(registry[unit].id) hoặc trực thuộc nó; hãy ghi đơn vị tiếp nhận")
                return nil
            }
            // Units still under it pass to the successor with what they hold (DECISIONS R1).
            return (registry[unit].id, date, .unitDissolved(UnitDissolved(reason: reason, successor: registry[successor].id,
                                                                          printed: printedPercents(onRating: false))))
        }
        let under = registry.unitsUnder(unit, onOrAfter: date).map { registry[$0].id.rawValue }
        if !under.isEmpty {
            let listed = under.prefix(5).joined(separator: ", ") + (under.count > 5 ? ", …" : "")
            fail("unit", registry[unit].id.rawValue,
                 en: "--unit '\(request.value("unit") ?? "")': \(under.count) unit(s) still lie under \(registry[unit].id) on or after \(date.iso) (\(listed)); move, merge or dissolve them first, or name who takes them over with --successor",
                 vi: "--unit '\(request.value("unit") ?? "")': còn \(under.count) đơn vị trực thuộc \(registry[unit].id) từ \(date.vietnamese) (\(listed)); hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước, hoặc ghi đơn vị tiếp nhận bằng --successor")
            return nil
        }
        if let held = rules.levels.residual(unit, "members", at: date.adding(days: -1)), held.amount > 0 {
            let parent = registry.parent(of: unit, at: date.adding(days: -1)).map { registry[$0].id.rawValue }
            warn("successor", nil,
                 en: "\(registry[unit].id) still holds \(held.amount) members on \(date.adding(days: -1).iso); with no --successor "
                     + (parent.map { "\($0) keeps them" } ?? "they are counted nowhere") + " (recorded anyway; `socai check` lists it as dissolved-with-members)",
                 vi: "\(registry[unit].id) còn \(held.amount) đảng viên ngày \(date.adding(days: -1).vietnamese); không có --successor nên "
                     + (parent.map { "\($0) giữ lại" } ?? "số này không được tính ở đâu") + " (vẫn ghi; `socai check` báo là dissolved-with-members)")
        }
        return (registry[unit].id, date, .unitDissolved(UnitDissolved(reason: reason, printed: printedPercents(onRating: false))))
    }

    mutating func flow(_ fixedKind: FlowKind?) -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        let unit = self.unit("unit", activeAt: date)
        let count = self.count("count", minimum: 1)
        var kind = fixedKind
        if fixedKind == nil, let reason = required("reason") {
            kind = choice("reason", reason, in: .departureReasons, what: LocalizedText(en: "reason", vi: "lý do"))
                .flatMap(FlowKind.init(reason:))
        }
        let since = self.date("since", required: false)
        if let since, let date, since > date {
            fail("since", since.iso, en: "--since \(since.iso) is after --date \(date.iso); the period must start before it ends",
                 vi: "--since \(since.vietnamese) sau --date \(date.vietnamese); khoảng thời gian phải bắt đầu trước khi kết thúc")
        }
        if let since, let unit { checkActive(unit, at: since, field: "since", value: request.value("since") ?? since.iso) }
        guard let unit, let date, let count, let kind else { return nil }
        let flow = Flow(kind: kind, count: count, since: since, printed: printedPercents(onRating: false))
        warnSameFlow(unit, date, flow)
        warnBelowZero(unit, date, kind, count)
        return (registry[unit].id, date, .flow(flow))
    }

    mutating func merger() -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        if request.has("in") || request.has("of") || request.has("before") || request.has("after") {
            return aggregateMerger(date: date)
        }
        var sources: [Int32] = []
        var seen = Set<Int32>()
        let texts = request.values("from").flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
        if texts.isEmpty {
            fail("from", nil, en: "--from is required: the units merged, separated by commas (or --in/--of/--before/--after for totals)",
                 vi: "thiếu --from: các đơn vị sáp nhập, cách nhau bằng dấu phẩy (hoặc --in/--of/--before/--after cho số tổng)")
        }
        for text in texts {
            guard let index = unit("from", text: text, activeAt: date) else { continue }
            if !seen.insert(index).inserted {
                fail("from", text, en: "\(registry[index].id) is listed twice in --from; list each unit once",
                     vi: "\(registry[index].id) xuất hiện hai lần trong --from; mỗi đơn vị chỉ ghi một lần")
            }
            sources.append(index)
        }
        guard let intoText = required("into") else { return nil }
        var newUnit: Merger.NewUnit?
        var into: UnitID?
        var intoIndex: Int32?
        if request.has("name") {
            // A new unit formed by the merger.
            if let id = UnitID(intoText) {
                if let existing = registry.timeline(id), existing.established != nil {
                    fail("into", intoText, en: "unit id '\(intoText)' already exists; drop --name to merge into it, or choose a new id",
                         vi: "mã '\(intoText)' đã tồn tại; bỏ --name để sáp nhập vào đơn vị đó, hoặc chọn mã mới")
                } else {
                    into = id
                }
            } else {
                fail("into", intoText, en: "new unit id '\(intoText)' must be lowercase ASCII letters, digits and dashes",
                     vi: "mã đơn vị mới '\(intoText)' chỉ gồm chữ thường không dấu, số và dấu gạch ngang")
            }
            let name = self.name("name", required: true)
            let kind = self.kind("kind", required: true) ?? sources.first.flatMap { s in date.flatMap { registry[s].kind(at: $0) } }
            var parent: UnitID?
            var parentIndex: Int32?
            if let text = single("parent") {
                if let external = superior(text) {
                    parent = external
                } else {
                    parentIndex = unit("parent", text: text, activeAt: date)
                }
            } else if let first = sources.first, let date {
                parentIndex = registry.parent(of: first, at: date)
            }
            parent = parentIndex.map { registry[$0].id } ?? parent
            if let parentIndex, let date {
                refuseParentClosing(parentIndex, sources: sources, date: date, option: "parent", value: request.value("parent"))
            }
            if let name, let kind { newUnit = Merger.NewUnit(name: name, kind: kind, setting: setting(), parent: parent) }
        } else {
            intoIndex = unit("into", text: intoText, activeAt: date)
            into = intoIndex.map { registry[$0].id }
            for option in ["kind", "setting", "parent"] where request.has(option) {
                fail(option, request.value(option), en: "--\(option) describes a new unit; give --name too, or drop it to merge into an existing unit",
                     vi: "--\(option) chỉ dùng khi tạo đơn vị mới; thêm --name, hoặc bỏ đi nếu sáp nhập vào đơn vị có sẵn")
            }
        }
        if let intoIndex, let date {
            let others = sources.filter { $0 != intoIndex }
            if others.isEmpty {
                fail("from", texts.joined(separator: ","), en: "nothing to merge: the only source is the target itself; list the units it absorbs",
                     vi: "không có gì để sáp nhập: nguồn duy nhất là chính đơn vị nhận; hãy ghi các đơn vị được sáp nhập")
            }
            for source in others where registry.isWithin(intoIndex, source, at: date) {
                fail("into", registry[intoIndex].id.rawValue,
                     en: "--into '\(intoText)': \(registry[intoIndex].id) lies under \(registry[source].id); merging a unit into its own subunit would make a cycle: merge into a unit outside \(registry[source].id)",
                     vi: "--into '\(intoText)': \(registry[intoIndex].id) trực thuộc \(registry[source].id); sáp nhập vào đơn vị con sẽ tạo vòng lặp: hãy sáp nhập vào đơn vị ngoài \(registry[source].id)")
            }
        } else if newUnit != nil && sources.count < 1 {
            fail("from", nil, en: "list at least one unit in --from", vi: "ghi ít nhất một đơn vị trong --from")
        }
        if let date, sources.count >= 2 {
            let kinds = Set(sources.compactMap { registry[$0].kind(at: date) })
            if kinds.count > 1 {
                warn("from", texts.joined(separator: ","), en: "the merged units are of different kinds (\(kinds.map(\.rawValue).sorted().joined(separator: ", ")))",
                     vi: "các đơn vị sáp nhập khác loại (\(kinds.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
        }
        guard let date, let into, !sources.isEmpty else { return nil }
        // The sources other than the target close on the merger's date.
        refuseStranding(sources.filter { $0 != intoIndex }.map { registry[$0].id }, days: date.dayNumber...Int(Int32.max),
                        option: "date", value: date.iso)
        return (into, date, .merger(Merger(from: sources.map { registry[$0].id }, into: into, newUnit: newUnit,
                                                          printed: printedPercents(onRating: false))))
    }

    /// The unit a merger forms must sit under a unit that outlives the merger: not one of the units
    /// it closes, nor one under them (those are handed over to the new unit itself). Otherwise the
    /// new unit would hang under nothing and its members count in no district or province.
    /// `option`/`value` name what the clerk typed (`--parent a`, `--set parent=a`), nil when the
    /// parent was taken from the first unit merged.
    mutating func refuseParentClosing(_ parent: Int32, sources: [Int32], date: CalendarDate, option: String, value: String?) {
        guard let closing = sources.first(where: { registry.isWithin(parent, $0, at: date) }) else { return }
        let p = registry[parent].id, c = registry[closing].id
        let above = registry.parent(of: closing, at: date).map { registry[$0].id }
        let subject = value.map { "--\(option) '\($0)'" } ?? "the new unit's parent (that of \(registry[sources[0]].id))"
        let subjectVI = value.map { "--\(option) '\($0)'" } ?? "đơn vị cấp trên của đơn vị mới (cấp trên của \(registry[sources[0]].id))"
        let write = option == "set" ? "--set parent=" : "--parent "
        let fix = above.map { "give \(write)\($0), the unit \(c) reported to" } ?? "give \(write)the unit that will hold the new one"
        let fixVI = above.map { "hãy ghi \(write)\($0), đơn vị cấp trên của \(c)" } ?? "hãy ghi \(write)đơn vị sẽ quản lý đơn vị mới"
        fail(option, value ?? p.rawValue,
             en: "\(subject): \(p) " + (p == c ? "closes in this merger" : "lies under \(c), which closes in this merger")
                 + ", so the new unit would belong to no unit from \(date.iso) on: \(fix)",
             vi: "\(subjectVI): \(p) " + (p == c ? "chấm dứt trong lần sáp nhập này" : "trực thuộc \(c), đơn vị chấm dứt trong lần sáp nhập này")
                 + ", nên từ ngày \(date.vietnamese) đơn vị mới không thuộc đơn vị nào: \(fixVI)")
    }

    private mutating func aggregateMerger(date: CalendarDate?) -> (UnitID, CalendarDate, EventPayload)? {
        let scope = unit("in", activeAt: date)
        let of = kind("of", required: true)
        let before = count("before", minimum: 1)
        let after = count("after", minimum: 1)
        let rounds = count("rounds", required: false, minimum: 1)
        let since = self.date("since", required: false)
        for option in ["from", "into", "name", "kind", "setting", "parent"] where request.has(option) {
            fail(option, request.value(option), en: "--\(option) is for a merger of named units; totals use --in, --of, --before, --after",
                 vi: "--\(option) dùng cho sáp nhập các đơn vị cụ thể; số tổng dùng --in, --of, --before, --after")
        }
        if let before, let after, after >= before {
            let (a, b) = (LocalizedText.count(after), LocalizedText.count(before))
            fail("after", String(after), en: "a merger leaves fewer units: --after \(a.en) must be less than --before \(b.en)",
                 vi: "sáp nhập làm giảm số đơn vị: --after \(a.vi) phải nhỏ hơn --before \(b.vi)")
        }
        if let since, let date, since > date {
            fail("since", since.iso, en: "--since \(since.iso) is after --date \(date.iso); the period must start before it ends",
                 vi: "--since \(since.vietnamese) sau --date \(date.vietnamese); khoảng thời gian phải bắt đầu trước khi kết thúc")
        }
        guard let scope, let of, let before, let after, let date, after < before else { return nil }
        return (registry[scope].id, date, .aggregateMerger(AggregateMerger(scope: registry[scope].id, of: of, before: before,
                                                                           after: after, rounds: rounds, since: since,
                                                                           printed: printedPercents(onRating: false))))
    }
}
