import DialogEngine
import Foundation
import Testing

/// Handing the person to a human: the commands, free text, repeated failures and safety answers,
/// with the bundle's words; and the summary the person taking over reads.
@Suite struct HandoffTests {
    static let handoffFile = """
        {
          "afterFailures": 2,
          "examples": {
            "en": ["I want to talk to a person", "can I speak to someone", "get me a human", "let me talk to a real person",
                   "is there a staff member I can talk to", "put me through to someone"],
            "nl": ["ik wil iemand spreken", "kan ik een mens spreken", "ik wil met een echte persoon praten", "geef me een mens",
                   "is er een medewerker", "verbind me door met iemand"]
          },
          "reasons": {
            "requested": [{ "en": "You want to talk to a person.", "nl": "Je wilt een mens spreken." }],
            "repeatedFailure": [{ "en": "I can't help you well.", "nl": "Het lukt me niet goed." }],
            "emergency": [{ "en": "Someone from the shop is coming.", "nl": "Er komt iemand van de winkel." }]
          },
          "contact": [{ "en": "Call the shop in opening hours.", "nl": "Bel de winkel tijdens de openingstijden." }],
          "sources": ["prices"]
        }
        """

    static func engine(handoff: Bool = true, edit: (inout [String: String]) -> Void = { _ in }) throws -> DialogEngine {
        var files = Fixtures.demoFiles()
        if handoff { files["handoff.json"] = handoffFile }
        edit(&files)
        return DialogEngine(bundle: try DialogBundle.load(files: files))
    }

