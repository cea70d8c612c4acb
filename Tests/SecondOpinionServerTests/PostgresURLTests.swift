import Foundation
import PostgresNIO
import Testing
@testable import SecondOpinionServer

/// How a `--store postgres://…` URL is read: its parts, libpq's `sslmode` and `sslrootcert`, and
/// what is refused, with the password never shown.
@Suite struct PostgresURLTests {
    /// A real PEM certificate (a self-signed authority made for these tests, valid to 2126):
    /// the URL is refused when its sslrootcert file holds none.
    static let certificate: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("postgres-url-tests-ca-\(UUID().uuidString).pem").path
        FileManager.default.createFile(atPath: path, contents: Data("""
            -----BEGIN CERTIFICATE-----
            MIIBpzCCAU2gAwIBAgIUC5LMuo5nVI/B/cqEpd/EI2W+Za8wCgYIKoZIzj0EAwIw
            KDEmMCQGA1UEAwwdc2Vjb25kLW9waW5pb24gdGVzdCBhdXRob3JpdHkwIBcNMjYx
            MjA0MDQ0NDI5WhgPMjEyNjExMTAwNDQ0MjlaMCgxJjAkBgNVBAMMHXNlY29uZC1v
            cGluaW9uIHRlc3QgYXV0aG9yaXR5MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
            qwLzjeIHlxczROwKcsyOadf1i8x0kyiSaBNibvqIEZ+VCVnFaXHdGnEVnks/CztX
            ojWa+9p/NLEGyrHESzYfTqNTMFEwHQYDVR0OBBYEFHn2LtXWqb5jFY6Cw7TNbxyi
            mIzLMB8GA1UdIwQYMBaAFHn2LtXWqb5jFY6Cw7TNbxyimIzLMA8GA1UdEwEB/wQF
            MAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgD/jpoirpGS70h4TLCR83j4uvngbdp9++
            KrEBsO4cbpICIQDnInrjELjY2F/Y+8dsOiDCV5hVuY79RABwgowHiIvpZQ==
            -----END CERTIFICATE-----
            """.utf8))
        return path
    }()

    static let notPEM: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("postgres-url-tests-not-pem-\(UUID().uuidString).txt").path
        FileManager.default.createFile(atPath: path, contents: Data("-----BEGIN CERTIFICATE-----\nnot base64\n".utf8))
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
        #expect(url.rootCertificate == .file(Self.certificate))
    }

    @Test func anIPv6HostLosesItsBrackets() throws {
        #expect(try PostgresURL("postgres://app@[::1]:5433/db").host == "::1")
    }

    /// `sslrootcert=system` is libpq's (16 and later): the system's authorities, and verify-full.
    @Test func theSystemsAuthoritiesMeanVerifyFull() throws {
        let url = try PostgresURL("postgres://app@db.example/x?sslrootcert=system")
        #expect(url.rootCertificate == .system)
        #expect(url.sslMode == .verifyFull)
        #expect(throws: PostgresURLError.self) { try PostgresURL("postgres://app@db.example/x?sslrootcert=system&sslmode=require") }
    }

    /// Passwords with characters a URL gives meaning to, and libpq's `password=` parameter, are
    /// not shown either, even when the URL cannot be parsed.
    @Test(arguments: [
        ("postgres://app:p#ss@db/x", "'postgres://app:****@db/x' cannot be used: it cannot be read as a URL (in the password write # as %23, / as %2F, ? as %3F and @ as %40)"),
        ("postgres://app:p/ss@db/x", "'postgres://app:****@db/x' cannot be used: it cannot be read as a URL (in the password write # as %23, / as %2F, ? as %3F and @ as %40)"),
        ("postgres://app@db/x?password=hunter2&sslmode=require",
         "'postgres://app@db/x?password=****&sslmode=require' cannot be used: 'password' is not a parameter this server reads (sslmode, sslrootcert)"),
    ])
    func secretsAreNeverShown(_ text: String, _ start: String) {
        do {
            _ = try PostgresURL(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix(start + "; use postgres://"))
            #expect(!error.description.contains("ss@") && !error.description.contains("hunter2"))
        }
    }

    @Test(arguments: [
        ("mysql://app:pw@db/x", "'mysql://app:****@db/x' cannot be used: it does not start with postgres://"),
        ("postgres:///x", "'postgres:///x' cannot be used: it names no host"),
        ("postgres://db.example/x", "'postgres://db.example/x' cannot be used: it names no user"),
        ("postgres://app:pw@db/x?sslmode=allow",
         "'postgres://app:****@db/x?sslmode=allow' cannot be used: sslmode 'allow' is not one this server knows (disable, prefer, require, verify-ca, verify-full)"),
        ("postgres://app:pw@db/x?sslmode=verify-full&sslrootcert=/no/such/ca.pem",
         "'postgres://app:****@db/x?sslmode=verify-full&sslrootcert=/no/such/ca.pem' cannot be used: sslrootcert '/no/such/ca.pem' is not a PEM file of certificates this server can read"),
        ("postgres://app:pw@db/x?sslrootcert=\(Self.notPEM)",
         "'postgres://app:****@db/x?sslrootcert=\(Self.notPEM)' cannot be used: sslrootcert '\(Self.notPEM)' is not a PEM file of certificates this server can read"),
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
