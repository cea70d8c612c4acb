/// How long a sentence and a text may be before loading warns that it is hard to read
/// (diagnostic `DLG033`). Plain language (B1) keeps sentences short and messages small.
public struct ReadabilityLimits: Sendable, Hashable {
    /// The most words one sentence may have.
    public var sentenceWords: Int
    /// The most words one text (a message, a question, a plan step) may have.
    public var messageWords: Int

    /// Creates limits; the defaults suit plain language.
    public init(sentenceWords: Int = 20, messageWords: Int = 80) {
        self.sentenceWords = sentenceWords
        self.messageWords = messageWords
    }
}
