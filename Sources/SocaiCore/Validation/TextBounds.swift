/// The longest text socai accepts in each free-text field, counted in Unicode scalars (text is
/// stored NFC, where a Vietnamese letter with its marks is one scalar), so a limit bounds the bytes
/// too: at most 4 per scalar, 6 when the journal escapes a control character.
///
/// No document needs more: a unit's full name or a conference's title is a line, a source is a
/// reference with a quote of a paragraph, a recorder is a login or a person's name. Bounds keep
/// every line of the journal small enough to read in a moment, whatever an import file holds
/// (a 20 MB `--source` was accepted before them). Above a bound the request is refused (64,
/// nothing written), naming the field, the limit and the length given.
public enum TextBounds {
    /// Unit names (`--name`), conference titles, reasons, regulations: one line.
    public static let name = 200
    /// One `--decision` of a conference: one line.
    public static let decision = 500
    /// `--source`: the document, with a quote.
    public static let source = 2_000
    /// `--by`: who recorded the event.
    public static let recordedBy = 100
    /// All of one event's text together (every option's value, the source and the recorder):
    /// bounds an event that repeats options (`--decision` a thousand times) as the others bound one.
    public static let event = 20_000

    /// The length a bound counts.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }
}
