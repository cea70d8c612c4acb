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
        let (sessionID, token) = try await app.test(.router) { client in
            let session = try await client.startSession()
            #expect(try await client.turn(session, #"{"text":"who pays XYZZY-4711?"}"#).status == .ok)
            #expect(try await client.send(.get, "/v1/sessions/nope?debug=1", token: session.token).status == .notFound)
            return (session.id, session.token)
        }

        let answered = log.lines.filter { $0.message == "request answered" }
        #expect(answered.map { $0.metadata["hb.request.method"] } == ["POST", "POST", "GET"])
        #expect(answered.map { $0.metadata["hb.request.path"] } == ["/v1/sessions", "/v1/sessions/\(sessionID)/turns", "/v1/sessions/nope"])
        #expect(answered.map { $0.metadata["http.response.status"] } == ["201", "200", "404"])
        #expect(answered.allSatisfy { $0.level == .info && $0.metadata["hb.request.id"]?.count == 32 })
        for line in answered {
            let duration = try #require(line.metadata["duration.ms"])
            #expect(duration.wholeMatch(of: /[0-9]+\.[0-9]{2}/) != nil, "duration.ms is \(duration)")
        }
        // The refusal says why, once, beside its access line.
        #expect(log.lines.filter { $0.message == "request refused" }.map { $0.metadata["error.code"] } == ["session_not_found"])
        // Arrivals are logged only at debug.
        #expect(!log.lines.contains { $0.message == "Request" })

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
            let response = try await client.send(.get, "/healthz")
            #expect(response.status == .ok)
        }
        #expect(log.lines.filter { $0.metadata["hb.request.path"] != nil }.map(\.message) == ["Request", "request answered"])
    }

    @Test(arguments: [(0.0, "0.00"), (0.004, "0.00"), (0.005, "0.01"), (0.42, "0.42"), (9.999, "10.00"), (1234.5, "1234.50"), (-1, "0.00")])
    func durationsHaveTwoDecimals(_ milliseconds: Double, _ text: String) {
        #expect(AccessLogMiddleware<ServerRequestContext>.format(milliseconds) == text)
    }
}
