import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import SecondOpinionServer

/// One access line per answered request, with status and time, and never the conversation.
@Suite struct AccessLogTests {
    @Test func eachAnsweredRequestIsLoggedOnceWithItsStatusAndNoText() async throws {
        let log = CollectedLog()
        let app = SecondOpinionServer.makeApplication(.init(
            engine: TestServer.engine, store: MemorySessionStore(), configuration: TestServer.configuration(),
            planMarkdown: TestServer.planMarkdown, logger: log.logger()))
        let (sessionID, token, requestIDs) = try await app.test(.router) { client in
            let created = try await client.send(.post, "/v1/sessions", json: #"{"language":"en"}"#)
            let object = try created.jsonObject()
            let (id, token) = (try #require(object["sessionId"] as? String), try #require(object["token"] as? String))
            let turn = try await client.send(.post, "/v1/sessions/\(id)/turns", json: #"{"text":"who pays XYZZY-4711?"}"#, token: token)
            let missing = try await client.send(.get, "/v1/sessions/nope?debug=1", token: token)
            #expect([created.status, turn.status, missing.status] == [.created, .ok, .notFound])
            return (id, token, [created, turn, missing].map { $0.headers[HTTPField.Name("X-Request-ID")!] })
        }

        let answered = log.lines.filter { $0.message == "request answered" }
        #expect(answered.map { $0.metadata["hb.request.method"] } == ["POST", "POST", "GET"])
        #expect(answered.map { $0.metadata["hb.request.path"] } == ["/v1/sessions", "/v1/sessions/\(sessionID)/turns", "/v1/sessions/nope"])
        #expect(answered.map { $0.metadata["http.response.status"] } == ["201", "200", "404"])
        #expect(answered.allSatisfy { $0.level == .info })
        // The id a caller is given is the one the operator finds.
        #expect(answered.map { $0.metadata["hb.request.id"] } == requestIDs)
        #expect(Set(requestIDs.compactMap { $0 }).count == 3)
        for line in answered {
            let duration = try #require(line.metadata["duration.ms"])
            #expect(duration.wholeMatch(of: /[0-9]+\.[0-9]{2}/) != nil, "duration.ms is \(duration)")
        }
        // The refusal says why, once, beside its access line.
        #expect(log.lines.filter { $0.message == "request refused" }.map { $0.metadata["error.code"] } == ["session_not_found"])
        // Arrivals are logged only at debug.
        #expect(!log.lines.contains { $0.message == "request arrived" })

        let everything = log.lines.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains("XYZZY"), "the log holds message text")
        #expect(!everything.contains(token), "the log holds the session token")
    }

    @Test func atDebugEachArrivalIsLoggedToo() async throws {
        let log = CollectedLog()
        let app = SecondOpinionServer.makeApplication(.init(
            engine: TestServer.engine, store: MemorySessionStore(), configuration: TestServer.configuration(),
            planMarkdown: TestServer.planMarkdown, logger: log.logger(level: .debug)))
        try await app.test(.router) { client in
            let response = try await client.send(.get, "/healthz?token=abc")
            #expect(response.status == .ok)
        }
        let lines = log.lines.filter { $0.metadata["hb.request.path"] != nil }
        #expect(lines.map(\.message) == ["request arrived", "request answered"])
        #expect(lines.map(\.level) == [.debug, .info])
        #expect(lines.allSatisfy { $0.metadata["hb.request.path"] == "/healthz" && $0.metadata["hb.request.method"] == "GET" })
    }

    /// A trusted proxy's X-Request-ID is kept, in the response and in the log; one that is not a
    /// plain token, or from a peer that is not a trusted proxy, is replaced.
    @Test(arguments: [
        ("edge-7f3a.42:1", true, true),
        ("edge-7f3a.42:1", false, false),
        (String(repeating: "a", count: 128), true, true),
        (String(repeating: "a", count: 129), true, false),
        ("two words", true, false),
        ("id\u{1B}[2Jx", true, false),
        ("naïve", true, false),
    ])
    func aProxysRequestIDIsKeptWhenItIsAPlainToken(_ given: String, _ fromTrustedProxy: Bool, _ kept: Bool) async throws {
        let log = CollectedLog()
        let configuration = TestServer.configuration { if fromTrustedProxy { $0.trustedProxies = [IPRange("127.0.0.1")!] } }
        let app = SecondOpinionServer.makeApplication(.init(
            engine: TestServer.engine, store: MemorySessionStore(), configuration: configuration,
            planMarkdown: TestServer.planMarkdown, logger: log.logger()))
        // Over a real socket from 127.0.0.1, the peer the trusted range names.
        let returned = try await app.test(.live) { client in
            let response = try await client.execute(uri: "/healthz", method: .get, headers: [RequestIDMiddleware.header: given])
            #expect(response.status == .ok)
            return response.headers[RequestIDMiddleware.header]
        }
        let logged = log.lines.first { $0.message == "request answered" }?.metadata["hb.request.id"]
        #expect(logged == returned)
        #expect((returned == given) == kept)
        #expect(returned?.isEmpty == false)
    }

    /// An error that gets past the API's error middleware is logged with the status Hummingbird
    /// answers: its own for an HTTP error, 500 for anything else.
    @Test func anEscapingErrorIsLoggedWithTheStatusItGets() async throws {
        struct Unexpected: Error {}
        let log = CollectedLog()
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        router.get("/teapot") { _, _ -> String in throw HTTPError(.badRequest) }
        router.get("/broken") { _, _ -> String in throw Unexpected() }
        let statuses = try await Application(router: router, logger: log.logger()).test(.router) { client in
            [try await client.execute(uri: "/teapot", method: .get).status, try await client.execute(uri: "/broken", method: .get).status]
        }
        #expect(statuses == [.badRequest, .internalServerError])
        #expect(log.lines.filter { $0.message == "request answered" }.map { $0.metadata["http.response.status"] } == ["400", "500"])
    }

    @Test(arguments: [(0.0, "0.00"), (0.004, "0.00"), (0.005, "0.01"), (0.42, "0.42"), (9.999, "10.00"), (1234.5, "1234.50"), (-1, "0.00")])
    func durationsHaveTwoDecimals(_ milliseconds: Double, _ text: String) {
        #expect(AccessLogMiddleware<ServerRequestContext>.format(milliseconds) == text)
    }
}
