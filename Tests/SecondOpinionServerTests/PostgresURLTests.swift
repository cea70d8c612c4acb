import Foundation
import PostgresNIO
import Testing
@testable import SecondOpinionServer

/// How a `--store postgres://…` URL is read: its parts, libpq's `sslmode` and `sslrootcert`, and
/// what is refused, with the password never shown.
@Suite struct PostgresURLTests {
    static let certificate: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("postgres-url-tests-ca.pem").path
        FileManager.default.createFile(atPath: path, contents: Data("-----BEGIN CERTIFICATE-----\n".utf8))
        return path
    }()

    @Test func thePartsAndTheDefaults() throws {
        let url = try PostgresURL("postgres://app:s%40cret@db.example:6543/sessions")
        #expect(url == PostgresURL.make(host: "db.example", port: 6543, user: "app", password: "s@cret", database: "sessions", sslMode: .prefer))
        let short = try PostgresURL("postgresql://app@localhost")
        #expect(short == PostgresURL.make(host: "localhost", port: 5432, user: "app", password: nil, database: nil, sslMode: .prefer))
    }

    @Test(arguments: PostgresURL.SSLMode.allCases)
    func everySSLModeIsRead(_ mode: PostgresURL.SSLMode) throws {
        let url = try PostgresURL("postgres://app:app@127.0.0.1/appdb?sslmode=\(mode.rawValue)&sslrootcert=\(Self.certificate)")
        #expect(url.sslMode == mode)
        #expect(url.rootCertificate == Self.certificate)
    }

    @Test(arguments: [
        ("mysql://app:pw@db/x", "'mysql://app:****@db/x' cannot be used: it does not start with postgres://"),
        ("postgres:///x", "'postgres:///x' cannot be used: it names no host"),
        ("postgres://db.example/x", "'postgres://db.example/x' cannot be used: it names no user"),
        ("postgres://app:pw@db/x?sslmode=allow",
         "'postgres://app:****@db/x?sslmode=allow' cannot be used: sslmode 'allow' is not one this server knows (disable, prefer, require, verify-ca, verify-full)"),
        ("postgres://app:pw@db/x?sslmode=verify-full&sslrootcert=/no/such/ca.pem",
         "'postgres://app:****@db/x?sslmode=verify-full&sslrootcert=/no/such/ca.pem' cannot be used: sslrootcert '/no/such/ca.pem' is not a file this server can read"),
        ("postgres://app:pw@db/x?connect_timeout=3",
         "'postgres://app:****@db/x?connect_timeout=3' cannot be used: 'connect_timeout' is not a parameter this server reads (sslmode, sslrootcert)"),
    ])
    func whatIsRefusedAndWhy(_ text: String, _ start: String) {
        let suffix = "; use postgres://USER:PASSWORD@HOST:PORT/DATABASE, optionally with ?sslmode=disable|prefer|require|verify-ca|verify-full and &sslrootcert=FILE"
        #expect(throws: PostgresURLError.self) { try PostgresURL(text) }
        do {
            _ = try PostgresURL(text)
        } catch {
            #expect(error.description == start + suffix)
            #expect(!error.description.contains("pw@"), "the password is shown")
        }
    }

    @Test func theStoreRefusesABadURLBeforeConnecting() {
        #expect(throws: PostgresURLError.self) { try PostgresSessionStore(url: "postgres://app:pw@db/x?sslmode=nope", logger: TestServer.quietLogger) }
    }
}

extension PostgresURL {
    /// A URL value from its parts, to compare with what was read.
    static func make(host: String, port: Int, user: String, password: String?, database: String?, sslMode: SSLMode) -> PostgresURL {
        var url = try! PostgresURL("postgres://placeholder@placeholder")
        (url.host, url.port, url.user, url.password, url.database, url.sslMode) = (host, port, user, password, database, sslMode)
        return url
    }
}
