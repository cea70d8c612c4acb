import Crypto
import DialogEngine
import Foundation
import HTTPTypes
import Hummingbird
import Prometheus

/// The `/v1/sessions` routes: thin, they read the request and call ``ConversationService``.
struct SessionRoutes {
    let service: ConversationService
    let sessionLimiter: RateLimiter
    let maximumBodySize: Int
    let planMarkdown: @Sendable ([PlanEntry], String) -> String

    func add(to router: Router<ServerRequestContext>) {
        let sessions = router.group("v1/sessions")
        sessions.post(use: create)
        sessions.get(":id", use: read)
        sessions.delete(":id", use: delete)
        sessions.post(":id/turns", use: turn)
        sessions.post(":id/handoff", use: handoff)
        sessions.get(":id/plan", use: plan)
        sessions.get(":id/plan.md", use: planDocument)
    }

    struct CreatedBody: JSONWritableBody {
        var sessionId: String
        var token: String
        var revision: Int
        var turn: Turn

        func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
            writer.beginObject()
            writer.field("revision", revision)
            writer.field("sessionId", sessionId)
            writer.field("token", token)
            writer.key("turn")
            try turn.write(to: &writer)
            writer.endObject()
        }
    }

    struct TurnBody: JSONWritableBody {
        var sessionId: String
        var revision: Int
        var turn: Turn

        func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
            writer.beginObject()
            writer.field("revision", revision)
            writer.field("sessionId", sessionId)
            writer.key("turn")
            try turn.write(to: &writer)
            writer.endObject()
        }
    }

    struct HandoffBody: Encodable {
        var sessionId: String
        var revision: Int
        var turn: Turn
        var summary: HandoffSummary
        var markdown: String
    }

    struct PlanBody: Encodable {
        var sessionId: String
        var revision: Int
        var language: String
        var plan: [PlanEntry]
    }

    @Sendable func create(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let bytes = try await body(of: request, context: context)
        let language = try RequestBody(bytes, allowed: ["language"]).string("language")
        let created = try await service.create(language: language, credentials: credentials(request))
        return try JSONResponse.make(CreatedBody(sessionId: created.sessionID, token: created.token, revision: created.revision, turn: created.turn),
                                     status: .created, revision: created.revision)
    }

    @Sendable func turn(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let ifMatch = try revision(in: request)
        let key = try idempotencyKey(in: request)
        let bytes = try await body(of: request, context: context)
        let input = try TurnInput(body: bytes)
        let idempotency = key.map { (key: $0, requestHash: SHA256.hash(data: input.fingerprint).map { String(format: "%02x", $0) }.joined()) }
        let started = ContinuousClock.now
        let answer = try await service.turn(id: id, input: input, credentials: credentials(request), ifMatch: ifMatch, idempotency: idempotency,
                                            admit: { () throws(APIError) in try admitTurn(on: id) })
        service.metrics.turns.increment()
        service.metrics.turnDuration.record(ContinuousClock.now - started)
        return try JSONResponse.make(TurnBody(sessionId: id, revision: answer.revision, turn: answer.turn), revision: answer.revision)
    }

    @Sendable func handoff(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try RequestBody(try await body(of: request, context: context), allowed: [])
        let handoff = try await service.handoff(id: id, credentials: credentials(request), admit: { () throws(APIError) in try admitTurn(on: id) })
        return try JSONResponse.make(HandoffBody(sessionId: id, revision: handoff.revision, turn: handoff.turn,
                                                 summary: handoff.summary, markdown: handoff.markdown), revision: handoff.revision)
    }

    @Sendable func read(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let answer = try await service.current(id: id, credentials: credentials(request))
        return try JSONResponse.make(TurnBody(sessionId: id, revision: answer.revision, turn: answer.turn), revision: answer.revision)
    }

    @Sendable func plan(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let plan = try await service.plan(id: id, credentials: credentials(request))
        return try JSONResponse.make(PlanBody(sessionId: id, revision: plan.revision, language: plan.language, plan: plan.plan), revision: plan.revision)
    }

    @Sendable func planDocument(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let plan = try await service.plan(id: id, credentials: credentials(request))
        let text = planMarkdown(plan.plan, plan.language)
        return Response(status: .ok, headers: [.contentType: "text/markdown; charset=utf-8", .eTag: "\"\(plan.revision)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func delete(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        try await service.delete(id: id, credentials: credentials(request))
        return Response(status: .noContent)
    }

    /// The per-session rate limit, taken once the request has shown the session's token, so
    /// requests without it cannot use up the session's turns.
    private func admitTurn(on id: String) throws(APIError) {
        if let wait = sessionLimiter.take(id) {
            throw APIError(.rateLimited, "Too many turns for this session; wait \(wait) second(s) and try again.", retryAfter: wait)
        }
    }

    // MARK: - Reading the request

    private func credentials(_ request: Request) -> ConversationService.Credentials {
        var bearer: String?
        if let authorization = request.headers[.authorization], HeaderValue.hasPrefix(authorization, caseInsensitive: "bearer ") {
            // The seven bytes checked, not seven characters: an accent on the space stays refused.
            bearer = String(HeaderValue.trimmed(Substring(authorization.utf8.dropFirst(7))))
        } else if request.headers[.authorization] != nil {
            bearer = ""
        }
        return .init(bearer: bearer, apiKey: request.headers[HTTPField.Name("X-API-Key")!])
    }

    /// The body, at most `maximumBodySize` bytes, which must be JSON when it is not empty.
    private func body(of request: Request, context: ServerRequestContext) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBodySize {
            throw tooLarge()
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodySize)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge()
        }
        let bytes = Array(buffer.readableBytesView)
        if !bytes.isEmpty {
            let type = request.headers[.contentType]?.split(separator: ";").first.map { HeaderValue.trimmed($0).lowercased() }
            guard type == "application/json" else {
                throw APIError(.unsupportedMediaType, "Send the body as JSON with 'Content-Type: application/json'.", at: "Content-Type")
            }
        }
        return bytes
    }

    private func tooLarge() -> APIError {
        APIError(.bodyTooLarge, "The body is larger than \(maximumBodySize) bytes; send a shorter message.")
    }

    private func revision(in request: Request) throws(APIError) -> Int? {
        guard let value = request.headers[.ifMatch] else { return nil }
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        guard let revision = Int(text), revision > 0 else {
            throw APIError(.invalidRevision, "If-Match must be a revision in quotes, such as \"3\".", at: "If-Match")
        }
        return revision
    }

    private func idempotencyKey(in request: Request) throws(APIError) -> String? {
        guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] else { return nil }
        guard (1...200).contains(key.count) else {
            throw APIError(.invalidRequest, "Idempotency-Key must be 1 to 200 characters, such as a UUID.", at: "Idempotency-Key")
        }
        return key
    }
}
