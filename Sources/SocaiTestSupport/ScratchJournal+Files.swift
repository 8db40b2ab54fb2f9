import Foundation

/// The files behind a `ScratchJournal`, for end-to-end tests that damage or inspect them.
extension ScratchJournal {
    /// Segment file names, in journal order.
    public var segmentNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: journalPath)) ?? [])
            .filter { $0.hasPrefix("segment-") && $0.hasSuffix(".jsonl") }.sorted()
    }

    /// Quarantine files beside the segments.
    public var quarantineNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: journalPath)) ?? []).filter { $0.contains(".quarantine-") }.sorted()
    }

    /// A file in the journal directory.
    public func journalFile(_ name: String) -> String { journalPath + "/" + name }

    public func journalFileBytes(_ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: journalFile(name)).map { Array($0) } ?? []
    }

    /// Replaces a journal file's bytes in place (same inode and mode).
    public func setJournalFileBytes(_ name: String, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journalFile(name)))
        defer { try? handle.close() }
        // Overwrite, then cut to length: truncating to 0 first would free the blocks, which on a
        // file system mounted with `discard` costs a synchronous discard every time.
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(bytes))
        try handle.truncate(atOffset: UInt64(bytes.count))
    }

    /// Runs `socai record admission` for unit `u1` (which the caller has established).
    @discardableResult
    public func recordAdmission(_ extra: [String] = []) -> SocaiResult {
        run(["record", "admission", "--unit", "u1", "--date", "2021-03-01", "--count", "1"] + extra)
    }

    /// Establishes unit `u1`.
    @discardableResult
    public func recordUnit() -> SocaiResult {
        run(["record", "unit", "--id", "u1", "--name", "Chi bộ 1", "--kind", "cell", "--date", "2020-01-01"])
    }
}
