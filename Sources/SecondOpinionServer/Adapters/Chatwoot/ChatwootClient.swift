import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Chatwoot's API as the Agent Bot uses it: post a message, change a conversation's status.
/// Requests carry the bot's access token in `api_access_token`.
struct ChatwootClient: Sendable {
    let settings: ChatwootSettings
    let http: HTTPClient
    /// Chatwoot must answer within this time.
    var timeout: TimeAmount = .seconds(10)

    /// Why Chatwoot refused a request: its HTTP status (the body is not kept, it may quote text).
    struct Failure: Error, Sendable {
        var status: UInt
        /// `Retry-After` in seconds, when Chatwoot sent one.
        var retryAfter: Int? = nil
    }

    /// The longest `Retry-After` honoured; a longer one is waited for this long.
    static let longestRetryAfter = 10
    /// No retry starts this long after the first try, so a reply never holds up the
    /// conversation's later work (or a shutdown) for long.
    static let retryBudget: Duration = .seconds(15)

    /// Posts `message` to `conversation`.
    func post(_ message: ChatwootOutgoingMessage, to conversation: ChatwootConversationID) async throws {
        try await send(path: "conversations/\(conversation.conversation)/messages", in: conversation, body: message)
    }

    /// Sets `conversation`'s status (`open`, `pending`, `resolved`) with `toggle_status`.
    func setStatus(_ status: String, of conversation: ChatwootConversationID) async throws {
        try await send(path: "conversations/\(conversation.conversation)/toggle_status", in: conversation, body: ["status": status])
    }

    /// Sends one request, and again after each of the settings' retry delays while Chatwoot
    /// did not take it, within ``retryBudget``. Only a request Chatwoot cannot have acted on is
    /// sent again, so a reply is never posted twice: a refusal that says so (`429`, `503`) or no
    /// connection at all. A timeout after sending, a `502` (a proxy may say it after Chatwoot
    /// acted) or any other answer is final.
    private func send(path: String, in conversation: ChatwootConversationID, body: some Encodable) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = try encoder.encode(body)
        let started = ContinuousClock.now
        for delay in settings.retryDelays {
            do {
                return try await sendOnce(path: path, in: conversation, payload: payload)
            } catch where Self.mayRetry(error) {
                let asked = (error as? Failure)?.retryAfter.map { Duration.seconds(min($0, Self.longestRetryAfter)) } ?? .zero
                let wait = max(delay, asked)
                guard ContinuousClock.now - started + wait <= Self.retryBudget else { throw error }
                try await Task.sleep(for: wait)
            }
        }
        try await sendOnce(path: path, in: conversation, payload: payload)
    }

    private func sendOnce(path: String, in conversation: ChatwootConversationID, payload: Data) async throws {
        var request = HTTPClientRequest(url: "\(settings.baseURL)/api/v1/accounts/\(conversation.account)/\(path)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "api_access_token", value: settings.accessToken)
        request.body = .bytes(ByteBuffer(bytes: payload))
        let response = try await http.execute(request, timeout: timeout)
        // The body is read and dropped, so the connection can be reused.
        _ = try await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(response.status.code) else {
            throw Failure(status: response.status.code, retryAfter: response.headers.first(name: "Retry-After").flatMap { Int($0) })
        }
    }

    /// Whether Chatwoot cannot have acted on a request that failed with `error`.
    static func mayRetry(_ error: any Error) -> Bool {
        switch error {
        case let failure as Failure: [429, 503].contains(failure.status)
        case let failure as HTTPClientError: failure == .connectTimeout
        // Connecting to a host name failed (every address it has), or to an address: refused.
        case is NIOConnectionError: true
        case let failure as IOError: failure.errnoCode == ECONNREFUSED
        default: false
        }
    }
}
