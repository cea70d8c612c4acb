extension ReadabilityChecker {
    /// Warns about a sentence or a whole text too long to read easily.
    func report(_ raw: String, language: String, at origin: Origin, context: LoadContext) {
        let (longSentences, words) = measure(raw)
        for sentence in longSentences {
            context.report(.longText, "a sentence of the '\(language)' text has \(sentence.words) words (at most \(limits.sentenceWords) read easily)",
                           at: context.inString(origin, at: sentence.offset), hint: "split it into shorter sentences")
        }
        if words > limits.messageWords {
            context.report(.longText, "the '\(language)' text has \(words) words (at most \(limits.messageWords) read easily)", at: origin,
                           hint: "split it into two messages, or put the rest behind a choice such as 'Tell me more'")
        }
    }
}
