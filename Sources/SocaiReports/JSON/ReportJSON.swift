import SocaiCore

/// The `--json` shapes of CONTRACT.md, built from the same report values the text shows.
public enum ReportJSON {
    public static func replay(_ report: ReplayReport) -> JSONValue {
        var root = JSONObject()
        root["to"] = .string(report.to.iso)
        root["knownAt"] = .optionalString(report.knownAt?.rfc3339)
        root["throughSeq"] = .integer(report.throughSeq)
        if let boundaries = report.boundaries { root["boundaries"] = .string(boundaries.iso) }
        root["units"] = .array(report.units.map { unit in
            var o = JSONObject()
            o["id"] = .string(unit.id.rawValue)
            o["name"] = .string(unit.name)
            o["kind"] = .optionalString(unit.kind?.rawValue)
            o["parent"] = .optionalString(unit.parent?.rawValue)
            o["status"] = .string(unit.status.rawValue)
            o["mergedInto"] = .optionalString(unit.mergedInto?.rawValue)
            o["closedOn"] = .optionalString(unit.closedOn?.iso)
            o["figures"] = .object(JSONObject(unit.figures.map { ($0.key, figureValue($0.value)) }))
            o["provenance"] = .object(JSONObject(unit.figures.map { ($0.key, .string($0.value.provenance.rawValue)) }))
            if !unit.periodFigures.isEmpty {
                o["periodFigures"] = .object(JSONObject(unit.periodFigures.map { figure in
                    (figure.key, .object(JSONObject([
                        ("value", figure.value.amount.scale == 0 ? .integer(Int64(figure.value.amount.units)) : .decimal(figure.value.amount.description)),
                        ("qualifier", .string(figure.value.qualifier.jsonName)),
                        ("percent", .bool(figure.value.isPercent)),
                        ("from", .string(figure.period.from.iso)), ("to", .string(figure.period.to.iso)), ("seq", .integer(figure.seq)),
                    ])))
                }))
            }
            if unit.figures.contains(where: { $0.value.qualifier != .exact }) {
                o["qualifiers"] = .object(JSONObject(unit.figures.filter { $0.value.qualifier != .exact }
                    .map { ($0.key, .string($0.value.qualifier.jsonName)) }))
            }
            if unit.figures.contains(where: { $0.value.belowFloor != nil }) {
                o["belowFloor"] = .object(JSONObject(unit.figures.compactMap { f in f.value.belowFloor.map { (f.key, .integer(Int64($0))) } }))
            }
            return .object(o)
        })
        return .object(root)
    }

    /// A figure's value as a JSON number: integers as integers, percentages and decimals exact.
    static func figureValue(_ value: LevelValue) -> JSONValue {
        value.amount.scale == 0 ? .integer(Int64(value.amount.units)) : .decimal(value.amount.description)
    }

