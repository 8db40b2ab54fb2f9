import Foundation
import SocaiCore
import SocaiStore

/// Property 3: damage is found, placed, and never answered from silently.
///
/// A journal from `socai-generate` (`events` events in segments of `segmentBytes`). At `positions`
/// random byte positions, each of three single-byte changes (a bit flipped, the byte deleted, a
/// random byte inserted before it): `verify` must name the segment and line the byte is in as its
/// first problem, and a reader asked for the intact prefix (`allowDamaged`) must stop at that same
/// line, having delivered exactly the lines before it. Every `cliEvery`th position also runs the
/// binary: `verify --json` names the place, `replay` refuses with 65 naming it, `--allow-damaged
/// replay` answers and says from how many events. Then `structural` cases each of: an earlier
/// segment cut at a random length, an earlier segment missing, two random lines swapped.
public enum CorruptionProperty {
    public static func run(_ env: ReliabilityEnvironment, events: Int, segmentBytes: Int, positions: Int, cliEvery: Int,
                           structural: Int) -> PropertyReport {
        let report = PropertyReport("3 corruption")
        let root = env.directory("corruption")
        let journal = root + "/Journal"
        let socai = Runner(env.socai, scratch: root)
        let generated = Runner(env.generator, scratch: root).run(["--events", String(events), "--seed", String(env.seed % 1000 + 1),
                                                                   "--out", journal, "--segment-bytes", String(segmentBytes)])
        guard generated.status == 0, let opened = try? FileJournal.open(at: journal), let clean = try? opened.verify(), clean.ok else {
            report.fail("could not generate a clean journal: \(generated)")
            return report
        }
        let names = Files.segments(journal)
        let originals = names.map { Files.bytes(journal + "/" + $0) }
        let maps = originals.map(LineMap.init)
        let linesBefore = maps.reduce(into: [0]) { $0.append($0.last! + $1.lines.count) }   // lines in segments before index i
        let total = originals.reduce(0) { $0 + $1.count }
        report.note("journal: \(clean.events) events, \(names.count) segments, \(total) bytes")
        var rng = SeededGenerator(seed: env.seed ^ 0xC0AA)

        /// Checks one damaged state: verify's first problem, and the reader's stop, at `expected`;
        /// `prefix` lines before it. With `cli`, the binary too.
        func expectDamage(_ label: String, at expected: JournalLocation, prefix: Int, cli: Bool, missingSegment: Bool = false) {
            report.add("damaged journals checked")
            guard let journalNow = try? FileJournal.open(at: journal) else { report.fail("\(label): cannot open"); return }
            do {
                let verified = try journalNow.verify()
                report.check(verified.problems.first?.location == expected,
                             "\(label): verify's first problem is \(verified.problems.first?.description ?? "none"), expected \(expected)")
            } catch {
                report.fail("\(label): verify threw \(error)")
            }
            do {
                var delivered = 0
                let read = try journalNow.read(ReadOptions(allowDamaged: true)) { _ in delivered += 1; return true }
                if missingSegment {
                    report.fail("\(label): a reader answered from a journal with a missing segment (\(delivered) events)")
                } else {
                    report.check(read.damage?.location == expected && delivered == prefix,
                                 "\(label): the reader stopped at \(read.damage?.location.description ?? "no damage") after \(delivered) events, expected \(expected) after \(prefix)")
                }
            } catch JournalError.damaged(let location, _) where missingSegment {
                report.check(location == expected, "\(label): the reader names \(location), expected \(expected)")
            } catch {
                report.fail("\(label): reading with allowDamaged threw \(error)")
            }
            guard cli else { return }
            report.add("checked through the binary")
            let verify = socai.run(["--journal", journal, "--json", "verify"])
            let first = (try? JSONParser.parse(verify.stdout))?.object?["problems"]?.array?.first?.object
            report.check(verify.status == 1 && first?["segment"]?.string == expected.segment && first?["line"]?.integer == Int64(expected.line),
                         "\(label): socai verify --json: \(verify.status) \(verify.stdout.prefix(300))")
            let refused = socai.run(["--journal", journal, "--no-snapshot", "replay", "--json"])
            report.check(refused.status == 65 && refused.stderr.contains(expected.description) && refused.stdout.isEmpty,
                         "\(label): replay did not refuse with 65 naming \(expected): \(refused)")
            let allowed = socai.run(["--journal", journal, "--no-snapshot", "--allow-damaged", "replay", "--json"])
            if missingSegment {
                report.check(allowed.status == 65, "\(label): --allow-damaged with a missing segment: \(allowed)")
            } else {
                report.check(allowed.status == 0 && allowed.stderr.contains("answering from the \(prefix) events before it")
                             && allowed.stderr.contains(expected.description) && allowed.stdout.contains("\"units\""),
                             "\(label): --allow-damaged replay: \(allowed)")
            }
        }

        func restore() { for (index, name) in names.enumerated() { Files.write(journal + "/" + name, originals[index]) } }

        enum Change: String, CaseIterable { case flip, delete, insert }
        for position in 1...positions {
            var global = rng.int(0...(total - 1))
            var segment = 0
            while global >= originals[segment].count { global -= originals[segment].count; segment += 1 }
            let offset = global
            let original = originals[segment]
            let name = names[segment]
            let path = journal + "/" + name
            let line = maps[segment].line(containing: offset)
            let isLastSegment = segment == names.count - 1
            for change in Change.allCases {
                var mutated = original
                var inserted: UInt8 = 0
                switch change {
                case .flip: mutated[offset] ^= UInt8(1) << UInt8(rng.int(0...7))
                case .delete: mutated.remove(at: offset)
                case .insert:
                    inserted = UInt8(rng.int(0...255))
                    mutated.insert(inserted, at: offset)
                }
                Files.write(path, mutated)
                report.add("\(change.rawValue)s")
                let label = "\(change.rawValue) at \(name) byte \(offset) (line \(line))"
                let cli = position % cliEvery == 0
                if change == .delete && isLastSegment && offset == original.count - 1 {
                    // The journal's final newline removed: the last line is still whole and verifies,
                    // so it is read, and verify warns that its newline is missing.
                    let state = JournalState(journal)
                    report.check(state.verify?.problems.isEmpty == true && state.verify?.warnings.isEmpty == false
                                 && state.report?.missingNewline != nil && state.events.count == clean.events,
                                 "\(label): the last newline removed should read as a whole line without its newline")
                    report.add("final newline removed (the line is read)")
                } else {
                    // A newline inserted just before a line's own newline adds an empty line after it.
                    let expectedLine = change == .insert && inserted == 0x0A && original[offset] == 0x0A ? line + 1 : line
                    expectDamage(label, at: JournalLocation(segment: name, line: expectedLine),
                                 prefix: linesBefore[segment] + expectedLine - 1, cli: cli)
                }
            }
            Files.write(path, original)
            if position % 100 == 0 { env.log("corruption: \(position)/\(positions) positions") }
        }

        // Structural damage: a cut earlier segment, a missing one, two lines swapped.
        let allLines: [(segment: Int, range: ClosedRange<Int>)] = maps.enumerated().flatMap { index, map in
            map.lines.map { (index, $0.start...$0.end) }
        }
        for n in 1...max(1, structural) where structural > 0 && names.count >= 2 {
            let cli = n % max(1, structural / 5) == 0
            // An earlier segment cut at a random length.
            let s = rng.int(0...(names.count - 2))
            let length = rng.int(0...(originals[s].count - 1))
            Files.write(journal + "/" + names[s], Array(originals[s][0..<length]))
            let atBoundary = length == 0 || originals[s][length - 1] == 0x0A
            let cutLine = atBoundary ? 0 : maps[s].line(containing: length - 1)
            let completeBefore = atBoundary ? originals[s][0..<length].filter { $0 == 0x0A }.count : cutLine - 1
            expectDamage("\(names[s]) cut at \(length)",
                         at: atBoundary ? JournalLocation(segment: names[s + 1], line: 1) : JournalLocation(segment: names[s], line: cutLine),
                         prefix: linesBefore[s] + completeBefore, cli: cli)
            report.add("truncated segments")
            restore()

            // An earlier segment missing (its seal too: the file is gone as a whole).
            let m = rng.int(0...(names.count - 2))
            Files.remove(journal + "/" + names[m])
            expectDamage("\(names[m]) missing", at: JournalLocation(segment: names[m], line: 0), prefix: 0, cli: cli, missingSegment: true)
            report.add("missing segments")
            restore()

            // Two lines swapped, anywhere.
            let i = rng.int(0...(allLines.count - 2))
            let j = rng.int((i + 1)...(allLines.count - 1))
            var segments = originals
            let a = Array(originals[allLines[i].segment][allLines[i].range]), b = Array(originals[allLines[j].segment][allLines[j].range])
            if allLines[i].segment == allLines[j].segment {
                var bytes = originals[allLines[i].segment]
                bytes.replaceSubrange(allLines[j].range, with: a)
                bytes.replaceSubrange(allLines[i].range, with: b)
                segments[allLines[i].segment] = bytes
            } else {
                segments[allLines[i].segment].replaceSubrange(allLines[i].range, with: b)
                segments[allLines[j].segment].replaceSubrange(allLines[j].range, with: a)
            }
            for index in Set([allLines[i].segment, allLines[j].segment]) { Files.write(journal + "/" + names[index], segments[index]) }
            let lineI = maps[allLines[i].segment].line(containing: allLines[i].range.lowerBound)
            expectDamage("lines \(i + 1) and \(j + 1) swapped", at: JournalLocation(segment: names[allLines[i].segment], line: lineI),
                         prefix: i, cli: cli)
            report.add("swapped lines")
            restore()

            // A damaged seal (derived data beside a closed segment): ignored, the segment checked
            // line by line; the journal still reads in full and verifies clean.
            let sealed = names.indices.dropLast().map { journal + "/" + names[$0] + ".seal" }.filter(Files.exists)
            if let sealPath = sealed.isEmpty ? nil : sealed[rng.int(0...(sealed.count - 1))] {
                let sealBytes = Files.bytes(sealPath)
                var damagedSeal = sealBytes
                switch n % 3 {
                case 0:   // a field changed (lines, lastseq or the chain hash): the checksum still matches the segment
                    let text = String(decoding: sealBytes, as: UTF8.self)
                    damagedSeal = Array(text.replacingOccurrences(of: #""lines":"#, with: #""lines":1"#).utf8)
                case 1: damagedSeal[rng.int(0...(sealBytes.count - 1))] ^= UInt8(rng.int(1...255))
                default: damagedSeal = Array(sealBytes[0..<rng.int(0...(sealBytes.count - 1))])
                }
                Files.write(sealPath, damagedSeal)
                let state = JournalState(journal)
                report.check(state.error == nil && state.events.count == clean.events && state.verify?.ok == true,
                             "damaged seal \(sealPath.split(separator: "/").last!): readers \(state.error ?? "read \(state.events.count) events"), verify \(state.verify?.ok == true)")
                if cli {
                    let replay = socai.run(["--journal", journal, "--no-snapshot", "replay", "--json"])
                    report.check(replay.status == 0, "damaged seal: socai replay exit \(replay.status): \(replay.stderr.prefix(300))")
                }
                report.add("damaged seals")
                Files.write(sealPath, sealBytes)
            }
        }
        let final = JournalState(journal)
        report.check(final.verify?.ok == true, "the restored journal does not verify")
        return report
    }
}
