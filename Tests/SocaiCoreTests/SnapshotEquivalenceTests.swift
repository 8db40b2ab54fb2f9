import SocaiCore
import SocaiTestSupport
import Testing

/// SEMANTICS.md §9 and issue 14: an image plus an overlay of the tail answers every question as a
/// full fold does; an image's bytes read back answer the same; a damaged image is refused or
/// caught by its checksum; and "as known at" through the knowledge filter is the fold of a prefix.
@Suite("Image + tail == full fold")
struct SnapshotEquivalenceTests {
    /// A digest of the answers a projection gives, to compare two projections.
    static func answers(_ rules: Rules) -> [String] {
        var lines: [String] = []
        let keys = rules.levelKeys()
        for year in [2015, 2017, 2019, 2021, 2024] {
            let date = CalendarDate(year: year, month: 6, day: 30)!
            for key in keys {
                for (unit, value) in rules.levels.values(key, at: date).sorted(by: { $0.key < $1.key }) {
                    lines.append("\(date) \(key) \(rules.registry[unit].id) \(value)")
                }
            }
        }
        for u in rules.registry.established {
            let term = rules.term(u, TermLabel("2020-2025")!, today: CalendarDate("2024-12-31"))
            for (key, total) in term.flows { lines.append("term \(rules.registry[u].id) \(key) \(total.value) \(total.provenance)") }
            for target in term.targets { lines.append("target \(rules.registry[u].id) \(target.key) \(String(describing: target.actual))") }
        }
        if let d1 = rules.registry.index(of: UnitID("d1")!) {
            let audit = rules.audit(d1, "members", from: nil, to: CalendarDate("2025-01-01"), knownAt: nil)
            lines += audit.entries.map { "audit \($0.seq) \(String(describing: $0.value)) \(String(describing: $0.delta))" }
        }
        lines += rules.check().findings.map { "\($0.unit) \($0.date) \($0.kind) \($0.message.en)" }
        return lines
    }

