/// The engine's own words (not the dialogs'): misunderstandings, commands, confirmations, read
/// from the conversation's ``LanguagePack``.
struct EngineStrings {
    let pack: LanguagePack

    init(_ pack: LanguagePack) { self.pack = pack }

    private func message(_ key: String, _ values: [String: String] = [:]) -> String { pack.message(key, values) }

    func notUnderstood(misses: Int) -> String {
        switch misses {
        case ...1: message("notUnderstood")
        case 2: message("notUnderstoodAgain")
        default: message("notUnderstoodStill")
        }
    }

    func omittedLines(_ count: Int) -> String { pack.message("omittedLines", "count", String(count)) }

    /// "Do you mean 1. …?"; with `yesTakesIt` false (the question's own answers are yes and
    /// no) only the number is offered as the way to choose.
    func didYouMean(_ options: [(number: Int, label: String)], yesTakesIt: Bool = true) -> String {
        let list = options.map { "\($0.number). \($0.label)" }
        if list.count == 1 {
            // A label that is itself a question keeps its one question mark.
            let mark = list[0].hasSuffix("?") ? "" : "?"
            return message(yesTakesIt ? "didYouMeanOne" : "didYouMeanOneByNumber", ["option": list[0] + mark])
        }
        let joined = list.dropLast().joined(separator: ", ") + " \(message("or")) " + list.last!
        return message("didYouMeanMany", ["options": joined])
    }

    var emptyAnswer: String { message("emptyAnswer") }

    var answerYesOrNo: String { message("answerYesOrNo") }

    func answerNumber(minimum: Double?, maximum: Double?) -> String {
        switch (minimum, maximum) {
        case let (low?, high?): message("answerNumberBetween", ["minimum": pack.format(low), "maximum": pack.format(high)])
        case let (low?, nil): message("answerNumberAtLeast", ["minimum": pack.format(low)])
        case let (nil, high?): message("answerNumberAtMost", ["maximum": pack.format(high)])
        default: message("answerNumber")
        }
    }

    func offerSwitch(to title: String) -> String { message("offerSwitch", ["title": title]) }

    var explainYesNo: String { message("explainYesNo") }
    var explainText: String { message("explainText") }
    var explainChoices: String { message("explainChoices") }
    var explainMenu: String { message("explainMenu") }
    var askTopics: String { message("askTopics") }
    var askOneTopic: String { message("askOneTopic") }
    var whichTopic: String { message("whichTopic") }

    func isItAbout(_ title: String) -> String { message("isItAbout", ["title": title]) }

    func outOfScope(topics: [String]) -> String {
        message("outOfScope", ["topics": topics.map { "- \($0)" }.joined(separator: "\n")])
    }

    /// Offered in the language the person wrote in (this pack's), so they can read it.
    var offerLanguage: String { message("offerLanguage") }

    var continueIn: String { message("continueIn") }

    func alreadyAnswered(_ answer: String) -> String {
        let stop = answer.hasSuffix("?") || answer.hasSuffix(".") || answer.hasSuffix("!") ? "" : "."  // A label that is a question keeps its own mark.
        return message("alreadyAnswered", ["answer": answer + stop])
    }

    var yes: String { message("yes") }
    var no: String { message("no") }
    var stayHere: String { message("stayHere") }
    var nothingToUndo: String { message("nothingToUndo") }
    var wentBack: String { message("wentBack") }
    var conversationEnded: String { message("conversationEnded") }

    /// Said in the new language, from its pack.
    var languageChanged: String { message("languageChanged") }

    func unknownLanguage(_ requested: String, available: [String]) -> String {
        message("unknownLanguage", ["language": requested, "available": available.joined(separator: ", ")])
    }

    var emptyPlan: String { message("emptyPlan") }
    var planHeading: String { message("planHeading") }
    var handoffWithoutContent: String { message("handoffWithoutContent") }
    var goodbye: String { message("goodbye") }
    var help: String { message("help") }
}
