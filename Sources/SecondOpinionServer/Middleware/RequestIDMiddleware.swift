import HTTPTypes
import Hummingbird

/// Returns Hummingbird's request id as `X-Request-ID`, so a caller can quote it and an operator
/// can find the request's log lines (which carry it as `hb.request.id`).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[HTTPField.Name("X-Request-ID")!] = context.id
        return response
    }
}
