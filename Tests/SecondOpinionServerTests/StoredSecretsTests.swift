import Crypto
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// What the SQLite file holds after a conversation: its schema as migrated, WAL mode, and of
/// the token only its SHA-256.
@Suite struct StoredSecretsTests {
    @Test func theDatabaseHoldsTheTokensHashOnlyInWALModeWithItsMigrationRecorded() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stored-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sessions.sqlite").path
        let store = try SQLiteSessionStore(path: path)
        let started = try await TestServer.app(store: store).test(.router) { client in
            let started = try await client.startSession(language: "nl")
            #expect(try await client.turn(started, #"{"text":"wie betaalt dat?"}"#).status == .ok)
            return started
        }

        let database = try DatabaseQueue(path: path)
        try await database.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == ["v1"])
            let row = try #require(try Row.fetchOne(db, sql: "SELECT token_hash, revision, state FROM session WHERE id = ?", arguments: [started.id]))
            let hash: Data = row["token_hash"]
            #expect(hash == Data(SHA256.hash(data: Data(started.token.utf8))))
            #expect(row["revision"] as Int == 2)
            let state: Data = row["state"]
            #expect(String(decoding: state, as: UTF8.self).contains(started.token) == false)
            // Nowhere else in the file either (WAL included, as the test reads it after the writes).
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(bytes.range(of: Data(started.token.utf8)) == nil, "\(file) holds the token")
        }
    }
}
