/// Reads one request's options into typed values, collecting every problem instead of stopping.
struct RequestReader {
    let request: RecordRequest
    let rules: Rules
    let context: RecordContext
    var issues: [ValidationIssue] = []

    var registry: Registry { rules.registry }

    init(request: RecordRequest, rules: Rules, context: RecordContext) {
        self.request = request
        self.rules = rules
        self.context = context
    }

    mutating func fail(_ field: String, _ value: String?, en: String, vi: String) {
        issues.append(ValidationIssue(field: field, value: value, message: LocalizedText(en: en, vi: vi), line: request.line))
    }

    mutating func warn(_ field: String, _ value: String?, en: String, vi: String) {
        issues.append(ValidationIssue(field: field, value: value, message: LocalizedText(en: en, vi: vi), severity: .warning,
                                      line: request.line))
    }

    mutating func required(_ name: String) -> String? {
        guard let value = single(name), !value.isEmpty else {
            if !request.has(name) || request.values(name).count == 1 {
                fail(name, nil, en: "--\(name) is required", vi: "thiếu --\(name)")
            }
            return nil
        }
        return value
    }

    mutating func single(_ name: String) -> String? {
        let values = request.values(name)
        if values.count > 1 {
            fail(name, values.joined(separator: ", "), en: "--\(name) is given \(values.count) times; give it once",
                 vi: "--\(name) được nhập \(values.count) lần; chỉ nhập một lần")
        }
        return values.last?.trimmingSpaces
    }

    // MARK: Dates

    mutating func date(_ name: String, required isRequired: Bool = true) -> CalendarDate? {
        guard let text = isRequired ? required(name) : single(name) else { return nil }
        do {
            let date = try DateParser.parse(text)
            if date > context.today && !context.allowFuture {
                fail(name, text, en: "--\(name) \(date.iso) is in the future (today is \(context.today.iso)); check the date, or pass --allow-future to record a planned event",
                     vi: "--\(name) \(date.vietnamese) là ngày trong tương lai (hôm nay \(context.today.vietnamese)); kiểm tra lại, hoặc thêm --allow-future nếu là sự kiện dự kiến")
            }
            return date
        } catch {
            fail(name, text, en: "--\(name) '\(text)': " + error.reason.en, vi: "--\(name) '\(text)': " + error.reason.vi)
            return nil
        }
    }

    // MARK: Units

    /// Resolves a unit option; with `activeAt`, it must exist on that date.
    mutating func unit(_ name: String, text: String? = nil, activeAt date: CalendarDate?) -> Int32? {
        guard let text = text ?? required(name) else { return nil }
        switch UnitLookup.resolve(text, in: registry) {
        case .found(let index) where registry[index].id == context.reportsTo:
            // Named as a parent it is known here, but its facts belong to the superior's journal.
            fail(name, text,
                 en: "--\(name) '\(text)': \(registry[index].id) is the unit this journal reports to; its facts are kept in the superior's journal: record them there",
                 vi: "--\(name) '\(text)': \(registry[index].id) là đơn vị cấp trên mà sổ này báo cáo lên; dữ kiện của đơn vị đó do sổ cấp trên quản lý: hãy ghi vào sổ đó")
        case .found(let index):
            if let date { checkActive(index, at: date, field: name, value: text) }
            return index
        case .ambiguous(let candidates):
            fail(name, text, en: "--\(name) '\(text)' matches several units: \(candidates.joined(separator: "; ")); give the id",
                 vi: "--\(name) '\(text)' khớp nhiều đơn vị: \(candidates.joined(separator: "; ")); hãy ghi mã đơn vị")
        case .unknown(let suggestions):
            fail(name, text,
                 en: "--\(name) '\(text)': no such unit" + (suggestions.isEmpty ? "; list units with `socai replay` or record it with `socai record unit`" : "; did you mean \(suggestions.joined(separator: "; "))?"),
                 vi: "--\(name) '\(text)': không có đơn vị này" + (suggestions.isEmpty ? "; xem danh sách bằng `socai replay` hoặc ghi mới bằng `socai record unit`" : "; có phải ý bạn là \(suggestions.joined(separator: "; "))?"))
        }
        return nil
    }

    /// Refuses a date outside the unit's life: before it was established, or on or after it closed.
    /// `field` and `value` are the option and the text that brought the unit or the date in.
    mutating func checkActive(_ index: Int32, at date: CalendarDate, field: String, value: String) {
        let entry = registry[index]
        guard checkEstablished(index, by: date, field: field, value: value) else { return }
        if let closing = entry.closing, closing.date <= date {
            let successor = (closing.mergedInto ?? closing.successor).map { registry[$0].id.rawValue }
            fail(field, value,
                 en: "--\(field) '\(value)': \(entry.id) no longer existed on \(date.iso) (\(closing.status.rawValue)\(successor.map { " into " + $0 } ?? "") on \(closing.date.iso)); "
                     + (successor.map { "record it for \($0) or use " } ?? "use ") + "a date before \(closing.date.iso)",
                 vi: "--\(field) '\(value)': \(entry.id) không còn tồn tại vào ngày \(date.vietnamese) (\(closing.status == .merged ? "sáp nhập" : "giải thể")\(successor.map { " vào " + $0 } ?? "") ngày \(closing.date.vietnamese)); "
                     + (successor.map { "hãy ghi cho \($0) hoặc dùng " } ?? "hãy dùng ") + "ngày trước \(closing.date.vietnamese)")
        }
    }

