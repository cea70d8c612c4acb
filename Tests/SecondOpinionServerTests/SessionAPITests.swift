import DialogEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// Every endpoint of `/v1/sessions`, through Hummingbird's in-process test client.
@Suite struct SessionAPITests {
    @Test func creatingASessionReturnsItsTokenRevisionAndGreeting() async throws {
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.post, "/v1/sessions", json: #"{"language":"en"}"#)
            #expect(response.status == .created)
            #expect(response.headers[.eTag] == "\"1\"")
            #expect(response.headers[.contentType] == "application/json")
            let object = try response.jsonObject()
            #expect(Set(object.keys) == ["sessionId", "token", "revision", "turn"])
            let id = try #require(object["sessionId"] as? String)
            #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
            #expect((object["token"] as? String)?.count == 43)
            #expect(object["revision"] as? Int == 1)
            let turn = try #require(object["turn"] as? [String: Any])
            #expect(turn["outcome"] as? String == "started")
            #expect(turn["node"] as? String == TestServer.engine.start(language: "en").1.node)
        }
    }

    @Test func theGreetingIsTheEnginesOwnTurnByteForByte() async throws {
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.post, "/v1/sessions", json: #"{"language":"nl"}"#)
            let expected = String(decoding: try TestServer.engine.start(language: "nl").1.wireJSON(), as: UTF8.self)
            #expect(response.text.contains(#""turn":\#(expected)"#))
        }
    }

    @Test func aSessionWithoutABodyStartsInTheDefaultLanguage() async throws {
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.post, "/v1/sessions")
            #expect(response.status == .created)
            let turn = try #require(try response.jsonObject()["turn"] as? [String: Any])
            #expect(turn["node"] as? String == TestServer.engine.start().1.node)
        }
    }

    @Test func anUnavailableLanguageIsRefusedWithWhere() async throws {
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.post, "/v1/sessions", json: #"{"language":"de"}"#)
            #expect(response.status == .badRequest)
            let error = try response.error()
            #expect(error.code == "unsupported_language")
            #expect(error.message == "Language 'de' is not available; use one of \(TestServer.engine.bundle.languages.map { "'\($0)'" }.joined(separator: ", ")).")
            #expect(error.location == "$.language")
        }
    }

    @Test func aTextTurnMovesTheConversationOnAndRaisesTheRevision() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "nl")
            let response = try await client.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#)
            #expect(response.status == .ok)
            #expect(response.headers[.eTag] == "\"2\"")
            let object = try response.jsonObject()
            #expect(object["revision"] as? Int == 2)
            #expect(object["sessionId"] as? String == session.id)
            var (engineSession, _) = TestServer.engine.start(language: "nl")
            let expected = TestServer.engine.reply("wie betaalt dat eigenlijk?", in: &engineSession)
            #expect(response.text.contains(#""turn":\#(String(decoding: try expected.wireJSON(), as: UTF8.self))"#))
        }
    }

    /// The scheme is case-insensitive (RFC 9110), spaces around the token do not count, and the
    /// media type may carry parameters and any letter case.
    @Test func headersAreReadAsHTTPDefinesThem() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.execute(
                uri: "/v1/sessions/\(session.id)/turns", method: .post,
                headers: [.contentType: "Application/JSON ; charset=utf-8", .authorization: "bEARER \t\(session.token)  "],
                body: ByteBuffer(string: #"{"command":"help"}"#))
            #expect(response.status == .ok)
            #expect(try response.jsonObject()["revision"] as? Int == 2)
        }
    }

    @Test func aChoiceIsPickedByItsID() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let choices = try #require(session.turn["choices"] as? [[String: Any]])
            let first = try #require(choices.first)
            let id = try #require(first["id"] as? String)
            let response = try await client.turn(session, #"{"choice":"\#(id)"}"#)
            #expect(response.status == .ok)
            var (engineSession, _) = TestServer.engine.start(language: "en")
            let expected = TestServer.engine.reply("1", in: &engineSession)
            let turn = try #require(try response.jsonObject()["turn"] as? [String: Any])
            #expect(turn["node"] as? String == expected.node)
            #expect(turn["outcome"] as? String == "answered")
        }
    }

    /// The engine's own offers (switch topic, go on in English) show yes and no as choices; a
    /// tapped one answers the offer, not the question under it.
    @Test(arguments: [
        ("en", "my GP refuses to give me a letter", "yes", "referrals", "ask_situation", "en"),
        ("en", "my GP refuses to give me a letter", "no", "costs", "ask_insurance", "en"),
        ("nl", "what do I need to bring to the hospital", "yes", "costs", "ask_insurance", "en"),
        ("nl", "what do I need to bring to the hospital", "no", "costs", "ask_insurance", "nl"),
    ])
    func aChoiceAnswersTheEnginesOffer(language: String, typed: String, choice: String, flow: String, node: String, after: String) async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: language)
            let asked = try await client.turn(session, language == "en" ? #"{"text":"who pays for a second opinion"}"# : #"{"text":"wie betaalt een second opinion"}"#)
            #expect(try asked.jsonObject()["revision"] as? Int == 2)
            let offered = try await client.turn(session, #"{"text":"\#(typed)"}"#)
            let offer = try #require(try offered.jsonObject()["turn"] as? [String: Any])
            #expect(offer["outcome"] as? String == "switchOffered")
            #expect((offer["choices"] as? [[String: Any]])?.map { $0["id"] as? String } == ["yes", "no"])

            let response = try await client.turn(session, #"{"choice":"\#(choice)"}"#)
            #expect(response.status == .ok)
            let turn = try #require(try response.jsonObject()["turn"] as? [String: Any])
            #expect(turn["flow"] as? String == flow)
            #expect(turn["node"] as? String == node)
            #expect(turn["language"] as? String == after)
            // Nothing answered the insurance question under the offer.
            let events = turn["events"] as? [[String: Any]] ?? []
            #expect(!events.contains { $0["kind"] as? String == "answerGiven" && $0["node"] as? String == "ask_insurance" })
        }
    }

    @Test func anUnknownChoiceSaysWhichChoicesThereAre() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.turn(session, #"{"choice":"nope"}"#)
            #expect(response.status == .badRequest)
            let error = try response.error()
            let ids = try #require(session.turn["choices"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(error.code == "unknown_choice")
            #expect(error.message == "Unknown choice 'nope'; the current question offers \(ids.map { "'\($0)'" }.joined(separator: ", ")).")
            #expect(error.location == "$.choice")
            try await expectRevision(1, of: session, client)
        }
    }

    @Test func backReturnsToTheQuestionBefore() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            _ = try await client.turn(session, #"{"text":"1"}"#)
            let response = try await client.turn(session, #"{"command":"back"}"#)
            #expect(response.status == .ok)
            let turn = try #require(try response.jsonObject()["turn"] as? [String: Any])
            #expect(turn["node"] as? String == session.turn["node"] as? String)
            #expect(turn["outcome"] as? String == "command")
        }
    }

    @Test(arguments: ["restart", "topics", "help"])
    func everyCommandIsAnsweredAsTheEngineAnswersIt(command: String) async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.turn(session, #"{"command":"\#(command)"}"#)
            #expect(response.status == .ok)
            var (engineSession, _) = TestServer.engine.start(language: "en")
            let expected = command == "restart" ? TestServer.engine.restart(&engineSession) : TestServer.engine.reply("/\(command)", in: &engineSession)
            #expect(response.text.contains(#""turn":\#(String(decoding: try expected.wireJSON(), as: UTF8.self))"#))
        }
    }

    @Test func anUnknownCommandListsTheCommands() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let error = try await client.turn(session, #"{"command":"quit"}"#).error()
            #expect(error.code == "unknown_command")
            #expect(error.message == "Unknown command 'quit'; use one of 'back', 'restart', 'topics', 'help', 'human'.")
            #expect(error.location == "$.command")
        }
    }

    @Test func theLanguageCanChangeMidConversation() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "en")
            let response = try await client.turn(session, #"{"language":"nl"}"#)
            #expect(response.status == .ok)
            var (engineSession, _) = TestServer.engine.start(language: "en")
            let expected = TestServer.engine.setLanguage("nl", in: &engineSession)
            #expect(response.text.contains(#""turn":\#(String(decoding: try expected.wireJSON(), as: UTF8.self))"#))
            let refused = try await client.turn(session, #"{"language":"fr"}"#)
            #expect(refused.status == .badRequest)
            #expect(try refused.error().code == "unsupported_language")
        }
    }

    @Test func getReturnsTheLatestTurnToResumeAfterAReload() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "nl")
            let turn = try await client.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#)
            let read = try await client.send(.get, "/v1/sessions/\(session.id)", token: session.token)
            #expect(read.status == .ok)
            #expect(read.headers[.eTag] == "\"2\"")
            #expect(read.text == turn.text)
        }
    }

    @Test func thePlanComesAsJSONAndAsMarkdown() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "nl")
            _ = try await client.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#)
            let json = try await client.send(.get, "/v1/sessions/\(session.id)/plan", token: session.token)
            #expect(json.status == .ok)
            let object = try json.jsonObject()
            #expect(object["language"] as? String == "nl")
            #expect(object["revision"] as? Int == 2)
            #expect(object["plan"] is [Any])
            let markdown = try await client.send(.get, "/v1/sessions/\(session.id)/plan.md", token: session.token)
            #expect(markdown.status == .ok)
            #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
            let texts = (object["plan"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(markdown.text == "# plan (nl)\n" + texts.map { "- \($0)\n" }.joined())
        }
    }

    @Test func deletingASessionRemovesIt() async throws {
        let store = MemorySessionStore()
        try await TestServer.app(store: store).test(.router) { client in
            let session = try await client.startSession()
            let deleted = try await client.send(.delete, "/v1/sessions/\(session.id)", token: session.token)
            #expect(deleted.status == .noContent)
            #expect(deleted.body.readableBytes == 0)
            #expect(await store.count() == 0)
            let read = try await client.send(.get, "/v1/sessions/\(session.id)", token: session.token)
            #expect(read.status == .notFound)
            #expect(try read.error().code == "session_not_found")
        }
    }

    @Test func anAPIKeyOpensAnySessionAndAWrongOneIsRefused() async throws {
        let app = TestServer.app(configuration: TestServer.configuration { $0.apiKeys = ["desk-key-1"] })
        try await app.test(.router) { client in
            let session = try await client.startSession()
            let read = try await client.send(.get, "/v1/sessions/\(session.id)", headers: [HTTPField.Name("X-API-Key")!: "desk-key-1"])
            #expect(read.status == .ok)
            let wrong = try await client.send(.get, "/v1/sessions/\(session.id)", headers: [HTTPField.Name("X-API-Key")!: "desk-key-2"])
            #expect(wrong.status == .unauthorized)
            #expect(try wrong.error().message == "The API key is not valid; use a key from the server's configuration.")
        }
    }

    @Test func responsesCarryARequestID() async throws {
        try await TestServer.app().test(.router) { client in
            let first = try await client.send(.get, "/healthz")
            let second = try await client.send(.get, "/healthz")
            let id = try #require(first.headers[HTTPField.Name("X-Request-ID")!])
            #expect(!id.isEmpty)
            #expect(second.headers[HTTPField.Name("X-Request-ID")!] != id)
        }
    }
}

/// Checks that the session is still at `revision` (nothing was applied).
func expectRevision(_ revision: Int, of session: TestSession, _ client: some TestClientProtocol,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
    let read = try await client.send(.get, "/v1/sessions/\(session.id)", token: session.token)
    #expect(try read.jsonObject()["revision"] as? Int == revision, sourceLocation: sourceLocation)
}
