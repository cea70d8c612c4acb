extension ReadabilityChecker {
    /// Warns about a sentence or a whole text too long to read easily.
    func report(_ raw: String, language: String, at origin: Origin, context: LoadContext) {
        let (longSentences, words) = measure(raw)
        for sentence in longSentences {
            context.report(.longSentence(language: language, words: sentence.words, limit: limits.sentenceWords), at: context.inString(origin, at: sentence.offset))
        }
        if words > limits.messageWords {
            context.report(.longText(language: language, words: words, limit: limits.messageWords), at: origin)
        }
    }
}
