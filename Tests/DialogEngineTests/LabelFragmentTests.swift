import DialogEngine
import Foundation
import Testing

/// Typing part of a label: words that only one choice has pick it, so authors need no synonyms
/// for words already in the label; a fragment that is not enough to pick is asked about with
/// "Do you mean …?", and a yes or no answers that question.
@Suite struct LabelFragmentTests {
    /// A complaints flow whose labels are long and share few words, and a last choice that ends
    /// the conversation (through a branch).
    static let files: [String: String] = [
        "manifest.json": """
            {"id": "complaints", "version": "1", "languages": ["en", "nl"], "defaultLanguage": "en", "entry": "main", "menu": "main:menu"}
            """,
        "flows/main.json": """
            {"id": "main", "title": {"en": "Main", "nl": "Hoofd"}, "listed": false, "nodes": [
              {"id": "menu", "kind": "ask", "question": {"en": "Which topic?", "nl": "Welk onderwerp?"}, "choices": [
                {"id": "complaint", "label": {"en": "A complaint", "nl": "Een klacht"}, "next": "complaint:who"}]}]}
            """,
        "facts.json": #"{"facts": {}}"#,
        "sources.json": #"{"sources": {}}"#,
        "flows/complaint.json": """
            {"id": "complaint", "title": {"en": "Complaints", "nl": "Klachten"}, "triggers": {"en": ["complaint"], "nl": ["klacht"]}, "nodes": [
              {"id": "who", "kind": "ask", "question": {"en": "Who do you want to talk to?", "nl": "Met wie wil je praten?"}, "choices": [
                {"id": "officer", "label": {"en": "The complaints officer (klachtenfunctionaris)", "nl": "De klachtenfunctionaris van het ziekenhuis of de huisartsenpraktijk"}, "next": "officer"},
                {"id": "provider", "label": {"en": "The care provider who treated you", "nl": "De zorgverlener die je behandelde"}, "next": "provider"},
                {"id": "committee", "label": {"en": "An independent care disputes committee", "nl": "Een onafhankelijke geschillencommissie"}, "next": "committee"},
                {"id": "stop", "label": {"en": "Nobody, I am done with this", "nl": "Niemand, ik stop ermee"}, "next": "leaving"}]},
              {"id": "leaving", "kind": "branch", "cases": [{"if": "true", "next": "bye"}], "else": "bye"},
              {"id": "officer", "kind": "ask", "question": {"en": "Did you write your complaint down?", "nl": "Heb je je klacht opgeschreven?"}, "choices": [
                {"id": "yes", "label": {"en": "Yes", "nl": "Ja"}, "next": "bye"},
                {"id": "no", "label": {"en": "Not yet", "nl": "Nog niet"}, "next": "bye"}]},
              {"id": "provider", "kind": "ask", "question": {"en": "Was it your GP?", "nl": "Was het je huisarts?"}, "choices": [
                {"id": "gp", "label": {"en": "My GP", "nl": "Mijn huisarts"}, "next": "bye"},
                {"id": "specialist", "label": {"en": "A medical specialist", "nl": "Een medisch specialist"}, "next": "bye"}]},
              {"id": "committee", "kind": "ask", "question": {"en": "Did the complaints officer already help?", "nl": "Heeft de klachtenfunctionaris al geholpen?"}, "choices": [
                {"id": "yes", "label": {"en": "Yes, but it did not help", "nl": "Ja, maar het hielp niet"}, "next": "bye"},
                {"id": "no", "label": {"en": "No, not yet", "nl": "Nee, nog niet"}, "next": "bye"}]},
              {"id": "bye", "kind": "end", "messages": [{"en": "Good luck.", "nl": "Succes."}], "sources": []}]}
            """,
    ]

    static func engine() throws -> DialogEngine {
        DialogEngine(bundle: try DialogBundle.load(files: files))
    }

    /// A conversation waiting at "Who do you want to talk to?".
    static func atWho(_ language: String) throws -> (DialogEngine, DialogSession) {
        let engine = try engine()
        var (session, _) = engine.start(language: language)
        _ = engine.reply("1", in: &session)
        return (engine, session)
    }

    static func position(_ turn: Turn) -> String { "\(turn.flow):\(turn.node)" }

    @Test func twoWordsOnlyOneLabelHasPickIt() throws {
        var (engine, session) = try Self.atWho("en")
        let turn = engine.reply("complaints officer", in: &session)
        #expect(turn.outcome == .answered)
        #expect(turn.events.first { $0.kind == .answerGiven }?.answer == "officer")
        #expect(Self.position(turn) == "complaint:officer")
        #expect(turn.question == "Did you write your complaint down?")
    }

