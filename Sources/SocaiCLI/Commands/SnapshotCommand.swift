import SocaiCore
import SocaiStore

/// `socai snapshot`: write the projection state at the journal's head (filled in with snapshots).
enum SnapshotCommand: Command {
    static let spec = CommandSpec(
        name: "snapshot", abstract: "Write the fold's state at the journal's head into the snapshot directory (derived data).",
        examples: ["socai snapshot"])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        throw .message(LocalizedText(en: "snapshots are not available yet", vi: "chưa hỗ trợ ảnh chụp"), .badInput)
    }
}
