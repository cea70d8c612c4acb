import HTTPTypes
import Hummingbird
import Logging

/// Returns the request id as `X-Request-ID`, so a caller can quote it and an operator can find
/// the request's log lines (which carry it as `hb.request.id`). A trusted proxy's own
/// `X-Request-ID` is kept when it is a plain token (letters, digits, `-`, `_`, `.`, `:`, at most
/// 128), so one id follows a request through every hop. From anyone else, or anything else,
/// Hummingbird's id is used: a caller cannot reuse another request's id or break a log line.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    static var header: HTTPField.Name { HTTPField.Name("X-Request-ID")! }
    var trustedProxies: [IPRange] = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let given = request.headers[Self.header], Self.isPlainToken(given),
           let peer = context.remoteAddress?.ipAddress, trustedProxies.containAddress(peer) {
            context.logger[metadataKey: "hb.request.id"] = .string(given)
        }
        var response = try await next(request, context)
        response.headers[Self.header] = context.id
        return response
    }

    static func isPlainToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128 && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): true
            default: false
            }
        }
    }
}
