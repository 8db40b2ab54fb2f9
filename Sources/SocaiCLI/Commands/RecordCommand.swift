import SocaiCore
import SocaiReports
import SocaiStore

/// `socai record TYPE …`: validate one event and append it, or write nothing and say why.
enum RecordCommand: Command {
    static let spec = CommandSpec(
        name: "record", abstract: LocalizedText(
            en: "Record an event: unit, rename, move, dissolve, conference, admission, departure, arrival, merger, rating, correction.",
            vi: "Ghi một sự kiện: thành lập, đổi tên, chuyển trực thuộc, giải thể đơn vị, hội nghị, kết nạp, giảm, chuyển đến, sáp nhập, xếp loại, đính chính."),
        discussion: LocalizedText(en: "With no type on a terminal, asks for the event step by step (guided entry).",
                                  vi: "Không ghi loại sự kiện khi chạy ở cửa sổ dòng lệnh thì socai hỏi từng bước (nhập có hướng dẫn)."),
        subcommands: RecordSpecs.subcommands,
        examples: ["socai record admission --unit muong-thanh --date 2021-03-01 --count 25"])

    static let commonNames = Set(RecordSpecs.common.map(\.name))

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws(CLIError) -> ExitStatus {
        let type = String(arguments.command.dropFirst("record ".count))
        var options: [RecordRequest.Option] = []
        for occurrence in arguments.occurrences where !commonNames.contains(occurrence.name)
            && !GlobalOptions.specs.contains(where: { $0.name == occurrence.name }) {
            options.append(RecordRequest.Option(occurrence.name, normalised(occurrence.value ?? "")))
        }
        let request = RecordRequest(type: type, options: options)
        return try record(request, arguments: arguments, invocation: invocation)
    }

    /// Text is stored NFC whatever the keyboard produced.
    static func normalised(_ text: String) -> String { text.precomposedNFC }

    static func record(_ request: RecordRequest, arguments: ParsedArguments, invocation: Invocation) throws(CLIError) -> ExitStatus {
        let invocation = invocation.writingToFirst()
        let expectSeq = try LogCommand.integer(arguments, "expect-seq").map(Int64.init)
        var eventID: EventID?
        if let text = arguments.value("event-id") {
            guard let id = EventID(text) else {
                throw .invalid([ValidationIssue(field: "event-id", value: text, message: CommandText.eventIDNotUUID(["value": text]))])
            }
            eventID = id
        }
        var session = try JournalSession.load(invocation)
        let reportsTo = session.journal.metadata.reportsTo
        let writer = EventWriter(invocation: invocation, dryRun: arguments.flag("dry-run"), expectSeq: expectSeq)
        let by = arguments.value("by").map(normalised) ?? invocation.context.loginName
        let source = arguments.value("source").map(normalised)
        return try writer.write(retryingOn: &session) { view, now throws(CLIError) in
            var generator = SystemRandomNumberGenerator()
            let context = RecordContext(today: now.dateInVietnam, allowFuture: arguments.flag("allow-future"), recordedBy: by,
                                        source: source, eventID: eventID ?? EventID.version7(at: now, using: &generator),
                                        eventIDGiven: eventID != nil, reportsTo: reportsTo)
            switch EventBuilder.build(request, rules: view, context: context) {
            case .success(let built):
                return ([built.event], built.warnings, eventID != nil)
            case .failure(let failure):
                throw .invalid(failure.issues)
            }
        }
    }
}

