import DialogEngine
import Testing

/// Answers at a question: exact labels win outright, an ending choice needs a clear match,
/// confusion gets help, and what the person already said fills later questions.
@Suite struct AnswerTests {
    /// A small bundle: a menu with two topics, a question whose choices are `yes` and a choice
    /// labelled "That is right", and a closing question with an ending choice.
    static let files: [String: String] = [
        "manifest.json": """
            {"id": "answers", "version": "1", "languages": ["en", "nl"], "defaultLanguage": "en", "entry": "main", "menu": "main:menu"}
            """,
        "facts.json": #"{"facts": {}}"#,
        "sources.json": #"{"sources": {}}"#,
        "flows/main.json": """
            {"id": "main", "title": {"en": "Main", "nl": "Hoofd"}, "listed": false, "nodes": [
              {"id": "menu", "kind": "ask", "question": {"en": "Which topic?", "nl": "Welk onderwerp?"}, "choices": [
                {"id": "plan", "label": {"en": "Plans", "nl": "Plannen"}, "next": "plan:check"},
                {"id": "pets", "label": {"en": "Pets", "nl": "Huisdieren"}, "next": "pets:kind"}]},
              {"id": "more", "kind": "ask", "question": {"en": "Anything else?", "nl": "Nog iets?"}, "choices": [
                {"id": "yes", "label": {"en": "Yes, another topic", "nl": "Ja, een ander onderwerp"}, "next": "menu"},
                {"id": "no", "label": {"en": "No, I'm done", "nl": "Nee, ik ben klaar"}, "next": "bye"}]},
              {"id": "bye", "kind": "end", "messages": [{"en": "Bye.", "nl": "Doei."}], "sources": []}]}
            """,
        "flows/plan.json": """
            {"id": "plan", "title": {"en": "Plans", "nl": "Plannen"},
             "triggers": {"en": ["plan", "schedule"], "nl": ["plan", "planning"]}, "nodes": [
              {"id": "check", "kind": "ask", "question": {"en": "Is the plan settled?", "nl": "Staat het plan vast?"}, "choices": [
                {"id": "yes", "label": {"en": "Yes please", "nl": "Ja graag"}, "next": "main:more"},
                {"id": "confirmed", "label": {"en": "That is right", "nl": "Dat klopt precies"}, "next": "main:more"}]}]}
            """,
        "flows/pets.json": """
            {"id": "pets", "title": {"en": "Pets", "nl": "Huisdieren"},
             "triggers": {"en": ["pet", "dog", "cat"], "nl": ["huisdier", "hond", "kat"]},
             "variables": {"pet": {"type": "oneOf", "values": ["dog", "cat"]}, "vaccinated": {"type": "bool"}}, "nodes": [
              {"id": "kind", "kind": "ask", "question": {"en": "Which pet?", "nl": "Welk huisdier?"}, "variable": "pet", "fill": true, "choices": [
                {"id": "dog", "label": {"en": "A dog", "nl": "Een hond"}, "synonyms": {"en": ["dog", "puppy"], "nl": ["hond"]}, "next": "shots"},
                {"id": "cat", "label": {"en": "A cat", "nl": "Een kat"}, "synonyms": {"en": ["cat", "kitten"], "nl": ["kat"]}, "next": "shots"}]},
              {"id": "shots", "kind": "input", "type": "yesno", "variable": "vaccinated",
               "question": {"en": "Is it vaccinated?", "nl": "Is hij ingeënt?"}, "next": "main:more",
               "fill": {"yes": {"en": ["is vaccinated", "had its shots"], "nl": ["is ingeent"]}, "no": {"en": ["not vaccinated"], "nl": ["niet ingeent"]}}}]}
            """,
    ]

    static func engine() throws -> DialogEngine {
        DialogEngine(bundle: try DialogBundle.load(files: files))
    }

    /// Typing a label exactly picks its choice, even when a yes-word synonym of another choice
    /// ("right") nearly matches it too; the choice's id plays no part.
    @Test func anExactLabelWinsOutright() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        let turn = engine.reply("That is right", in: &session)
        #expect(turn.outcome == .answered)
        #expect(turn.events.first { $0.kind == .answerGiven }?.answer == "confirmed")
        #expect("\(turn.flow):\(turn.node)" == "main:more")
    }

    /// Confusion at a question with an ending choice gets help; it never says goodbye.
    @Test(arguments: [("en", "I don't understand"), ("en", "what?"), ("nl", "ik snap het niet"), ("nl", "wat bedoel je")])
    func confusionNeverEndsTheConversation(language: String, text: String) throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: language)
        _ = engine.reply("1", in: &session)
        _ = engine.reply("1", in: &session)
        #expect(session.position == "main:more")
        let turn = engine.reply(text, in: &session)
        #expect(turn.outcome == .notUnderstood)
        #expect(!turn.ended)
        #expect(session.position == "main:more")
        #expect(turn.messages.first?.hasPrefix(language == "nl" ? "Geen probleem." : "No problem.") == true)
    }

    /// The ending choice is still taken when it is clearly meant.
    @Test func aClearEndingIsTaken() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("1", in: &session)
        let turn = engine.reply("no, I'm done", in: &session)
        #expect(turn.ended)
        #expect(turn.messages == ["Bye."])
    }

    /// What the person already said fills the questions marked `fill`, says so, and `back` undoes it.
    @Test func earlierWordsFillLaterQuestions() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        let turn = engine.reply("my puppy had its shots, can I travel with a pet?", in: &session)
        #expect(turn.messages == ["This is what I understood: A dog. (Not right? Type 'back'.)",
                                  "This is what I understood: Is it vaccinated? Yes. (Not right? Type 'back'.)"])
        #expect(session.position == "main:more")
        #expect(session.variables["pet"] == .text("dog"))
        #expect(session.variables["vaccinated"] == .bool(true))
        let back = engine.back(&session)
        #expect(back.question == "Is it vaccinated?")
        #expect(session.variables["vaccinated"] == nil)
    }

    /// A denied phrase fills nothing, and two answers named at once fill nothing.
    @Test(arguments: ["my dog is not vaccinated, is a pet allowed?", "I have a dog and a cat, can I bring a pet?"])
    func deniedOrAmbiguousWordsFillNothing(text: String) throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        let turn = engine.reply(text, in: &session)
        if text.contains("cat") {
            #expect(turn.question == "Which pet?")
        } else {
            #expect(session.variables["pet"] == .text("dog"))
            #expect(session.variables["vaccinated"] == .bool(false))
        }
    }

    /// Yes/no questions understand answers in sentences; a question typed there is no answer.
    @Test(arguments: [("nee, die wil hij niet geven", false), ("yes I do", true), ("klopt", true), ("nope, not yet", false)])
    func yesNoInSentences(text: String, answer: Bool) throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("2", in: &session)
        _ = engine.reply("1", in: &session)
        #expect(session.position == "pets:shots")
        let turn = engine.reply(text, in: &session)
        #expect(session.variables["vaccinated"] == .bool(answer), "\(turn.messages)")
    }
}
