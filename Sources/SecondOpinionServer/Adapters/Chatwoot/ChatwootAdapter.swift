import AsyncHTTPClient
import Foundation
import Logging

/// The assistant as a Chatwoot Agent Bot. A webhook is checked (signature, time, repeat) and read
/// at once, and its work is queued, so Chatwoot hears back within its 5-second limit (after
/// which it would hand the conversation to agents); the work runs in order per conversation.
struct ChatwootAdapter: Sendable {
    /// What became of a webhook.
    enum Receipt: String, Sendable {
        /// Work was queued.
        case accepted
        /// The same delivery came before; nothing was done.
        case duplicate
        /// Nothing in it concerns the bot (an outgoing message, a conversation an agent has).
        case ignored
    }

    /// Webhook bodies may quote long messages; larger ones are refused.
    static let maximumBodySize = 1 << 20

    let signature: ChatwootSignature
    let deliveries: ChatwootDeliveries
    let queue: ChatwootWorkQueue
    let responder: ChatwootResponder
    let logger: Logger
    let now: @Sendable () -> Date

    init(settings: ChatwootSettings, service: ConversationService, queue: ChatwootWorkQueue, http: HTTPClient = .shared,
         logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        signature = ChatwootSignature(secret: settings.webhookSecret, tolerance: settings.timestampTolerance)
        deliveries = ChatwootDeliveries(tolerance: settings.timestampTolerance)
        self.queue = queue
        responder = ChatwootResponder(service: service, client: ChatwootClient(settings: settings, http: http),
                                      keys: ChatwootSessionKeys(secret: settings.webhookSecret), logger: logger)
        self.logger = logger
        self.now = now
    }

    /// Checks one webhook and queues its work.
    func receive(body: [UInt8], timestamp: String?, signature header: String?, delivery: String?) async throws(APIError) -> Receipt {
        let sent = try signature.verify(timestamp: timestamp, signature: header, body: body, now: now())
        let event = try Self.decode(body)
        if let delivery, !delivery.isEmpty, !(await deliveries.isFirst(delivery, sent: sent, now: now())) {
            logger.info("chatwoot delivery repeated", metadata: ["chatwoot.event": "\(event.event)"])
            return .duplicate
        }
        let action = event.action
        let conversation: ChatwootConversationID
        switch action {
        case .ignore(let reason):
            logger.debug("chatwoot event ignored", metadata: ["chatwoot.event": "\(event.event)", "reason": "\(reason)"])
            return .ignored
        case .start(let target), .text(let target, _, _), .pick(let target, _, _, _), .resume(let target):
            conversation = target.id
        case .end(let id):
            conversation = id
        }
        logger.info("chatwoot event accepted", metadata: ["chatwoot.event": "\(event.event)", "chatwoot.conversation": "\(conversation)"])
        let responder = responder
        await queue.enqueue(conversation.description) { await responder.perform(action) }
        return .accepted
    }

    static func decode(_ body: [UInt8]) throws(APIError) -> ChatwootEvent {
        if let offset = RequestBody.firstInvalidUTF8Offset(body) {
            throw APIError(.invalidUTF8, "The webhook body is not valid UTF-8.", at: "byte \(offset)")
        }
        do {
            return try JSONDecoder().decode(ChatwootEvent.self, from: Data(body))
        } catch DecodingError.keyNotFound(let key, let context) {
            throw APIError(.invalidRequest, "The webhook has no '\(key.stringValue)'; is this URL set as an Agent Bot's webhook in Chatwoot?",
                           at: path(context.codingPath + [key]))
        } catch DecodingError.typeMismatch(_, let context) {
            throw APIError(.wrongType, "The webhook has a value of an unexpected type; is this URL set as an Agent Bot's webhook in Chatwoot?",
                           at: path(context.codingPath))
        } catch DecodingError.valueNotFound(_, let context) {
            throw APIError(.wrongType, "The webhook has null where a value belongs; is this URL set as an Agent Bot's webhook in Chatwoot?",
                           at: path(context.codingPath))
        } catch {
            throw APIError(.invalidJSON, "The webhook body is not valid JSON.", at: JSONSyntaxLocator.firstError(in: body) ?? "$")
        }
    }

    /// `$.conversation.id` for a coding path.
    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("$") { path, key in key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)" }
    }
}
