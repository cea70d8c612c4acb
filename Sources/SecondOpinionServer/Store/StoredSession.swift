import Foundation

/// One conversation as a store keeps it: the engine's saved session plus what the HTTP API needs
/// around it. Stores treat ``state`` as opaque bytes and index only the id and the times.
public struct StoredSession: Sendable, Equatable {
    /// The session id in URLs (128 random bits, hex).
    public var id: String
    /// SHA-256 of the session token; the token itself is never stored.
    public var tokenHash: Data
    /// Goes up by one with every applied turn; writes compare-and-swap on it.
    public var revision: Int
    /// The rest, as JSON: the saved session, the latest turn and recent idempotency keys.
    public var state: Data
    /// When the session was last written, for expiry.
    public var updatedAt: Date

    /// Creates a record.
    public init(id: String, tokenHash: Data, revision: Int, state: Data, updatedAt: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.revision = revision
        self.state = state
        self.updatedAt = updatedAt
    }
}
