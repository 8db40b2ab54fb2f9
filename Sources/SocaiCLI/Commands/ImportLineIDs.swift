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

    /// The id of each record, in the order of `recordLines` (each record's first line, 1-based,
    /// ascending). `lineEnds`: LF only (JSON Lines) or LF, CRLF and a lone CR (CSV), as the file's
    /// parser numbers lines. A line's own line end, a final `\r` and a leading byte order mark are
    /// not hashed, so the same rows saved by another editor keep their ids.
    ///
    /// One pass over the file: each line is hashed where it lies, and a record's id is a copy of
    /// the running hash finished at its end.
    static func derive(_ bytes: [UInt8], recordLines: [Int], csv: Bool) -> [EventKey] {
        let lines = physicalLines(bytes, csv: csv)
        var ids: [EventKey] = []
        ids.reserveCapacity(recordLines.count)
        var hasher = SHA256()
        hasher.update(domain)
        var hashed = 0
        let newline: [UInt8] = [0x0A]
        bytes.withUnsafeBytes { file in
            for (i, start) in recordLines.enumerated() {
                var end = i + 1 < recordLines.count ? recordLines[i + 1] - 1 : lines.count
                // Blank lines after a record belong to no record.
                while end > start, file[lines[end - 1]].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { end -= 1 }
                end = min(end, lines.count)
                while hashed < end {
                    hasher.update(UnsafeRawBufferPointer(rebasing: file[lines[hashed]]))
                    hasher.update(newline)
                    hashed += 1
                }
                let copy = hasher
                let digest = copy.finalize().first128Bits
                ids.append(EventKey.version8(high: digest.high, low: digest.low))
            }
        }
        return ids
    }

    /// The file's lines without their line ends (and without a leading byte order mark).
    static func physicalLines(_ bytes: [UInt8], csv: Bool) -> [Range<Int>] {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [Range<Int>] = []
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || (csv && byte == 0x0D) {
                var end = i
                if byte == 0x0A, !csv, end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(start..<end)
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }
}
