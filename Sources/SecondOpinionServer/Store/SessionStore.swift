import Foundation

/// Where sessions live between requests. Every write is a compare-and-swap on the revision, so
/// two turns racing on one session never both apply, whichever server instance they reach.
public protocol SessionStore: Sendable {
    /// Makes the store ready (schema migrations); called once before the server accepts requests.
    func prepare() async throws
    /// Adds a new session; fails with ``SessionStoreError/conflict`` when the id is taken.
    func create(_ session: StoredSession) async throws
    /// The session with `id`, or nil when there is none.
    func load(id: String) async throws -> StoredSession?
    /// Replaces the session when its stored revision is still `expectedRevision`.
    /// Fails with ``SessionStoreError/conflict`` when another write came first, and with
    /// ``SessionStoreError/notFound`` when the session is gone.
    func update(_ session: StoredSession, expectedRevision: Int) async throws
    /// Deletes the session; returns whether it existed.
    func delete(id: String) async throws -> Bool
    /// Deletes every session not written since `cutoff`; returns how many.
    func deleteIdle(before cutoff: Date) async throws -> Int
    /// How many sessions are stored.
    func count() async throws -> Int
    /// Throws when the store cannot answer (for `/readyz`).
    func ping() async throws
}

extension SessionStore {
    /// Nothing to prepare, by default.
    public func prepare() async throws {}
}

/// Why a store refused a write.
public enum SessionStoreError: Error, Sendable, Equatable {
    /// Another write changed the session first (or the id exists, on create).
    case conflict
    /// The session does not exist (any more).
    case notFound
}