    public static func term(_ report: TermReport) -> JSONValue {
        var root = JSONObject()
        root["unit"] = .string(report.unit.rawValue)
        root["name"] = .string(report.unitName)
        root["term"] = .string(report.term.description)
        root["from"] = .string(report.from.iso)
        root["to"] = .string(report.to.iso)
        root["termEnd"] = .string(report.termEnd.iso)
        root["running"] = .bool(report.isRunning)
        root["boundary"] = .string(report.boundarySource.rawValue)
        root["endBoundary"] = .string(report.endSource.rawValue)
        if let noDays = report.noDays {
            var o = JSONObject([("reason", .string(noDays.reason.rawValue)), ("date", .string(noDays.date.iso))])
            if let running = noDays.runningThen { o["term"] = .string(running.description) }
            root["noDays"] = .object(o)
        }
        if let closed = report.closedInto {
            root["closed"] = .object(JSONObject([("status", .string(closed.status.rawValue)), ("date", .string(closed.date.iso)),
                                                 ("into", .string(closed.unit.rawValue))]))
        }
        if let step = report.closing { root["closing"] = reorganisationStep(step) }
        if let boundaries = report.boundaries { root["boundaries"] = .string(boundaries.iso) }
        root["figures"] = .object(JSONObject(report.figures.map { change in
            var o = JSONObject()
            o["start"] = change.start.map(figureValue) ?? .null
            o["end"] = change.end.map(figureValue) ?? .null
            if let q = change.end?.qualifier, q != .exact { o["qualifier"] = .string(q.jsonName) }
            o["change"] = .optionalInteger(change.change)
            o["percentChange"] = .percent(change.percentChange)
            return (change.key, .object(o))
        }))
        root["flows"] = .object(JSONObject(report.flows.map { ($0.key, .integer(Int64($0.total.value))) }))
        root["flowProvenance"] = .object(JSONObject(report.flows.map { ($0.key, .string($0.total.provenance.rawValue)) }))
        root["targets"] = .object(JSONObject(report.targets.map { t in
            var o = JSONObject()
            o["target"] = t.effectiveTarget?.json ?? t.target.json
            if let effective = t.effectiveTarget, effective.json != t.target.json { o["stated"] = t.target.json }
            o["actual"] = .optionalInteger(t.actual)
            o["percent"] = .percent(t.percent)
            o["status"] = .optionalString(t.status?.rawValue)
            if !t.perYear.isEmpty {
                o["years"] = .object(JSONObject(t.perYear.map { y in
                    var row = JSONObject()
                    row["actual"] = .optionalInteger(y.actual)
                    row["target"] = y.target?.json ?? .null
                    row["percent"] = .percent(y.percent)
                    row["status"] = .optionalString(y.status?.rawValue)
                    row["partYear"] = .bool(y.partYear)
                    row["from"] = .string(y.period.from.iso)
                    row["to"] = .string(y.period.to.iso)
                    row["ownTarget"] = .bool(y.ownTarget)
                    return (String(y.year), .object(row))
                }))
            }
            return (t.key, .object(o))
        }))
        var ratings = JSONObject()
        for year in Set(report.ratings.map(\.year)).sorted() {
            var byYear = JSONObject()
            for summary in report.ratings where summary.year == year {
                var o = JSONObject()
                // Counts as numbers; a tier the document gave only as a share has no count (its share is in percent).
                for tier in RatingTier.allCases {
                    let value = summary.tiers[tier]
                    o[tier.rawValue] = value.flatMap { $0.isPercent ? nil : $0.json } ?? .null
                }
                if let g = summary.goodOrBetter { o["good-or-better"] = g.json }
                if summary.goodFromGoodOrBetter { o["goodFrom"] = .string("good-or-better") }
                if !summary.supersedes.isEmpty { o["supersedes"] = .array(summary.supersedes.map { .integer($0) }) }
                o["rated"] = .optionalInteger(summary.rated)
                if let implied = summary.implied { o["implied"] = .string(implied.rawValue) }
                o["percent"] = .object(JSONObject(RatingTier.allCases.map { ($0.rawValue, .percent(summary.percent[$0])) }))
                byYear[summary.subject.rawValue] = .object(o)
            }
            ratings[String(year)] = .object(byYear)
        }
        root["ratings"] = .object(ratings)
        root["mergers"] = .array(report.mergers.map(eventLine))
        root["conferences"] = .array(report.conferences.map(eventLine))
        return .object(root)
    }

    private static func eventLine(_ line: TermReport.EventLine) -> JSONValue {
        .object(JSONObject([("date", .string(line.date.iso)), ("seq", .integer(line.seq)), ("text", .string(line.text.en))]))
    }

