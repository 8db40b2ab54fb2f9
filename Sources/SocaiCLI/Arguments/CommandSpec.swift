import SocaiCore

/// A command or a group of commands, described once and used for scanning, suggestions and help.
///
/// Keeping scanning and help on the same description is what makes the help screen true: an option
/// cannot be accepted without being documented, or documented without being accepted. Its texts
/// are `LocalizedText`, walked by the catalogue test (`SocaiCLI.catalogue`) so none is English only.
public struct CommandSpec: Sendable, Equatable {
    /// The words after the program name (`record conference`); empty for the root command.
    public var name: String
    /// One sentence: the OVERVIEW line and the entry in the parent's SUBCOMMANDS list.
    public var abstract: LocalizedText
    /// Lines shown verbatim under USAGE (full lines, program name included) when the generated
    /// synopsis would mislead, e.g. for mutually exclusive options; `nil` generates it.
    public var usage: [LocalizedText]?
    /// Longer explanation after the overview; paragraphs separated by blank lines are wrapped, lines
    /// starting with a space are kept as written.
    public var discussion: LocalizedText?
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    public var subcommands: [CommandSpec]
    /// Complete command lines, shown verbatim (never wrapped, so they can be copied).
    public var examples: [String]

    public init(
        name: String,
        abstract: LocalizedText,
        usage: [LocalizedText]? = nil,
        discussion: LocalizedText? = nil,
        options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [],
        subcommands: [CommandSpec] = [],
        examples: [String] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.usage = usage
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.examples = examples
    }

    /// The program every path is relative to, for `see: socai … --help` and USAGE lines.
    public static let programName = "socai"

    /// The word that selects this command under its parent (`conference` for `record conference`).
    public var word: String {
        String(name.split(separator: " ").last ?? "")
    }

    /// The direct subcommand selected by `word`, if any.
    public func subcommand(_ word: String) -> CommandSpec? {
        subcommands.first { $0.word == word }
    }
}
