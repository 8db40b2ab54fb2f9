/// socai's exit codes (CONTRACT.md), named after sysexits(3) where they come from.
public struct ExitStatus: RawRepresentable, Sendable, Hashable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let success = ExitStatus(rawValue: 0)
    /// `check` or `verify` found problems.
    public static let problemsFound = ExitStatus(rawValue: 1)
    /// EX_USAGE / EX_DATAERR folded: bad arguments or invalid input; nothing was written.
    public static let badInput = ExitStatus(rawValue: 64)
    /// EX_DATAERR: the journal is damaged.
    public static let damagedJournal = ExitStatus(rawValue: 65)
    /// EX_NOINPUT: no journal where one was expected.
    public static let noJournal = ExitStatus(rawValue: 66)
    /// EX_IOERR: the system refused a read or write (disk full, file too large, read-only).
    public static let ioError = ExitStatus(rawValue: 74)
    /// EX_TEMPFAIL: a conflict (`--expect-seq` mismatch, journal locked too long); try again.
    public static let conflict = ExitStatus(rawValue: 75)
}
