import Hummingbird
import Logging

/// Logs one line per answered request: method, path, status and how long the server took until
/// the response was ready, like a web server's access log; at `arrivalLevel` (debug) also one as
/// each request arrives, to find a request that never finishes. The query string is left out
/// (a careless caller may put a token there), and nothing of the body is ever read here.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    var level: Logger.Level = .info
    var arrivalLevel: Logger.Level = .debug

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        if context.logger.logLevel <= arrivalLevel {
            context.logger.log(level: arrivalLevel, "request arrived", metadata: [
                "hb.request.method": .string(request.method.rawValue),
                "hb.request.path": .string(request.uri.path),
            ])
        }
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            // Errors are answered by the inner error middleware; one that gets past it is
            // answered by Hummingbird with its status, or 500.
            log(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        guard context.logger.logLevel <= level else { return }
        let elapsed = started.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(level: level, "request answered", metadata: [
            "hb.request.method": .string(request.method.rawValue),
            "hb.request.path": .string(request.uri.path),
            "http.response.status": .stringConvertible(status),
            "duration.ms": .string(Self.format(milliseconds)),
        ])
    }

    /// Milliseconds with two decimals (`0.42`), without Foundation's formatters.
    static func format(_ milliseconds: Double) -> String {
        let hundredths = Int((max(0, milliseconds) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
