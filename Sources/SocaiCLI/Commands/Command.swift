/// One socai command: its spec (options, help) and what it does. `run` is short: load, query,
/// render, write; the work is in SocaiCore, SocaiStore and SocaiReports.
protocol Command {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus
}
