/// A question with choices.
struct Question: Sendable {
    var text: LocalizedText
    var choices: [Choice]
    /// A variable that receives the chosen choice's id.
    var variable: String?
    var variableOrigin: Origin?
    /// What to say when an answer matches no choice, instead of the engine's general words.
    var noMatch: LocalizedText?
}
