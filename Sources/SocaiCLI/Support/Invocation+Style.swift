import SocaiReports

extension Invocation {
    /// Colour only on a terminal without `NO_COLOR`; plain text everywhere else.
    var textStyle: TextStyle {
        TextStyle.forTerminal(isTerminal: context.stdout.isTerminal, environment: context.environment)
    }
}
