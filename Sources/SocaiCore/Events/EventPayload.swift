/// The fields of one event, by type. The journal stores them in CloudEvents `data`, using the
/// names of the `record` options that made them.
public enum EventPayload: Sendable, Hashable {
    case unitEstablished(UnitEstablished)
    case unitRenamed(UnitRenamed)
    case unitMoved(UnitMoved)
    case unitDissolved(UnitDissolved)
    case conference(Conference)
    case flow(Flow)
    case merger(Merger)
    case aggregateMerger(AggregateMerger)
    case rating(Rating)
    case correction(Correction)

    public var type: EventType {
        switch self {
        case .unitEstablished: .unitEstablished
        case .unitRenamed: .unitRenamed
        case .unitMoved: .unitMoved
        case .unitDissolved: .unitDissolved
        case .conference: .conference
        case .flow(let flow): flow.kind.eventType
        case .merger, .aggregateMerger: .merger
        case .rating: .rating
        case .correction: .correction
        }
    }
}

extension EventPayload {
    /// The percentages the event's document printed, for `check` (`--printed NAME=P`); a
    /// correction carries none of its own.
    public var printed: [PrintedPercent] {
        switch self {
        case .unitEstablished(let u): u.printed
        case .unitRenamed(let r): r.printed
        case .unitMoved(let m): m.printed
        case .unitDissolved(let d): d.printed
        case .conference(let c): c.printed
        case .flow(let f): f.printed
        case .merger(let m): m.printed
        case .aggregateMerger(let a): a.printed
        case .rating(let r): r.printed
        case .correction: []
        }
    }

    /// The `data` object, fields in a fixed order so equal payloads give equal bytes.
    public var data: JSONObject {
        var o = JSONObject()
        switch self {
        case .unitEstablished(let u):
            o["id"] = .string(u.id.rawValue)
            o["name"] = .string(u.name)
            o["kind"] = .string(u.kind.rawValue)
            if let s = u.setting { o["setting"] = .string(s.rawValue) }
            if let p = u.parent { o["parent"] = .string(p.rawValue) }
            if !u.aliases.isEmpty { o["aliases"] = .array(u.aliases.map { .string($0) }) }
            EventPayload.addPrinted(u.printed, to: &o)
        case .unitRenamed(let r):
            if let n = r.name { o["name"] = .string(n) }
            if let k = r.kind { o["kind"] = .string(k.rawValue) }
            if let s = r.setting { o["setting"] = .string(s.rawValue) }
            if !r.aliases.isEmpty { o["aliases"] = .array(r.aliases.map { .string($0) }) }
            EventPayload.addPrinted(r.printed, to: &o)
        case .unitMoved(let m):
            o["parent"] = .string(m.parent.rawValue)
            EventPayload.addPrinted(m.printed, to: &o)
        case .unitDissolved(let d):
            if let r = d.reason { o["reason"] = .string(r) }
            if let s = d.successor { o["successor"] = .string(s.rawValue) }
            EventPayload.addPrinted(d.printed, to: &o)
        case .conference(let c):
            o["title"] = .string(c.title)
            o["kind"] = .string(c.kind.rawValue)
            if let t = c.term { o["term"] = .string(t.description) }
            if let a = c.asOf { o["as-of"] = .string(a.iso) }
            if !c.figures.isEmpty { o["figures"] = .object(EventPayload.figuresObject(c.figures)) }
            if !c.targets.isEmpty { o["targets"] = .object(JSONObject(c.targets.map { ($0.key, $0.target.json) })) }
            EventPayload.addPrinted(c.printed, to: &o)
            if !c.decisions.isEmpty { o["decisions"] = .array(c.decisions.map { .string($0) }) }
        case .flow(let f):
            o["count"] = .integer(Int64(f.count))
            if let r = f.kind.reason { o["reason"] = .string(r) }
            if let s = f.since { o["since"] = .string(s.iso) }
            EventPayload.addPrinted(f.printed, to: &o)
        case .merger(let m):
            o["from"] = .array(m.from.map { .string($0.rawValue) })
            o["into"] = .string(m.into.rawValue)
            if let n = m.newUnit {
                o["name"] = .string(n.name)
                o["kind"] = .string(n.kind.rawValue)
                if let s = n.setting { o["setting"] = .string(s.rawValue) }
                if let p = n.parent { o["parent"] = .string(p.rawValue) }
            }
            EventPayload.addPrinted(m.printed, to: &o)
        case .aggregateMerger(let a):
            o["in"] = .string(a.scope.rawValue)
            o["of"] = .string(a.of.rawValue)
            o["before"] = .integer(Int64(a.before))
            o["after"] = .integer(Int64(a.after))
            if let r = a.rounds { o["rounds"] = .integer(Int64(r)) }
            if let s = a.since { o["since"] = .string(s.iso) }
            EventPayload.addPrinted(a.printed, to: &o)
        case .rating(let r):
            o["year"] = .integer(Int64(r.year))
            o["of"] = .string(r.of.rawValue)
            for tier in RatingTier.allCases {
                if let v = r.tiers[tier] { o[tier.rawValue] = v.json }
                if tier == .good, let g = r.goodOrBetter { o["good-or-better"] = g.json }
            }
            if let n = r.rated { o["rated"] = .integer(Int64(n)) }
            if let n = r.exempt { o["exempt"] = .integer(Int64(n)) }
            if let n = r.unrated { o["unrated"] = .integer(Int64(n)) }
            if let g = r.regulation { o["regulation"] = .string(g) }
            EventPayload.addPrinted(r.printed, to: &o)
        case .correction(let c):
            o["event"] = .string(c.event.rawValue)
            o["eventseq"] = .integer(c.eventSeq)
            o["reason"] = .string(c.reason)
            switch c.action {
            case .retract: o["retract"] = .bool(true)
            case .set(let fields): o["set"] = .object(fields)
            }
        }
        return o
    }

