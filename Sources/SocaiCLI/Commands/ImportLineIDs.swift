import SocaiCore
import SocaiStore

/// The event id of an import line that gives no `event-id` (DECISIONS, "The same file imported
/// twice"): a version 8 UUID made of the SHA-256 of the file's text from its first line through
/// the end of that line (its record, for a CSV row that spans lines).
///
/// Why the text up to the line, not the line alone or the whole file: the same file imported
/// again derives the same ids, so the journal holds them already and nothing is recorded twice;
/// a file that grew (a clerk adds this month's rows and imports it again) keeps the ids of the
/// rows it had; a line that reads like a line of another file (the same admission typed in two
/// files) is not mistaken for it, because what comes before it differs; and two identical lines
/// of one file keep two ids, so both are recorded as before.
enum ImportLineIDs {
    /// What every hashed text starts with, so these ids can never equal a hash of the same text
    /// made for another purpose.
    static let domain = "socai import line v1\n"

    /// The id of each record, by the record's first line (1-based). `recordLines`: the first
    /// line of each record, ascending. `lineEnds`: LF only (JSON Lines) or LF, CRLF and a lone CR
    /// (CSV), as the file's parser numbers lines. A line's own line end, a final `\r` and a
    /// leading byte order mark are not hashed, so the same rows saved by another editor keep their ids.
    static func derive(_ text: String, recordLines: [Int], csv: Bool) -> [Int: EventID] {
        let lines = physicalLines(Array(text.utf8), csv: csv)
        var ends: [(start: Int, end: Int)] = []
        for (i, start) in recordLines.enumerated() {
            var end = i + 1 < recordLines.count ? recordLines[i + 1] - 1 : lines.count
            // Blank lines after a record belong to no record.
            while end > start, lines[end - 1].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { end -= 1 }
            ends.append((start, min(end, lines.count)))
        }
        var ids: [Int: EventID] = [:]
        var hasher = SHA256()
        hasher.update(domain)
        var hashed = 0
        let newline: [UInt8] = [0x0A]
        for record in ends {
            while hashed < record.end {
                lines[hashed].withUnsafeBytes { hasher.update($0) }
                hasher.update(newline)
                hashed += 1
            }
            let copy = hasher
            ids[record.start] = EventID.version8(hash: copy.finalize().bytes)
        }
        return ids
    }

    /// The file's lines without their line ends (and without a leading byte order mark).
    static func physicalLines(_ bytes: [UInt8], csv: Bool) -> [ArraySlice<UInt8>] {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [ArraySlice<UInt8>] = []
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || (csv && byte == 0x0D) {
                var end = i
                if byte == 0x0A, !csv, end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(bytes[start..<end])
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { lines.append(bytes[start..<bytes.count]) }
        return lines
    }
}
