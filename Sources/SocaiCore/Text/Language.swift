/// The language of labels and number formats (`--lang vi|en`).
///
/// Lives in SocaiCore, not SocaiReports, because the figure catalogue (core) carries labels in both
/// languages while the formatting (reports) chooses between them. The raw values are the exact
/// spellings accepted on the command line.
public enum Language: String, Sendable, CaseIterable {
    case en
    case vi
}
