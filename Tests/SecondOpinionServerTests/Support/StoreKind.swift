import Foundation
import Testing
@testable import SecondOpinionServer

/// The stores every store test runs against. PostgreSQL is left out only when no server is
/// configured and this is not CI (see ``PostgresTestDatabase``).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, sqlite, postgres

    static var testedKinds: [StoreKind] {
        PostgresTestDatabase.enabled ? allCases : [.memory, .sqlite]
    }

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, prepared store of this kind, and cleans up afterwards.
    func withStore<T: Sendable>(_ body: @Sendable (any SessionStore) async throws -> T) async throws -> T {
        switch self {
        case .memory:
            return try await body(MemorySessionStore())
        case .sqlite:
            return try await TemporaryFolder.with { folder in
                let store = try SQLiteSessionStore(path: folder.appendingPathComponent("sessions.sqlite").path)
                try await store.prepare()
                return try await body(store)
            }
        case .postgres:
            return try await PostgresTestDatabase.with { url in
                try await PostgresTestDatabase.withStore(url: url) { try await body($0) }
            }
        }
    }
}

/// A folder removed after use.
enum TemporaryFolder {
    static func with<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("so-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }
}
