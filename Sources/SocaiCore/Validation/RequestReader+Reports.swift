extension RequestReader {
    mutating func conference() -> (UnitID, CalendarDate, EventPayload)? {
        let date = self.date("date")
        let unit = self.unit("unit", activeAt: date)
        let title = self.name("title", required: true)
        var kind = ConferenceKind.other
        if let text = single("kind"),
           let code = choice("kind", text, in: .conferenceKinds, what: LocalizedText(en: "conference kind", vi: "loại hội nghị")),
           let parsed = ConferenceKind(rawValue: code) {
            kind = parsed
        }
        var term: TermLabel?
        if let text = single("term") {
            term = TermLabel(text)
            if term == nil {
                fail("term", text, en: "--term '\(text)' must be two years, the second after the first and at most 10 later, e.g. 2020-2025",
                     vi: "--term '\(text)': nhiệm kỳ phải gồm hai năm, năm sau lớn hơn năm đầu và không quá 10 năm, ví dụ 2020-2025")
            }
        }
        if kind == .congress && term == nil && !request.has("term") {
            fail("term", nil, en: "a congress opens a term: add --term, e.g. --term 2020-2025", vi: "đại hội mở đầu nhiệm kỳ: thêm --term, ví dụ --term 2020-2025")
        }
        let asOf = self.date("as-of", required: false)
        if let asOf, let date, asOf > date {
            fail("as-of", asOf.iso, en: "--as-of \(asOf.iso) is after the conference (\(date.iso)); figures describe the past: use a date on or before \(date.iso)",
                 vi: "--as-of \(asOf.vietnamese) sau ngày hội nghị (\(date.vietnamese)); số liệu phải là quá khứ: hãy dùng ngày từ \(date.vietnamese) trở về trước")
        }
        let figureDate = asOf ?? date

        var figures: [KeyedFigure] = []
        for raw in request.values("figure") {
            guard let (key, valueText) = splitPair(raw, option: "figure", example: "members=5275") else { continue }
            guard let definition = figureDefinition(key, option: "figure", raw: raw) else { continue }
            let value: FigureValue
            do { value = try FigureValue.parse(valueText) } catch {
                fail("figure", raw, en: "--figure \(key): " + error.message.en, vi: "--figure \(key): " + error.message.vi)
                continue
            }
            if figures.contains(where: { $0.key == key && $0.value.asOf == value.asOf && $0.value.period == value.period }) {
                fail("figure", raw, en: "--figure \(raw): \(key) is given twice for the same date; give it once",
                     vi: "--figure \(raw): \(key) bị nhập hai lần cho cùng một ngày; chỉ nhập một lần")
            }
            if value.amount.units < 0 && FigureCatalogue.baseKey(key, suffix: "-change") == nil {
                // Only a change (`members-change=-12`) can be negative: a count, share or amount cannot.
                let change = definition.nature == .level ? "; for a fall, use \(key)-change=\(value.amount)" : ""
                let changeVi = definition.nature == .level ? "; nếu là mức giảm, dùng \(key)-change=\(value.amount)" : ""
                fail("figure", raw, en: "--figure \(raw): \(key) cannot be negative; write the number as printed, 0 or more\(change)",
                     vi: "--figure \(raw): \(key) không thể âm; hãy ghi số như tài liệu, từ 0 trở lên\(changeVi)")
                continue
            }
            switch definition.nature {
            case .flow:
                if value.asOf != nil {
                    fail("figure", raw, en: "--figure \(raw): \(key) is a count over a period: write @FROM..TO (e.g. \(key)=\(value.amount)@2020-01-01..2023-12-31), not a single date",
                         vi: "--figure \(raw): \(key) là số lượng trong một khoảng thời gian: ghi @TỪ..ĐẾN (ví dụ \(key)=\(value.amount)@01/01/2020..31/12/2023)")
                } else if value.period == nil && term == nil {
                    fail("figure", raw, en: "--figure \(raw): \(key) is a count over a period: add @FROM..TO to the value, or --term for \"since the start of the term\"",
                         vi: "--figure \(raw): \(key) là số lượng trong một khoảng thời gian: thêm @TỪ..ĐẾN vào giá trị, hoặc --term cho \"từ đầu nhiệm kỳ\"")
                }
                if let period = value.period, let date, period.to > date {
                    fail("figure", raw, en: "--figure \(raw): the period of \(key) ends after the conference (\(date.iso)); end it on or before that date",
                         vi: "--figure \(raw): khoảng thời gian của \(key) kết thúc sau ngày hội nghị (\(date.vietnamese)); hãy kết thúc vào hoặc trước ngày đó")
                }
            case .share:
                if !value.isPercent {
                    fail("figure", raw, en: "--figure \(raw): \(key) is a percentage: write it with %, e.g. \(key)=\(value.amount)%",
                         vi: "--figure \(raw): \(key) là tỷ lệ: ghi kèm %, ví dụ \(key)=\(value.amount)%")
                }
            case .level, .amount:
                if value.period != nil {
                    fail("figure", raw, en: "--figure \(raw): \(key) is a figure at a date: write @DATE, not a period", vi: "--figure \(raw): \(key) là số liệu tại một thời điểm: ghi @NGÀY, không ghi khoảng thời gian")
                }
                if definition.nature == .level && (value.isPercent || value.amount.scale > 0) {
                    fail("figure", raw, en: "--figure \(raw): \(key) is a count: write a whole number", vi: "--figure \(raw): \(key) là số lượng: ghi số nguyên")
                }
                if let at = value.asOf ?? figureDate, let unit { checkFigureDate(at, unit: unit, raw: raw) }
            }
            figures.append(KeyedFigure(key, value))
        }

        var targets: [KeyedTarget] = []
        for raw in request.values("target") {
            guard let (key, valueText) = splitPair(raw, option: "target", example: "admissions=400") else { continue }
            guard knownTarget(key, option: "target", raw: raw) else { continue }
            guard let target = Target.parse(valueText) else {
                fail("target", raw, en: "--target \(raw): '\(valueText)' must be a number (400), a range (15..20), an open minimum (20..) or a share (7%)",
                     vi: "--target \(raw): '\(valueText)' phải là số (400), khoảng (15..20), mức tối thiểu (20..) hoặc tỷ lệ (7%)")
                continue
            }
            let bounds: [FixedDecimal]
            switch target.shape {
            case .minimum(let n), .atLeast(let n), .share(let n): bounds = [n]
            case .range(let a, let b): bounds = [a, b]
            }
            if bounds.contains(where: { $0.units < 0 }) {
                fail("target", raw, en: "--target \(raw): a target cannot be negative; write the number the congress set, e.g. \(key)=400",
                     vi: "--target \(raw): chỉ tiêu không thể âm; hãy ghi con số đại hội đề ra, ví dụ \(key)=400")
                continue
            }
            targets.append(KeyedTarget(key, target))
        }

        let printed = printedPercents(onRating: false)
        var decisions: [String] = []
        for text in request.values("decision") {
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty || TextBounds.length(trimmed) > TextBounds.decision || trimmed.contains(where: \.isNewline) {
                fail("decision", String(text.prefix(80)), en: "--decision must be one line of 1 to \(TextBounds.decision) characters (it has \(TextBounds.length(trimmed)))",
                     vi: "--decision phải là một dòng từ 1 đến \(TextBounds.decision) ký tự (hiện có \(TextBounds.length(trimmed)))")
            } else {
                decisions.append(trimmed)
            }
        }
        if let unit, let figureDate { warnFarFromDerived(figures, unit: unit, at: figureDate) }
        if kind == .congress, let unit, let date, let term { warnCongressOrder(unit, term: term, date: date) }
        guard let unit, let date, let title else { return nil }
        return (registry[unit].id, date, .conference(Conference(title: title, kind: kind, term: term, asOf: asOf, figures: figures,
                                                               targets: targets, printed: printed, decisions: decisions)))
    }

    private mutating func checkFigureDate(_ date: CalendarDate, unit: Int32, raw: String) {
        if date > context.today && !context.allowFuture {
            fail("figure", raw, en: "--figure \(raw) is dated in the future (today is \(context.today.iso)); check the date, or pass --allow-future",
                 vi: "--figure \(raw) có ngày trong tương lai (hôm nay \(context.today.vietnamese)); kiểm tra lại, hoặc thêm --allow-future")
        }
        if let established = registry[unit].established, date < established {
            fail("figure", raw, en: "--figure \(raw) is dated before \(registry[unit].id) was established (\(established.iso)); use a date on or after it",
                 vi: "--figure \(raw) có ngày trước khi \(registry[unit].id) thành lập (\(established.vietnamese)); hãy dùng ngày từ đó trở đi")
        }
    }

    /// A congress out of the order of its terms (R4, `check` kind `congress-order`): recorded,
    /// for the mistyped one may be the congress recorded earlier, but said, with the fix.
    private mutating func warnCongressOrder(_ unit: Int32, term: TermLabel, date: CalendarDate) {
        guard let other = rules.terms.congressesOutOfOrder(unit, term: term, date: date).first, let otherTerm = other.term else { return }
        let relation = otherTerm < term ? ("on or after", "cùng ngày hoặc sau") : ("on or before", "cùng ngày hoặc trước")
        warn("date", date.iso,
             en: "--date \(date.iso): \(registry[unit].id) held its congress for \(otherTerm) on \(other.date.iso) (seq \(other.seq)), \(relation.0) this congress for \(term): terms follow each other, so one of the two dates or terms is wrong; correct it (socai record correction --event SEQ --set date=…), check reports it until then",
             vi: "--date \(date.vietnamese): \(registry[unit].id) đã tổ chức đại hội nhiệm kỳ \(otherTerm) ngày \(other.date.vietnamese) (sự kiện số \(other.seq)), \(relation.1) đại hội nhiệm kỳ \(term) này: các nhiệm kỳ nối tiếp nhau nên một trong hai ngày hoặc nhiệm kỳ bị ghi sai; hãy đính chính (socai record correction --event SỐ --set date=…), check sẽ báo cho đến khi sửa")
    }

    /// A conference figure far from what the journal derives for that date is probably a typo.
    private mutating func warnFarFromDerived(_ figures: [KeyedFigure], unit: Int32, at date: CalendarDate) {
        for figure in figures where figure.key == "members" {
            let at = figure.value.asOf ?? date
            guard let derived = rules.levels.value(unit, "members", at: at), derived.provenance == .derived, derived.basis != nil,
                  let d = derived.count, let stated = figure.value.exactCount else { continue }
            if abs(stated - d) * 10 > max(d, 50) {
                let (s, n) = (LocalizedText.count(stated), LocalizedText.count(d))
                warn("figure", "members=\(stated)", en: "members \(s.en) is far from the \(n.en) the journal derives for \(at.iso); check the figure (recorded anyway)",
                     vi: "số đảng viên \(s.vi) khác xa con số \(n.vi) tính được cho ngày \(at.vietnamese); hãy kiểm tra (vẫn ghi)")
            }
        }
    }

    mutating func splitPair(_ raw: String, option: String, example: String) -> (String, String)? {
        guard let equals = raw.firstIndex(of: "=") else {
            fail(option, raw, en: "--\(option) '\(raw)' must be NAME=VALUE, e.g. \(example)", vi: "--\(option) '\(raw)' phải có dạng TÊN=GIÁ_TRỊ, ví dụ \(example)")
            return nil
        }
        return (String(raw[..<equals]).trimmingSpaces, String(raw[raw.index(after: equals)...]).trimmingSpaces)
    }

    mutating func figureDefinition(_ key: String, option: String, raw: String) -> FigureDefinition? {
        if let definition = FigureCatalogue.definition(key) { return definition }
        let near = EditDistance.nearest(to: key, among: FigureCatalogue.keys)
        fail(option, raw, en: "--\(option) \(raw): unknown figure '\(key)'" + (near.isEmpty ? "; see `socai help figures`" : "; did you mean \(near.joined(separator: ", "))?"),
             vi: "--\(option) \(raw): số liệu '\(key)' không tồn tại" + (near.isEmpty ? "; xem `socai help figures`" : "; có phải ý bạn là \(near.joined(separator: ", "))?"))
        return nil
    }

    /// Whether `key` can carry a target (a figure, or a level's reduction rate); fails naming
    /// the nearest keys when not.
    mutating func knownTarget(_ key: String, option: String, raw: String) -> Bool {
        let known = FigureCatalogue.definition(key) != nil
            || FigureCatalogue.baseKey(key, suffix: "-reduction-per-year").flatMap(FigureCatalogue.definition) != nil
            || FigureCatalogue.baseKey(key, suffix: "-reduction").flatMap(FigureCatalogue.definition) != nil
        if !known {
            let near = EditDistance.nearest(to: key, among: FigureCatalogue.keys + FigureCatalogue.keys.map { $0 + "-per-year" })
            fail(option, raw, en: "--\(option) \(raw): unknown target '\(key)'" + (near.isEmpty ? "; see `socai help figures`" : "; did you mean \(near.joined(separator: ", "))?"),
                 vi: "--\(option) \(raw): chỉ tiêu '\(key)' không tồn tại" + (near.isEmpty ? "; xem `socai help figures`" : "; có phải ý bạn là \(near.joined(separator: ", "))?"))
        }
        return known
    }

    /// Whether `name` says what a printed percentage is of; fails naming the nearest names when not.
    mutating func knownPrintedName(_ name: String, onRating: Bool, option: String, raw: String) -> Bool {
        guard PrintedPercentName.parse(name, onRating: onRating) == nil else { return true }
        let near = EditDistance.nearest(to: name, among: PrintedPercentName.examples(onRating: onRating))
        fail(option, raw, en: "--\(option) '\(raw)': '\(name)' does not say what the percentage is of" + (near.isEmpty ? "; see `socai help figures`" : "; did you mean \(near.joined(separator: ", "))?"),
             vi: "--\(option) '\(raw)': '\(name)' không cho biết tỷ lệ của cái gì" + (near.isEmpty ? "; xem `socai help figures`" : "; có phải ý bạn là \(near.joined(separator: ", "))?"))
        return false
    }

    mutating func printedPercents(onRating: Bool) -> [PrintedPercent] {
        var printed: [PrintedPercent] = []
        for raw in request.values("printed") {
            guard let (name, valueText) = splitPair(raw, option: "printed", example: onRating ? "excellent-share=15,2" : "admissions-attainment=117,3") else { continue }
            guard knownPrintedName(name, onRating: onRating, option: "printed", raw: raw) else { continue }
            guard let value = FixedDecimal.parse(valueText), value.units >= 0 else {
                fail("printed", raw, en: "--printed '\(raw)': '\(valueText)' is not a percentage as printed (e.g. 91,57 or 15.2)",
                     vi: "--printed '\(raw)': '\(valueText)' không phải tỷ lệ (ví dụ 91,57 hoặc 15,2)")
                continue
            }
            printed.append(PrintedPercent(name, value))
        }
        return printed
    }

    mutating func rating() -> (UnitID, CalendarDate, EventPayload)? {
        var year: Int?
        if let text = required("year") {
            if let y = Int(text), (1930...context.today.year).contains(y) { year = y } else {
                fail("year", text, en: "--year '\(text)' must be a year from 1930 to \(context.today.year)", vi: "--year '\(text)' phải là năm từ 1930 đến \(context.today.year)")
            }
        }
        var date = self.date("date", required: false)
        if date == nil, request.value("date") == nil, let year {
            date = CalendarDate.endOfYear(year)
            if let d = date, d > context.today && !context.allowFuture {
                fail("date", nil, en: "the \(year) rating would take effect on \(d.iso), in the future; give --date (when it was decided)",
                     vi: "xếp loại năm \(year) sẽ có hiệu lực ngày \(d.vietnamese), trong tương lai; hãy ghi --date (ngày quyết định)")
            }
        }
        let unit = self.unit("unit", activeAt: date)
        var subject: RatingSubject?
        if let text = required("of") {
            subject = choice("of", text, in: .ratingSubjects, what: LocalizedText(en: "rating subject", vi: "đối tượng đánh giá"))
                .flatMap(RatingSubject.init(rawValue:))
        }
        var tiers: [RatingTier: FigureValue] = [:]
        for tier in RatingTier.allCases {
            if let value = tierValue(tier.rawValue) { tiers[tier] = value }
        }
        let goodOrBetter = tierValue("good-or-better")
        let tierOptions = RatingTier.allCases.map(\.rawValue) + ["good-or-better"]
        if tiers.isEmpty && goodOrBetter == nil && !tierOptions.contains(where: request.has) {
            fail("excellent", nil, en: "give at least one tier: --excellent, --good, --good-or-better, --completed, --failed",
                 vi: "ghi ít nhất một mức: --excellent, --good, --good-or-better, --completed, --failed")
        }
        let rated = count("rated", required: false)
        let exempt = count("exempt", required: false)
        let unrated = count("unrated", required: false)
        let regulation = name("regulation", required: false)
        let printed = printedPercents(onRating: true)
        guard let year, let date, let unit, let subject else { return nil }
        let rating = Rating(year: year, of: subject, tiers: tiers, goodOrBetter: goodOrBetter, rated: rated, exempt: exempt,
                            unrated: unrated, regulation: regulation, printed: printed)
        warnRating(rating, unit: unit, date: date)
        return (registry[unit].id, date, .rating(rating))
    }

    private mutating func tierValue(_ name: String) -> FigureValue? {
        guard let text = single(name) else { return nil }
        do {
            let value = try FigureValue.parse(text)
            guard value.asOf == nil, value.period == nil, value.isPercent || value.amount.scale == 0, value.amount.units >= 0 else {
                fail(name, text, en: "--\(name) '\(text)' must be a count of 0 or more (6) or a printed share (15,2%)",
                     vi: "--\(name) '\(text)' phải là số lượng không âm (6) hoặc tỷ lệ (15,2%)")
                return nil
            }
            return value
        } catch {
            fail(name, text, en: "--\(name): " + error.message.en, vi: "--\(name): " + error.message.vi)
            return nil
        }
    }

    mutating func correction() -> (UnitID, CalendarDate, EventPayload)? {
        let reason = name("reason", required: true)
        guard let text = required("event") else { return nil }
        // The event by id, or by its seq as `socai log` and `audit` show it.
        let located: LocatedEvent?
        if let id = EventID(text) {
            located = rules.locate(id)
        } else if let seq = Int64(text.trimmingSpaces), seq > 0 {
            located = rules.locate(seq: seq)
        } else {
            fail("event", text, en: "--event '\(text)' is neither an event id nor a seq; find them with `socai log`",
                 vi: "--event '\(text)' không phải mã hay số thứ tự sự kiện; tìm bằng `socai log`")
            return nil
        }
        let targetSeq = EventID(text).flatMap { rules.seq(of: $0) } ?? located?.seq ?? Int64(text.trimmingSpaces)
        if let targetSeq, let by = rules.retraction(of: targetSeq) {
            fail("event", text, en: "\(text) was retracted by seq \(by); a retracted event cannot be corrected (record the fact again as a new event)",
                 vi: "\(text) đã bị rút lại ở sự kiện số \(by); không thể đính chính sự kiện đã rút (hãy ghi lại dữ kiện thành sự kiện mới)")
            return nil
        }
        guard let target = located else {
            fail("event", text, en: "no event \(text) in the journal; find ids and seqs with `socai log`",
                 vi: "không có sự kiện \(text) trong sổ; tìm mã và số thứ tự bằng `socai log`")
            return nil
        }
        guard let id = rules.eventID(seq: target.seq) else { return nil }
        if target.payload.type == .correction {
            fail("event", text, en: "\(text) is itself a correction; correct the original event instead", vi: "\(text) là một đính chính; hãy đính chính sự kiện gốc")
            return nil
        }
        let retract = request.has("retract")
        if let value = request.value("retract"), !["", "true", "yes", "1"].contains(value) {
            fail("retract", value, en: "--retract takes no value", vi: "--retract không nhận giá trị")
        }
        var fields = JSONObject()
        for raw in request.values("set") {
            guard let (field, value) = splitPair(raw, option: "set", example: "count=20") else { continue }
            // A corrected name or title obeys the bound of --name and --title (TextBounds).
            if ["name", "title", "reason", "regulation"].contains(field), TextBounds.length(value) > TextBounds.name {
                fail("set", String(raw.prefix(80)), en: "--set \(field)= must be at most \(TextBounds.name) characters (it has \(TextBounds.length(value)))",
                     vi: "--set \(field)= tối đa \(TextBounds.name) ký tự (hiện có \(TextBounds.length(value)))")
                continue
            }
            if field.hasPrefix("figures.") {
                let key = String(field.dropFirst("figures.".count))
                // A corrected figure obeys the rules of --figure: a known key, and no negative count.
                guard figureDefinition(key, option: "set", raw: raw) != nil else { continue }
                if let parsed = try? FigureValue.parse(value), parsed.amount.units < 0,
                   FigureCatalogue.baseKey(key, suffix: "-change") == nil {
                    fail("set", raw, en: "--set \(raw): \(key) cannot be negative; write the number as printed, 0 or more",
                         vi: "--set \(raw): \(key) không thể âm; hãy ghi số như tài liệu, từ 0 trở lên")
                    continue
                }
            }
            if field.hasPrefix("targets.") {
                guard knownTarget(String(field.dropFirst("targets.".count)), option: "set", raw: raw) else { continue }
            }
            if field.hasPrefix("printed.") {
                let name = String(field.dropFirst("printed.".count))
                guard knownPrintedName(name, onRating: target.payload.type == .rating, option: "set", raw: raw) else { continue }
            }
            fields[field] = correctionValue(field: field, text: value, target: target.payload)
        }
        if retract == request.has("set") {
            fail("retract", nil, en: "give either --retract or one or more --set FIELD=VALUE", vi: "ghi --retract hoặc một hay nhiều --set TRƯỜNG=GIÁ_TRỊ")
            return nil
        }
        var newDate = target.date
        if !fields.isEmpty {
            switch CorrectionApplier.apply(fields, to: target.payload, date: target.date) {
            case .failure(let failure):
                fail("set", request.values("set").joined(separator: " "), en: "the corrected event would be invalid: \(failure.message)",
                     vi: "sự kiện sau đính chính sẽ không hợp lệ: \(failure.text.vi)")
                return nil
            case .success(let (corrected, date)):
                newDate = date
                // A merger's new unit moved (by its date or its parent) under a unit the merger closes.
                if case .merger(let merger) = corrected, let parent = merger.newUnit?.parent.flatMap(registry.index(of:)) {
                    let field = fields.keys.contains("parent") ? "parent" : "date"
                    refuseParentClosing(parent, sources: merger.from.compactMap(registry.index(of:)), date: date, option: "set",
                                        value: field + "=" + (field == "parent" ? registry[parent].id.rawValue : date.iso))
                }
                if date > context.today && !context.allowFuture {
                    fail("set", date.iso, en: "--set date=\(date.iso): the corrected date is in the future (today is \(context.today.iso)); check the date, or pass --allow-future",
                         vi: "--set date=\(date.iso): ngày đính chính là ngày tương lai (hôm nay \(context.today.vietnamese)); kiểm tra lại, hoặc thêm --allow-future")
                }
                if let unit = registry.index(of: target.subject) { checkActive(unit, at: date, field: "set", value: "date=" + date.iso) }
                if date != target.date {
                    switch target.payload {
                    case .merger(let merger):
                        // Earlier: none of its units may be one registered after the new date (seed
                        // 2093: a village merged before it existed, counted gone from the old date).
                        for id in merger.from where id != target.subject {
                            if let u = registry.index(of: id) { checkEstablished(u, by: date, field: "set", value: "date=" + date.iso) }
                        }
                        // Earlier: its sources close sooner; later: the unit it creates starts later,
                        // and what was placed under it on its old first day has no parent that day.
                        refuseStranding(date < target.date ? merger.from.filter { $0 != merger.into } : (merger.newUnit != nil ? [merger.into] : []),
                                        from: target.date, to: date, correcting: target.seq, startsLater: date > target.date)
                    case .unitEstablished where date > target.date:
                        refuseStranding([target.subject], from: target.date, to: date, correcting: target.seq, startsLater: true)
                    case .unitDissolved where date < target.date:
                        refuseStranding([target.subject], from: target.date, to: date, correcting: target.seq)
                    default: break
                    }
                }
            }
        }
        if retract {
            // Retracting what brought a unit into existence leaves its events at no unit at all.
            switch target.payload {
            case .merger(let merger) where merger.newUnit != nil:
                refuseStranding([merger.into], days: Self.allDays, option: "retract", value: nil, correcting: target.seq)
            case .unitEstablished:
                refuseStranding([target.subject], days: Self.allDays, option: "retract", value: nil, correcting: target.seq)
            default: break
            }
        }
        guard let reason else { return nil }
        let action: Correction.Action = retract ? .retract : .set(fields)
        return (target.subject, newDate, .correction(Correction(event: id, eventSeq: target.seq, reason: reason, action: action)))
    }

    /// A merger's, a dissolution's or a registration's date moved: an event dated between the old
    /// and the new date at one of `units` (those the move takes out of existence on those days)
    /// would be stranded at a unit that did not exist then.
    /// `startsLater`: the units now begin on `new` instead of `old`, so a unit placed under them on
    /// `old` itself is stranded too (seed 35853: a merger's new commune moved from 2019-10-03 to
    /// 2020-01-01 left a village created under it on 2019-10-03 under nothing).
    private mutating func refuseStranding(_ units: [UnitID], from old: CalendarDate, to new: CalendarDate, correcting: Int64,
                                          startsLater: Bool = false) {
        refuseStranding(units, days: min(old, new).dayNumber...(max(old, new).dayNumber - 1), option: "set", value: "date=" + new.iso,
                        correcting: correcting, arrivalsOnFirstDay: startsLater)
    }

    /// Every day a journal can hold.
    static let allDays = Int(Int32.min)...Int(Int32.max)

    /// Events already recorded at one of `units` dated inside `days`, the days on which the event
    /// being read takes those units out of existence (a correction of a date or a retraction, a
    /// merger or a dissolution recorded after events dated later): refused, naming the first by
    /// seq, rather than leaving what they count at a unit that did not exist (R7, issue 21 item 1).
    /// `correcting` is the seq of the event a correction changes: what it sends itself is not stranded by it.
    /// `arrivalsOnFirstDay`: what arrives on the first of `days` is stranded too (the units begin
    /// later), not passed on as on a closing day.
    mutating func refuseStranding(_ units: [UnitID], days: ClosedRange<Int>, option: String, value: String?, correcting: Int64? = nil,
                                  arrivalsOnFirstDay: Bool = false) {
        let knowledge = rules.knowledge, projection = rules.projection
        var stranded: [(seq: Int64, unit: UnitID, date: CalendarDate, what: LocalizedText, to: UnitID?)] = []
        for id in units {
            // What other units' facts send to it on those days (a merger into it, a dissolution
            // naming it successor, a unit placed under it), but not on the first: what arrives on
            // the day it closes passes on to its receiver, as a chain of mergers on one day does (R1).
            let firstArrivalDay = arrivalsOnFirstDay ? days.lowerBound : days.lowerBound + 1
            if let u = registry.index(of: id), firstArrivalDay <= days.upperBound {
                for arrival in registry.arrivals(at: u, in: firstArrivalDay...days.upperBound) where arrival.seq != correcting {
                    stranded.append((arrival.seq, registry[arrival.unit].id, arrival.date, arrival.type.label, id))
                }
            }
            // A merger that closes it on one of those days (it is one of the merger's sources): a
            // unit closed twice. (A dissolution of it is among its own records, below.)
            if let u = registry.index(of: id) {
                for closing in registry[u].closings where closing.status == .merged && closing.seq != correcting
                    && days.contains(closing.date.dayNumber) {
                    stranded.append((closing.seq, id, closing.date, EventType.merger.label, closing.mergedInto.map { registry[$0].id }))
                }
            }
            // Events of an import's earlier lines count as much as the journal's.
            for event in rules.staged(at: id) where days.contains(event.effectiveDate.dayNumber)
                && !Self.isNamedMerger(event.payload) && event.type != .correction && event.type != .unitEstablished {
                stranded.append((event.seq, id, event.effectiveDate, Self.strandedLabel(event.type, event.payload), nil))
            }
            guard let u = registry.index(of: id), Int(u) < projection.unitCount else { continue }
            for flow in projection.flows(u, from: days.lowerBound, through: days.upperBound, knowledge) {
                stranded.append((flow.seq, id, flow.date, flow.kind.eventType.label, nil))
            }
            for record in projection.records(u, knowledge) where !record.isRetracted && days.contains(record.date.dayNumber)
                && !(record.payload.map(Self.isNamedMerger) ?? false) && record.type != .correction && record.type != .unitEstablished {
                stranded.append((record.seq, id, record.date, Self.strandedLabel(record.type, record.payload), nil))
            }
        }
        guard let first = stranded.min(by: { $0.seq < $1.seq }) else { return }
        let others = stranded.count - 1
        let shown = "--" + option + (value.map { " " + $0 } ?? "")
        fail(option, value,
             en: "\(shown): that would leave seq \(first.seq) (\(first.what.en) of \(first.unit) on \(first.date.iso)\(first.to.map { ", sending it to \($0)" } ?? ""))"
                 + (others > 0 ? " and \(others) more" : "") + " at a unit that did not exist on its date; correct their dates first, or retract them and record them again at the unit that holds them (socai record correction --event \(first.seq) …), then this one",
             vi: "\(shown): khi đó sự kiện số \(first.seq) (\(first.what.vi) của \(first.unit) ngày \(first.date.vietnamese)\(first.to.map { ", chuyển sang \($0)" } ?? ""))"
                 + (others > 0 ? " và \(others) sự kiện khác" : "") + " sẽ thuộc một đơn vị chưa có hoặc đã thôi tồn tại vào ngày đó; hãy đính chính ngày của chúng trước, hoặc rút lại rồi ghi lại cho đơn vị đang giữ chúng (socai record correction --event \(first.seq) …), rồi mới ghi sự kiện này")
    }

    /// What a refusal calls an event a closing would strand: merger totals by that name, not
    /// "merger", the type they share with a merger of named units.
    static func strandedLabel(_ type: EventType, _ payload: EventPayload?) -> LocalizedText {
        if case .aggregateMerger? = payload { return LocalizedText(en: "merger totals", vi: "số liệu sáp nhập") }
        return type.label
    }

    /// A merger of named units (its own participants are found by their closings and arrivals);
    /// merger totals stated for a scope are an event at that scope like any other (seed 2000).
    static func isNamedMerger(_ payload: EventPayload) -> Bool {
        if case .merger = payload { return true }
        return false
    }

    /// A `--set` value as the target's data stores it: counts as integers, dates as ISO.
    private mutating func correctionValue(field: String, text: String, target: EventPayload) -> JSONValue {
        if text == "null" { return .null }
        if field == "date" || field == "since" || field == "as-of" {
            if let date = try? DateParser.parse(text) { return .string(date.iso) }
        }
        let current = target.data[field]
        if case .integer? = current, let n = CountParser.parse(text) { return .integer(Int64(n)) }
        if field.hasPrefix("figures.") {
            if let value = try? FigureValue.parse(text) { return value.json }
        }
        if ["count", "year", "rated", "exempt", "unrated", "before", "after", "rounds"].contains(field), let n = CountParser.parse(text) {
            return .integer(Int64(n))
        }
        if RatingTier.allCases.map(\.rawValue).contains(field) || field == "good-or-better", let value = try? FigureValue.parse(text) {
            return value.json
        }
        if field.hasPrefix("targets."), let target = Target.parse(text) { return target.json }
        if field.hasPrefix("printed."), let value = FixedDecimal.parse(text) { return .string(value.description) }
        // A choice is stored as its code, however it was typed (`--set reason=từ trần` is `death`).
        if let list = Self.choices(field, of: target), let code = list.resolve(text) { return .string(code) }
        return .string(text)
    }

    /// The choice list a corrected field takes its value from, when it is a choice.
    private static func choices(_ field: String, of target: EventPayload) -> ChoiceList? {
        switch (field, target) {
        case ("reason", .flow): .departureReasons
        case ("kind", .conference): .conferenceKinds
        case ("kind", .unitEstablished), ("kind", .unitRenamed), ("kind", .merger), ("of", .aggregateMerger): .unitKinds
        case ("setting", _): .unitSettings
        case ("of", .rating): .ratingSubjects
        default: nil
        }
    }
}
