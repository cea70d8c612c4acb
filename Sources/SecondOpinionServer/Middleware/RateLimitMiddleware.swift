import Hummingbird
import HTTPTypes
import NIOCore

/// Limits requests per client address (`429` with `Retry-After` when over). Health and metrics
/// endpoints are not limited, so monitoring keeps working under load. Behind trusted proxies
/// the client's address comes from `X-Forwarded-For` (``ClientAddress``); otherwise all people
/// behind one proxy would share one budget.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let limiter: RateLimiter
    var trustedProxies: [IPRange] = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let forwardedFor = trustedProxies.isEmpty ? [] : request.headers[values: Self.forwardedFor]
        let address = ClientAddress.resolve(peer: context.remoteAddress?.ipAddress, forwardedFor: forwardedFor, trusted: trustedProxies)
        if let wait = limiter.take(address) {
            throw APIError(.rateLimited, "Too many requests from this address; wait \(wait) second(s) and try again.", retryAfter: wait)
        }
        return try await next(request, context)
    }

    static var forwardedFor: HTTPField.Name { HTTPField.Name("X-Forwarded-For")! }
}