    /// Figures by key; a key stated for several dates (a baseline and today) holds an array.
    private static func figuresObject(_ figures: [KeyedFigure]) -> JSONObject {
        var order: [String] = []
        var values: [String: [JSONValue]] = [:]
        for figure in figures {
            if values[figure.key] == nil { order.append(figure.key) }
            values[figure.key, default: []].append(figure.value.json)
        }
        return JSONObject(order.map { key in (key, values[key]!.count == 1 ? values[key]![0] : .array(values[key]!)) })
    }

    private static func addPrinted(_ printed: [PrintedPercent], to o: inout JSONObject) {
        guard !printed.isEmpty else { return }
        o["printed"] = .object(JSONObject(printed.map { ($0.name, .string($0.value.description)) }))
    }

    /// Reads the payload of an event of `type` from its `data`, strictly (unknown fields fail).
    public init(type: EventType, data: JSONObject) throws(EventDataError) {
        var r = DataReader(data)
        switch type {
        case .unitEstablished:
            let id = try r.unit("id")
            let name = try r.string("name")
            let kind = try EventPayload.kind(&r, "kind")
            let setting = try EventPayload.setting(&r)
            let parent = try r.optionalUnit("parent")
            let aliases = try EventPayload.strings(&r, "aliases")
            self = .unitEstablished(UnitEstablished(id: id, name: name, kind: kind, setting: setting, parent: parent,
                                                    aliases: aliases, printed: try EventPayload.printed(&r)))
        case .unitRenamed:
            let name = try r.optionalString("name")
            let kind = try r.optionalString("kind").map { (text: String) throws(EventDataError) -> UnitKind in
                guard let k = UnitKind(rawValue: text) else { throw .invalid("kind", .string(text)) }
                return k
            }
            let setting = try EventPayload.setting(&r)
            let aliases = try EventPayload.strings(&r, "aliases")
            guard name != nil || kind != nil || setting != nil || !aliases.isEmpty else { throw .missing("name") }
            self = .unitRenamed(UnitRenamed(name: name, kind: kind, setting: setting, aliases: aliases, printed: try EventPayload.printed(&r)))
        case .unitMoved:
            self = .unitMoved(UnitMoved(parent: try r.unit("parent"), printed: try EventPayload.printed(&r)))
        case .unitDissolved:
            self = .unitDissolved(UnitDissolved(reason: try r.optionalString("reason"), successor: try r.optionalUnit("successor"),
                                                printed: try EventPayload.printed(&r)))
        case .conference:
            let title = try r.string("title")
            let kindText = try r.optionalString("kind") ?? "other"
            guard let kind = ConferenceKind(rawValue: kindText) else { throw .invalid("kind", .string(kindText)) }
            let term = try r.optionalString("term").map { (text: String) throws(EventDataError) -> TermLabel in
                guard let t = TermLabel(text) else { throw .invalid("term", .string(text)) }
                return t
            }
            let asOf = try r.optionalDate("as-of")
            var figures: [KeyedFigure] = []
            for (key, value) in try r.optionalObject("figures") ?? JSONObject() {
                for item in value.array ?? [value] {
                    do { figures.append(KeyedFigure(key, try FigureValue.parse(item))) } catch {
                        throw .invalid("figures.\(key)", item)
                    }
                }
            }
            var targets: [KeyedTarget] = []
            for (key, value) in try r.optionalObject("targets") ?? JSONObject() {
                guard let t = Target.parse(value) else { throw .invalid("targets.\(key)", value) }
                targets.append(KeyedTarget(key, t))
            }
            let printed = try EventPayload.printed(&r)
            var decisions: [String] = []
            if let list = r.optionalValue("decisions") {
                guard let items = list.array else { throw .invalid("decisions", list) }
                for item in items {
                    guard let text = item.string else { throw .invalid("decisions", item) }
                    decisions.append(text)
                }
            }
            self = .conference(Conference(title: title, kind: kind, term: term, asOf: asOf, figures: figures,
                                          targets: targets, printed: printed, decisions: decisions))
        case .admission, .arrival, .departure:
            let count = try r.integer("count")
            let kind: FlowKind
            switch type {
            case .admission: kind = .admission
            case .arrival: kind = .arrival
            default:
                let reason = try r.string("reason")
                guard let k = FlowKind(reason: reason), k.reason != nil else { throw .invalid("reason", .string(reason)) }
                kind = k
            }
            let since = try r.optionalDate("since")
            self = .flow(Flow(kind: kind, count: count, since: since, printed: try EventPayload.printed(&r)))
        case .merger:
            if data["in"] != nil {
                let scope = try r.unit("in")
                let of = try EventPayload.kind(&r, "of")
                let before = try r.integer("before")
                let after = try r.integer("after")
                let rounds = try r.optionalInteger("rounds")
                let since = try r.optionalDate("since")
                self = .aggregateMerger(AggregateMerger(scope: scope, of: of, before: before, after: after,
                                                        rounds: rounds, since: since, printed: try EventPayload.printed(&r)))
            } else {
                guard let list = r.optionalValue("from")?.array, !list.isEmpty else { throw .missing("from") }
                var from: [UnitID] = []
                for item in list {
                    guard let text = item.string, let id = UnitID(text) else { throw .invalid("from", item) }
                    from.append(id)
                }
                let into = try r.unit("into")
                var newUnit: Merger.NewUnit?
                if let name = try r.optionalString("name") {
                    let kind = try EventPayload.kind(&r, "kind")
                    newUnit = Merger.NewUnit(name: name, kind: kind, setting: try EventPayload.setting(&r),
                                             parent: try r.optionalUnit("parent"))
                }
                self = .merger(Merger(from: from, into: into, newUnit: newUnit, printed: try EventPayload.printed(&r)))
            }
        case .rating:
            let year = try r.integer("year")
            let ofText = try r.string("of")
            guard let of = RatingSubject(rawValue: ofText) else { throw .invalid("of", .string(ofText)) }
            var tiers: [RatingTier: FigureValue] = [:]
            for tier in RatingTier.allCases {
                if let value = r.optionalValue(tier.rawValue) {
                    do { tiers[tier] = try FigureValue.parse(value) } catch { throw .invalid(tier.rawValue, value) }
                }
            }
            var goodOrBetter: FigureValue?
            if let value = r.optionalValue("good-or-better") {
                do { goodOrBetter = try FigureValue.parse(value) } catch { throw .invalid("good-or-better", value) }
            }
            self = .rating(Rating(year: year, of: of, tiers: tiers, goodOrBetter: goodOrBetter,
                                  rated: try r.optionalInteger("rated"), exempt: try r.optionalInteger("exempt"),
                                  unrated: try r.optionalInteger("unrated"),
                                  regulation: try r.optionalString("regulation"), printed: try EventPayload.printed(&r)))
        case .correction:
            let eventText = try r.string("event")
            guard let event = EventID(eventText) else { throw .invalid("event", .string(eventText)) }
            r.optionalValue("eventseq").map { _ in () }
            guard let seq = data["eventseq"]?.integer, seq >= 1 else { throw .invalid("eventseq", data["eventseq"]) }
            let reason = try r.string("reason")
            let action: Correction.Action
            if let retract = r.optionalValue("retract") {
                guard retract == .bool(true), data["set"] == nil else { throw .invalid("retract", retract) }
                action = .retract
            } else if let fields = try r.optionalObject("set"), !fields.isEmpty {
                action = .set(fields)
            } else {
                throw .missing("retract")
            }
            self = .correction(Correction(event: event, eventSeq: seq, reason: reason, action: action))
        }
        try r.finish()
    }

