import Crypto
import Foundation

/// The session of a Chatwoot conversation: its id and token are derived from the webhook secret
/// and the (account, conversation) pair with HMAC, so no mapping table is needed. Every server
/// instance with the same secret finds the same session in the shared store, also after a
/// restart, and the store still holds only the token's hash. Rotating the secret starts new
/// sessions for conversations in progress (the old ones expire as idle).
struct ChatwootSessionKeys: Sendable {
    private let key: SymmetricKey

    init(secret: String) {
        // A key of its own, so the signing secret itself is never used for two purposes.
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(secret.utf8)),
                                     info: Data("second-opinion chatwoot sessions v1".utf8), outputByteCount: 32)
    }

    /// The session id (32 hex digits, like the API's random ids) and bearer token of `conversation`.
    func identity(of conversation: ChatwootConversationID) -> (id: String, token: String) {
        let id = code("session:\(conversation.account):\(conversation.conversation)").prefix(16)
        let token = code("token:\(conversation.account):\(conversation.conversation)")
        return (id.map { String(format: "%02x", $0) }.joined(),
                Data(token).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: ""))
    }

    private func code(_ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }
}
