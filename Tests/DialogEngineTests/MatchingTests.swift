@testable import DialogEngine
import Testing

@Suite struct MatchingTests {
    func index(_ phrases: [(String, Int)]) -> PhraseIndex {
        var index = PhraseIndex()
        for (text, target) in phrases { index.add(text, for: target) }
        index.finish()
        return index
    }

    @Test func normalizesCaseAccentsAndPunctuation() {
        #expect(TextNormalizer.words("Wie betaalt DÁT eigenlijk?!") == ["wie", "betaalt", "dat", "eigenlijk"])
        #expect(TextNormalizer.words("my GP won’t refer me") == ["my", "gp", "wont", "refer", "me"])
        #expect(TextNormalizer.words("  ...  ") == [])
    }

    @Test func picksByNumberLabelSynonymAndTypo() {
        let phrases = index([("Basic insurance", 0), ("basisverzekering", 0), ("Supplementary insurance", 1), ("aanvullend", 1)])
        #expect(AnswerMatcher.match(TextNormalizer.words("2"), count: 2, index: phrases) == .picked(1))
        #expect(AnswerMatcher.match(TextNormalizer.words("2."), count: 2, index: phrases) == .picked(1))
        #expect(AnswerMatcher.match(TextNormalizer.words("3"), count: 2, index: phrases) == .none)
        #expect(AnswerMatcher.match(TextNormalizer.words("basic INSURANCE!"), count: 2, index: phrases) == .picked(0))
        #expect(AnswerMatcher.match(TextNormalizer.words("ik heb aanvulend"), count: 2, index: phrases) == .picked(1))
        #expect(AnswerMatcher.match(TextNormalizer.words("basisverzekring"), count: 2, index: phrases) == .picked(0))
    }

    @Test func asksWhenTwoChoicesFitEqually() {
        let phrases = index([("Basic insurance", 0), ("Supplementary insurance", 1)])
        #expect(AnswerMatcher.match(TextNormalizer.words("insurance"), count: 2, index: phrases) == .unclear([0, 1]))
        #expect(AnswerMatcher.match(TextNormalizer.words("car"), count: 2, index: phrases) == .none)
        let overlapping = index([("referral", 0), ("referral letter", 1), ("letter", 1), ("gp referral", 0)])
        #expect(AnswerMatcher.match(TextNormalizer.words("referral letter gp"), count: 2, index: overlapping) == .unclear([0, 1]))
    }

    @Test func neverPicksSilentlyOnAWeakMatch() {
        let phrases = index([("deductible", 0), ("referral", 1)])
        // One misspelled word in a long sentence is only a weak hint.
        #expect(AnswerMatcher.match(TextNormalizer.words("I wonder whether my deductable would apply to this whole story"), count: 2, index: phrases) == .unclear([0]))
    }

    @Test func yesAndNoWordsInBothLanguages() {
        #expect(YesNoWords.interpret(TextNormalizer.words("Ja hoor")) == true)
        #expect(YesNoWords.interpret(TextNormalizer.words("yes please")) == true)
        #expect(YesNoWords.interpret(TextNormalizer.words("Nee.")) == false)
        #expect(YesNoWords.interpret(TextNormalizer.words("no, not really")) == false)
        #expect(YesNoWords.interpret(TextNormalizer.words("ja nee")) == nil)
        #expect(YesNoWords.interpret(TextNormalizer.words("maybe")) == nil)
    }

    @Test func findsNumbersInText() {
        #expect(AnswerMatcher.number(in: "2,5") == 2.5)
        #expect(AnswerMatcher.number(in: "€ 385") == 385)
        #expect(AnswerMatcher.number(in: "about 40 years") == 40)
        #expect(AnswerMatcher.number(in: "between 3 and 4") == nil)
        #expect(AnswerMatcher.number(in: "none") == nil)
    }

    @Test func editDistanceStopsAtItsLimit() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("abc", "abcdefgh", limit: 2) == 3)
        #expect(Suggestion.closest(to: "ask_insurnce", among: ["ask_insurance", "ask_referral"]) == "ask_insurance")
        #expect(Suggestion.closest(to: "zzz", among: ["ask_insurance"]) == nil)
    }
}
