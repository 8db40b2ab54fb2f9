#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SocaiTestSupport
import Testing

/// `socai export --format cloudevents-lines`: the journal's lines byte for byte, from a seq, for a
/// unit's subtree, and with `--follow` as a stream that ends cleanly.
@Suite("CloudEvents lines export")
struct CloudEventsLinesExportTests {
    typealias F = FederationFixture

    @Test func theLinesAreTheStoredLinesFromAnySeq() {
        let j = F.district()
        let stored = F.lines(j)
        let all = j.run(["export", "--format", "cloudevents-lines"])
        #expect(all.status == 0, "\(all)")
        #expect(Array(all.stdout.utf8) == F.segmentBytes(j))
        for from in [0, 1, 4, stored.count, stored.count + 1] {
            let result = j.run(["export", "--format", "cloudevents-lines", "--from-seq", String(from)])
            #expect(result.status == 0)
            #expect(result.stdout == stored.dropFirst(max(0, from - 1)).map { $0 + "\n" }.joined(), "from \(from)")
        }
        let file = j.run(["export", "--format", "cloudevents-lines", "--out", "events.jsonl", "--from-seq", "3"])
        #expect(file.stdout == "wrote events.jsonl: \(stored.count - 2) events (CloudEvents, one per line)\n")
        #expect(j.directory.read("events.jsonl") == stored.dropFirst(2).map { $0 + "\n" }.joined())
        let empty = ScratchJournal()
        #expect(empty.run(["export", "--format", "cloudevents-lines"]).stdout == "")
    }

