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
        var counter = SentenceCounter()
        // The UTF-8 bytes, decoded here: the loader measures every text, and the scalar view's
        // iterator was half of that. `place` counts scalars, which is what offsets are in.
        var text = text
        text.withUTF8 { bytes in
            var index = 0, place = 0
            while index < bytes.count {
                let scalar: Unicode.Scalar
                if bytes[index] < 0x80 {
                    scalar = Unicode.Scalar(bytes[index])
                    index += 1
                } else {
                    let (value, length) = UTF8Bytes.decodeScalar(bytes, at: index)
                    scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    index += length
                }
                if let sentence = counter.read(scalar, at: place) { body(sentence) }
                place += 1
            }
        }
        if let sentence = counter.endSentence() { body(sentence) }
    }

    /// Where the sentence being read started and how many words it has so far. A struct, not
    /// variables captured by local functions: those were boxed and checked on every access.
    private struct SentenceCounter {
        var start: Int?
        var words = 0
        var inWord = false
        var wordCounts = false
        /// A `.`, `!` or `?` ends its sentence only if a space or the end follows: decided at the
        /// next character, so the text is read once, without a copy to look ahead in.
        var endsAtSpace = false

        /// Reads the scalar at `place`; returns the sentence it ends, if it ends one.
        mutating func read(_ scalar: Unicode.Scalar, at place: Int) -> Sentence? {
            if ReadabilityChecker.isWhitespace(scalar) {
                // A stop and a line break right after it end one sentence, so at most one is returned.
                var ended = endsAtSpace ? endSentence() : nil
                endsAtSpace = false
                endWord()
                if scalar == "\n", let sentence = endSentence() { ended = sentence }
                return ended
            }
            endsAtSpace = false
            if start == nil { start = place }
            inWord = true
            if !wordCounts, ReadabilityChecker.countsAsWord(scalar) { wordCounts = true }
            if scalar == "." || scalar == "!" || scalar == "?" { endsAtSpace = true }
            return nil
        }

        mutating func endWord() {
            if inWord && wordCounts { words += 1 }
            inWord = false
            wordCounts = false
        }

        /// Ends the sentence being read; returns it if it has a word.
        mutating func endSentence() -> Sentence? {
            endWord()
            defer {
                start = nil
                words = 0
            }
            guard let start, words > 0 else { return nil }
            return Sentence(offset: start, words: words)
        }
    }

    // ASCII first: the Unicode property tables are slow, and nearly every character is ASCII.
    fileprivate static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    fileprivate static func countsAsWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || scalar == "{"
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