    @Test func halfOfALabelPicksItInDutchToo() throws {
        var (engine, session) = try Self.atWho("nl")
        let turn = engine.reply("geschillencommissie", in: &session)
        #expect(turn.outcome == .answered)
        #expect(Self.position(turn) == "complaint:committee")
    }

    @Test func oneWordOfALongLabelIsAskedAboutAndYesTakesIt() throws {
        var (engine, session) = try Self.atWho("en")
        let asked = engine.reply("officer", in: &session)
        #expect(asked.outcome == .clarification)
        #expect(asked.messages == ["Do you mean 1. The complaints officer (klachtenfunctionaris)? Type 'yes' or the number to choose it."])
        #expect(Self.position(asked) == "complaint:who")
        #expect(asked.choices.map(\.id) == ["officer", "provider", "committee", "stop"])
        let taken = engine.reply("yes", in: &session)
        #expect(taken.outcome == .answered)
        #expect(taken.events.first { $0.kind == .answerGiven }?.answer == "officer")
        #expect(Self.position(taken) == "complaint:officer")
    }

    @Test func jaTakesTheOfferedChoiceInDutch() throws {
        var (engine, session) = try Self.atWho("nl")
        let asked = engine.reply("klachtenfunctionaris", in: &session)
        #expect(asked.messages == ["Bedoel je 1. De klachtenfunctionaris van het ziekenhuis of de huisartsenpraktijk? Typ 'ja' of het nummer om te kiezen."])
        let taken = engine.reply("ja hoor", in: &session)
        #expect(taken.outcome == .answered)
        #expect(Self.position(taken) == "complaint:officer")
    }

    @Test func noToTheOfferAsksAgainAndTheNextAnswerCounts() throws {
        var (engine, session) = try Self.atWho("en")
        _ = engine.reply("officer", in: &session)
        let refused = engine.reply("no", in: &session)
        #expect(refused.outcome == .command)
        #expect(refused.messages == ["No problem. Pick the answer that fits best: type its number, or its words. None fits? Then type your question, or 'topics'."])
        #expect(Self.position(refused) == "complaint:who")
        #expect(refused.events.allSatisfy { $0.kind != .answerGiven })
        // The offer is gone: a second "yes" is not taken as the complaints officer.
        let again = engine.reply("yes", in: &session)
        #expect(again.events.allSatisfy { $0.kind != .answerGiven })
        #expect(Self.position(again) == "complaint:who")
        let picked = engine.reply("2", in: &session)
        #expect(Self.position(picked) == "complaint:provider")
    }

    @Test func aWordTwoLabelsShareIsAskedAboutAndYesPicksNeither() throws {
        var (engine, session) = try Self.atWho("en")
        let asked = engine.reply("care", in: &session)
        #expect(asked.outcome == .clarification)
        #expect(asked.messages == ["That fits more than one answer: 2. The care provider who treated you or 3. An independent care disputes committee. Which one do you mean? Type the number."])
        let turn = engine.reply("yes", in: &session)
        #expect(turn.events.allSatisfy { $0.kind != .answerGiven })
        #expect(Self.position(turn) == "complaint:who")
    }

    @Test func aTellingWordBesideASharedOneIsAskedAbout() throws {
        var (engine, session) = try Self.atWho("en")
        let asked = engine.reply("care disputes", in: &session)
        #expect(asked.messages == ["Do you mean 3. An independent care disputes committee? Type 'yes' or the number to choose it."])
        let taken = engine.reply("yes", in: &session)
        #expect(Self.position(taken) == "complaint:committee")
    }

    @Test func aFragmentOfAnEndingChoiceIsAskedAboutFirst() throws {
        var (engine, session) = try Self.atWho("en")
        let asked = engine.reply("I am done", in: &session)
        #expect(asked.outcome == .clarification)
        #expect(asked.messages == ["Do you mean 4. Nobody, I am done with this? Type 'yes' or the number to choose it."])
        #expect(!asked.ended)
        let ended = engine.reply("yes", in: &session)
        #expect(ended.ended)
        #expect(ended.messages == ["Good luck."])
    }

    @Test func theOfferSurvivesSavingAndRestoring() throws {
        var (engine, session) = try Self.atWho("en")
        _ = engine.reply("officer", in: &session)
        let data = try SavedSession(session, engine: engine).encoded()
        var (restored, notes) = try engine.restore(data)
        #expect(notes.isEmpty)
        let taken = engine.reply("yes", in: &restored)
        #expect(Self.position(taken) == "complaint:officer")
    }

