import DialogEngine
import Testing

/// The safety interrupts recognise the same situations in Dutch and in English, answer at once
/// from the middle of a question, and then leave the conversation where it was.
@Suite struct SafetyKeywordTests {
    struct Situation: Sendable, CustomStringConvertible {
        var name: String
        var interrupt: String
        var dutch: String
        var english: String
        var description: String { name }
    }

    static let situations = [
        Situation(name: "chest pain", interrupt: "emergency", dutch: "mijn man heeft pijn op de borst", english: "my husband has chest pain"),
        Situation(name: "not breathing", interrupt: "emergency", dutch: "mijn baby ademt niet", english: "my baby is not breathing"),
        Situation(name: "unconscious", interrupt: "emergency", dutch: "mijn vader is bewusteloos", english: "my father is unconscious"),
        Situation(name: "a stroke last year", interrupt: "emergency", dutch: "mijn moeder had vorig jaar een beroerte", english: "my mother had a stroke last year"),
        Situation(name: "seizure", interrupt: "emergency", dutch: "mijn zoon heeft een epileptische aanval", english: "my son is having a seizure"),
        Situation(name: "heavy bleeding", interrupt: "emergency", dutch: "ze heeft een hevige bloeding", english: "she is bleeding heavily"),
        Situation(name: "poisoning", interrupt: "emergency", dutch: "mijn kind heeft gif ingeslikt", english: "my child swallowed poison"),
        Situation(name: "overdose", interrupt: "emergency", dutch: "hij heeft een overdosis genomen", english: "he took an overdose"),
        Situation(name: "suicidal thoughts", interrupt: "suicide", dutch: "ik heb zelfmoordgedachten", english: "I have suicidal thoughts"),
        Situation(name: "wanting to die", interrupt: "suicide", dutch: "ik wil dood", english: "I want to die"),
        Situation(name: "self-harm", interrupt: "suicide", dutch: "ik wil mezelf pijn doen", english: "I want to hurt myself"),
    ]

    static let openings = [
        "emergency": ["nl": "Gebeurt dit nu? Bel dan meteen 112.", "en": "If this is happening now, call 112 straight away."],
        "suicide": ["nl": "Ik lees wat je schrijft en ik neem het serieus.", "en": "I read what you wrote and I take it seriously."],
    ]

    @Test(arguments: situations)
    func bothLanguagesRecogniseTheSituation(_ situation: Situation) throws {
        let engine = try Shipped.engine()
        for (language, text) in [("nl", situation.dutch), ("en", situation.english)] {
            var (session, _) = engine.start(language: language)
            let question = engine.reply("4", in: &session)
            #expect("\(question.flow):\(question.node)" == "costs:start")
            let turn = engine.reply(text, in: &session)
            #expect(turn.outcome == .interrupted, "[\(language)] '\(text)'")
            #expect(turn.events.first { $0.kind == .interrupted }?.answer == situation.interrupt, "[\(language)] '\(text)'")
            let opening = try #require(Self.openings[situation.interrupt]?[language])
            #expect(turn.messages.first?.hasPrefix(opening) == true, "[\(language)] \(turn.messages)")
            #expect("\(turn.flow):\(turn.node)" == "costs:start", "the conversation stays where it was")
            #expect(turn.question == question.question)
        }
    }

    @Test(arguments: ["is het toeval dat mijn arts weigert?", "I don't want to insult my doctor", "de deur van mijn arts was dicht"])
    func everydayWordsDoNotRaiseAnAlarm(_ text: String) throws {
        let engine = try Shipped.engine()
        var (session, _) = engine.start(language: "nl")
        let turn = engine.reply(text, in: &session)
        #expect(turn.outcome != .interrupted)
    }
}
