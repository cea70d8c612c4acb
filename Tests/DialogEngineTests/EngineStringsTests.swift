@testable import DialogEngine
import Testing

@Suite struct EngineStringsTests {
    @Test func aLabelThatIsAQuestionGetsNoSecondQuestionMark() {
        let options = [(number: 1, label: "Mag ik een second opinion vragen?")]
        #expect(EngineStrings(LanguagePack.builtIn["nl"]!).didYouMean(options) == "Bedoel je 1. Mag ik een second opinion vragen? Typ 'ja' of het nummer om te kiezen.")
        #expect(EngineStrings(LanguagePack.builtIn["en"]!).didYouMean([(number: 1, label: "Am I allowed to ask?")])
            == "Do you mean 1. Am I allowed to ask? Type 'yes' or the number to choose it.")
    }

    @Test func aLabelThatIsNoQuestionGetsTheQuestionMark() {
        #expect(EngineStrings(LanguagePack.builtIn["en"]!).didYouMean([(number: 2, label: "The rear wheel")])
            == "Do you mean 2. The rear wheel? Type 'yes' or the number to choose it.")
    }

    @Test func anAnswerFilledFromEarlierWordsEndsWithOneMark() {
        #expect(EngineStrings(LanguagePack.builtIn["nl"]!).alreadyAnswered("Krijg ik het vergoed?") == "Dit heb ik begrepen: Krijg ik het vergoed? (Klopt dat niet? Typ 'terug'.)")
        #expect(EngineStrings(LanguagePack.builtIn["en"]!).alreadyAnswered("Basic insurance only") == "This is what I understood: Basic insurance only. (Not right? Type 'back'.)")
    }
}
