@testable import DialogEngine
import Testing

@Suite struct EngineStringsTests {
    @Test func aLabelThatIsAQuestionGetsNoSecondQuestionMark() {
        let options = [(number: 1, label: "Mag ik een second opinion vragen?")]
        #expect(EngineStrings(language: "nl").didYouMean(options) == "Bedoel je 1. Mag ik een second opinion vragen? Typ het nummer om te kiezen.")
        #expect(EngineStrings(language: "en").didYouMean([(number: 1, label: "Am I allowed to ask?")])
            == "Do you mean 1. Am I allowed to ask? Type the number to choose it.")
    }

    @Test func aLabelThatIsNoQuestionGetsTheQuestionMark() {
        #expect(EngineStrings(language: "en").didYouMean([(number: 2, label: "The rear wheel")])
            == "Do you mean 2. The rear wheel? Type the number to choose it.")
    }
}
