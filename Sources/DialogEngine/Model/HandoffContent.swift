/// What a bundle says when the person is handed to a human (`handoff.json`): the words per
/// reason, where a person can be reached, the examples that teach the classifier what asking for
/// a human sounds like, and after how many failed turns help gives way to a handoff.
struct HandoffContent: Sendable {
    /// Turns in a row in which help failed before the conversation is handed off; nil: never.
    var afterFailures: Int?
    /// Messages asking for a human, per language, in people's own words.
    var examples: [String: [String]]
    var exampleOrigins: ExampleOrigins?
    /// What is said first, per reason (the emergency answer may say nothing more).
    var reasons: [Turn.Handoff.Reason: [LocalizedText]]
    /// Where a person can be reached; shown after the words for `requested` and `repeatedFailure`.
    var contact: [LocalizedText]
    /// The sources of `contact`.
    var sources: [String]
    /// Where each source id is written.
    var sourceOrigins: [Origin] = []
    var origin: Origin
}
