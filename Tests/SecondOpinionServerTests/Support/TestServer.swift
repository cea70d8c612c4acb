import DialogEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SecondOpinionDialogs
import Testing
@testable import SecondOpinionServer

/// The shipped dialogs, an app over a store, and small helpers to talk to it in tests.
enum TestServer {
    static let engine: DialogEngine = {
        // The shipped bundle is checked by its own tests; here it must simply load.
        guard let bundle = try? DialogBundle.load(files: SecondOpinionDialogs.files) else { fatalError("the shipped dialogs do not load") }
        return DialogEngine(bundle: bundle)
    }()

    /// A stand-in plan document that shows exactly what the route passed it.
    static let planMarkdown: @Sendable ([PlanEntry], String) -> String = { plan, language in
        "# plan (\(language))\n" + plan.map { "- \($0.text)\n" }.joined()
    }

    /// Shows only critical lines: the server logs each request at info, which would bury the
    /// test output. (Not a no-op handler: Hummingbird keeps the request id in the logger's
    /// metadata, which that handler drops.) What a real server logs is tested in
    /// `ServeProcessTests`.
    static let quietLogger: Logger = {
        var logger = Logger(label: "test.server")
        logger.logLevel = .critical
        return logger
    }()

    /// Limits high enough that only the rate-limit tests meet them.
    static func configuration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.addressLimit = RateLimit(perSecond: 100_000, burst: 100_000)
        configuration.sessionLimit = RateLimit(perSecond: 100_000, burst: 100_000)
        change(&configuration)
        return configuration
    }

    static func app(store: any SessionStore = MemorySessionStore(), configuration: ServerConfiguration = configuration(),
                    metrics: ServerMetrics = ServerMetrics()) -> some ApplicationProtocol {
        SecondOpinionServer.makeApplication(.init(engine: engine, store: store, configuration: configuration,
                                                  planMarkdown: planMarkdown, metrics: metrics, logger: quietLogger))
    }
}

/// A session as the tests hold it.
struct TestSession: Sendable {
    var id: String
    var token: String
    var revision: Int
    /// The greeting turn as JSON.
    var turnData: Data

    /// The greeting turn.
    var turn: [String: Any] { (try? JSONSerialization.jsonObject(with: turnData)) as? [String: Any] ?? [:] }
}

extension TestClientProtocol {
    /// Sends `method uri` with a JSON body (a string, sent as is) and the session's token.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Starts a session in `language` and checks the 201.
    func startSession(language: String = "en") async throws -> TestSession {
        let response = try await send(.post, "/v1/sessions", json: #"{"language":"\#(language)"}"#)
        #expect(response.status == .created)
        let object = try response.jsonObject()
        return TestSession(id: try #require(object["sessionId"] as? String), token: try #require(object["token"] as? String),
                           revision: try #require(object["revision"] as? Int),
                           turnData: try JSONSerialization.data(withJSONObject: try #require(object["turn"] as? [String: Any])))
    }

    /// Sends one turn body and returns the response.
    func turn(_ session: TestSession, _ json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.post, "/v1/sessions/\(session.id)/turns", json: json, token: session.token, headers: headers)
    }
}

extension TestResponse {
    /// The body as a JSON object.
    func jsonObject() throws -> [String: Any] {
        let data = Data(body.readableBytesView)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not a JSON object: \(text)")
    }

    /// The body as text.
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The error body's code, message and where.
    func error() throws -> (code: String, message: String, location: String?) {
        let error = try #require(try jsonObject()["error"] as? [String: Any], "no error object in \(text)")
        return (try #require(error["code"] as? String), try #require(error["message"] as? String), error["where"] as? String)
    }
}
