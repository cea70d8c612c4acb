import Foundation
import GRDB
import Testing
@testable import SecondOpinionServer

/// The failure path of SQLite's group commit (the shared store tests cover its compare-and-swap).
@Suite struct SQLiteGroupCommitTests {
    /// A database error inside a batch rolls it back: the update fails with that error, nothing
    /// of it is stored, and the next update applies as usual.
    @Test func aDatabaseErrorFailsTheUpdateAndStoresNothing() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("sessions.sqlite").path
            let store = try SQLiteSessionStore(path: path)
            try await store.create(SessionStoreTests.record("a"))
            // Another connection adds a trigger that refuses one particular state.
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(sql: "CREATE TRIGGER refuse BEFORE UPDATE ON session WHEN NEW.state = CAST('refused' AS BLOB) BEGIN SELECT RAISE(ABORT, 'refused'); END")
            }

            var refused = SessionStoreTests.record("a", revision: 2)
            refused.state = Data("refused".utf8)
            await #expect(throws: DatabaseError.self) { try await store.update(refused, expectedRevision: 1) }
            #expect(try await store.load(id: "a") == SessionStoreTests.record("a"))

            try await store.update(SessionStoreTests.record("a", revision: 2), expectedRevision: 1)
            #expect(try await store.load(id: "a") == SessionStoreTests.record("a", revision: 2))
        }
    }
}
