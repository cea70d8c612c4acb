/// Counts the words of a text and of each of its sentences, so authors keep texts plain.
///
/// A word is a run of non-space characters with at least one letter, digit or placeholder brace
/// ("–" alone is no word). A sentence ends at `.`, `!` or `?` followed by a space or the end of
/// the text ("113.nl" and "7:450" stay one word), or at a line break.
struct ReadabilityChecker {
    /// A sentence: where it starts (in Unicode scalars) and how many words it has.
    struct Sentence: Equatable {
        var offset: Int
        var words: Int
    }

    let limits: ReadabilityLimits

    /// The sentences of `text` that have more words than the limit.
    func longSentences(in text: String) -> [Sentence] { measure(text).longSentences }

    /// The number of words in `text`.
    func wordCount(of text: String) -> Int { measure(text).words }

    /// Both at once, reading the text once: what the loader checks for every text. Sentences
    /// are counted as they end, without a list of them: most texts have no long one.
    func measure(_ text: String) -> (longSentences: [Sentence], words: Int) {
        var long: [Sentence] = []
        var total = 0
        forEachSentence(in: text) { sentence in
            total += sentence.words
            if sentence.words > limits.sentenceWords { long.append(sentence) }
        }
        return (long, total)
    }

    private func forEachSentence(in text: String, _ body: (Sentence) -> Void) {
        var start: Int?
        var words = 0
        var inWord = false
        var wordCounts = false
        func endWord() {
            if inWord && wordCounts { words += 1 }
            inWord = false
            wordCounts = false
        }
        func endSentence() {
            endWord()
            if let start, words > 0 { body(Sentence(offset: start, words: words)) }
            start = nil
            words = 0
        }
        // A `.`, `!` or `?` ends its sentence only if a space or the end follows: decided at the
        // next character, so the text is read once, without a copy to look ahead in.
        var endsAtSpace = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if Self.isWhitespace(scalar) {
                if endsAtSpace { endSentence() }
                endsAtSpace = false
                endWord()
                if scalar == "\n" { endSentence() }
                continue
            }
            endsAtSpace = false
            if start == nil { start = index }
            inWord = true
            if !wordCounts, Self.countsAsWord(scalar) { wordCounts = true }
            if scalar == "." || scalar == "!" || scalar == "?" { endsAtSpace = true }
        }
        endSentence()
    }

    // ASCII first: the Unicode property tables are slow, and nearly every character is ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    private static func countsAsWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || scalar == "{"
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
