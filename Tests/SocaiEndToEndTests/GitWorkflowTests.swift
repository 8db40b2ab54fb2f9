import Foundation
import SocaiTestSupport
import Testing

/// A journal directory carried by git (docs/FEDERATION.md): the district commits, the province
/// clones and pulls and reads the clone; snapshots and crash leftovers stay out of git; an edited
/// line or a rewritten history that reaches the clone is refused by `verify` and every reader.
@Suite("Journal carried by git", .enabled(if: ExternalTool.find("git") != nil, "git is not installed; Tools/ci-deps installs it"))
struct GitWorkflowTests {
    typealias F = FederationFixture

    /// Runs git in `directory` with a fixed identity and no user or system configuration.
    @discardableResult
    static func git(_ arguments: [String], in directory: String, sourceLocation: SourceLocation = #_sourceLocation) -> SocaiResult {
        let home = directory + "/../git-home"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let result = ExternalTool.run(ExternalTool.find("git")!,
                                      ["-c", "user.name=Văn phòng Huyện ủy", "-c", "user.email=vp@example.invalid",
                                       "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false"] + arguments,
                                      environment: ["HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"], in: directory)
        return result
    }

    @Test func cloneAndPullThenARewriteIsRefused() throws {
        let district = F.district()
        let repo = district.journalPath
        let gitignore = try #require(try? String(contentsOfFile: repo + "/.gitignore", encoding: .utf8), "init writes .gitignore")
        #expect(gitignore.contains("*.quarantine-*") && gitignore.contains("Snapshots/"))

        // Derived data and crash leftovers inside the journal directory: git must not take them.
        #expect(district.run(["--snapshots", repo + "/Snapshots", "snapshot"]).status == 0)
        let segment = district.journalFile("segment-00000001.jsonl")
        let torn = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
        try torn.seekToEnd()
        try torn.write(contentsOf: Data(#"{"specversion":"1.0","id":"#.utf8))
        try torn.close()
        #expect(district.run(["record", "admission", "--unit", "xa-a", "--date", "2021-05-01", "--count", "1"]).status == 0)
        #expect(district.quarantineNames.count == 1)

        #expect(Self.git(["init", "-q"], in: repo).status == 0)
        #expect(Self.git(["add", "-A"], in: repo).status == 0)
        let tracked = Self.git(["ls-files"], in: repo).stdout.split(separator: "\n").map(String.init)
        #expect(tracked == [".gitignore", "journal.json", "segment-00000001.jsonl"], "\(tracked)")
        #expect(Self.git(["commit", "-q", "-m", "Sổ đến hết tháng 5"], in: repo).status == 0)

        // The province clones the district's journal and reads it as it is.
        let province = TemporaryDirectory()
        let clone = province.file("sop-cop")
        #expect(Self.git(["clone", "-q", repo, clone], in: province.path).status == 0)
        let read = { (arguments: [String]) in SocaiProcess.run(["--journal", clone] + arguments, in: province.path) }
        #expect(read(["verify"]).status == 0)
        #expect(read(["export", "--format", "cloudevents-lines"]).stdout == String(decoding: F.segmentBytes(district), as: UTF8.self))

        // The district records more and commits; the province pulls.
        #expect(district.run(["record", "admission", "--unit", "muong-lan", "--date", "2021-06-01", "--count", "7"]).status == 0)
        #expect(Self.git(["commit", "-q", "-a", "-m", "Kết nạp tháng 6"], in: repo).status == 0)
        #expect(Self.git(["pull", "-q", "--ff-only"], in: clone).status == 0)
        #expect(read(["verify"]).status == 0)
        let pulled = read(["replay", "--json", "--to", "2021-12-31"])
        #expect(pulled.status == 0)
        #expect(pulled.stdout == district.run(["replay", "--json", "--to", "2021-12-31"]).stdout)

        // A line edited and committed on top: the pull goes through, the journal does not.
        let lines = F.lines(district)
        let edited = try #require(lines.firstIndex { $0.contains("\"count\":25") })
        var bytes = Array(try String(contentsOfFile: segment, encoding: .utf8).replacingOccurrences(of: "\"count\":25", with: "\"count\":52").utf8)
        try district.setJournalFileBytes("segment-00000001.jsonl", bytes)
        #expect(Self.git(["commit", "-q", "-a", "-m", "sửa số liệu"], in: repo).status == 0)
        #expect(Self.git(["pull", "-q", "--ff-only"], in: clone).status == 0)
        Self.expectRefused(read, line: edited + 1)

        // History rewritten (the edit folded into an earlier commit) and forced on the clone.
        #expect(Self.git(["reset", "-q", "--hard", "HEAD~1"], in: repo).status == 0)
        bytes = Array(try String(contentsOfFile: segment, encoding: .utf8).replacingOccurrences(of: "\"count\":7", with: "\"count\":70").utf8)
        try district.setJournalFileBytes("segment-00000001.jsonl", bytes)
        #expect(Self.git(["commit", "-q", "-a", "--amend", "-m", "Kết nạp tháng 6"], in: repo).status == 0)
        let refusedPull = Self.git(["pull", "-q", "--ff-only"], in: clone)
        #expect(refusedPull.status != 0, "git itself refuses a history that does not extend the one it has")
        #expect(Self.git(["fetch", "-q"], in: clone).status == 0)
        #expect(Self.git(["reset", "-q", "--hard", "origin/main"], in: clone).status == 0)
        Self.expectRefused(read, line: lines.count)
    }

    /// Two writers of one journal (its owner, and someone who recorded into a clone) have forked
    /// it: git will not merge the forks (both appended to the same segment); a merge forced
    /// through (`merge=union`, or a conflict "resolved" by keeping both) is refused by `verify`
    /// and every reader; the clone's lines cannot be imported into the owner's journal either (they
    /// claim to come from it). The fact is recorded again in the owner's journal with its id, and
    /// the clone goes back to the owner's history.
    @Test func twoWritersOfOneJournalDoNotMerge() throws {
        let district = F.district()
        let repo = district.journalPath
        #expect(Self.git(["init", "-q"], in: repo).status == 0)
        #expect(Self.git(["add", "-A"], in: repo).status == 0)
        #expect(Self.git(["commit", "-q", "-m", "Sổ đến hết tháng 5"], in: repo).status == 0)
        let owned = F.lines(district).count
        let elsewhere = TemporaryDirectory()
        let clone = elsewhere.file("sop-cop")
        #expect(Self.git(["clone", "-q", repo, clone], in: elsewhere.path).status == 0)
        let inClone = { (arguments: [String]) in SocaiProcess.run(["--journal", clone] + arguments, in: elsewhere.path) }

        // Both record, each on its own copy, and commit.
        let forked = inClone(["record", "admission", "--unit", "xa-a", "--date", "2021-06-01", "--count", "2"])
        #expect(forked.status == 0, "\(forked)")
        let forkedID = try #require(forked.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(Self.git(["commit", "-q", "-a", "-m", "ghi ở bản sao"], in: clone).status == 0)
        #expect(district.run(["record", "admission", "--unit", "muong-lan", "--date", "2021-06-01", "--count", "7"]).status == 0)
        #expect(Self.git(["commit", "-q", "-a", "-m", "Kết nạp tháng 6"], in: repo).status == 0)
        let ownerAnswers = F.answers(district)

        // git refuses the merge: both sides appended to the same segment.
        let merge = Self.git(["pull", "--no-rebase", clone, "main"], in: repo)
        #expect(merge.status != 0 && (merge.stdout + merge.stderr).contains("CONFLICT"), "\(merge)")
        #expect(Self.git(["merge", "--abort"], in: repo).status == 0)
        #expect(district.run(["verify"]).status == 0)

        // Forced through (both lines kept), the journal is refused where the forks meet.
        try "*.jsonl merge=union\n".write(toFile: repo + "/.git/info/attributes", atomically: true, encoding: .utf8)
        #expect(Self.git(["pull", "-q", "--no-rebase", clone, "main"], in: repo).status == 0)
        let read = { (arguments: [String]) in district.run(arguments) }
        Self.expectRefused(read, line: owned + 2)
        #expect(district.run(["verify"]).stdout.contains("seq is \(owned + 1), expected \(owned + 2)"))
        #expect(Self.git(["reset", "-q", "--hard", "ORIG_HEAD"], in: repo).status == 0)
        #expect(district.run(["verify"]).status == 0)

        // The clone's lines claim to come from the owner's journal, which does not hold them.
        let lines = inClone(["export", "--format", "cloudevents-lines", "--from-seq", String(owned + 1)])
        let imported = district.run(["import", "--format", "cloudevents-lines", "-"], stdin: lines.stdout)
        #expect(imported.status == 64 && imported.stderr.contains("names this journal as where it was recorded"), "\(imported)")

        // The way back: the fact recorded again in the owner's journal under its id; the clone
        // takes the owner's history.
        #expect(district.run(["record", "admission", "--unit", "xa-a", "--date", "2021-06-01", "--count", "2",
                              "--event-id", forkedID]).status == 0)
        #expect(Self.git(["commit", "-q", "-a", "-m", "ghi lại từ bản sao"], in: repo).status == 0)
        #expect(Self.git(["fetch", "-q"], in: clone).status == 0)
        #expect(Self.git(["reset", "-q", "--hard", "origin/main"], in: clone).status == 0)
        #expect(inClone(["verify"]).status == 0)
        #expect(inClone(["replay", "--json", "--to", "2021-12-31"]).stdout == district.run(["replay", "--json", "--to", "2021-12-31"]).stdout)
        #expect(F.answers(district) != ownerAnswers, "xa-a's admission now counts")
    }

    /// `verify` finds the damaged line (exit 1) and every reader refuses the journal (exit 65), naming it.
    static func expectRefused(_ read: ([String]) -> SocaiResult, line: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let location = "segment-00000001.jsonl:\(line)"
        let verify = read(["verify"])
        #expect(verify.status == 1, "\(verify)", sourceLocation: sourceLocation)
        #expect(verify.stdout.contains(location) || verify.stderr.contains(location), "\(verify)", sourceLocation: sourceLocation)
        for arguments in [["replay", "--to", "2021-12-31"], ["check"], ["log"], ["export", "--format", "cloudevents-lines"]] {
            let result = read(arguments)
            #expect(result.status == 65, "\(arguments): \(result)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(location), "\(arguments): \(result)", sourceLocation: sourceLocation)
        }
    }
}
