import Foundation
import GRDB

/// Sessions in one SQLite file through GRDB: the default store. A `DatabasePool` runs in WAL
/// mode (GRDB sets `synchronous = NORMAL` with it), so reads never wait for the one writer; the
/// schema comes from versioned migrations. Turns that arrive together are committed together
/// (``SQLiteGroupCommit``), and the log is copied into the database file beside them
/// (``SQLiteCheckpointer``). Every statement on the turn path is prepared once
/// per connection and reused (`cachedStatement`), not parsed again for every turn.
public final class SQLiteSessionStore: SessionStore {
    private let pool: DatabasePool
    private let groupCommit: SQLiteGroupCommit
    private let checkpointer: SQLiteCheckpointer

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        // Writers from several connections wait for each other instead of failing at once.
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        checkpointer = try SQLiteCheckpointer(path: path, configuration: configuration)
        groupCommit = SQLiteGroupCommit(pool: pool, checkpointer: checkpointer)
    }

    /// The schema, one registered migration per version, applied in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "session") { table in
                table.primaryKey("id", .text)
                table.column("token_hash", .blob).notNull()
                table.column("revision", .integer).notNull()
                table.column("state", .blob).notNull()
                table.column("updated_at", .double).notNull().indexed()
            }
        }
        return migrator
    }

    public func create(_ session: StoredSession) async throws {
        do {
            try await pool.write { db in
                try db.cachedStatement(sql: "INSERT INTO session (id, token_hash, revision, state, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [session.id, session.tokenHash, session.revision, session.state, session.updatedAt.timeIntervalSince1970])
            }
            checkpointer.noteWrites(1)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw SessionStoreError.conflict
        }
    }

    public func load(id: String) async throws -> StoredSession? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT id, token_hash, revision, state, updated_at FROM session WHERE id = ?"), arguments: [id])
                .map { row in
                    StoredSession(id: row["id"], tokenHash: row["token_hash"], revision: row["revision"], state: row["state"],
                                  updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
                }
        }
    }

    public func update(_ session: StoredSession, expectedRevision: Int) async throws {
        try await groupCommit.update(session, expectedRevision: expectedRevision)
    }

    public func delete(id: String) async throws -> Bool {
        let deleted = try await pool.write { db in
            try db.cachedStatement(sql: "DELETE FROM session WHERE id = ?").execute(arguments: [id])
            return db.changesCount > 0
        }
        if deleted { checkpointer.noteWrites(1) }
        return deleted
    }

    public func deleteIdle(before cutoff: Date) async throws -> Int {
        let deleted = try await pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE updated_at < ?", arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
        checkpointer.noteWrites(deleted)
        return deleted
    }

    public func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? 0 }
    }

    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
