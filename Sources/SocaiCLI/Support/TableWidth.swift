/// How wide a text table that could run to any width (`socai log`: titles, sources and summaries
/// as long as the documents made them) may be: the terminal's width when stdout is a terminal
/// (`COLUMNS` when set, else what the terminal says), else 160; never under 80 or over 160, so a
/// narrow window still shows every column and a wide one does not spread a line over a screen.
enum TableWidth {
    static let narrowest = 80
    static let widest = 160
    /// For a pipe or a file: the widest, so a program or a pager that scrolls loses the least
    /// (`--json` and `--csv` are whole).
    static let offTerminal = widest

    static func of(_ context: CommandContext) -> Int {
        var columns = offTerminal
        if context.stdout.isTerminal {
            columns = context.environment["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: " ")) } ?? context.stdout.terminalColumns ?? offTerminal
        }
        return min(max(columns, narrowest), widest)
    }
}
