import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=…&sslrootcert=…` URL, read as libpq
/// reads the parts this server uses. `sslmode` is libpq's: `disable`, `prefer` (the default:
/// encrypted when the server offers it), `require` (encrypted, the certificate not checked unless
/// `sslrootcert` names the authority), `verify-ca` (signed by the authority) and `verify-full`
/// (also issued for HOST). Without `sslrootcert` the verify modes trust the system's authorities.
struct PostgresURL: Sendable, Equatable {
    enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String?
    var sslMode: SSLMode
    /// A PEM file with the certificate authority the server's certificate must be signed by.
    var rootCertificate: String?

    init(_ text: String) throws(PostgresURLError) {
        func refuse(_ reason: String) -> PostgresURLError { PostgresURLError(url: text, reason: reason) }
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw refuse("it does not start with postgres://")
        }
        guard let host = components.host, !host.isEmpty else { throw refuse("it names no host") }
        guard let user = components.user, !user.isEmpty else { throw refuse("it names no user") }
        (self.host, self.port, self.user, self.password) = (host, components.port ?? 5432, user, components.password)
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = database.isEmpty ? nil : database
        var sslMode = SSLMode.prefer
        var rootCertificate: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: item.value ?? "") else {
                    throw refuse("sslmode '\(item.value ?? "")' is not one this server knows (\(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                sslMode = mode
            case "sslrootcert":
                guard let path = item.value, FileManager.default.isReadableFile(atPath: path) else {
                    throw refuse("sslrootcert '\(item.value ?? "")' is not a file this server can read")
                }
                rootCertificate = path
            default:
                throw refuse("'\(item.name)' is not a parameter this server reads (sslmode, sslrootcert)")
            }
        }
        (self.sslMode, self.rootCertificate) = (sslMode, rootCertificate)
    }

    /// The connection settings for postgres-nio.
    var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }

    private var tls: PostgresClient.Configuration.TLS {
        switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration(.none))
        // libpq's `require` checks the certificate against a root it is given.
        case .require: .require(tlsConfiguration(rootCertificate == nil ? .none : .noHostnameVerification))
        case .verifyCA: .require(tlsConfiguration(.noHostnameVerification))
        case .verifyFull: .require(tlsConfiguration(.fullVerification))
        }
    }

    private func tlsConfiguration(_ verification: CertificateVerification) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = verification
        if let rootCertificate { configuration.trustRoots = .file(rootCertificate) }
        return configuration
    }
}

/// A `--store` value that is not a PostgreSQL URL this server can use. The password is never
/// shown.
public struct PostgresURLError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The value given, with its password replaced by `****`.
    public var url: String
    /// What is wrong with it.
    public var reason: String

    init(url: String, reason: String) {
        var shown = url
        if var components = URLComponents(string: url), components.password != nil {
            components.password = "****"
            shown = components.string ?? "the URL"
        }
        (self.url, self.reason) = (shown, reason)
    }

    public var description: String {
        "'\(url)' cannot be used: \(reason); use postgres://USER:PASSWORD@HOST:PORT/DATABASE, optionally with ?sslmode=disable|prefer|require|verify-ca|verify-full and &sslrootcert=FILE"
    }
}
