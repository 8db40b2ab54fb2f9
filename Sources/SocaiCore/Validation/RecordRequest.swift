/// A request to record one event, as typed: the `record` subcommand and its options as text.
///
/// The command line, an import's JSON or CSV line and a correction's `--set` all become this,
/// so one validator (`EventBuilder`) decides what is a valid event.
public struct RecordRequest: Sendable, Hashable {
    /// The `record` subcommand: `unit`, `conference`, `admission`, …
    public var type: String
    /// Option values in the order given; repeatable options appear several times.
    public var options: [Option]
    /// For imports: the 1-based line the request came from.
    public var line: Int?

    public struct Option: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(type: String, options: [Option], line: Int? = nil) {
        self.type = type
        self.options = options
        self.line = line
    }

    public func value(_ name: String) -> String? { options.last { $0.name == name }?.value }
    public func values(_ name: String) -> [String] { options.filter { $0.name == name }.map(\.value) }
    public func has(_ name: String) -> Bool { options.contains { $0.name == name } }
}

/// One problem with a request: the field, the value, and what to do, in both languages.
public struct ValidationIssue: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var field: String
    public var value: String?
    public var message: LocalizedText
    public var severity: Severity
    /// For imports: the line of the request.
    public var line: Int?

    public init(field: String, value: String? = nil, message: LocalizedText, severity: Severity = .error, line: Int? = nil) {
        self.field = field
        self.value = value
        self.message = message
        self.severity = severity
        self.line = line
    }
}
