import Foundation
import Hummingbird
import Logging

/// Turns every failure into the API's JSON error body with the right status, counts it by code
/// and logs it without any message text of the conversation.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    /// The router's routes, to tell a path with another method (405) from no path at all (404).
    var knownRoutes = KnownRoutes()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let error: APIError
        do {
            return try await next(request, context)
        } catch let apiError as APIError {
            error = apiError
        } catch let httpError as HTTPError {
            error = Self.translate(httpError, request: request, knownRoutes: knownRoutes)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return Self.response(for: APIError(.internalError, "Something went wrong on the server; try again."), metrics: metrics)
        }
        context.logger.info("request refused", metadata: ["error.code": "\(error.code.rawValue)"])
        return Self.response(for: error, metrics: metrics)
    }

    static func translate(_ error: HTTPError, request: Request, knownRoutes: KnownRoutes) -> APIError {
        switch error.status {
        case .notFound:
            let methods = knownRoutes.methods(for: request.uri.path)
            guard !methods.isEmpty, !methods.contains(request.method.rawValue) else {
                return APIError(.routeNotFound, "There is no \(request.method) \(request.uri.path); see /openapi.yaml for the API.")
            }
            return notAllowed(request, methods: methods)
        case .methodNotAllowed:
            return notAllowed(request, methods: knownRoutes.methods(for: request.uri.path))
        case .contentTooLarge:
            return APIError(.bodyTooLarge, "The body is too large; send less.")
        default:
            return APIError(.invalidRequest, "The request could not be handled (\(error.status.code)); see /openapi.yaml.")
        }
    }

    private static func notAllowed(_ request: Request, methods: [String]) -> APIError {
        let takes = methods.isEmpty ? "" : " (only \(methods.joined(separator: ", ")))"
        return APIError(.methodNotAllowed, "\(request.uri.path) does not take \(request.method)\(takes); see /openapi.yaml.",
                        allowedMethods: methods)
    }

    static func response(for error: APIError, metrics: ServerMetrics) -> Response {
        metrics.countError(error.code)
        let body = ErrorBody(error: .init(code: error.code.rawValue, message: error.message, where: error.location))
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        if error.code == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let methods = error.allowedMethods, !methods.isEmpty { headers[.allow] = methods.joined(separator: ", ") }
        let data = (try? JSONResponse.encoder.encode(body)) ?? Data()
        return Response(status: .init(code: error.code.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The JSON of an error response.
private struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var code: String
        var message: String
        var `where`: String?
    }

    var error: Detail
}