    /// Refuses `date` before the unit was established; whether it was established by then.
    @discardableResult
    mutating func checkEstablished(_ index: Int32, by date: CalendarDate, field: String, value: String) -> Bool {
        let entry = registry[index]
        guard let established = entry.established, date < established else { return true }
        fail(field, value,
             en: "--\(field) '\(value)': \(entry.id) did not exist yet on \(date.iso) (established \(established.iso)); use a date on or after \(established.iso)",
             vi: "--\(field) '\(value)': \(entry.id) chưa tồn tại vào ngày \(date.vietnamese) (thành lập \(established.vietnamese)); hãy dùng ngày từ \(established.vietnamese) trở đi")
        return false
    }

    // MARK: Numbers

    mutating func count(_ name: String, required isRequired: Bool = true, minimum: Int = 0) -> Int? {
        guard let text = isRequired ? required(name) : single(name) else { return nil }
        guard let n = CountParser.parse(text), n >= minimum, n <= Int(Int32.max) else {
            let rule = minimum >= 1 ? "a whole number, at least \(minimum)" : "a whole number, 0 or more"
            let ruleVi = minimum >= 1 ? "số nguyên, tối thiểu \(minimum)" : "số nguyên không âm"
            fail(name, text, en: "--\(name) '\(text)' must be \(rule) (e.g. 25, or 4.014 / 4,014 with grouping)",
                 vi: "--\(name) '\(text)' phải là \(ruleVi) (ví dụ 25, hoặc 4.014)")
            return nil
        }
        return n
    }

    mutating func kind(_ name: String, required isRequired: Bool) -> UnitKind? {
        guard let text = isRequired ? required(name) : single(name) else { return nil }
        return choice(name, text, in: .unitKinds, what: LocalizedText(en: "kind", vi: "loại đơn vị")).flatMap(UnitKind.init(rawValue:))
    }

    mutating func setting() -> UnitSetting? {
        guard let text = single("setting") else { return nil }
        return choice("setting", text, in: .unitSettings, what: LocalizedText(en: "setting", vi: "bối cảnh"))
            .flatMap(UnitSetting.init(rawValue:))
    }

    /// The code `text` names in `list` (in either language, diacritics optional), or nil after
    /// failing with the nearest choices and the whole list, in the reader's language.
    mutating func choice(_ name: String, _ text: String, in list: ChoiceList, what: LocalizedText,
                         spelled: String? = nil) -> String? {
        if let code = list.resolve(text) { return code }
        let near = list.codes(startingWith: text).isEmpty
            ? EditDistance.nearest(to: ChoiceList.key(text).replacingSpaces(), among: list.codes)
            : list.codes(startingWith: text)
        let field = spelled ?? "--" + name
        let use = near.isEmpty ? LocalizedText(en: "; use one of: ", vi: "; dùng một trong: ")
            : LocalizedText(en: "; use ", vi: "; dùng ") + near.map(list.shown).joined(separator: ", ")
                + LocalizedText(en: " or one of: ", vi: " hoặc một trong: ")
        let message = LocalizedText(en: "\(field) '\(text)': unknown \(what.en)", vi: "\(field) '\(text)': \(what.vi) không tồn tại")
            + use + list.listed
        issues.append(ValidationIssue(field: name, value: text, message: message, line: request.line))
        return nil
    }

    mutating func name(_ field: String, required isRequired: Bool) -> String? {
        guard let text = isRequired ? required(field) : single(field) else { return nil }
        guard !text.contains(where: { $0.isNewline }), TextBounds.length(text) <= TextBounds.name else {
            fail(field, String(text.prefix(80)), en: "--\(field) must be one line of at most \(TextBounds.name) characters (it has \(TextBounds.length(text)))",
                 vi: "--\(field) phải là một dòng, tối đa \(TextBounds.name) ký tự (hiện có \(TextBounds.length(text)))")
            return nil
        }
        return text
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

extension RequestReader {
    /// The bounds on text that no single option's check covers (`TextBounds`): the source, the
    /// recorder, and all of the event's text together.
    mutating func checkBounds() {
        if let source = context.source, TextBounds.length(source) > TextBounds.source {
            fail("source", String(source.prefix(80)),
                 en: "--source has \(TextBounds.length(source)) characters; at most \(TextBounds.source) are accepted: cite the document and quote the passage that matters",
                 vi: "--source có \(TextBounds.length(source)) ký tự; tối đa \(TextBounds.source): hãy ghi tài liệu và trích đoạn cần thiết")
        }
        if TextBounds.length(context.recordedBy) > TextBounds.recordedBy {
            fail("by", String(context.recordedBy.prefix(80)),
                 en: "--by has \(TextBounds.length(context.recordedBy)) characters; at most \(TextBounds.recordedBy): give a name or a login",
                 vi: "--by có \(TextBounds.length(context.recordedBy)) ký tự; tối đa \(TextBounds.recordedBy): hãy ghi tên hoặc tên đăng nhập")
        }
        let total = request.options.reduce(0) { $0 + TextBounds.length($1.value) }
            + TextBounds.length(context.source ?? "") + TextBounds.length(context.recordedBy)
        if total > TextBounds.event {
            fail("event", nil,
                 en: "the event's text adds up to \(total) characters; at most \(TextBounds.event) per event: split it into several events",
                 vi: "tổng văn bản của sự kiện là \(total) ký tự; tối đa \(TextBounds.event) cho mỗi sự kiện: hãy tách thành nhiều sự kiện")
        }
    }
}
