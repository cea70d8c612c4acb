import Hummingbird
import NIOCore

/// Limits requests per client address (`429` with `Retry-After` when over). Health and metrics
/// endpoints are not limited, so monitoring keeps working under load.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let address = context.remoteAddress?.ipAddress ?? "local"
        if let wait = limiter.take(address) {
            throw APIError(.rateLimited, "Too many requests from this address; wait \(wait) second(s) and try again.", retryAfter: wait)
        }
        return try await next(request, context)
    }
}
