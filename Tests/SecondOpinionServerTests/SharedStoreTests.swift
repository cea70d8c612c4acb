import DialogEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import SecondOpinionServer

/// Several server instances over one store, and servers restarted mid-conversation.
@Suite struct SharedStoreTests {
    @Test(.enabled(if: PostgresTestDatabase.enabled))
    func aSessionStartedOnOneInstanceContinuesOnTheOther() async throws {
        try await PostgresTestDatabase.with { url in
            try await Self.twoInstances(url: url) { first, second in
                let session = try await first.startSession(language: "nl")
                let response = try await second.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#)
                #expect(response.status == .ok)
                #expect(try response.jsonObject()["revision"] as? Int == 2)
                let read = try await first.send(.get, "/v1/sessions/\(session.id)", token: session.token)
                #expect(read.text == response.text)
            }
        }
    }

    @Test func aTurnOnAnInstanceWhoseCopyIsBehindAppliesOnTheStoredState() async throws {
        // Two instances over one store: each starts a turn from the session as it last wrote it,
        // so after the other instance wrote, its copy is behind and the store must decide.
        let store = MemorySessionStore()
        try await TestServer.app(store: store).test(.router) { first in
            try await TestServer.app(store: store).test(.router) { second in
                let session = try await first.startSession(language: "nl")
                var (engineSession, _) = TestServer.engine.start(language: "nl")
                func expectTurn(_ response: TestResponse, revision: Int, after input: String) throws {
                    let expected = TestServer.engine.reply(input, in: &engineSession)
                    #expect(response.status == .ok)
                    #expect(response.text == #"{"revision":\#(revision),"sessionId":"\#(session.id)","turn":\#(String(decoding: try expected.wireJSON(), as: UTF8.self))}"#)
                }
                try expectTurn(try await first.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#), revision: 2, after: "wie betaalt dat eigenlijk?")
                try expectTurn(try await second.turn(session, #"{"text":"1"}"#), revision: 3, after: "1")
                // The first instance last wrote revision 2; If-Match "3" is the stored revision, so it applies.
                try expectTurn(try await first.turn(session, #"{"text":"nee"}"#, headers: [.ifMatch: #""3""#]), revision: 4, after: "nee")
                // The second instance last wrote revision 3: its write loses the compare-and-swap and is applied again on 4.
                try expectTurn(try await second.turn(session, #"{"command":"help"}"#), revision: 5, after: "/help")
                // The first instance's copy says 4, If-Match says 4, the store says 5.
                let stale = try await first.turn(session, #"{"text":"ja"}"#, headers: [.ifMatch: #""4""#])
                #expect(stale.status == .conflict)
                let error = try stale.error()
                #expect(error.message == "If-Match asked for revision 4, but it is now at 5; GET the session and send the turn again.")
                #expect(await store.load(id: session.id)?.revision == 5)
            }
        }
    }

    @Test func aChoiceOfAQuestionTheOtherInstanceAskedIsAcceptedByAnInstanceWhoseCopyIsBehind() async throws {
        // The first instance holds the greeting; the second asks the next question. A choice of
        // that question is unknown to the first instance's copy, so the store's state decides.
        let store = MemorySessionStore()
        try await TestServer.app(store: store).test(.router) { first in
            try await TestServer.app(store: store).test(.router) { second in
                let session = try await first.startSession(language: "en")
                let asked = try await second.turn(session, #"{"text":"who pays for a second opinion?"}"#)
                #expect(try (asked.jsonObject()["turn"] as? [String: Any])?["node"] as? String == "ask_insurance")
                let answered = try await first.turn(session, #"{"choice":"basic"}"#)
                #expect(answered.status == .ok)
                #expect(try answered.jsonObject()["revision"] as? Int == 3)
                #expect(try (answered.jsonObject()["turn"] as? [String: Any])?["node"] as? String == "ask_referral")
                // A choice no question offers is still refused, now from the stored state.
                let unknown = try await first.turn(session, #"{"choice":"basic"}"#)
                #expect(unknown.status == .badRequest)
                #expect(try unknown.error().code == "unknown_choice")
                #expect(await store.load(id: session.id)?.revision == 3)
            }
        }
    }

    @Test(.enabled(if: PostgresTestDatabase.enabled))
    func concurrentTurnsOnOneSessionFromTwoInstancesApplyOncePerRevisionAndNoneIsLost() async throws {
        try await PostgresTestDatabase.with { url in
            try await Self.twoInstances(url: url) { first, second in
                let session = try await first.startSession()
                // 2 × 50 turns without If-Match: each is applied exactly once, on its own revision.
                let revisions = try await withThrowingTaskGroup(of: Int?.self) { group in
                    for index in 0..<100 {
                        group.addTask {
                            let response = index % 2 == 0
                                ? try await first.turn(session, #"{"command":"help"}"#)
                                : try await second.turn(session, #"{"command":"help"}"#)
                            return response.status == .ok ? try response.jsonObject()["revision"] as? Int : nil
                        }
                    }
                    return try await group.reduce(into: [Int?]()) { $0.append($1) }
                }
                #expect(revisions.compactMap { $0 }.sorted() == Array(2...101))
                try await expectRevision(101, of: session, first)

                // 2 × 50 turns that all claim revision 101: exactly one applies, the others get 409.
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for index in 0..<100 {
                        group.addTask {
                            try await (index % 2 == 0 ? first : second).turn(session, #"{"command":"help"}"#, headers: [.ifMatch: "\"101\""]).status
                        }
                    }
                    return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == .ok }.count == 1)
                #expect(statuses.filter { $0 == .conflict }.count == 99)
                try await expectRevision(102, of: session, second)
            }
        }
    }

    @Test func aRestartedServerContinuesWithSQLite() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("sessions.sqlite").path
            let session = try await TestServer.app(store: try SQLiteSessionStore(path: path)).test(.router) { client in
                let session = try await client.startSession(language: "nl")
                #expect(try await client.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#).status == .ok)
                return session
            }
            try await Self.continuesAfterRestart(session, store: try SQLiteSessionStore(path: path))
        }
    }

    /// The Chatwoot adapter posts a reply only for a turn it applied itself: a replayed answer
    /// says so, also on the instance that did not apply it.
    @Test func aReplayOnAnotherInstanceSaysItIsOne() async throws {
        let store = MemorySessionStore()
        func service() -> ConversationService {
            ConversationService(engine: TestServer.engine, store: store, metrics: ServerMetrics(), apiKeyHashes: [], now: { Date() })
        }
        let (first, second) = (service(), service())
        let created = try await first.create(language: "nl", credentials: .init(bearer: nil, apiKey: nil))
        let credentials = ConversationService.Credentials(bearer: created.token, apiKey: nil)
        let key = (key: "chatwoot-message-9", requestHash: "text:wie betaalt")
        let applied = try await first.turn(id: created.sessionID, input: .text("wie betaalt"), credentials: credentials, ifMatch: nil,
                                           idempotency: key)
        let replayed = try await second.turn(id: created.sessionID, input: .text("wie betaalt"), credentials: credentials, ifMatch: nil,
                                             idempotency: key)
        #expect(!applied.replayed)
        #expect(applied.revision == 2)
        #expect(replayed.replayed)
        #expect(replayed.revision == 2)
        #expect(replayed.turn == applied.turn)
        let stored = await store.load(id: created.sessionID)
        #expect(stored?.revision == 2)
    }

    /// An instance's own copy of a session never answers for it once another instance deleted
    /// it: a replayed Idempotency-Key is answered from the store, which says it is gone.
    @Test func aReplayAfterAnotherInstanceDeletedTheSessionIsNotFound() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("sessions.sqlite").path
            let first = try SQLiteSessionStore(path: path), second = try SQLiteSessionStore(path: path)
            try await TestServer.app(store: first).test(.router) { one in
                try await TestServer.app(store: second).test(.router) { two in
                    let session = try await one.startSession(language: "nl")
                    let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "k-1"]
                    #expect(try await one.turn(session, #"{"text":"4"}"#, headers: key).status == .ok)
                    let deleted = try await two.send(.delete, "/v1/sessions/\(session.id)", token: session.token)
                    #expect(deleted.status == .noContent)
                    let replay = try await one.turn(session, #"{"text":"4"}"#, headers: key)
                    #expect(replay.status == .notFound)
                    #expect(try replay.error().code == "session_not_found")
                }
            }
        }
    }

    /// "Do you mean 3. …?" is a question of the engine's own: the yes to it is answered by a
    /// server that has only the stored session to go on.
    @Test func anOfferedChoiceIsStoredAndTakenAfterARestart() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("sessions.sqlite").path
            let session = try await TestServer.app(store: try SQLiteSessionStore(path: path)).test(.router) { client in
                let session = try await client.startSession(language: "nl")
                #expect(try await client.turn(session, #"{"text":"4"}"#).status == .ok)
                let asked = try await client.turn(session, #"{"text":"hoe zit het"}"#)
                let turn = try #require(try asked.jsonObject()["turn"] as? [String: Any])
                #expect(turn["outcome"] as? String == "clarification")
                #expect(turn["messages"] as? [String] == ["Bedoel je 3. Hoe zit het met het eigen risico? Typ 'ja' of het nummer om te kiezen."])
                return session
            }
            try await TestServer.app(store: try SQLiteSessionStore(path: path)).test(.router) { client in
                let response = try await client.turn(session, #"{"text":"ja"}"#)
                #expect(response.status == .ok)
                let turn = try #require(try response.jsonObject()["turn"] as? [String: Any])
                #expect(turn["outcome"] as? String == "answered")
                #expect(turn["node"] as? String == "ask_more")
                #expect((turn["messages"] as? [String])?.first?.hasPrefix("Het eigen risico is het bedrag") == true)
            }
        }
    }

    @Test(.enabled(if: PostgresTestDatabase.enabled))
    func aRestartedServerContinuesWithPostgres() async throws {
        try await PostgresTestDatabase.with { url in
            let session = try await TestServer.app(store: try Self.postgres(url)).test(.router) { client in
                let session = try await client.startSession(language: "nl")
                #expect(try await client.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#).status == .ok)
                return session
            }
            try await Self.continuesAfterRestart(session, store: try Self.postgres(url))
        }
    }

    /// The conversation of `session` goes on where it was on a new app over `store`.
    static func continuesAfterRestart(_ session: TestSession, store: any SessionStore) async throws {
        var (expected, _) = TestServer.engine.start(language: "nl")
        _ = TestServer.engine.reply("wie betaalt dat eigenlijk?", in: &expected)
        let next = TestServer.engine.reply("1", in: &expected)
        try await TestServer.app(store: store).test(.router) { client in
            let response = try await client.turn(session, #"{"text":"1"}"#)
            #expect(response.status == .ok)
            #expect(try response.jsonObject()["revision"] as? Int == 3)
            #expect(response.text.contains(#""turn":\#(String(decoding: try next.wireJSON(), as: UTF8.self))"#))
        }
    }

    static func postgres(_ url: String) throws -> PostgresSessionStore {
        try PostgresSessionStore(url: url, logger: TestServer.quietLogger)
    }

    /// Two apps, each with its own connection pool, over the database at `url`.
    static func twoInstances(url: String, _ body: @escaping @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void) async throws {
        try await TestServer.app(store: try postgres(url)).test(.router) { first in
            try await TestServer.app(store: try postgres(url)).test(.router) { second in
                try await body(first, second)
            }
        }
    }
}
