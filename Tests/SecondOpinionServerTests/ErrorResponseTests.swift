import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// Every error status: a JSON body with a stable code, a message that says what to do, where
/// the problem is, and nothing stored half.
@Suite struct ErrorResponseTests {
    @Test(arguments: [(#"{"text" "hi"}"#, "line 1, column 9"), (#"{"text":"hi""#, "line 1, column 13"),
                      ("{\n  \"text\": tru}", "line 2, column 14"), (#"{"text":"é" x}"#, "line 1, column 13")])
    func malformedJSONSaysWhere(body: String, location: String) async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.turn(session, body)
            #expect(response.status == .badRequest)
            let error = try response.error()
            #expect(error.code == "invalid_json")
            #expect(error.message == #"The body is not valid JSON; send one JSON object such as {"text":"hello"}."#)
            #expect(error.location == location)
            try await expectRevision(1, of: session, client)
        }
    }

    @Test func anUnknownFieldIsNamed() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let error = try await client.turn(session, #"{"txt":"hi"}"#).error()
            #expect(error.code == "unknown_field")
            #expect(error.message == "Unknown field 'txt'; the fields here are 'text', 'choice', 'command', 'language'.")
            #expect(error.location == "$.txt")
            try await expectRevision(1, of: session, client)
        }
    }

    @Test(arguments: [(#"{"text":42}"#, "a number"), (#"{"text":true}"#, "a boolean"), (#"{"text":["a"]}"#, "an array"), (#"{"text":{"a":1}}"#, "an object")])
    func aWrongTypeIsNamed(body: String, kind: String) async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.turn(session, body)
            #expect(response.status == .badRequest)
            let error = try response.error()
            #expect(error.code == "wrong_type")
            #expect(error.message == "'text' must be a string, not \(kind).")
            #expect(error.location == "$.text")
            try await expectRevision(1, of: session, client)
        }
    }

    @Test func aBodyThatIsNotAnObjectIsRefused() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let error = try await client.turn(session, #"["text"]"#).error()
            #expect(error.code == "wrong_type")
            #expect(error.location == "$")
        }
    }

    @Test(arguments: [("{}", "Send one of 'text', 'choice', 'command' or 'language', for example {\"text\":\"hello\"}."),
                      (#"{"text":"a","choice":"b"}"#, "Send only one of 'choice', 'text' in one turn.")])
    func exactlyOneInputPerTurn(body: String, message: String) async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let error = try await client.turn(session, body).error()
            #expect(error.code == "invalid_request")
            #expect(error.message == message)
        }
    }

    @Test func invalidUTF8SaysAtWhichByte() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            var body = ByteBuffer(string: #"{"text":"caf"#)
            body.writeBytes([0xC3, 0x28])
            body.writeString(#""}"#)
            let response = try await client.execute(uri: "/v1/sessions/\(session.id)/turns", method: .post,
                                                    headers: [.contentType: "application/json", .authorization: "Bearer \(session.token)"], body: body)
            #expect(response.status == .badRequest)
            let error = try response.error()
            #expect(error.code == "invalid_utf8")
            #expect(error.message == "The body is not valid UTF-8; send the JSON encoded as UTF-8.")
            #expect(error.location == "byte 12")
            try await expectRevision(1, of: session, client)
        }
    }

    @Test func aHugeBodyIs413() async throws {
        try await TestServer.app(configuration: TestServer.configuration { $0.maximumBodySize = 1024 }).test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.turn(session, #"{"text":"\#(String(repeating: "a", count: 5000))"}"#)
            #expect(response.status == .contentTooLarge)
            let error = try response.error()
            #expect(error.code == "body_too_large")
            #expect(error.message == "The body is larger than 1024 bytes; send a shorter message.")
            try await expectRevision(1, of: session, client)
        }
    }

    @Test func aBodyThatIsNotJSONIs415() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.turn(session, "text=hi", headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(response.status == .unsupportedMediaType)
            let error = try response.error()
            #expect(error.code == "unsupported_media_type")
            #expect(error.location == "Content-Type")
        }
    }

    @Test func noTokenIs401() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.send(.post, "/v1/sessions/\(session.id)/turns", json: #"{"text":"hi"}"#)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            let error = try response.error()
            #expect(error.code == "unauthorized")
            #expect(error.message == "Send the session's token as 'Authorization: Bearer <token>', or an API key as 'X-API-Key'.")
            try await expectRevision(1, of: session, client)
        }
    }

