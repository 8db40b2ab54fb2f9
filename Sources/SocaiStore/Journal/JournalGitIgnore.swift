/// The `.gitignore` `socai init` writes in a journal directory, so that the directory can be a git
/// repository that a committee above clones and pulls (docs/FEDERATION.md): what git carries is the
/// record (`journal.json`, the segments and their seals), never what is derived from it or left by
/// one machine's crash.
///
/// Seals stay in: each is written once, when its segment closes, and every reader checks it against
/// the segment's bytes, so a clone reads closed segments without re-hashing them and a forged seal
/// only costs time (`verify` ignores seals).
public enum JournalGitIgnore {
    public static let fileName = ".gitignore"

    public static let contents = """
        # Written by `socai init`: what this journal directory keeps out of git (docs/FEDERATION.md).
        # Derived data, rebuilt from the segments whenever it is missing: snapshots and images.
        Snapshots/
        *.img
        *.img.verified
        *.snap
        *.image
        # Bytes of an interrupted write, moved aside by the next writer: this machine's, not the record.
        *.quarantine-*
        # Files being replaced atomically, and lock files.
        *.tmp-*
        *.lock

        """

    /// Writes the file into `directory` unless one is already there (a directory that was a git
    /// repository before it held a journal keeps its own). Returns whether it wrote it.
    @discardableResult
    public static func write(into directory: String) throws(JournalError) -> Bool {
        let path = FileSystem.join(directory, fileName)
        guard !FileSystem.exists(path) else { return false }
        try FileSystem.createFile(path, contents: Array(contents.utf8))
        return true
    }
}
