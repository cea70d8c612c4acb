import Crypto
import Foundation

/// Session ids and bearer tokens: random, and only the token's SHA-256 is ever stored.
enum SessionToken {
    /// A new token: 256 random bits as unpadded base64url (43 characters).
    static func make() -> String {
        base64URL(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// A new session id: 128 random bits as 32 hex digits.
    static func makeSessionID() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }

    /// The stored form of a token or API key.
    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// Whether `token` hashes to `storedHash`, in time that does not depend on where they differ.
    static func matches(_ token: String, storedHash: Data) -> Bool {
        let candidate = hash(token)
        guard candidate.count == storedHash.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(candidate, storedHash) { difference |= left ^ right }
        return difference == 0
    }

    /// Whether `id` has the shape of a session id, so malformed ids never reach the store.
    static func isWellFormedSessionID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
