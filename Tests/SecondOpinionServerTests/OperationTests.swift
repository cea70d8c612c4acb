import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing
@testable import SecondOpinionServer

/// Health, readiness, metrics, the API description, CORS and expiry.
@Suite struct OperationTests {
    @Test func healthAndReadinessAnswer() async throws {
        try await TestServer.app().test(.router) { client in
            let health = try await client.send(.get, "/healthz")
            #expect(health.status == .ok)
            #expect(health.text == #"{"status":"ok"}"#)
            let ready = try await client.send(.get, "/readyz")
            #expect(ready.status == .ok)
            #expect(ready.text == #"{"status":"ready"}"#)
        }
    }

    @Test func readinessIsA503WithAJSONErrorWhileTheStoreDoesNotAnswer() async throws {
        // Nothing listens on port 1, so every connection is refused and the pool keeps retrying:
        // without a limit the ping would wait a minute for the pool to give up.
        let store = try PostgresSessionStore(url: "postgres://app:app@127.0.0.1:1/appdb", logger: TestServer.quietLogger)
        // The router alone: the whole application would first wait for the store's migrations.
        let router = SecondOpinionServer.makeRouter(.init(
            engine: TestServer.engine, store: store, configuration: TestServer.configuration { $0.readinessTimeout = .milliseconds(200) },
            planMarkdown: TestServer.planMarkdown, logger: TestServer.quietLogger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            try await Application(router: router, logger: TestServer.quietLogger).test(.router) { client in
                let ready = try await client.send(.get, "/readyz")
                #expect(ready.status == .serviceUnavailable)
                #expect(ready.headers[.contentType] == "application/json")
                #expect(ready.text == #"{"error":{"code":"store_unavailable","message":"The session store is not answering; try again shortly."}}"#)
            }
            group.cancelAll()
        }
    }

    @Test func metricsCountTurnsLatencySessionsAndErrorsByCode() async throws {
        try await TestServer.app().test(.router) { client in
            let session = try await client.startSession()
            _ = try await client.turn(session, #"{"text":"1"}"#)
            _ = try await client.turn(session, #"{"txt":"1"}"#)
            _ = try await client.send(.get, "/v1/sessions/\(session.id)")
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            let lines = Set(metrics.text.split(separator: "\n").map(String.init))
            #expect(lines.contains("second_opinion_turns_total 1"))
            #expect(lines.contains("second_opinion_turn_duration_seconds_count 1"))
            #expect(lines.contains("second_opinion_active_sessions_count 1.0"))
            #expect(lines.contains(#"second_opinion_errors_total{code="unknown_field"} 1"#))
            #expect(lines.contains(#"second_opinion_errors_total{code="unauthorized"} 1"#))
        }
    }

    @Test func theOpenAPIDocumentIsServedAsShipped() async throws {
        let shipped = try String(contentsOf: PackageRoot.appending("Sources/SecondOpinionServer/Resources/openapi.yaml"), encoding: .utf8)
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.get, "/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml")
            #expect(response.text == shipped)
        }
    }

    @Test func corsAnswersListedOriginsOnly() async throws {
        let app = TestServer.app(configuration: TestServer.configuration { $0.allowedOrigins = ["https://zorg.example"] })
        try await app.test(.router) { client in
            let preflight = try await client.send(.options, "/v1/sessions", headers: [.origin: "https://zorg.example", .accessControlRequestMethod: "POST"])
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://zorg.example")
            #expect(preflight.headers[.accessControlAllowMethods] == "GET, POST, DELETE, OPTIONS")
            let created = try await client.send(.post, "/v1/sessions", headers: [.origin: "https://zorg.example"])
            #expect(created.headers[.accessControlAllowOrigin] == "https://zorg.example")
            let stranger = try await client.send(.post, "/v1/sessions", headers: [.origin: "https://evil.example"])
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func theServerDeletesIdleSessionsByItself() async throws {
        let store = MemorySessionStore()
        let configuration = TestServer.configuration {
            $0.sessionIdleLimit = .milliseconds(1)
            $0.expiryInterval = .milliseconds(20)
        }
        try await TestServer.app(store: store, configuration: configuration).test(.router) { client in
            let session = try await client.startSession()
            // Polled, not timed: the sweep runs every 20 ms; give it up to 10 s on a busy machine.
            var status = HTTPResponse.Status.ok
            for _ in 0..<500 where status != .notFound {
                try await Task.sleep(for: .milliseconds(20))
                status = try await client.send(.get, "/v1/sessions/\(session.id)", token: session.token).status
            }
            #expect(status == .notFound)
            #expect(await store.count() == 0)
        }
    }
}