    public static func audit(_ report: AuditReport) -> JSONValue {
        var root = JSONObject()
        root["unit"] = .string(report.unit.rawValue)
        root["name"] = .string(report.unitName)
        root["figure"] = .string(report.figure)
        root["from"] = .optionalString(report.from?.iso)
        root["to"] = .string(report.to.iso)
        root["knownAt"] = .optionalString(report.knownAt?.rfc3339)
        if let boundaries = report.boundaries { root["boundaries"] = .string(boundaries.iso) }
        root["entries"] = .array(report.entries.map { e in
            var o = JSONObject()
            o["seq"] = .integer(e.seq)
            place(e.place, into: &o)
            o["id"] = .string(e.id.rawValue)
            o["type"] = .string(e.type.rawValue)
            o["date"] = .string(e.date.iso)
            o["recordedTime"] = .string(e.recordedTime.rfc3339)
            o["recordedBy"] = .string(e.recordedBy)
            o["unit"] = .string(e.unit.rawValue)
            o["delta"] = .optionalInteger(e.delta)
            o["reported"] = e.reported.map { $0.exactCount.map { .integer(Int64($0)) } ?? .string($0.description) } ?? .null
            o["unexplained"] = .optionalInteger(e.unexplained)
            o["value"] = .optionalInteger(e.value)
            o["source"] = .optionalString(e.source)
            o["corrected"] = .bool(e.corrected)
            o["retracted"] = .bool(e.retracted)
            if let x = e.explanation {
                o["explanation"] = .object(JSONObject([
                    ("previous", .integer(Int64(x.previous))), ("admissions", .integer(Int64(x.admissions))),
                    ("arrivals", .integer(Int64(x.arrivals))), ("departures", .integer(Int64(x.departures))),
                    ("transfers", .integer(Int64(x.transfers))), ("derived", .integer(Int64(x.derived))),
                ]))
            }
            if !e.corrections.isEmpty {
                o["corrections"] = .array(e.corrections.map { c in
                    var correction = JSONObject([("seq", .integer(c.seq))])
                    place(c.place, into: &correction)
                    for (key, value) in [("recordedTime", JSONValue.string(c.recordedTime.rfc3339)), ("recordedBy", .string(c.recordedBy)),
                                         ("reason", .string(c.reason)), ("retracts", .bool(c.retracts)), ("previous", .string(c.previous))] {
                        correction[key] = value
                    }
                    return .object(correction)
                })
            }
            if let note = e.note { o["note"] = .string(note.en) }
            return .object(o)
        })
        root["value"] = report.value.map(figureValue) ?? .null
        root["provenance"] = .optionalString(report.value?.provenance.rawValue)
        root["components"] = .array(report.components.map {
            .object(JSONObject([("unit", .string($0.unit.rawValue)), ("value", figureValue($0.value)),
                                ("provenance", .string($0.value.provenance.rawValue))]))
        })
        root["predecessors"] = .array(report.predecessors.map {
            .object(JSONObject([("unit", .string($0.unit.rawValue)), ("mergedOn", .string($0.date.iso))]))
        })
        root["mergedInto"] = report.mergedInto.map {
            .object(JSONObject([("unit", .string($0.unit.rawValue)), ("date", .string($0.date.iso))]))
        } ?? .null
        return .object(root)
    }

    public static func check(_ report: CheckReport, language: Language) -> JSONValue {
        .object(JSONObject([
            ("ok", .bool(report.ok)),
            ("findings", .array(report.findings.map { f in
                var o = JSONObject([
                    ("unit", .string(f.unit.rawValue)), ("date", .string(f.date.iso)), ("figure", .string(f.figure)),
                    ("stated", .optionalString(f.stated)), ("derived", .optionalString(f.derived)), ("kind", .string(f.kind)),
                    ("severity", .string(f.severity.rawValue)), ("message", .string(f.message.text(language))),
                    ("seq", f.seq.map { .integer($0) } ?? .null),
                ])
                place(f.place, into: &o)
                return .object(o)
            })),
            ("reorganisation", .array(report.reorganisation.map(reorganisationStep))),
        ]))
    }

    /// One merger, dissolution or move: the unit, its members the day before, who received them.
    static func reorganisationStep(_ step: ReorganisationStep) -> JSONValue {
        var o = JSONObject()
        o["date"] = .string(step.date.iso)
        o["seq"] = .integer(step.seq)
        o["unit"] = .string(step.unit.id.rawValue)
        o["change"] = .string(step.change.rawValue)
        o["members"] = step.unit.members.map { .integer(Int64($0)) } ?? .null
        o["receiver"] = .optionalString(step.receiver?.id.rawValue)
        if let previous = step.previousParent { o["previousParent"] = .string(previous.id.rawValue) }
        if let held = step.held { o["held"] = .integer(Int64(held)) }
        if !step.carried.isEmpty {
            o["carried"] = .array(step.carried.map { .object(JSONObject([("unit", .string($0.id.rawValue)),
                                                                         ("members", $0.members.map { .integer(Int64($0)) } ?? .null)])) })
        }
        return .object(o)
    }

    /// In a union of journals: where the event was recorded (`journal`, `journalSeq`) beside the
    /// union's `seq`. Left out for one journal, whose output is as it always was.
    static func place(_ place: JournalPlace?, into object: inout JSONObject) {
        guard let place else { return }
        object["journal"] = .string(place.journal)
        object["journalSeq"] = .integer(place.seq)
    }
}
