import SocaiCore

/// `socai record` with no type on a terminal: asks for the event step by step (placeholder).
enum GuidedEntry {
    static func run(_ invocation: Invocation) throws(CLIError) -> ExitStatus {
        throw .message(LocalizedText(en: "give an event type: socai record admission …", vi: "hãy ghi loại sự kiện: socai record admission …"), .badInput)
    }
}
