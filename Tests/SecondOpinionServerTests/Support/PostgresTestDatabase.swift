import Foundation
import Logging
import PostgresNIO
import Testing
@testable import SecondOpinionServer

/// A throwaway PostgreSQL database per test, on the server that `SECOND_OPINION_TEST_POSTGRES_URL`
/// names (a role that may create databases, e.g. `postgres://app:app@127.0.0.1:54329/appdb`;
/// `.ci/postgres.sh` starts one). Without the variable the PostgreSQL tests are left out locally,
/// but with `CI=true` they run and fail, so CI cannot skip them silently.
enum PostgresTestDatabase {
    static let variable = "SECOND_OPINION_TEST_POSTGRES_URL"
    static let adminURL = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Whether the PostgreSQL tests run: a server is configured, or this is CI (where they must).
    static let enabled = adminURL != nil || isCI
    /// The server's TLS certificate (`SECOND_OPINION_TEST_POSTGRES_CA`), for the `sslmode` tests.
    static let certificate = ProcessInfo.processInfo.environment["SECOND_OPINION_TEST_POSTGRES_CA"].flatMap { $0.isEmpty ? nil : $0 }

    /// Runs `body` with the URL of a new, empty database, and drops the database afterwards.
    static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        let admin = try #require(adminURL, "set \(variable) to a PostgreSQL URL (see the README); CI must run these tests")
        let name = "so_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await execute("CREATE DATABASE \(name)", on: admin)
        var components = try #require(URLComponents(string: admin))
        components.path = "/\(name)"
        let url = try #require(components.string)
        do {
            let result = try await body(url)
            try await execute("DROP DATABASE \(name) WITH (FORCE)", on: admin)
            return result
        } catch {
            try? await execute("DROP DATABASE \(name) WITH (FORCE)", on: admin)
            throw error
        }
    }

    /// Runs one statement (outside a transaction, as CREATE DATABASE needs).
    static func execute(_ sql: String, on url: String) async throws {
        let components = try #require(URLComponents(string: url))
        let configuration = PostgresClient.Configuration(
            host: try #require(components.host), port: components.port ?? 5432, username: try #require(components.user),
            password: components.password, database: String(components.path.dropFirst()), tls: .disable)
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query(PostgresQuery(unsafeSQL: sql))
            group.cancelAll()
        }
    }

    /// Runs `body` with a prepared store on `url` whose connection pool runs meanwhile.
    static func withStore<T: Sendable>(url: String, _ body: @Sendable (PostgresSessionStore) async throws -> T) async throws -> T {
        let store = try PostgresSessionStore(url: url, logger: TestServer.quietLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await store.run()
                return nil
            }
            try await store.prepare()
            let result = try await body(store)
            group.cancelAll()
            return result
        }
    }
}
