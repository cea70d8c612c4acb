import HTTPTypes
import Hummingbird

/// `POST /v1/adapters/chatwoot/webhook`, the Agent Bot webhook URL to give Chatwoot. It answers
/// `200` with `{"status":"accepted"|"duplicate"|"ignored"}` as soon as the webhook is checked;
/// the replies follow through Chatwoot's API.
struct ChatwootRoutes {
    let adapter: ChatwootAdapter

    func add(to router: Router<ServerRequestContext>) {
        router.post("v1/adapters/chatwoot/webhook", use: webhook)
    }

    struct ReceiptBody: Encodable {
        var status: String
    }

    @Sendable func webhook(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let limit = ChatwootAdapter.maximumBodySize
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge(limit) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
        let receipt = try await adapter.receive(
            body: Array(buffer.readableBytesView), timestamp: request.headers[Self.timestamp], signature: request.headers[Self.signature],
            delivery: request.headers[Self.delivery])
        return try JSONResponse.make(ReceiptBody(status: receipt.rawValue))
    }

    static let timestamp = HTTPField.Name("X-Chatwoot-Timestamp")!
    static let signature = HTTPField.Name("X-Chatwoot-Signature")!
    static let delivery = HTTPField.Name("X-Chatwoot-Delivery")!

    private func tooLarge(_ limit: Int) -> APIError {
        APIError(.bodyTooLarge, "The webhook body is larger than \(limit) bytes.")
    }
}
