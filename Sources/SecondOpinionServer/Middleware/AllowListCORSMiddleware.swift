import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird's CORS middleware for a list of allowed origins: a request from a listed origin
/// gets the CORS headers for exactly that origin; any other origin gets none, so browsers refuse.
struct AllowListCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    private let byOrigin: [String: CORSMiddleware<Context>]

    init(origins: [String]) {
        var byOrigin: [String: CORSMiddleware<Context>] = [:]
        for origin in origins {
            byOrigin[origin] = CORSMiddleware(
                allowOrigin: .custom(origin),
                allowHeaders: [.accept, .authorization, .contentType, .origin, .ifMatch, HTTPField.Name("Idempotency-Key")!,
                               HTTPField.Name("X-API-Key")!],
                allowMethods: [.get, .post, .delete, .options],
                exposedHeaders: ["ETag", "Retry-After", "X-Request-ID"],
                maxAge: .seconds(600))
        }
        self.byOrigin = byOrigin
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], let cors = byOrigin[origin] else {
            return try await next(request, context)
        }
        return try await cors.handle(request, context: context, next: next)
    }
}
