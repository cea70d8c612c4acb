/// Words that are answered from anywhere in a conversation, before anything else, such as an
/// emergency. The conversation then goes on where it was.
struct Interrupt: Sendable {
    var id: String
    var triggers: [String: [String]]
    /// Messages that need this answer, per language, in people's own words: training data for
    /// understanding, next to the keyword triggers that fire on their own.
    var examples: [String: [String]] = [:]
    var exampleOrigins: ExampleOrigins?
    var messages: [LocalizedText]
    var sources: [String]
    var origin: Origin
}
