@testable import DialogEngine
import Testing

@Suite struct KeywordSpotterTests {
    static let spotter: KeywordSpotter = {
        var spotter = KeywordSpotter(words: LanguageWords([LanguagePack.builtIn["nl"]!, LanguagePack.builtIn["en"]!]))
        spotter.add("ik wil dood", for: 0)
        spotter.add("pijn op de borst", for: 1)
        spotter.add("bewusteloos", for: 1)
        spotter.add("the heart attack", for: 1)
        spotter.add("zelfdoding", for: 0)
        return spotter
    }()

    @Test func everyMeaningfulWordMustBeThere() {
        #expect(Self.spotter.find(in: TextNormalizer.words("Ik wil echt dood")) == 0)
        #expect(Self.spotter.find(in: TextNormalizer.words("ik wil een dood vogeltje begraven")) == 0)
        #expect(Self.spotter.find(in: TextNormalizer.words("ik wil de pijn")) == nil)
        // Articles may be left out: "heart attack" is "the heart attack".
        #expect(Self.spotter.find(in: TextNormalizer.words("I think it is a heart attack")) == 1)
    }

    @Test func onlyLongWordsMayHaveATypo() {
        #expect(Self.spotter.find(in: TextNormalizer.words("hij is bewustelos")) == 1)
        #expect(Self.spotter.find(in: TextNormalizer.words("ik wil door")) == nil)
    }

    /// A typed word that is itself a phrase word may still be a typo of another one.
    @Test func aPhraseWordTypedMayAlsoBeATypoOfAnother() {
        var spotter = KeywordSpotter(words: LanguageWords([LanguagePack.builtIn["en"]!]))
        spotter.add("overdose", for: 0)
        spotter.add("bridge overdosed", for: 1)
        #expect(spotter.find(in: ["overdosed"]) == 0)
        #expect(spotter.find(in: ["bridge", "overdosed"]) == 1)
        #expect(spotter.find(in: ["bridge", "dose"]) == nil)
        #expect(KeywordSpotter(words: LanguageWords()).find(in: ["overdose"]) == nil)
    }

    @Test func theLongestPhraseWins() {
        #expect(Self.spotter.find(in: TextNormalizer.words("pijn op de borst, zelfdoding")) == 1)
        // Equally long phrases: the one added first.
        #expect(Self.spotter.find(in: TextNormalizer.words("pijn op de borst, ik wil dood")) == 0)
    }

    /// Phrases share words; only phrases whose every word was typed count, and a word twice in a
    /// phrase needs typing once.
    @Test func phrasesSharingWordsAreToldApart() {
        var spotter = KeywordSpotter(words: LanguageWords([LanguagePack.builtIn["nl"]!]))
        spotter.add("niet meer willen leven", for: 0)
        spotter.add("niet ademen", for: 1)
        spotter.add("pijn pijn", for: 2)
        #expect(spotter.find(in: TextNormalizer.words("ik wil niet meer leven")) == nil)
        #expect(spotter.find(in: TextNormalizer.words("ik kan niet meer ademen")) == 1)
        #expect(spotter.find(in: TextNormalizer.words("ik wil niet meer leven, willen jullie helpen")) == 0)
        #expect(spotter.find(in: TextNormalizer.words("veel pijn")) == 2)
        // Found in one message: the longest phrase wins, whichever word came first.
        #expect(spotter.find(in: TextNormalizer.words("ademen willen niet meer leven")) == 0)
    }

    @Test func aLongPasteIsReadOnce() {
        let paste = Array(repeating: "mijn moeder is erg ziek en twijfelt", count: 300).joined(separator: " ")
        #expect(Self.spotter.find(in: TextNormalizer.words(paste + " bewusteloos")) == 1)
        #expect(Self.spotter.find(in: TextNormalizer.words(paste)) == nil)
        // A keyword once at the end of a long paste, in either language, also with a typo.
        #expect(Self.spotter.find(in: TextNormalizer.words(paste + " zelfdodng")) == 0)
        #expect(Self.spotter.find(in: TextNormalizer.words(paste + " my husband had a heart attack")) == 1)
    }
}
