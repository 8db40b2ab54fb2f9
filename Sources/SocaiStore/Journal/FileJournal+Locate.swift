#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocaiCore

/// Where the line with a given seq is.
struct LinePosition {
    var segmentIndex: Int
    var offset: Int
    var lineNumber: Int
    /// The chain hash stored on the line before it (the genesis hash for seq 1).
    var previousHash: SHA256Digest
}

extension FileJournal {
    /// Finds the line with `seq` without hashing or decoding the lines before it: segments are
    /// found by their first seq, lines within a segment by counting newlines (seqs are contiguous).
    /// Nil when the journal has no such line (or is damaged around it).
    func locate(seq: Int64, segments: [String], committedEnd: Int) throws(JournalError) -> LinePosition? {
        guard seq >= 1, !segments.isEmpty else { return nil }
        var chosen = -1
        var chosenFirst: Int64 = 0
        var low = 0, high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            guard let first = try firstSeq(of: segments[middle]) else { high = middle - 1; continue }
            if first <= seq {
                chosen = middle
                chosenFirst = first
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        guard chosen >= 0 else { return nil }
        let fd = try FileDescriptor.open(path(segments[chosen]), O_RDONLY)
        let end = chosen == segments.count - 1 ? committedEnd : try fd.size()
        let wantedLine = Int(seq - chosenFirst) + 1
        var found: (offset: Int, previous: SHA256Digest?)?
        var previousLine: SHA256Digest?
        // The line before without its hash tail: damage, named there (not "seq N cannot be found").
        var unreadable: (location: JournalLocation, reason: LocalizedText)?
        try ForwardLineReader.forEachLine(fd, to: end) { line, number, offset in
            if number == wantedLine {
                found = (offset, previousLine)
                return false
            }
            if number == wantedLine - 1 {
                previousLine = JournalLineCodec.splitHash(line)?.stored
                if previousLine == nil {
                    unreadable = (JournalLocation(segment: segments[chosen], line: number), JournalLineCodec.missingHashReason(line))
                }
            }
            return true
        }
        guard let found else { return nil }
        var previous = found.previous
        if wantedLine == 1 {
            if chosen == 0 {
                previous = genesisHash
            } else {
                let before = try FileDescriptor.open(path(segments[chosen - 1]), O_RDONLY)
                if let (start, bytes) = try BackwardLineReader.line(endingAt: try before.size(), in: before) {
                    previous = bytes.withUnsafeBytes { JournalLineCodec.splitHash($0)?.stored }
                    if previous == nil {
                        unreadable = (JournalLocation(segment: segments[chosen - 1], line: try BackwardLineReader.lineNumber(at: start, in: before)),
                                      bytes.withUnsafeBytes { JournalLineCodec.missingHashReason($0) })
                    }
                }
            }
        }
        if previous == nil, let unreadable { throw .damaged(unreadable.location, reason: unreadable.reason) }
        guard let previous else { return nil }
        return LinePosition(segmentIndex: chosen, offset: found.offset, lineNumber: wantedLine, previousHash: previous)
    }

    /// What a read that starts at `position` (the line with `seq`, not the first) checks of the
    /// lines before it: the line just before, whole — its JSON and attributes, its seq (`seq` − 1),
    /// this journal's source, and its chain hash against the hash stored on the line before it.
    /// So the hash the read chains from is the hash of that line's bytes as they are on disk, and
    /// a line changed just before the start is damage. Lines further back are not read: a full
    /// read and `socai verify` check them (docs/JOURNAL.md, "What each read checks").
    func linkProblem(into position: LinePosition, seq: Int64, segments: [String]) throws(JournalError) -> JournalProblem? {
        var index = position.segmentIndex
        var fd = try FileDescriptor.open(path(segments[index]), O_RDONLY)
        var end = position.offset
        if end == 0 {
            guard index > 0 else { return nil }
            index -= 1
            fd = try FileDescriptor.open(path(segments[index]), O_RDONLY)
            end = try fd.size()
        }
        guard let (start, bytes) = try BackwardLineReader.line(endingAt: end, in: fd) else {
            return JournalProblem(location: JournalLocation(segment: segments[index], line: 1),
                                  message: DamageText.segmentBeforeEmpty(["seq": String(seq)]))
        }
        let before = try storedHash(before: start, segmentIndex: index, names: segments)
        var decoder = LineAttributeReader()
        let outcome = bytes.withUnsafeBytes { LineChecker.local($0, previousHash: before, verifyHashes: true, decoder: &decoder) }
        var problems: [LocalizedText] = []
        if let problem = outcome.problem { problems.append(problem) }
        if let decoded = outcome.decoded {
            if decoded.seq != seq - 1 { problems.append(DamageText.seqExpected(["seq": String(decoded.seq), "expected": String(seq - 1)])) }
            if decoded.source != metadata.source { problems.append(DamageText.otherSource(["source": decoded.source, "journal": metadata.source])) }
        }
        guard !problems.isEmpty else { return nil }
        let line = index == position.segmentIndex ? position.lineNumber - 1 : try BackwardLineReader.lineNumber(at: start, in: fd)
        return JournalProblem(location: JournalLocation(segment: segments[index], line: line), message: problems.joined(separator: "; "))
    }

    /// The seq of a segment's first line; nil when it has no complete line. A first line that does
    /// not decode is damage, named where it is: a read that must find a seq in or after that
    /// segment would otherwise report "seq N cannot be found" somewhere else.
    func firstSeq(of segment: String) throws(JournalError) -> Int64? {
        let fd = try FileDescriptor.open(path(segment), O_RDONLY)
        var result: Result<DecodedLine, LineDecodingError>?
        try ForwardLineReader.forEachLine(fd, to: try fd.size()) { line, _, _ in
            result = Result(catching: { () throws(LineDecodingError) in try JournalLineCodec.decode(line) })
            return false
        }
        switch result {
        case .success(let decoded)?: return decoded.envelope.seq
        case .failure(let error)?: throw .damaged(JournalLocation(segment: segment, line: 1), reason: error.reason)
        case nil: return nil
        }
    }

    /// The chain hash stored on the line with `seq`, checked against that line's seq: how a
    /// snapshot's stamp is matched with the journal.
    public func storedHash(atSeq seq: Int64) throws(JournalError) -> SHA256Digest? {
        let tail = try tail(verifyHead: false)
        guard seq <= tail.head.seq else { return nil }
        if seq == tail.head.seq { return tail.head.hash }
        if let missing = tail.missingNewline, missing.seq == seq + 1 { return missing.previousHash }
        guard let next = try locate(seq: seq + 1, segments: tail.segments, committedEnd: tail.committedEnd) else { return nil }
        return next.previousHash
    }
}
