import DialogEngine
import Foundation
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
        try PostgresSessionStore(url: url, logger: Logger(label: "test.postgres"))
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
