@testable import DialogEngine
import Testing

@Suite struct ReadabilityCheckerTests {
    let checker = ReadabilityChecker(limits: ReadabilityLimits(sentenceWords: 5, messageWords: 12))

    @Test func sentencesEndAtStopsFollowedBySpaceAndAtLineBreaks() {
        let text = "Chat at 113.nl or read article 7:450 now. One two three four five six!\nShort one."
        #expect(checker.longSentences(in: text) == [
            ReadabilityChecker.Sentence(offset: 0, words: 8),
            ReadabilityChecker.Sentence(offset: 42, words: 6),
        ])
        #expect(checker.wordCount(of: text) == 16)
    }

    @Test func dashesAreNoWordsButPlaceholdersAre() {
        #expect(checker.wordCount(of: "It costs {fee.amount} – in {fee.year}.") == 5)
        #expect(checker.longSentences(in: "It costs {fee.amount} – in {fee.year}.").isEmpty)
    }

    /// Offsets count Unicode scalars, whatever their length in UTF-8 (2, 3 and 4 bytes here), and
    /// letters outside ASCII count as words; a no-break space separates words.
    @Test func offsetsCountScalarsAndAccentedLettersMakeWords() {
        let text = "Één € 🙂. Café crème brûlée à la carte\u{00A0}zéér lekker!"
        #expect(checker.longSentences(in: text) == [ReadabilityChecker.Sentence(offset: 9, words: 8)])
        #expect(checker.wordCount(of: text) == 9)
        #expect(checker.wordCount(of: "ÿ\u{2003}ø") == 2)
    }
}
