import Foundation

/// Sessions in memory, for tests and `--store memory`; gone when the process ends.
public actor MemorySessionStore: SessionStore {
    private var sessions: [String: StoredSession] = [:]

    /// Creates an empty store.
    public init() {}

    public func create(_ session: StoredSession) throws {
        guard sessions[session.id] == nil else { throw SessionStoreError.conflict }
        sessions[session.id] = session
    }

    public func load(id: String) -> StoredSession? { sessions[id] }

    public func update(_ session: StoredSession, expectedRevision: Int) throws {
        guard let current = sessions[session.id] else { throw SessionStoreError.notFound }
        guard current.revision == expectedRevision else { throw SessionStoreError.conflict }
        sessions[session.id] = session
    }

    public func delete(id: String) -> Bool { sessions.removeValue(forKey: id) != nil }

    public func deleteIdle(before cutoff: Date) -> Int {
        let idle = sessions.values.filter { $0.updatedAt < cutoff }.map(\.id)
        for id in idle { sessions[id] = nil }
        return idle.count
    }

    public func count() -> Int { sessions.count }

    public func ping() {}
}
