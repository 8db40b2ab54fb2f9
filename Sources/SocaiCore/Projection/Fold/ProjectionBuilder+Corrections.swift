extension ProjectionBuilder {
    /// A retracted event stays retracted: a later `--set` would bring it back with no record of
    /// why, so it is refused when recorded and, in a journal that has one, does not apply.
    static func alreadyRetracted(_ seq: Int64) -> LocalizedText {
        LocalizedText(en: "seq \(seq) was retracted; a retracted event cannot be corrected (record the fact again as a new event)",
                      vi: "sự kiện số \(seq) đã bị rút lại; không thể đính chính sự kiện đã rút (hãy ghi lại dữ kiện thành sự kiện mới)")
    }

    /// A correction ends the rows of the version in force of its event and adds the rows of the
    /// corrected version (or none, for a retraction). One that cannot apply is kept with why.
    mutating func applyCorrection(_ correction: Correction, envelope: EventEnvelope) {
        let seq = envelope.seq
        var row = CorrectionRow(seq: seq, target: correction.eventSeq, targetUnit: -1,
                                recordedAt: envelope.recordedTime.millisecondsSinceEpoch, id: EventKey(envelope.id),
                                recorder: strings.intern(envelope.recordedBy), source: strings.intern(envelope.sourceDocument ?? ""),
                                data: strings.intern(JSONWriter.string(.object(EventPayload.correction(correction).data))),
                                previous: 0, failure: 0)
        func fail(_ text: LocalizedText) { row.failure = strings.intern(text.en + "\u{1F}" + text.vi) }
        defer { corrections.append(row) }
        let notThatEvent = LocalizedText(en: "seq \(correction.eventSeq) is not event \(correction.event)",
                                         vi: "số thứ tự \(correction.eventSeq) không phải sự kiện \(correction.event)")

        if let derived = current[correction.eventSeq] {
            let record = records[derived.record]
            row.targetUnit = record.subject
            guard record.id == EventKey(correction.event) else { return fail(notThatEvent) }
            guard record.flags & 1 == 0 else { return fail(ProjectionBuilder.alreadyRetracted(correction.eventSeq)) }
            guard let type = EventType(code: record.type), let payload = payload(of: derived.record, type: type) else {
                return fail(LocalizedText(en: "the corrected event cannot be read", vi: "không đọc được sự kiện được đính chính"))
            }
            let date = CalendarDate(dayNumber: Int(record.day))
            row.previous = strings.intern("date \(date.iso) " + JSONWriter.string(.object(payload.data)))
            switch correction.action {
            case .retract:
                supersede(derived, at: seq)
                let version = appendRecord(seq: record.seq, type: type, subject: record.subject, date: date, recordedAt: record.recordedAt,
                                           id: record.id, recordedBy: strings.strings[Int(record.recorder)],
                                           source: sourceText(record.source), data: payload.data, validFrom: seq, flags: 3)
                current[correction.eventSeq] = Derived(record: version)
            case .set(let fields):
                switch CorrectionApplier.apply(fields, to: payload, date: date) {
                case .failure(let error):
                    return fail(error.text)
                case .success(let (newPayload, newDate)):
                    supersede(derived, at: seq)
                    let subject: Int32
                    switch newPayload {
                    case .unitEstablished(let u): subject = index(of: u.id)
                    case .merger(let m) where m.newUnit != nil: subject = index(of: m.into)
                    default: subject = record.subject
                    }
                    let version = appendRecord(seq: record.seq, type: type, subject: subject, date: newDate,
                                               recordedAt: record.recordedAt, id: record.id,
                                               recordedBy: strings.strings[Int(record.recorder)], source: sourceText(record.source),
                                               data: newPayload.data, validFrom: seq, flags: 2)
                    records[derived.record].flags |= 2
                    current[correction.eventSeq] = derive(newPayload, seq: record.seq, subject: subject, date: newDate,
                                                          validFrom: seq, record: version)
                }
            }
            return
        }

        if let base, flows.row(seq: correction.eventSeq) == nil, flowVersionOf[correction.eventSeq] == nil {
            // The event is in the image below: supersede its rows there and fold the new version here.
            return applyToBase(correction, base: base, seq: seq, row: &row, notThatEvent: notThatEvent)
        }
        guard let original = flows.row(seq: correction.eventSeq) else {
            return fail(LocalizedText(en: "no event with seq \(correction.eventSeq) to correct",
                                      vi: "không có sự kiện số \(correction.eventSeq) để đính chính"))
        }
        row.targetUnit = flows.unit[original]
        guard flows.idHigh[original] == EventKey(correction.event).high, flows.idLow[original] == EventKey(correction.event).low else {
            return fail(notThatEvent)
        }
        // The version in force: the latest correction's, else the original row.
        var state = flowState(original: original)
        guard state.flags & FlowFlag.retracted == 0 else { return fail(ProjectionBuilder.alreadyRetracted(correction.eventSeq)) }
        let before = EventPayload.flow(Flow(kind: FlowKind(rawValue: state.kind) ?? .admission, count: Int(state.count),
                                            since: state.flags & FlowFlag.hasSince != 0 ? CalendarDate(dayNumber: Int(state.since)) : nil,
                                            printed: flowPrinted(seq: correction.eventSeq)))
        row.previous = strings.intern("date \(CalendarDate(dayNumber: Int(state.day)).iso) " + JSONWriter.string(.object(before.data)))
        switch correction.action {
        case .retract:
            state.flags |= FlowFlag.retracted | FlowFlag.corrected
            if let recordRow = flowRecordOf[correction.eventSeq] { records[recordRow].validTo = seq }
        case .set(let fields):
            switch CorrectionApplier.apply(fields, to: before, date: CalendarDate(dayNumber: Int(state.day))) {
            case .failure(let error):
                return fail(error.text)
            case .success(let (payload, date)):
                guard case .flow(let flow) = payload, flow.kind.eventType == (FlowKind(rawValue: state.kind) ?? .admission).eventType else {
                    return fail(LocalizedText(en: "a correction cannot change an event's type", vi: "đính chính không thể đổi loại sự kiện"))
                }
                state.kind = flow.kind.rawValue
                state.count = Int32(clamping: flow.count)
                state.day = Int32(date.dayNumber)
                state.since = Int32(flow.since?.dayNumber ?? 0)
                state.flags = (flow.since != nil ? FlowFlag.hasSince : 0) | FlowFlag.corrected
                if let recordRow = flowRecordOf[correction.eventSeq] {
                    records[recordRow].validTo = seq
                    flowRecordOf[correction.eventSeq] = appendRecord(
                        seq: correction.eventSeq, type: flow.kind.eventType, subject: state.unit, date: date, recordedAt: state.recordedAt,
                        id: state.id, recordedBy: strings.strings[Int(state.recorder)], source: sourceText(state.source),
                        data: payload.data, validFrom: seq, flags: 2)
                } else if !flow.printed.isEmpty {
                    flowRecordOf[correction.eventSeq] = appendRecord(
                        seq: correction.eventSeq, type: flow.kind.eventType, subject: state.unit, date: date, recordedAt: state.recordedAt,
                        id: state.id, recordedBy: strings.strings[Int(state.recorder)], source: sourceText(state.source),
                        data: payload.data, validFrom: seq, flags: 2)
                }
            }
        }
        // End the version in force and add the new one.
        if let latest = flowVersionOf[correction.eventSeq] {
            flowVersions[latest].validTo = seq
        } else {
            flows.supersededAt[original] = seq
        }
        flows.flags[original] |= FlowFlag.corrected
        state.validFrom = seq
        state.validTo = validForever
        flowVersions.append(state)
        flowVersionOf[correction.eventSeq] = flowVersions.count - 1
    }

    /// A correction (in an overlay) of an event in the base image.
    private mutating func applyToBase(_ correction: Correction, base: Projection, seq: Int64, row: inout CorrectionRow,
                                      notThatEvent: LocalizedText) {
        func fail(_ text: LocalizedText) { row.failure = strings.intern(text.en + "\u{1F}" + text.vi) }
        if let record = base.record(seq: correction.eventSeq, .latest), record.type != .correction, !record.type.isFlow || base.flowRow(seq: correction.eventSeq) == nil {
            row.targetUnit = record.subject
            guard EventKey(record.id) == EventKey(correction.event) else { return fail(notThatEvent) }
            guard !record.isRetracted else { return fail(ProjectionBuilder.alreadyRetracted(correction.eventSeq)) }
            guard let payload = record.payload else {
                return fail(LocalizedText(en: "the corrected event cannot be read", vi: "không đọc được sự kiện được đính chính"))
            }
            row.previous = strings.intern("date \(record.date.iso) " + JSONWriter.string(.object(payload.data)))
            var newPayload = payload, newDate = record.date, flags: UInt8 = 3
            if case .set(let fields) = correction.action {
                switch CorrectionApplier.apply(fields, to: payload, date: record.date) {
                case .failure(let error): return fail(error.text)
                case .success(let (p, d)): newPayload = p; newDate = d; flags = 2
                }
            }
            for (table, baseRow) in base.rowsDerived(from: record.ref) {
                tombstones.append((table, baseRow, seq, record.subject))
            }
            var subject = record.subject
            if case .unitEstablished(let u) = newPayload { subject = index(of: u.id) }
            if case .merger(let m) = newPayload, m.newUnit != nil { subject = index(of: m.into) }
            let version = appendRecord(seq: record.seq, type: record.type, subject: subject, date: newDate,
                                       recordedAt: record.recordedTime.millisecondsSinceEpoch, id: EventKey(record.id),
                                       recordedBy: record.recordedBy, source: record.sourceDocument, data: newPayload.data,
                                       validFrom: seq, flags: flags)
            current[correction.eventSeq] = flags == 3 ? Derived(record: version)
                : derive(newPayload, seq: record.seq, subject: subject, date: newDate, validFrom: seq, record: version)
            return
        }
        if let (_, unit) = base.flowRow(seq: correction.eventSeq), base.flow(seq: correction.eventSeq, unit: unit, .latest)?.isRetracted == true {
            row.targetUnit = unit
            return fail(ProjectionBuilder.alreadyRetracted(correction.eventSeq))
        }
        guard let (baseRow, unit) = base.flowRow(seq: correction.eventSeq), let flow = base.flow(seq: correction.eventSeq, unit: unit, .latest) else {
            return fail(LocalizedText(en: "no event with seq \(correction.eventSeq) to correct",
                                      vi: "không có sự kiện số \(correction.eventSeq) để đính chính"))
        }
        row.targetUnit = unit
        guard flow.id == EventKey(correction.event) else { return fail(notThatEvent) }
        let printed: [PrintedPercent]
        // The record version a flow with printed percentages has beside its flow row (`check`
        // reads those percentages from it): ended like the flow row, as the full fold ends it.
        let baseRecord = base.record(seq: correction.eventSeq, .latest).flatMap { $0.type.isFlow && $0.ref.part == 0 ? $0 : nil }
        if case .flow(let f)? = baseRecord?.payload { printed = f.printed } else { printed = [] }
        let before = EventPayload.flow(Flow(kind: flow.kind, count: flow.count, since: flow.since, printed: printed))
        row.previous = strings.intern("date \(flow.date.iso) " + JSONWriter.string(.object(before.data)))
        var state = FlowVersionRow(unit: unit, day: Int32(flow.date.dayNumber), seq: flow.seq, count: Int32(flow.count), kind: flow.kind.rawValue,
                                   flags: (flow.since != nil ? FlowFlag.hasSince : 0) | FlowFlag.corrected, since: Int32(flow.since?.dayNumber ?? 0),
                                   recordedAt: flow.recordedTime.millisecondsSinceEpoch, id: flow.id,
                                   source: strings.intern(flow.source ?? ""), recorder: strings.intern(flow.recordedBy), validFrom: seq)
        switch correction.action {
        case .retract:
            state.flags |= FlowFlag.retracted
        case .set(let fields):
            switch CorrectionApplier.apply(fields, to: before, date: flow.date) {
            case .failure(let error): return fail(error.text)
            case .success(let (payload, date)):
                guard case .flow(let f) = payload, f.kind.eventType == flow.kind.eventType else {
                    return fail(LocalizedText(en: "a correction cannot change an event's type", vi: "đính chính không thể đổi loại sự kiện"))
                }
                state.kind = f.kind.rawValue
                state.count = Int32(clamping: f.count)
                state.day = Int32(date.dayNumber)
                state.since = Int32(f.since?.dayNumber ?? 0)
                state.flags = (f.since != nil ? FlowFlag.hasSince : 0) | FlowFlag.corrected
                if baseRecord != nil || !f.printed.isEmpty {
                    flowRecordOf[correction.eventSeq] = appendRecord(
                        seq: flow.seq, type: f.kind.eventType, subject: unit, date: date, recordedAt: flow.recordedTime.millisecondsSinceEpoch,
                        id: flow.id, recordedBy: flow.recordedBy, source: flow.source, data: payload.data, validFrom: seq, flags: 2)
                }
            }
        }
        if let baseRecord { tombstones.append((.records, baseRecord.ref.row, seq, unit)) }
        tombstones.append((.flows, baseRow, seq, unit))
        flowVersions.append(state)
        flowVersionOf[correction.eventSeq] = flowVersions.count - 1
    }

    /// The version in force of the flow whose original row is `original`.
    func flowState(original: Int) -> FlowVersionRow {
        if let latest = flowVersionOf[flows.seq[original]] { return flowVersions[latest] }
        return FlowVersionRow(unit: flows.unit[original], day: flows.day[original], seq: flows.seq[original], count: flows.count[original],
                              kind: flows.kind[original], flags: flows.flags[original], since: flows.since[original],
                              recordedAt: flows.recordedAt[original],
                              id: EventKey(high: flows.idHigh[original], low: flows.idLow[original]),
                              source: flows.source[original], recorder: flows.recorder[original], validFrom: flows.seq[original])
    }

    func flowPrinted(seq: Int64) -> [PrintedPercent] {
        guard let row = flowRecordOf[seq], case .flow(let flow)? = payload(of: row, type: .admission) else { return [] }
        return flow.printed
    }

    func sourceText(_ index: UInt32) -> String? { index == 0 ? nil : strings.strings[Int(index)] }

    /// The payload of a record version, read back from its data.
    func payload(of row: Int, type: EventType) -> EventPayload? {
        let record = records[row]
        let start = Int(record.dataOffset), end = start + Int(record.dataLength)
        guard let value = try? recordData[start..<end].withUnsafeBytes({ try JSONParser.parse($0) }), case .object(let object) = value,
              let actual = EventType(code: record.type) else { return nil }
        _ = type
        return try? EventPayload(type: actual, data: object)
    }
}
