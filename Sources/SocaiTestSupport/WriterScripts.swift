import Foundation
import SocaiCore
import SocaiStore

/// Bash loops that drive the built `socai` the way a clerk's script would, and the parsing of what
/// they printed: the acknowledgements (`recorded seq N id X`, `recorded 10 events, seq A–B`) are
/// the promises a crash must not break.
public enum WriterScripts {
    /// The id of line `line` (0 for a single record) of iteration `iteration` of writer `writer`.
    /// The same formula as the scripts' printf.
    public static func eventID(writer: Int, iteration: Int, line: Int) -> EventID {
        EventID(String(format: "0190c8a0-%04x-7000-8000-%08x%04x", writer, iteration, line))!
    }

    /// Appends forever (until killed, or `iterations` times): every `batchEvery`th iteration an
    /// import of `batchSize` lines, otherwise a single `record admission`; every event with an
    /// explicit id from `eventID(writer:iteration:line:)`. Prints `BATCH i` before an import and
    /// `EXIT i status` after each command. Expects unit `u1` to exist. The import file's name carries
    /// the shell's pid, so two copies of one script in one folder (the racing-retries test) never
    /// truncate each other's file while the other imports it.
    public static func appender(writer: Int, iterations: Int? = nil, batchEvery: Int = 3, batchSize: Int = 10) -> String {
        let condition = iterations.map { "(( i < \($0) ))" } ?? ":"
        let lines = (1...max(1, batchSize)).map(String.init).joined(separator: " ")
        return """
        W=\(writer); i=0
        while \(condition); do
          i=$((i+1))
          if (( \(batchEvery) > 0 && i % \(batchEvery) == 0 )); then
            f="batch-$W-$i-$$.jsonl"; : > "$f"
            for j in \(lines); do
              printf '{"type":"admission","unit":"u1","date":"2021-03-01","count":1,"event-id":"0190c8a0-%04x-7000-8000-%08x%04x"}\\n' "$W" "$i" "$j" >> "$f"
            done
            echo "BATCH $i"
            "$SOCAI_BIN" import "$f"
          else
            printf -v id '0190c8a0-%04x-7000-8000-%08x0000' "$W" "$i"
            "$SOCAI_BIN" record admission --unit u1 --date 2021-03-01 --count 1 --event-id "$id"
          fi
          echo "EXIT $i $?"
        done
        """
    }

    /// What a writer's stdout acknowledged.
    public struct Acknowledgements: Sendable {
        /// Every acknowledged event id with the seq it was acknowledged at.
        public var events: [EventID: Int64] = [:]
        /// Exit statuses of the commands that finished.
        public var exitStatuses: [Int32] = []
        /// Lines that were not understood (a line cut by the kill is fine; anything else is not).
        public var unparsed: [String] = []
    }

    public static func acknowledgements(_ output: String, writer: Int, batchSize: Int = 10) -> Acknowledgements {
        var result = Acknowledgements()
        var batch: Int?
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        let complete = output.hasSuffix("\n") ? lines[...] : lines.dropLast()
        for line in complete {
            let words = line.split(separator: " ")
            if words.first == "BATCH", words.count == 2, let i = Int(words[1]) {
                batch = i
            } else if words.first == "EXIT", words.count == 3, let status = Int32(words[2]) {
                result.exitStatuses.append(status)
                batch = nil
            } else if line.hasPrefix("recorded seq "), words.count == 5, let seq = Int64(words[2]), let id = EventID(String(words[4])) {
                result.events[id] = seq
            } else if line.hasPrefix("recorded "), line.contains(" events, seq "), let i = batch,
                      let range = line.split(separator: " ").last?.split(separator: "–"), range.count == 2,
                      let first = Int64(range[0]), let last = Int64(range[1]), last - first + 1 == Int64(batchSize) {
                for j in 1...batchSize { result.events[eventID(writer: writer, iteration: i, line: j)] = first + Int64(j - 1) }
            } else {
                result.unparsed.append(String(line))
            }
        }
        return result
    }
}

/// The journal as a reader sees it, read in-process after the fact.
public struct JournalSnapshot: Sendable {
    public var events: [EventEnvelope]
    public var report: ReadReport
    public var verify: VerifyReport

    public init(path: String) throws {
        let journal = try FileJournal.open(at: path)
        var events: [EventEnvelope] = []
        report = try journal.read(ReadOptions()) { events.append($0.envelope); return true }
        self.events = events
        verify = try journal.verify()
    }

    /// Seq by event id.
    public var seqByID: [EventID: Int64] {
        Dictionary(events.map { ($0.id, $0.seq) }, uniquingKeysWith: { first, _ in first })
    }
}
