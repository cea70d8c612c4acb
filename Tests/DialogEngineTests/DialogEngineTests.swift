import DialogEngine
import Foundation
import Synchronization
import Testing

@Suite struct DialogEngineTests {
    @Test func theDemoBundleLoadsWithoutWarnings() throws {
        let bundle = try Fixtures.demoBundle()
        #expect(bundle.warnings.isEmpty, "\(DiagnosticRenderer().render(bundle.warnings))")
        #expect(bundle.flows.map(\.id) == ["hours", "repair", "survey", "welcome"])
        #expect(bundle.nodeCount == 15)
    }

    @Test func theGreetingComesBeforeAnyInput() throws {
        let engine = try Fixtures.demoEngine()
        let (session, turn) = engine.start(language: "nl")
        #expect(turn.messages == ["Welkom bij de fietsenmaker-hulp."])
        #expect(turn.question == "Waarmee kan ik je helpen?")
        #expect(turn.choices == [Turn.Choice(number: 1, id: "repair", label: "Een reparatie"), Turn.Choice(number: 2, id: "hours", label: "Openingstijden")])
        #expect(turn.expects == Turn.Expectation(kind: .choice))
        #expect(turn.outcome == .started)
        #expect(session.position == "welcome:menu")
        #expect(session.language == "nl")
    }

    @Test func theGreetingIsInTheTranscriptFromTheStart() throws {
        let engine = try Fixtures.demoEngine()
        let (session, turn) = engine.start(language: "en")
        let greeting = try #require(engine.transcript(of: session).first)
        #expect(greeting.speaker == .bot)
        #expect(greeting.text.hasPrefix(turn.messages[0]))
        #expect(engine.transcript(of: session).count == 1)
    }

    @Test func anUnknownLanguageFallsBackToTheDefault() throws {
        let (session, _) = try Fixtures.demoEngine().start(language: "fr")
        #expect(session.language == "en")
    }

    @Test func aTurnCarriesSourcesPlanAndEvents() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("front", in: &session)
        let turn = engine.reply("no", in: &session)
        #expect(turn.messages == ["Fixing a flat front tyre costs €12.5 in 2026."])
        #expect(turn.sources == [SourceReference(id: "prices", title: "Repair price list", publisher: "Example Bike Shop", url: "https://example.org/prices", checked: "2026-01-15")])
        #expect(turn.plan.map(\.id) == ["bring_bike"])
        #expect(turn.plan.first?.text == "Bring your bike to the shop.")
        #expect(turn.events.map(\.kind) == [.answerGiven, .variableSet, .nodeEntered, .nodeEntered, .nodeEntered, .planItemAdded, .nodeEntered, .nodeEntered])
        let set = turn.events[1]
        #expect([set.flow, set.node, set.variable] == ["repair", "ask_electric", "electric"])
        #expect(set.value == .bool(false))
        #expect(turn.events.first { $0.kind == .variableSet }?.value == .bool(false))
        #expect(session.variables == ["wheel": .text("front"), "electric": .bool(false)])
    }

    @Test func sourcesAndPlanSourcesComeInTheConversationsLanguage() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start(language: "nl")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("voor", in: &session)
        let turn = engine.reply("nee", in: &session)
        let dutch = SourceReference(id: "prices", title: "Prijslijst reparaties", publisher: "Voorbeeldfietsenwinkel", url: "https://example.org/prices", checked: "2026-01-15")
        #expect(turn.sources == [dutch])
        #expect(turn.plan.first?.sources == [dutch])
        _ = engine.reply("/lang en", in: &session)
        #expect(engine.plan(of: session).first?.sources.first?.title == "Repair price list")
    }

    @Test func backIsRepeatable() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start()
        _ = engine.reply("1", in: &session)
        _ = engine.reply("rear", in: &session)
        #expect(session.undoDepth == 2)
        var turn = engine.back(&session)
        #expect(turn.node == "start")
        #expect(session.variables.isEmpty)
        turn = engine.back(&session)
        #expect(turn.node == "menu")
        turn = engine.back(&session)
        #expect(turn.messages == ["There is no earlier answer to go back to."])
    }

    @Test func switchingLanguageRepeatsTheQuestion() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        let turn = engine.setLanguage("nl", in: &session)
        #expect(turn.messages == ["We gaan verder in het Nederlands."])
        #expect(turn.question == "Welk wiel is lek?")
        #expect(turn.choices.map(\.label) == ["Het voorwiel", "Het achterwiel"])
    }

    @Test func observerSeesEveryEventInOrder() throws {
        let seen = Mutex<[DialogEvent.Kind]>([])
        let engine = DialogEngine(bundle: try Fixtures.demoBundle()) { event in seen.withLock { $0.append(event.kind) } }
        var (session, _) = engine.start()
        _ = engine.reply("opening hours", in: &session)
        #expect(seen.withLock { $0 } == [.nodeEntered, .nodeEntered, .answerGiven, .nodeEntered])
    }

    @Test(arguments: ["", "   ", "\u{1B}[2J\u{1B}]0;pwned\u{07}", "\u{0}\u{7}\u{8}", String(repeating: "é", count: 1_000_000)])
    func oddInputNeverCrashesAndKeepsThePosition(_ input: String) throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start()
        let turn = engine.reply(input, in: &session)
        #expect(session.position == "welcome:menu")
        #expect(turn.question == "What can I help you with?")
        #expect(session.transcript.last?.text.contains("\u{1B}") == false)
        #expect(session.transcript[1].text.unicodeScalars.count <= 2_000)
    }

    @Test func anEmptyAnswerIsExplained() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start()
        let turn = engine.reply("  ", in: &session)
        #expect(turn.messages == ["You didn't type anything. Pick an answer or type your question."])
        #expect(turn.outcome == .notUnderstood)
    }

    @Test func sanitizerRemovesEscapeSequencesAndControlCharacters() {
        #expect(InputSanitizerProbe.clean("a\u{1B}[31mred\u{1B}[0m b") == "ared b")
        #expect(InputSanitizerProbe.clean("x\u{1B}]2;title\u{07}y") == "xy")
        #expect(InputSanitizerProbe.clean("tab\there\nnew") == "tab here new")
        #expect(InputSanitizerProbe.clean("één  \u{200B}twee") == "één twee")
    }

    @Test func manySessionsRunConcurrentlyWithTheSameResults() async throws {
        let engine = try Fixtures.demoEngine()
        let script = ["1", "rear", "no", "yes"]
        let expected: [String] = {
            var (session, _) = engine.start()
            return script.map { engine.reply($0, in: &session).node }
        }()
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<200 {
                group.addTask {
                    var (session, _) = engine.start()
                    return script.map { engine.reply($0, in: &session).node }
                }
            }
            var all: [[String]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected == ["start", "ask_electric", "ask", "done"])
    }
}