    @Test(arguments: [("en", "/human"), ("en", "human"), ("nl", "/mens"), ("nl", "een mens")])
    func theCommandHandsOffWithTheBundlesWords(language: String, command: String) throws {
        let engine = try Self.engine()
        var (session, greeting) = engine.start(language: language)
        let turn = engine.reply(command, in: &session)
        #expect(turn.handoff == Turn.Handoff(reason: .requested))
        #expect(turn.outcome == .command)
        #expect(turn.messages == (language == "en" ? ["You want to talk to a person.", "Call the shop in opening hours."]
                                                   : ["Je wilt een mens spreken.", "Bel de winkel tijdens de openingstijden."]))
        #expect(turn.sources.map(\.id) == ["prices"])
        #expect(turn.question == greeting.question)
        #expect(turn.events.map(\.kind) == [.handoff])
        #expect(turn.events.first?.answer == "requested")
    }

    @Test func aPlainWordThatIsAnAnswerStaysAnAnswer() throws {
        let engine = try Self.engine { files in
            files["flows/welcome.json"] = files["flows/welcome.json"]!.replacingOccurrences(
                of: #"{ "id": "hours", "label": { "en": "Opening hours", "nl": "Openingstijden" }, "next": "hours:start" }"#,
                with: #"{ "id": "hours", "label": { "en": "Opening hours", "nl": "Openingstijden" }, "next": "hours:start" }, { "id": "staff", "label": { "en": "Human", "nl": "Mens" }, "next": "hours:start" }"#)
        }
        var (session, _) = engine.start(language: "nl")
        let answered = engine.reply("mens", in: &session)
        #expect(answered.handoff == nil)
        #expect(answered.events.first { $0.kind == .answerGiven }?.answer == "staff")
        _ = engine.back(&session)
        #expect(engine.reply("/mens", in: &session).handoff == Turn.Handoff(reason: .requested))
    }

    @Test(arguments: [("en", "I want to talk to a person"), ("nl", "ik wil iemand spreken")])
    func askingForAPersonInOwnWordsIsRoutedToAHandoff(language: String, text: String) throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: language)
        let turn = engine.reply(text, in: &session)
        #expect(turn.handoff == Turn.Handoff(reason: .requested))
        #expect(turn.routing?.decision == .handoff)
        #expect(turn.routing?.topic == "handoff")
        // Inside a topic too: the question waits for the person afterwards.
        _ = engine.reply("1", in: &session)
        let inside = engine.reply(text, in: &session)
        #expect(inside.handoff == Turn.Handoff(reason: .requested))
        #expect(inside.node == "start")
    }

    @Test func helpThatFailsTwiceInARowHandsOffInsteadOfHelpingAgain() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        let first = engine.reply("purple elephants", in: &session)
        #expect(first.outcome == .notUnderstood)
        #expect(first.handoff == nil)
        let second = engine.reply("more purple elephants", in: &session)
        #expect(second.outcome == .notUnderstood)
        #expect(second.handoff == Turn.Handoff(reason: .repeatedFailure))
        #expect(second.messages == ["I can't help you well.", "Call the shop in opening hours."])
        #expect(second.question == first.question)
        // The count starts again: after an answer, one miss is only help.
        _ = engine.reply("front", in: &session)
        #expect(engine.reply("purple elephants", in: &session).handoff == nil)
    }

    @Test func aSafetyAnswerHandsOffWithTheInterrupt() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        let turn = engine.reply("there is smoke in the shop", in: &session)
        #expect(turn.outcome == .interrupted)
        #expect(turn.handoff == Turn.Handoff(reason: .emergency, interrupt: "fire"))
        #expect(turn.messages == ["If there is a fire, call 112 now.", "Someone from the shop is coming."])
        #expect(turn.events.map(\.kind) == [.interrupted, .handoff])
    }

    @Test func withoutHandoffContentTheEngineSaysItInItsOwnWords() throws {
        let engine = try Self.engine(handoff: false)
        var (session, _) = engine.start(language: "en")
        let turn = engine.reply("/human", in: &session)
        #expect(turn.handoff == Turn.Handoff(reason: .requested))
        #expect(turn.messages == ["You would like to talk to someone. I am passing your conversation on to a person, if one is available."])
        // No count in the bundle: help never gives way on its own.
        for _ in 0..<5 { #expect(engine.reply("purple elephants", in: &session).handoff == nil) }
    }

    @Test func theWireFormCarriesTheHandoffOnlyWhenThereIsOne() throws {
        let engine = try Self.engine()
        var (session, greeting) = engine.start(language: "en")
        #expect(!String(decoding: try greeting.wireJSON(), as: UTF8.self).contains("handoff"))
        let smoke = engine.reply("smoke in the shop", in: &session)
        let json = String(decoding: try smoke.wireJSON(), as: UTF8.self)
        #expect(json.contains(#""handoff":{"interrupt":"fire","reason":"emergency"}"#))
        #expect(try JSONDecoder().decode(Turn.self, from: smoke.wireJSON()) == smoke)
    }

    @Test func theSummaryListsWhatStillStandsWithoutTypedText() throws {
        let engine = try Self.engine()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var (session, _) = engine.start(language: "en", at: start)
        _ = engine.reply("1", in: &session)
        _ = engine.reply("rear", in: &session)
        _ = engine.reply("yes", in: &session)
        _ = engine.back(&session)
        _ = engine.reply("no", in: &session)
        let summary = engine.handoffSummary(for: session, reason: .requested, options: .init(now: start.addingTimeInterval(61)))
        #expect(summary.topics.map(\.id) == ["repair"])
        #expect(summary.answers.map(\.node) == ["menu", "start", "ask_electric"])
        #expect(summary.answers.map(\.choice?.id) == ["repair", "rear", nil])
        #expect(summary.answers.last?.value == .bool(false))
        #expect(summary.durationSeconds == 61)
        #expect(summary.typedText == nil)
        #expect(summary.bundleID == "bike-shop")
        let typed = engine.handoffSummary(for: session, reason: .requested, options: .init(includeTypedText: true))
        #expect(typed.typedText == ["1", "rear", "yes", "no"])
        #expect(typed.durationSeconds == nil)
    }

    @Test func aSessionSavedBeforeHandoffsRestoresAndSummarises() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en", at: Date(timeIntervalSince1970: 1_800_000_000))
        _ = engine.reply("1", in: &session)
        _ = engine.reply("front", in: &session)
        var tree = try #require(try JSONSerialization.jsonObject(with: SavedSession(session, engine: engine).encoded()) as? [String: Any])
        var saved = try #require(tree["session"] as? [String: Any])
        // The fields this version added, removed as an older version wrote the save.
        for key in ["startedAt", "visited", "answers", "factsShown", "failures", "lastHandoff"] { saved[key] = nil }
        saved["history"] = (saved["history"] as? [[String: Any]])?.map { var step = $0; step["answerCount"] = nil; return step }
        tree["session"] = saved
        let data = try JSONSerialization.data(withJSONObject: tree)
        #expect(!String(decoding: data, as: UTF8.self).contains("answerCount"))
        var (restored, notes) = try engine.restore(data)
        #expect(notes.isEmpty)
        let empty = engine.handoffSummary(for: restored, reason: .requested)
        #expect(empty.answers.isEmpty && empty.topics.isEmpty && empty.durationSeconds == nil)
        #expect(empty.openQuestion?.node == "ask_electric")
        _ = engine.back(&restored)
        let turn = engine.reply("rear", in: &restored)
        #expect(turn.node == "ask_electric")
        #expect(engine.handoffSummary(for: restored, reason: .requested).answers.map(\.choice?.id) == ["rear"])
    }

    @Test func aHugeFailureCountInASaveIsClampedNotACrash() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        var tree = try #require(try JSONSerialization.jsonObject(with: SavedSession(session, engine: engine).encoded()) as? [String: Any])
        var saved = try #require(tree["session"] as? [String: Any])
        saved["failures"] = Int.max
        tree["session"] = saved
        var (restored, _) = try engine.restore(try JSONSerialization.data(withJSONObject: tree))
        #expect(engine.reply("purple elephants", in: &restored).handoff == Turn.Handoff(reason: .repeatedFailure))
    }

    @Test func aLongConversationKeepsTheLatestAnswersAndBackStillUndoesTheRightOne() throws {
        let engine = try Self.engine()
        var (session, _) = engine.start(language: "en")
        for _ in 0..<110 {
            _ = engine.reply("/topics", in: &session)
            _ = engine.reply("1", in: &session)
            _ = engine.reply("front", in: &session)
        }
        _ = engine.reply("/topics", in: &session)
        _ = engine.reply("1", in: &session)
        _ = engine.reply("rear", in: &session)
        let full = engine.handoffSummary(for: session, reason: .requested).answers
        #expect(full.count == 200)
        #expect(full.last?.choice?.id == "rear")
        _ = engine.back(&session)
        let undone = engine.handoffSummary(for: session, reason: .requested).answers
        #expect(undone.count == 199)
        #expect(undone.suffix(2).map(\.choice?.id) == ["front", "repair"])
    }
}
