import DialogEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// Handing a conversation to a person over HTTP: the `human` command, `POST …/handoff` with its
/// summary, the operator's typed-text switch, and the in-process call the Chatwoot adapter uses.
@Suite struct HandoffAPITests {
    @Test func theHumanCommandHandsOffInTheTurn() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "nl")
            let response = try await client.turn(session, #"{"command":"human"}"#)
            #expect(response.status == .ok)
            let turn = try #require(try response.jsonObject()["turn"] as? [String: Any])
            #expect(turn["handoff"] as? [String: String] == ["reason": "requested"])
            #expect((turn["events"] as? [[String: Any]])?.contains { $0["kind"] as? String == "handoff" && $0["answer"] as? String == "requested" } == true)
            var (local, _) = TestServer.engine.start(language: "nl")
            #expect(turn["messages"] as? [String] == TestServer.engine.handOff(&local).messages)
        }
    }

    @Test func theHandoffEndpointRecordsATurnAndReturnsTheSummary() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "en")
            #expect(try await client.turn(session, #"{"text":"who pays for a second opinion?"}"#).status == .ok)
            #expect(try await client.turn(session, #"{"choice":"basic"}"#).status == .ok)
            let response = try await client.send(.post, "/v1/sessions/\(session.id)/handoff", json: "{}", token: session.token)
            #expect(response.status == .ok)
            #expect(response.headers[.eTag] == "\"4\"")
            let object = try response.jsonObject()
            #expect(Set(object.keys) == ["sessionId", "revision", "turn", "summary", "markdown"])
            #expect(object["revision"] as? Int == 4)
            let turn = try #require(object["turn"] as? [String: Any])
            #expect(turn["handoff"] as? [String: String] == ["reason": "requested"])
            let summary = try #require(object["summary"] as? [String: Any])
            #expect(summary["reason"] as? String == "requested")
            #expect(summary["language"] as? String == "en")
            #expect((summary["topics"] as? [[String: Any]])?.map { $0["id"] as? String } == ["costs"])
            let answers = try #require(summary["answers"] as? [[String: Any]])
            #expect(answers.map { ($0["choice"] as? [String: Any])?["id"] as? String } == ["reimbursed", "basic"])
            let markdown = try #require(object["markdown"] as? String)
            #expect(markdown.hasPrefix("# Handoff summary\n\n- **Reason:** the person asked for a human\n- **Language:** en\n"))
            #expect(markdown.contains("\n- How are you insured? → Basic insurance only (`basic`)\n"))
        }
    }

    @Test func aSecondHandoffAppliesNothingAndSummarisesTheSameReason() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession(language: "nl")
            #expect(try await client.turn(session, #"{"text":"pijn op de borst"}"#).status == .ok)
            let first = try await client.send(.post, "/v1/sessions/\(session.id)/handoff", token: session.token)
            let second = try await client.send(.post, "/v1/sessions/\(session.id)/handoff", token: session.token)
            #expect(first.status == .ok && second.status == .ok)
            let (a, b) = (try first.jsonObject(), try second.jsonObject())
            #expect(a["revision"] as? Int == 2)
            #expect(b["revision"] as? Int == 2)
            let summary = try #require(b["summary"] as? [String: Any])
            #expect(summary["reason"] as? String == "emergency")
            #expect(summary["interrupt"] as? String == "emergency")
            #expect((try #require(a["markdown"] as? String)).contains("- **Reden:** een veiligheidsmelding (`emergency`)\n"))
        }
    }

    @Test func typedTextIsLeftOutUnlessTheOperatorTurnsItOn() async throws {
        for include in [false, true] {
            let app = TestServer.app(configuration: TestServer.configuration { $0.summaryIncludesTypedText = include })
            try await app.test(.router) { client in
                let session = try await client.startSession(language: "en")
                #expect(try await client.turn(session, #"{"text":"my neighbour Xylophone Smith says I should ask"}"#).status == .ok)
                let response = try await client.send(.post, "/v1/sessions/\(session.id)/handoff", token: session.token)
                #expect(response.status == .ok)
                #expect(response.text.contains("Xylophone") == include)
                let summary = try #require(try response.jsonObject()["summary"] as? [String: Any])
                #expect((summary["typedText"] as? [String])?.first == (include ? "my neighbour Xylophone Smith says I should ask" : nil))
            }
        }
    }

    @Test func theEndpointChecksTokenSessionAndBody() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let unauthorized = try await client.send(.post, "/v1/sessions/\(session.id)/handoff")
            #expect(unauthorized.status == .unauthorized)
            #expect(try unauthorized.error().code == "unauthorized")
            let missing = try await client.send(.post, "/v1/sessions/0123456789abcdef0123456789abcdef/handoff", token: session.token)
            #expect(missing.status == .notFound)
            #expect(try missing.error().code == "session_not_found")
            let unknown = try await client.send(.post, "/v1/sessions/\(session.id)/handoff", json: #"{"reason":"x"}"#, token: session.token)
            #expect(unknown.status == .badRequest)
            #expect(try unknown.error().code == "unknown_field")
        }
    }

    @Test func theServiceHandsOffInProcessWithTheDurationByItsClock() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = TestClock(start)
        let service = ConversationService(engine: TestServer.engine, store: MemorySessionStore(), metrics: ServerMetrics(), apiKeyHashes: [],
                                          now: { clock.now })
        let created = try await service.create(language: "nl", credentials: .init(bearer: nil, apiKey: nil))
        let credentials = ConversationService.Credentials(bearer: created.token, apiKey: nil)
        clock.now = start.addingTimeInterval(125)
        let handoff = try await service.handoff(id: created.sessionID, credentials: credentials)
        #expect(handoff.revision == 2)
        #expect(handoff.turn.handoff == Turn.Handoff(reason: .requested))
        #expect(handoff.summary.durationSeconds == 125)
        #expect(handoff.summary.typedText == nil)
        #expect(handoff.markdown == handoff.summary.markdown(pack: TestServer.engine.bundle.languagePack(for: "nl")))
        #expect(handoff.markdown.contains("- **Duur:** 2 min 5 s\n"))
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    init(_ time: Date) { self.time = time }

    var now: Date {
        get { lock.withLock { time } }
        set { lock.withLock { time = newValue } }
    }
}