    /// An optional array of strings (`aliases`).
    private static func strings(_ r: inout DataReader, _ key: String) throws(EventDataError) -> [String] {
        guard let list = r.optionalValue(key) else { return [] }
        guard let items = list.array else { throw .invalid(key, list) }
        var result: [String] = []
        for item in items {
            guard let text = item.string, !text.isEmpty else { throw .invalid(key, item) }
            result.append(text)
        }
        return result
    }

    private static func kind(_ r: inout DataReader, _ key: String) throws(EventDataError) -> UnitKind {
        let text = try r.string(key)
        guard let kind = UnitKind(rawValue: text) else { throw .invalid(key, .string(text)) }
        return kind
    }

    private static func setting(_ r: inout DataReader) throws(EventDataError) -> UnitSetting? {
        guard let text = try r.optionalString("setting") else { return nil }
        guard let setting = UnitSetting(rawValue: text) else { throw .invalid("setting", .string(text)) }
        return setting
    }

    private static func printed(_ r: inout DataReader) throws(EventDataError) -> [PrintedPercent] {
        var printed: [PrintedPercent] = []
        for (name, value) in try r.optionalObject("printed") ?? JSONObject() {
            guard let text = value.commandLineText, let decimal = FixedDecimal.parse(text) else {
                throw .invalid("printed.\(name)", value)
            }
            printed.append(PrintedPercent(name, decimal))
        }
        return printed
    }
}
