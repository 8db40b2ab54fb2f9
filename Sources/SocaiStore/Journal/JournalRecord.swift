import SocaiCore

/// One event as a reader sees it: the decoded envelope, where it is, and its exact bytes.
public struct JournalRecord {
    let decoded: DecodedLine
    public let location: JournalLocation
    /// The line's bytes without `\n`: valid only during the callback that receives the record.
    public let line: UnsafeRawBufferPointer

    init(decoded: DecodedLine, location: JournalLocation, line: UnsafeRawBufferPointer) {
        self.decoded = decoded
        self.location = location
        self.line = line
    }

    public init(envelope: EventEnvelope, location: JournalLocation, hash: SHA256Digest, line: UnsafeRawBufferPointer) {
        self.init(decoded: DecodedLine(envelope: envelope, source: "", storedHash: hash), location: location, line: line)
    }

    /// The chain hash stored on the line.
    public var hash: SHA256Digest { decoded.storedHash }

    /// The event (built on demand for a flow read in its compact form).
    public var envelope: EventEnvelope { decoded.envelope }
    /// The flow, when the line is one, in the compact form the fold takes.
    public var flowLine: FlowLine? { decoded.flowLine }
    public var seq: Int64 { decoded.seq }
    public var recordedTime: Instant { decoded.recordedTime }
}

/// What a read saw besides the events: the head it read to, a torn tail it ignored, and the
/// damage it stopped at when asked to answer from the intact prefix.
public struct ReadReport: Sendable {
    public var head: JournalHead
    public var eventsRead: Int
    /// Bytes after the last complete line of the last segment (a write cut by a crash).
    public var tornTail: TornTail?
    /// Lines of a multi-event batch whose last line is missing: never acknowledged, so ignored.
    public var incompleteBatch: IncompleteBatch?
    /// Set only with `allowDamaged`: where reading stopped.
    public var damage: JournalProblem?
    /// The last line lost only its final newline: it was read (and counted) all the same.
    public var missingNewline: MissingNewline?

    /// Messages a reader should show on stderr (torn tail, ignored batch, damage).
    public var notices: [LocalizedText] {
        var notices: [LocalizedText] = []
        if let torn = tornTail { notices.append(torn.notice) }
        if let batch = incompleteBatch { notices.append(batch.notice) }
        if let missing = missingNewline { notices.append(missing.notice) }
        if let damage {
            notices.append(LocalizedText(
                en: "the journal is damaged at \(damage.location): \(damage.message.en); answering from the \(eventsRead) events before it (--allow-damaged)",
                vi: "sổ bị hỏng tại \(damage.location): \(damage.message.vi); trả lời từ \(LocalizedText.count(eventsRead).vi) sự kiện trước đó (--allow-damaged)"))
        }
        return notices
    }
}

/// Bytes at the end of the last segment with no `\n` after them.
public struct TornTail: Sendable, Hashable {
    public var segment: String
    public var offset: Int
    public var byteCount: Int

    public var notice: LocalizedText {
        LocalizedText(
            en: "\(segment) ends with \(byteCount) bytes of an unfinished write (a crash); they are ignored and the next record will move them to quarantine",
            vi: "\(segment) kết thúc bằng \(byteCount) byte của một lần ghi dở (sự cố); bỏ qua, lần ghi sau sẽ chuyển chúng vào tệp cách ly")
    }
}

/// The journal's last line, whole and verified, without the `\n` after it: an editor or a tool
/// that strips a file's final newline. The line is committed (its JSON and chain hash verify), so
/// readers read it; the next writer adds the newline back before appending, and says so.
public struct MissingNewline: Sendable, Hashable {
    public var segment: String
    /// Where the line starts.
    public var offset: Int
    public var byteCount: Int
    public var seq: Int64
    /// The chain hash stored on the line before it.
    var previousHash: SHA256Digest

    public var notice: LocalizedText {
        LocalizedText(
            en: "the last line of \(segment) (seq \(seq)) has lost its final newline; the line itself is intact and is read; the next record adds the newline back",
            vi: "dòng cuối của \(segment) (số \(seq)) bị mất ký tự xuống dòng; bản thân dòng vẫn nguyên vẹn và được đọc; lần ghi sau sẽ thêm lại ký tự xuống dòng")
    }
}

/// The lines of a batch cut short by a crash.
public struct IncompleteBatch: Sendable, Hashable {
    public var segment: String
    public var offset: Int
    public var lines: Int
    public var batchSize: Int

    public var notice: LocalizedText {
        LocalizedText(
            en: "\(segment) ends with \(lines) of \(batchSize) lines of an unfinished batch; they were never acknowledged and are ignored",
            vi: "\(segment) kết thúc bằng \(lines)/\(batchSize) dòng của một lô ghi dở; chưa từng được xác nhận nên bị bỏ qua")
    }
}

/// A problem found in the journal: where, and what is wrong (in both languages: `DamageText`).
public struct JournalProblem: Sendable, Hashable, CustomStringConvertible {
    public var location: JournalLocation
    public var message: LocalizedText

    public init(location: JournalLocation, message: LocalizedText) {
        self.location = location
        self.message = message
    }

    /// `segment-00000001.jsonl:12: what is wrong`, in one language.
    public func text(_ language: Language) -> String { "\(location): " + message.text(language) }

    public var description: String { text(.en) }
}