    /// A save whose offer names a choice the question lacks, or another question than the one
    /// the conversation waits at, restores without it.
    @Test(arguments: [(#""choice" : "officer""#, #""choice" : "gone""#), (#""node" : "complaint:who""#, #""node" : "complaint:officer""#)])
    func anOfferThatNoLongerFitsIsDroppedOnRestore(written: String, edited: String) throws {
        var (engine, session) = try Self.atWho("en")
        _ = engine.reply("officer", in: &session)
        let json = String(decoding: try SavedSession(session, engine: engine).encoded(), as: UTF8.self)
        #expect(json.contains(written))
        var (restored, _) = try engine.restore(Data(json.replacingOccurrences(of: written, with: edited).utf8))
        let saved = String(decoding: try SavedSession(restored, engine: engine).encoded(), as: UTF8.self)
        #expect(!saved.contains("offeredChoice"))
        let turn = engine.reply("yes", in: &restored)
        #expect(turn.events.allSatisfy { $0.kind != .answerGiven })
        #expect(Self.position(turn) == "complaint:who")
    }

    /// A save loaded while "Do you mean …?" waits shows that question again, so a yes answers
    /// what the person sees.
    @Test func theCurrentTurnAsksTheOfferAgain() throws {
        var (engine, session) = try Self.atWho("en")
        _ = engine.reply("officer", in: &session)
        var (restored, _) = try engine.restore(try SavedSession(session, engine: engine).encoded())
        let shown = engine.current(&restored)
        #expect(shown.messages == ["Do you mean 1. The complaints officer (klachtenfunctionaris)? Type 'yes' or the number to choose it."])
        #expect(shown.question == "Who do you want to talk to?")
        let taken = engine.reply("yes", in: &restored)
        #expect(Self.position(taken) == "complaint:officer")
        // Without an offer the current turn is the question alone.
        #expect(engine.current(&restored).messages.isEmpty)
    }

    @Test func anExactLabelAfterTheOfferWinsOverIt() throws {
        var (engine, session) = try Self.atWho("en")
        _ = engine.reply("officer", in: &session)
        let turn = engine.reply("The care provider who treated you", in: &session)
        #expect(turn.events.first { $0.kind == .answerGiven }?.answer == "provider")
    }

    @Test func confusionAfterTheOfferOfAnEndingChoiceNeverSaysGoodbye() throws {
        var (engine, session) = try Self.atWho("nl")
        let asked = engine.reply("ik stop", in: &session)
        #expect(asked.messages == ["Bedoel je 4. Niemand, ik stop ermee? Typ 'ja' of het nummer om te kiezen."])
        let turn = engine.reply("ja, maar ik snap het niet", in: &session)
        #expect(!turn.ended)
        #expect(Self.position(turn) == "complaint:who")
    }

    @Test func aWordTypedTwiceCountsOnce() throws {
        var (engine, session) = try Self.atWho("en")
        let turn = engine.reply("officer officer", in: &session)
        #expect(turn.outcome == .clarification)
        #expect(Self.position(turn) == "complaint:who")
    }

    /// Where the answers are themselves yes and no, a yes is that answer, never the offer:
    /// "Do you mean" then asks for the number.
    @Test func atAQuestionAnsweredYesOrNoTheOfferIsByNumberOnly() throws {
        var (engine, session) = try Self.atWho("en")
        _ = engine.reply("3", in: &session)
        let asked = engine.reply("did not", in: &session)
        #expect(asked.outcome == .clarification)
        #expect(asked.messages.first?.hasSuffix("Type the number to choose it.") == true)
        let taken = engine.reply("No, not yet", in: &session)
        #expect(taken.events.first { $0.kind == .answerGiven }?.answer == "no")
    }

    @Test func aHandoffThatReplacesTheOfferEndsIt() throws {
        var files = Self.files
        files["handoff.json"] = """
            {"afterFailures": 1,
             "reasons": {"requested": [{"en": "You want a person.", "nl": "Je wilt een mens."}],
                         "repeatedFailure": [{"en": "I can't help you well.", "nl": "Het lukt me niet goed."}]},
             "contact": [{"en": "Call the office.", "nl": "Bel het kantoor."}], "sources": ["office"]}
            """
        files["sources.json"] = """
            {"sources": {"office": {"title": {"en": "Complaints office", "nl": "Klachtenbureau"}, "publisher": {"en": "Example", "nl": "Voorbeeld"},
                                    "url": "https://example.org/complaints", "checked": "2026-01-15"}}}
            """
        let engine = DialogEngine(bundle: try DialogBundle.load(files: files))
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        let handedOff = engine.reply("officer", in: &session)
        #expect(handedOff.handoff?.reason == .repeatedFailure)
        #expect(!handedOff.messages.contains { $0.hasPrefix("Do you mean") })
        let turn = engine.reply("yes", in: &session)
        #expect(turn.events.allSatisfy { $0.kind != .answerGiven })
    }
}
