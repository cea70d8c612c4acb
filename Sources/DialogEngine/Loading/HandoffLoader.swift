/// Reads `handoff.json`, the optional file with what the bundle says when the person is handed
/// to a human. Without it, asking for a human still hands off, with the engine's own short words.
enum HandoffLoader {
    static let file = "handoff.json"
    /// The most turns in a row that `afterFailures` may wait: more is help that never gives way.
    static let failureRange = 1...20

    static func load(_ json: JSONValue, context: LoadContext) -> HandoffContent? {
        let file = Self.file
        guard context.checkObject(json, file: file, what: "the handoff", allowed: ["afterFailures", "examples", "reasons", "contact", "sources"],
                                  required: ["reasons", "contact", "sources"]) else { return nil }
        var afterFailures: Int?
        if let value = json["afterFailures"], let number = context.number(value, file: file, what: "'afterFailures'") {
            if number.rounded() == number, failureRange.contains(Int(exactly: number) ?? 0) {
                afterFailures = Int(number)
            } else {
                context.report(.afterFailuresOutOfRange(lowest: failureRange.lowerBound, highest: failureRange.upperBound, found: "\(DialogValue.number(number))"),
                               file: file, value: value)
            }
        }
        let examples = context.phrases(json["examples"], file: file, what: "the handoff examples") ?? [:]
        let exampleOrigins = json["examples"].map { ExampleOrigins(object: context.origin(file, $0), phrases: context.phraseOrigins($0, file: file)) }
        var reasons: [Turn.Handoff.Reason: [LocalizedText]] = [:]
        if let value = json["reasons"],
           context.checkObject(value, file: file, what: "'reasons'", allowed: Turn.Handoff.Reason.allCases.map(\.rawValue),
                               required: [Turn.Handoff.Reason.requested.rawValue, Turn.Handoff.Reason.repeatedFailure.rawValue]) {
            for reason in Turn.Handoff.Reason.allCases {
                // Emergency may be empty: the safety answer already says whom to call.
                let list = context.array(value[reason.rawValue], file: file, what: "the '\(reason.rawValue)' messages", nonEmpty: reason != .emergency) ?? []
                reasons[reason] = list.compactMap { context.text($0, file: file, what: "a message") }
            }
        }
        let contact = (context.array(json["contact"], file: file, what: "'contact'", nonEmpty: true) ?? [])
            .compactMap { context.text($0, file: file, what: "a contact message") }
        let sources = context.stringList(json["sources"], file: file, what: "'sources'") ?? []
        if let value = json["sources"], sources.isEmpty, value.elements != nil {
            context.report(.contactWithoutSources, file: file, value: value)
        }
        let sourceOrigins = (json["sources"]?.elements ?? []).filter { $0.string != nil }.map { context.origin(file, $0) }
        return HandoffContent(afterFailures: afterFailures, examples: examples, exampleOrigins: exampleOrigins, reasons: reasons,
                              contact: contact, sources: sources, sourceOrigins: sourceOrigins, origin: context.origin(file, json))
    }
}
