import Foundation
import PostgresNIO
import Testing
@testable import SecondOpinionServer

/// `sslmode` against a real PostgreSQL that speaks TLS with a self-signed certificate issued for
/// `localhost` only (`.ci/postgres.sh` makes it and names it in `SECOND_OPINION_TEST_POSTGRES_CA`).
/// Each refusal is checked beside a connection that differs from it in one thing only, so it
/// is refused for that thing (the authority, or the host name) and not for any other reason.
@Suite(.enabled(if: PostgresTestDatabase.isCI || (PostgresTestDatabase.adminURL != nil && PostgresTestDatabase.certificate != nil)))
struct PostgresTLSTests {
    static func certificate() throws -> String {
        try #require(PostgresTestDatabase.certificate, "set SECOND_OPINION_TEST_POSTGRES_CA to the server's certificate (.ci/postgres.sh exports it)")
    }

    /// The admin URL with `query` in place of its own, and `host` in place of its host if given.
    static func url(_ query: String, host: String? = nil) throws -> String {
        let admin = try #require(PostgresTestDatabase.adminURL)
        var components = try #require(URLComponents(string: admin))
        components.query = query
        if let host { components.host = host }
        return try #require(components.string)
    }

    /// Whether the connection made for `url` is encrypted, as the server sees it; nil when no
    /// connection is made within `limit`.
    static func encrypted(_ url: String, limit: Duration = .seconds(10)) async throws -> Bool? {
        let client = PostgresClient(configuration: try PostgresURL(url).clientConfiguration)
        return try await withThrowingTaskGroup(of: Bool?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            group.addTask {
                let rows = try await client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                for try await ssl in rows.decode(Bool.self) { return ssl }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            // Whichever ends first: the query's answer, its failure, the time limit or the pool.
            let first = await group.nextResult()
            group.cancelAll()
            if case .success(let answer) = first { return answer }
            return nil
        }
    }

    @Test func eachModeConnectsAsLibpqWould() async throws {
        let ca = try Self.certificate()
        #expect(try await Self.encrypted(Self.url("sslmode=disable")) == false)
        #expect(try await Self.encrypted(Self.url("")) == true, "prefer is the default and the server offers TLS")
        #expect(try await Self.encrypted(Self.url("sslmode=require")) == true)
        #expect(try await Self.encrypted(Self.url("sslmode=verify-ca&sslrootcert=\(ca)")) == true)
        #expect(try await Self.encrypted(Self.url("sslmode=verify-full&sslrootcert=\(ca)", host: "localhost")) == true)
    }

    /// Without the certificate's authority the verify modes never connect; the same URLs with
    /// it do (above).
    @Test func theVerifyModesRefuseACertificateNoTrustedAuthoritySigned() async throws {
        #expect(try await Self.encrypted(Self.url("sslmode=verify-full", host: "localhost"), limit: .seconds(5)) == nil)
        #expect(try await Self.encrypted(Self.url("sslmode=verify-ca"), limit: .seconds(5)) == nil)
    }

    /// The certificate is for `localhost`: verify-full refuses it at 127.0.0.1, where verify-ca
    /// (which does not check the host) takes it (above).
    @Test func verifyFullRefusesACertificateForAnotherHost() async throws {
        let ca = try Self.certificate()
        #expect(try await Self.encrypted(Self.url("sslmode=verify-full&sslrootcert=\(ca)"), limit: .seconds(5)) == nil)
    }

    @Test func theStoreHoldsAConversationOverVerifiedTLS() async throws {
        let ca = try Self.certificate()
        try await PostgresTestDatabase.with { url in
            var components = try #require(URLComponents(string: url))
            components.query = "sslmode=verify-full&sslrootcert=\(ca)"
            components.host = "localhost"
            let tlsURL = try #require(components.string)
            try await PostgresTestDatabase.withStore(url: tlsURL) { store in
                let record = StoredSession(id: "tls", tokenHash: Data([1]), revision: 1, state: Data("{}".utf8), updatedAt: Date())
                try await store.create(record)
                try await store.update(StoredSession(id: "tls", tokenHash: Data([1]), revision: 2, state: Data("{\"a\":1}".utf8), updatedAt: Date()),
                                       expectedRevision: 1)
                let loaded = try #require(try await store.load(id: "tls"))
                #expect(loaded.revision == 2)
                #expect(loaded.state == Data("{\"a\":1}".utf8))
            }
        }
    }
}
