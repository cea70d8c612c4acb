import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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
    }

    /// Posts `message` to `conversation`.
    func post(_ message: ChatwootOutgoingMessage, to conversation: ChatwootConversationID) async throws {
        try await send(path: "conversations/\(conversation.conversation)/messages", in: conversation, body: message)
    }

    /// Sets `conversation`'s status (`open`, `pending`, `resolved`) with `toggle_status`.
    func setStatus(_ status: String, of conversation: ChatwootConversationID) async throws {
        try await send(path: "conversations/\(conversation.conversation)/toggle_status", in: conversation, body: ["status": status])
    }

    private func send(path: String, in conversation: ChatwootConversationID, body: some Encodable) async throws {
        var request = HTTPClientRequest(url: "\(settings.baseURL)/api/v1/accounts/\(conversation.account)/\(path)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "api_access_token", value: settings.accessToken)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        request.body = .bytes(ByteBuffer(bytes: try encoder.encode(body)))
        let response = try await http.execute(request, timeout: timeout)
        // The body is read and dropped, so the connection can be reused.
        _ = try await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(response.status.code) else { throw Failure(status: response.status.code) }
    }
}