    @Test func anotherSessionsTokenIs401() async throws {
        try await TestServer.app().test(.router) { client in
            let mine = try await client.startSession()
            let other = try await client.startSession()
            let response = try await client.send(.post, "/v1/sessions/\(mine.id)/turns", json: #"{"text":"hi"}"#, token: other.token)
            #expect(response.status == .unauthorized)
            #expect(try response.error().message == "The token does not belong to this session; use the token returned when it was created.")
            try await expectRevision(1, of: mine, client)
        }
    }

    @Test(arguments: ["0123456789abcdef0123456789abcdef", "not-an-id"])
    func anUnknownSessionIs404(id: String) async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.send(.post, "/v1/sessions/\(id)/turns", json: #"{"text":"hi"}"#, token: session.token)
            #expect(response.status == .notFound)
            let error = try response.error()
            #expect(error.code == "session_not_found")
            #expect(error.message == "There is no session with this id (it may have expired or been deleted); start a new one with POST /v1/sessions.")
        }
    }

    @Test func anUnknownRouteIs404() async throws {
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.get, "/v2/anything")
            #expect(response.status == .notFound)
            #expect(try response.error().code == "route_not_found")
        }
    }

    @Test func anUnsupportedMethodIs405() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let response = try await client.send(.put, "/v1/sessions/\(session.id)", json: "{}", token: session.token)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "DELETE, GET")
            let error = try response.error()
            #expect(error.code == "method_not_allowed")
            #expect(error.message == "/v1/sessions/\(session.id) does not take PUT (only DELETE, GET); see /openapi.yaml.")
            // The same path with its own method still works, and a path the API lacks is 404.
            #expect(try await client.send(.get, "/v1/sessions/\(session.id)", token: session.token).status == .ok)
            #expect(try await client.send(.put, "/v1/nothing/here").status == .notFound)
        }
    }

    @Test(arguments: [(#"{"language":"fr"}"#, "unsupported_language"), (#"{"language":"nl","name":"x"}"#, "unknown_field"),
                      (#"{"language":"#, "invalid_json"), (#"{"language":"\#(String(repeating: "n", count: 20_000))"}"#, "body_too_large")])
    func aRefusedStartStoresNoSession(body: String, code: String) async throws {
        let store = MemorySessionStore()
        try await TestServer.app(store: store).test(.router) { client in
            let response = try await client.send(.post, "/v1/sessions", json: body)
            #expect(try response.error().code == code)
            #expect(await store.count() == 0)
        }
    }

    @Test func aStaleIfMatchIs409AndAppliesNothing() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let first = try await client.turn(session, #"{"text":"1"}"#, headers: [.ifMatch: "\"1\""])
            #expect(first.status == .ok)
            let stale = try await client.turn(session, #"{"command":"back"}"#, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .conflict)
            let error = try stale.error()
            #expect(error.code == "revision_mismatch")
            #expect(error.message == "If-Match asked for revision 1, but it is now at 2; GET the session and send the turn again.")
            #expect(error.location == "If-Match")
            try await expectRevision(2, of: session, client)
        }
    }

    @Test func aMalformedIfMatchIs400() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let error = try await client.turn(session, #"{"text":"1"}"#, headers: [.ifMatch: "abc"]).error()
            #expect(error.code == "invalid_revision")
            #expect(error.location == "If-Match")
        }
    }

    @Test func anIdempotencyKeyReplaysTheSameAnswerAndAppliesOnce() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "k-1"]
            let first = try await client.turn(session, #"{"text":"1"}"#, headers: key)
            let again = try await client.turn(session, #"{"text":"1"}"#, headers: key)
            #expect(first.status == .ok)
            #expect(again.status == .ok)
            #expect(again.text == first.text)
            // A retry written anew (other spacing, an escape) asks the same: the same answer.
            let rewritten = try await client.turn(session, #"{ "text" : "\u0031" }"#, headers: key)
            #expect(rewritten.status == .ok)
            #expect(rewritten.text == first.text)
            try await expectRevision(2, of: session, client)
            let reused = try await client.turn(session, #"{"text":"2"}"#, headers: key)
            #expect(reused.status == .unprocessableContent)
            let error = try reused.error()
            #expect(error.code == "idempotency_key_reused")
            #expect(error.message == "This Idempotency-Key was used for a request that asked something else; use a new key for a new request.")
            // Another kind of request with the same value is another request too.
            #expect(try await client.turn(session, #"{"choice":"1"}"#, headers: key).status == .unprocessableContent)
            try await expectRevision(2, of: session, client)
        }
    }

    @Test func tooManyRequestsFromOneAddressIs429WithRetryAfter() async throws {
        let configuration = TestServer.configuration { $0.addressLimit = RateLimit(perSecond: 0.01, burst: 3) }
        try await TestServer.app(configuration: configuration).test(.router) { client in
            for _ in 0..<3 { #expect(try await client.send(.post, "/v1/sessions").status == .created) }
            let limited = try await client.send(.post, "/v1/sessions")
            #expect(limited.status == .tooManyRequests)
            // 100 s for one token at 0.01/s, less what refilled while the first requests ran on a
            // busy machine (a second refills 0.01 of a token).
            let wait = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect((95...100).contains(wait))
            let error = try limited.error()
            #expect(error.code == "rate_limited")
            #expect(error.message == "Too many requests from this address; wait \(wait) second(s) and try again.")
            // Monitoring is not limited.
            #expect(try await client.send(.get, "/healthz").status == .ok)
        }
    }

    @Test func tooManyTurnsOnOneSessionIs429() async throws {
        // Slow enough that a busy machine cannot refill a token between the turns (it did at 0.5/s).
        let configuration = TestServer.configuration { $0.sessionLimit = RateLimit(perSecond: 0.01, burst: 2) }
        try await TestServer.app(configuration: configuration).test(.router) { client in
            let session = try await client.startSession()
            #expect(try await client.turn(session, #"{"command":"help"}"#).status == .ok)
            #expect(try await client.turn(session, #"{"command":"help"}"#).status == .ok)
            let limited = try await client.turn(session, #"{"command":"help"}"#)
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect((95...100).contains(wait))
            #expect(try limited.error().message == "Too many turns for this session; wait \(wait) second(s) and try again.")
            try await expectRevision(3, of: session, client)
            // Another session has its own budget.
            let other = try await client.startSession()
            #expect(try await client.turn(other, #"{"command":"help"}"#).status == .ok)
        }
    }

    @Test func requestsWithoutTheTokenDoNotUseUpASessionsTurns() async throws {
        let configuration = TestServer.configuration { $0.sessionLimit = RateLimit(perSecond: 0.01, burst: 2) }
        try await TestServer.app(configuration: configuration).test(.router) { client in
            let session = try await client.startSession()
            var stranger = session
            stranger.token = "not-the-token"
            for _ in 0..<5 {
                let refused = try await client.turn(stranger, #"{"command":"help"}"#)
                #expect(refused.status == .unauthorized)
                #expect(try refused.error().code == "unauthorized")
                #expect(try await client.send(.post, "/v1/sessions/\(session.id)/handoff", json: "{}", token: "not-the-token").status == .unauthorized)
            }
            #expect(try await client.turn(session, #"{"command":"help"}"#).status == .ok)
            #expect(try await client.send(.post, "/v1/sessions/\(session.id)/handoff", json: "{}", token: session.token).status == .ok)
            #expect(try await client.turn(session, #"{"command":"help"}"#).status == .tooManyRequests)
            try await expectRevision(3, of: session, client)
        }
    }
}