    /// Expects two digests equal, showing only the first lines that differ.
    static func expectSame(_ a: [String], _ b: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard a != b else { return }
        let i = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
        Issue.record("\(what): answers differ at line \(i) of \(a.count)/\(b.count):\n  \(i < a.count ? a[i] : "—")\n  \(i < b.count ? b[i] : "—")",
                     sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func imagePlusTailEqualsFullFold(seed: UInt64) throws {
        let b = RandomJournal.build(seed: seed, events: 220)
        let events = b.events
        #expect(events.count > 150)
        let split = events.count / 3 + Int(seed) * 7
        var base = ProjectionBuilder()
        for event in events.prefix(split) { base.apply(event) }
        let image = base.image(journalID: "test", chainHash: String(repeating: "0", count: 64))
        let baseProjection = try Projection(image: image)
        var tail = ProjectionBuilder(continuing: baseProjection)
        for event in events.dropFirst(split) { tail.apply(event) }
        let layered = try Projection(image: image, overlay: tail.image(journalID: "test", chainHash: ""))
        let full = b.projection
        Self.expectSame(Self.answers(Rules(layered)), Self.answers(Rules(full)), "image + tail")
        // As known at any seq, too (corrections in the tail of rows in the image included).
        for seq in stride(from: Int64(1), through: Int64(events.count), by: max(1, events.count / 5)) {
            Self.expectSame(Self.answers(Rules(layered, knowledge: Knowledge(seq: seq))), Self.answers(Rules(full, knowledge: Knowledge(seq: seq))),
                            "known at seq \(seq)")
        }
    }

    /// Found when the random journal of seed 6 changed: a flow with a printed percentage lives in
    /// the image as a flow row and a record row (`check` reads the percentage from the record);
    /// a correction in the tail ended only the flow row, so `check` still recomputed the retracted
    /// (or the superseded) percentage from the image.
    @Test(arguments: ["retract", "set"])
    func aTailCorrectionOfAFlowWithAPrintedPercentageInTheImage(action: String) throws {
        var b = LedgerBuilder()
        b.must("unit", [("id", "h"), ("name", "Huyện H"), ("kind", "district"), ("date", "2015-01-01")])
        let admission = b.must("admission", [("unit", "h"), ("date", "2017-08-24"), ("count", "1"),
                                             ("printed", "admissions-with-degree-share=84")])
        b.must("correction", [("event", admission.id.rawValue), ("set", "printed.admissions-with-degree-share=12,5"), ("reason", "gõ nhầm")])
        let split = b.events.count
        b.must("correction", [("event", admission.id.rawValue), ("reason", "trùng")]
               + (action == "retract" ? [("retract", "")] : [("set", "count=2")]))
        var base = ProjectionBuilder()
        for event in b.events.prefix(split) { base.apply(event) }
        let image = base.image(journalID: "test", chainHash: String(repeating: "0", count: 64))
        var tail = ProjectionBuilder(continuing: try Projection(image: image))
        for event in b.events.dropFirst(split) { tail.apply(event) }
        let layered = try Projection(image: image, overlay: tail.image(journalID: "test", chainHash: ""))
        let full = Rules(b.projection).check().findings.filter { $0.kind == "printed-percent" }.map(\.message.en)
        #expect(Rules(layered).check().findings.filter { $0.kind == "printed-percent" }.map(\.message.en) == full)
        #expect(full.count == (action == "retract" ? 0 : 1), "\(full)")
    }

    @Test func imageBytesReadBackAnswerTheSame() throws {
        let b = RandomJournal.build(seed: 3, events: 160)
        var builder = ProjectionBuilder()
        for event in b.events { builder.apply(event) }
        let image = builder.image(journalID: "test", chainHash: String(repeating: "0", count: 64))
        let copy = try Array(image.bytes).withUnsafeBytes { try Projection(image: ImageStorage.copy(of: $0)) }
        #expect(try ImageReader(ImageStorage.copy(of: image.bytes)).verifyChecksum())
        Self.expectSame(Self.answers(Rules(copy)), Self.answers(Rules(b.projection)), "read back")
    }

    @Test func damagedImageBytesAreRefusedOrCaught() {
        let b = RandomJournal.build(seed: 42, events: 60)
        var builder = ProjectionBuilder()
        for event in b.events { builder.apply(event) }
        let image = builder.image(journalID: "test", chainHash: "x")
        // The storage owns the bytes: keep it alive while they are copied.
        let bytes = withExtendedLifetime(image) { Array(image.bytes) }
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var damaged = bytes
            damaged[position] ^= 0x40
            let caught = damaged.withUnsafeBytes { raw -> Bool in
                guard let reader = try? ImageReader(ImageStorage.copy(of: raw)) else { return true }
                return !reader.verifyChecksum()
            }
            #expect(caught, "a flipped byte at \(position) went unnoticed")
        }
        let short = Array(bytes.prefix(bytes.count / 2))
        let refused = short.withUnsafeBytes { raw in (try? Projection(image: ImageStorage.copy(of: raw))) == nil }
        #expect(refused)
    }

    /// Positions in socai's lists (figures, event types, kinds) are stored as small numbers: an
    /// image whose lists fingerprint differs is refused, never read as other figures.
    @Test func anImageOfOtherListsIsRefused() throws {
        let b = RandomJournal.build(seed: 5, events: 40)
        var builder = ProjectionBuilder()
        for event in b.events { builder.apply(event) }
        let image = builder.image(journalID: "test", chainHash: "x")
        // The storage owns the bytes: keep it alive while they are copied.
        var bytes = withExtendedLifetime(image) { Array(image.bytes) }
        let fingerprint = Array(ImageFormat.vocabulary.utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: fingerprint) })
        bytes[at] = bytes[at] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let reason = bytes.withUnsafeBytes { raw -> String? in
            do { _ = try ImageReader(ImageStorage.copy(of: raw)); return nil } catch let error as ImageReader.Invalid { return error.reason } catch { return "\(error)" }
        }
        #expect(reason?.contains("other lists") == true, "\(reason ?? "read as if the lists were the same")")
    }

    /// "As known at" through socai's knowledge filter is the fold of the recorded prefix (SEMANTICS §1).
    @Test(arguments: [9, 10, 11] as [UInt64])
    func knownAtIsTheFoldOfARecordedPrefix(seed: UInt64) {
        let b = RandomJournal.build(seed: seed, events: 160)
        for index in stride(from: 10, to: b.events.count, by: 37) {
            let instant = b.events[index].recordedTime
            Self.expectSame(Self.answers(b.known(at: instant)), Self.answers(b.prefix(at: instant)), "known at event \(index)")
        }
    }
}