    @Test("--unit: the unit, every unit ever under it, and mergers naming them")
    func aUnitsSubtree() {
        let j = F.district()
        // Moved from Mường La to Sốp Cộp: under Sốp Cộp from then on, so in its subtree.
        #expect(j.run(["record", "unit", "--id", "xa-b", "--name", "Xã B", "--kind", "base-committee", "--parent", "muong-la",
                       "--date", "2015-01-01"]).status == 0)
        #expect(j.run(["record", "move", "--unit", "xa-b", "--parent", "sop-cop", "--date", "2022-01-01"]).status == 0)
        // A merger of a unit outside into one inside names a member.
        #expect(j.run(["record", "merger", "--from", "xa-a", "--into", "muong-lan", "--date", "2022-06-01"]).status == 0)
        let stored = F.lines(j)
        let expected = stored.filter { line in
            ["sop-cop", "muong-lan", "xa-b"].contains(F.attribute("subject", of: line)) || line.contains("\"into\":\"muong-lan\"")
        }
        #expect(expected.count == 9)  // 3 of sop-cop, 3 of muong-lan (its correction too), 2 of xa-b, the merger
        let result = j.run(["export", "--format", "cloudevents-lines", "--unit", "Sốp Cộp"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == expected.map { $0 + "\n" }.joined())
        let other = j.run(["export", "--format", "cloudevents-lines", "--unit", "muong-la"])
        // muong-la's 2, xa-a's 2, xa-b's 2 (it was under muong-la before its move), the merger of xa-a.
        #expect(other.stdout.split(separator: "\n").count == 7, "\(other)")
        #expect(j.run(["export", "--format", "cloudevents-lines", "--unit", "nowhere"]).status == 64)
    }

    @Test("a damaged line stops the export with 65 naming it, after the good lines before it")
    func damageStopsTheStream() throws {
        let j = F.district()
        let stored = F.lines(j)
        var bytes = j.journalBytes
        let third = stored[0].utf8.count + stored[1].utf8.count + 2
        let at = third + stored[2].utf8.count / 2
        bytes[at] = bytes[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try j.setJournalFileBytes("segment-00000001.jsonl", bytes)
        let result = j.run(["export", "--format", "cloudevents-lines"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("segment-00000001.jsonl:3"), "\(result)")
        #expect(result.stdout == stored.prefix(2).map { $0 + "\n" }.joined())
        let follow = j.run(["export", "--format", "cloudevents-lines", "--follow"])
        #expect(follow.status == 65, "a stream never starts past damage")
    }

    @Test func followUsage() {
        let j = F.district()
        #expect(j.run(["export", "--format", "cloudevents-lines", "--follow", "--out", "x.jsonl"]).status == 64)
        #expect(j.run(["export", "--format", "cloudevents-lines", "--follow", "--known-at", "2024-01-01"]).status == 64)
        #expect(j.run(["log", "--format", "cloudevents-lines"]).status == 64)
    }

    /// Starts `export --format cloudevents-lines --follow` with its output in a file.
    static func follow(_ j: ScratchJournal, _ extra: [String] = []) throws -> (Spawned, String) {
        let out = j.directory.file("follow.out")
        let process = try Spawned(SocaiProcess.binary, ["--journal", j.journalPath, "export", "--format", "cloudevents-lines", "--follow"] + extra,
                                  environment: ["SOCAI_NOW": SocaiProcess.fixedNow], stdout: out, stderr: j.directory.file("follow.err"))
        return (process, out)
    }

    static func lineCount(_ path: String) -> Int {
        (FileManager.default.contents(atPath: path) ?? Data()).filter { $0 == 0x0A }.count
    }

    @Test("--follow writes new lines as they are recorded, across segment roll-overs, and ends with 0 on SIGTERM")
    func followsAcrossSegments() throws {
        let j = F.district(segmentBytes: 4096)
        let before = F.lines(j).count
        let (process, out) = try Self.follow(j, ["--from-seq", "2"])
        #expect(F.waitUntil { Self.lineCount(out) == before - 1 })
        let segmentsBefore = j.segmentNames.count
        for day in 1...12 {
            let result = j.run(["record", "admission", "--unit", "muong-lan", "--date", String(format: "2021-05-%02d", day), "--count", "1"])
            #expect(result.status == 0)
        }
        #expect(j.segmentNames.count > segmentsBefore, "the journal rolled over while followed")
        #expect(F.waitUntil { Self.lineCount(out) == before + 11 })
        process.signal(SIGTERM)
        #expect(process.wait(timeout: 20) == .exited(0))
        #expect(FileManager.default.contents(atPath: out).map { Array($0) } == Array(F.segmentBytes(j).drop { $0 != 0x0A }.dropFirst()))
    }

    @Test("--follow ends with 0 on SIGINT, and when its reader goes away even while idle")
    func followEndsCleanly() throws {
        let j = F.district()
        let (process, out) = try Self.follow(j)
        #expect(F.waitUntil { Self.lineCount(out) == F.lines(j).count })
        process.signal(SIGINT)
        #expect(process.wait(timeout: 20) == .exited(0))

        let script = #""$SOCAI_BIN" export --format cloudevents-lines --follow | head -n 1 > first.txt; echo "${PIPESTATUS[0]}" > status.txt"#
        let child = try ChildProcess(bash: script, in: j.directory.path, stdoutPath: j.directory.file("sh.out"),
                                     stderrPath: j.directory.file("sh.err"))
        #expect(F.waitUntil { !j.directory.read("status.txt").isEmpty }, "the stream noticed its reader was gone")
        child.killGroup(SIGKILL)
        child.wait()
        #expect(j.directory.read("status.txt") == "0\n")
        #expect(j.directory.read("first.txt") == F.lines(j)[0] + "\n")
    }

    @Test("--follow on an empty journal waits for its first line")
    func followAnEmptyJournal() throws {
        let j = ScratchJournal()
        let (process, out) = try Self.follow(j)
        usleep(300_000)
        #expect(j.recordUnit().status == 0)
        #expect(F.waitUntil { Self.lineCount(out) == 1 })
        process.signal(SIGTERM)
        #expect(process.wait(timeout: 20) == .exited(0))
        #expect(FileManager.default.contents(atPath: out).map { Array($0) } == F.segmentBytes(j))
    }

    @Test("SIGTERM ends --follow with 0 even while its reader has stopped reading; without --follow it is death by the signal")
    func aStalledReader() throws {
        let j = F.district()
        let admissions = String(repeating: #"{"type":"admission","unit":"muong-lan","date":"2021-05-01","count":1}"# + "\n", count: 300)
        j.directory.write("many.jsonl", admissions)
        #expect(j.run(["import", "many.jsonl"]).status == 0)
        #expect(F.segmentBytes(j).count > 128 * 1024, "more than a pipe holds")
        for (follow, expected) in [(true, Termination.exited(0)), (false, Termination.signalled(SIGTERM))] {
            let fifo = j.directory.file("fifo-\(follow)")
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)  // open, never read: the pipe fills up
            #expect(reader >= 0)
            let process = try Spawned(SocaiProcess.binary,
                                      ["--journal", j.journalPath, "export", "--format", "cloudevents-lines"] + (follow ? ["--follow"] : []),
                                      stdout: fifo, stderr: j.directory.file("stalled.err"))
            // Signal once the export has written (its signal handling is set up before its first
            // line); a fixed wait let a slow start on a loaded CI machine take the signal first.
            var ready = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            #expect(poll(&ready, 1, 20_000) == 1, "follow: \(follow): nothing written in 20 s")
            process.signal(SIGTERM)
            #expect(process.wait(timeout: 20) == expected, "follow: \(follow)")
            close(reader)
        }
    }

    @Test("--follow stops with 65 when the journal is cut under it (a history replaced by a shorter one)")
    func followCatchesACut() throws {
        let j = F.district()
        let stored = F.lines(j)
        let (process, out) = try Self.follow(j)
        #expect(F.waitUntil { Self.lineCount(out) == stored.count })
        try j.setJournalFileBytes("segment-00000001.jsonl", Array(stored.prefix(5).map { $0 + "\n" }.joined().utf8))
        #expect(process.wait(timeout: 20) == .exited(65))
        let stderr = j.directory.read("follow.err")
        #expect(stderr.contains("segment-00000001.jsonl:\(stored.count + 1)") && stderr.contains("shorter"), "\(stderr)")
    }

    @Test("--follow stops with 65 when a line that does not chain is appended under it")
    func followCatchesARewrite() throws {
        let j = F.district()
        let stored = F.lines(j)
        let (process, out) = try Self.follow(j)
        #expect(F.waitUntil { Self.lineCount(out) == stored.count })
        // A copy of the last line appended again: its seq and chain hash are the previous line's.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: j.journalFile("segment-00000001.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((stored.last! + "\n").utf8))
        try handle.close()
        #expect(process.wait(timeout: 20) == .exited(65))
        let stderr = j.directory.read("follow.err")
        #expect(stderr.contains("segment-00000001.jsonl:\(stored.count + 1)"), "\(stderr)")
        #expect(Self.lineCount(out) == stored.count)
    }
}
