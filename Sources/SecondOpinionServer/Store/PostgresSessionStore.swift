import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Sessions in PostgreSQL through postgres-nio, so several stateless server instances share them.
///
/// The store is a `Service`: its connection pool runs while the service group runs. Call
/// ``prepare()`` once it runs to bring the schema up to date (concurrent instances take an
/// advisory lock, so each migration is applied once).
public final class PostgresSessionStore: SessionStore, Service {
    private let client: PostgresClient
    private let logger: Logger

    /// A store for the database at `url` (`postgres://user:password@host:port/database`, with
    /// libpq's `sslmode` and `sslrootcert` if wanted: see ``PostgresURL``).
    public init(url: String, logger: Logger) throws {
        var configuration = try PostgresURL(url).clientConfiguration
        configuration.options.maximumConnections = 20
        client = PostgresClient(configuration: configuration)
        self.logger = logger
    }

    /// Runs the connection pool until the service group shuts down.
    public func run() async throws {
        await client.run()
    }

    /// The migrations, in order; each runs once, in a transaction.
    static let migrations: [(version: String, statements: [PostgresQuery])] = [
        ("v1", [
            """
            CREATE TABLE session (
                id TEXT PRIMARY KEY,
                token_hash BYTEA NOT NULL,
                revision BIGINT NOT NULL,
                state BYTEA NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX session_updated_at ON session (updated_at)",
        ]),
    ]

    /// Applies the migrations this database has not seen yet.
    public func prepare() async throws {
        try await client.withTransaction(logger: logger) { connection in
            // One instance migrates at a time; the others then see the versions it recorded.
            try await connection.query("SELECT pg_advisory_xact_lock(736572766531)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            var applied: Set<String> = []
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger).decode(String.self) {
                applied.insert(version)
            }
            for migration in Self.migrations where !applied.contains(migration.version) {
                for statement in migration.statements { try await connection.query(statement, logger: logger) }
                try await connection.query("INSERT INTO schema_migrations (version) VALUES (\(migration.version))", logger: logger)
            }
        }
    }

    public func create(_ session: StoredSession) async throws {
        do {
            try await client.query(
                """
                INSERT INTO session (id, token_hash, revision, state, updated_at)
                VALUES (\(session.id), \(session.tokenHash), \(session.revision), \(session.state), \(session.updatedAt))
                """, logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw SessionStoreError.conflict
        }
    }

    public func load(id: String) async throws -> StoredSession? {
        for try await (id, tokenHash, revision, state, updatedAt) in try await client.execute(LoadSession(id: id), logger: logger) {
            return StoredSession(id: id, tokenHash: tokenHash, revision: revision, state: state, updatedAt: updatedAt)
        }
        return nil
    }

    public func update(_ session: StoredSession, expectedRevision: Int) async throws {
        var updated = false
        for try await _ in try await client.execute(UpdateSession(session: session, expectedRevision: expectedRevision), logger: logger) {
            updated = true
        }
        guard !updated else { return }
        throw try await load(id: session.id) == nil ? SessionStoreError.notFound : SessionStoreError.conflict
    }

    public func delete(id: String) async throws -> Bool {
        try await countRows(client.query("DELETE FROM session WHERE id = \(id) RETURNING id", logger: logger)) > 0
    }

    public func deleteIdle(before cutoff: Date) async throws -> Int {
        try await countRows(client.query("DELETE FROM session WHERE updated_at < \(cutoff) RETURNING id", logger: logger))
    }

    public func count() async throws -> Int {
        for try await count in try await client.query("SELECT COUNT(*)::BIGINT FROM session", logger: logger).decode(Int.self) {
            return count
        }
        return 0
    }

    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    private func countRows(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
