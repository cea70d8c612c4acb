import Foundation
import GRDB
import Testing
@testable import SecondOpinionServer

/// The checkpoint beside the writer: it starts after enough writes, and it copies the log into
/// the database file.
@Suite struct SQLiteCheckpointerTests {
    @Test func enoughWritesCopyTheLogIntoTheDatabaseFile() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("log.sqlite").path
            var configuration = Configuration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try await pool.write { db in
                try db.execute(sql: "CREATE TABLE row (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
                for id in 0..<100 { try db.execute(sql: "INSERT INTO row (id, text) VALUES (?, ?)", arguments: [id, String(repeating: "x", count: 1_000)]) }
            }
            let before = try Self.size(of: path)
            let checkpointer = try SQLiteCheckpointer(path: path, configuration: configuration)

            #expect(checkpointer.noteWrites(SQLiteCheckpointer.writesBetweenCheckpoints - 1) == nil)
            let checkpoint = try #require(checkpointer.noteWrites(1))
            await checkpoint.value

            // 100 rows of 1,000 bytes need 25 pages or more; before, the file held only its header.
            #expect(before <= 2 * 4_096)
            #expect(try Self.size(of: path) >= 25 * 4_096)
            #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM row") } == 100)
            // The count starts over after a checkpoint.
            #expect(checkpointer.noteWrites(SQLiteCheckpointer.writesBetweenCheckpoints - 1) == nil)
        }
    }

    private static func size(of path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }
}
