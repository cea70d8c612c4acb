import DialogEngine
import Foundation
import SecondOpinionDialogs
import Testing

/// `chat --json` writes each turn's wire form (`Turn+Wire.swift`), the object the HTTP API
/// returns too. These tests hold it byte for byte to the protocol as it was first published.
@Suite struct JSONWireTests {
    /// The wire form as `chat --json` wrote it before the turn encoded itself: field by field,
    /// keys sorted, slashes unescaped; with `language`, added since (a new key, nothing changed).
    /// Kept here as the reference the one definition must match.
    struct PublishedOutput: Encodable {
        var flow: String
        var node: String
        var language: String
        var messages: [String]
        var question: String?
        var choices: [Turn.Choice]
        var expects: String
        var min: Double?
        var max: Double?
        var sources: [SourceReference]
        var plan: [PlanEntry]
        var ended: Bool
        var outcome: String
        var events: [DialogEvent]
        var routing: Routing?

        init(_ turn: Turn) {
            flow = turn.flow
            node = turn.node
            language = turn.language
            messages = turn.messages
            question = turn.question
            choices = turn.choices
            expects = turn.expects.kind.rawValue
            min = turn.expects.minimum
            max = turn.expects.maximum
            sources = turn.sources
            plan = turn.plan
            ended = turn.ended
            outcome = turn.outcome.rawValue
            events = turn.events
            routing = turn.routing
        }

        static func line(_ turn: Turn) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(PublishedOutput(turn)), as: UTF8.self)
        }
    }

    static func expectedLines(engine: DialogEngine, language: String, inputs: [String]) throws -> [String] {
        var (session, greeting) = engine.start(language: language)
        var lines = [try PublishedOutput.line(greeting)]
        for input in inputs { lines.append(try PublishedOutput.line(engine.reply(input, in: &session))) }
        return lines
    }

    @Test func theShippedConversationIsWrittenAsPublished() throws {
        let inputs = ["wie betaalt dat eigenlijk?", "1", "nee", "klaar"]
        let result = try CommandRunner.run(["chat", "--json", "--lang", "nl"], input: inputs.joined(separator: "\n") + "\n")
        let engine = DialogEngine(bundle: try DialogBundle.load(files: SecondOpinionDialogs.files))
        let lines = result.text.split(separator: "\n").map(String.init)
        #expect(lines == (try Self.expectedLines(engine: engine, language: "nl", inputs: inputs)))
    }

    @Test func numberQuestionsWriteMinAndMaxAsPublished() throws {
        let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo")
        let inputs = ["opening hours", "9", "3"]
        let result = try CommandRunner.run(["chat", "--json", "--lang", "en", "--dialogs", demo.path], input: inputs.joined(separator: "\n") + "\n")
        let engine = DialogEngine(bundle: try DialogBundle.load(directory: demo))
        let lines = result.text.split(separator: "\n").map(String.init)
        let expected = try Self.expectedLines(engine: engine, language: "en", inputs: inputs)
        #expect(lines == expected)
        #expect(expected[1].contains(#""expects":"number""#) && expected[1].contains(#""max":5,"#) && expected[1].contains(#""min":1,"#))
    }

    @Test func eachTurnSaysTheLanguageTheConversationIsIn() throws {
        let inputs = ["in het nederlands graag", "who pays for it?", "ja", "/lang en"]
        let result = try CommandRunner.run(["chat", "--json", "--lang", "en"], input: inputs.joined(separator: "\n") + "\n")
        let languages = try result.text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["language"] as? String
        }
        // Asked for in words: Dutch at once; English typed in Dutch: offered; yes: English.
        #expect(languages == ["en", "nl", "nl", "en", "en"])
    }

    @Test func aTurnWithoutALanguageReadsBackWithNone() throws {
        // Turns stored before they carried their language; the server fills in the session's.
        let engine = DialogEngine(bundle: try DialogBundle.load(files: SecondOpinionDialogs.files))
        let (_, greeting) = engine.start(language: "nl")
        var object = try #require(try JSONSerialization.jsonObject(with: greeting.wireJSON()) as? [String: Any])
        object.removeValue(forKey: "language")
        let decoded = try JSONDecoder().decode(Turn.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded.language == "")
        #expect(decoded.messages == greeting.messages)
    }

    @Test func aTurnReadsBackFromItsWireForm() throws {
        let engine = DialogEngine(bundle: try DialogBundle.load(files: SecondOpinionDialogs.files))
        var (session, _) = engine.start(language: "en")
        let turn = engine.reply("who pays for it?", in: &session)
        #expect(try JSONDecoder().decode(Turn.self, from: turn.wireJSON()) == turn)
    }

    @Test func askingForAPersonIsAHandoffInTheWire() throws {
        let inputs = ["/mens", "ik wil iemand spreken", "4", "/human", "pijn op de borst"]
        let result = try CommandRunner.run(["chat", "--json", "--lang", "nl"], input: inputs.joined(separator: "\n") + "\n")
        let engine = DialogEngine(bundle: try DialogBundle.load(files: SecondOpinionDialogs.files))
        var (session, greeting) = engine.start(language: "nl")
        var expected = [String(decoding: try greeting.wireJSON(), as: UTF8.self)]
        for input in inputs { expected.append(String(decoding: try engine.reply(input, in: &session).wireJSON(), as: UTF8.self)) }
        let lines = result.text.split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(lines.map { $0.contains(#""handoff":{"reason":"requested"}"#) } == [false, true, true, false, true, false])
        #expect(lines[5].contains(#""handoff":{"interrupt":"emergency","reason":"emergency"}"#))
        #expect(lines[2].contains(#""routing":{"candidates":"#) && lines[2].contains(#""decision":"handoff""#))
    }
}
