import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=…&sslrootcert=…` URL, read as libpq
/// reads the parts this server uses. `sslmode` is libpq's: `disable`, `prefer` (the default:
/// encrypted when the server offers it), `require` (encrypted, the certificate not checked unless
/// `sslrootcert` names the authority), `verify-ca` (signed by the authority) and `verify-full`
/// (also issued for HOST). `sslrootcert=FILE` names the authorities to trust; without it, or with
/// `sslrootcert=system` (which means `verify-full`), the verify modes trust the system's.
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
    /// The authorities the server's certificate must be signed by: a PEM file, or the system's
    /// (`sslrootcert=system`); nil when not given (the system's, for the verify modes).
    var rootCertificate: RootCertificate?

    enum RootCertificate: Sendable, Equatable {
        case file(String)
        case system
    }

    init(_ text: String) throws(PostgresURLError) {
        func refuse(_ reason: String) -> PostgresURLError { PostgresURLError(url: text, reason: reason) }
        guard let components = URLComponents(string: text) else {
            throw refuse("it cannot be read as a URL (in the password write # as %23, / as %2F, ? as %3F and @ as %40)")
        }
        guard ["postgres", "postgresql"].contains(components.scheme ?? "") else { throw refuse("it does not start with postgres://") }
        // An IPv6 address comes in brackets (`[::1]`), which are not part of the address.
        guard var host = components.host, !host.isEmpty else { throw refuse("it names no host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let user = components.user, !user.isEmpty else { throw refuse("it names no user") }
        (self.host, self.port, self.user, self.password) = (host, components.port ?? 5432, user, components.password)
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = database.isEmpty ? nil : database
        var sslMode: SSLMode?
        var rootCertificate: RootCertificate?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: item.value ?? "") else {
                    throw refuse("sslmode '\(item.value ?? "")' is not one this server knows (\(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                sslMode = mode
            case "sslrootcert" where item.value == "system":
                rootCertificate = .system
            case "sslrootcert":
                let path = item.value ?? ""
                // Read now, so a wrong file stops the start instead of every connection.
                guard (try? NIOSSLCertificate.fromPEMFile(path))?.isEmpty == false else {
                    throw refuse("sslrootcert '\(path)' is not a PEM file of certificates this server can read")
                }
                rootCertificate = .file(path)
            default:
                throw refuse("'\(item.name)' is not a parameter this server reads (sslmode, sslrootcert)")
            }
        }
        // As libpq: the system's authorities are for checking the host, so they mean verify-full.
        if rootCertificate == .system, let mode = sslMode, mode != .verifyFull {
            throw refuse("sslrootcert=system needs sslmode=verify-full, not \(mode.rawValue)")
        }
        (self.sslMode, self.rootCertificate) = (sslMode ?? (rootCertificate == .system ? .verifyFull : .prefer), rootCertificate)
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
        if case .file(let path) = rootCertificate { configuration.trustRoots = .file(path) }
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
        (self.url, self.reason) = (Self.redacting(url), reason)
    }

    /// `text` with the password of its user part and any `password=` parameter replaced by
    /// `****`. Done by hand: a URL that cannot be parsed (a `#` in the password) still has one.
    public static func redacting(_ text: String) -> String {
        var shown = text
        if let scheme = shown.range(of: "://"), let at = shown[scheme.upperBound...].lastIndex(of: "@"),
           let colon = shown[scheme.upperBound..<at].firstIndex(of: ":") {
            shown.replaceSubrange(shown.index(after: colon)..<at, with: "****")
        }
        guard let question = shown.firstIndex(of: "?") else { return shown }
        let parameters = shown[shown.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
            item.lowercased().hasPrefix("password=") ? "password=****" : String(item)
        }
        return shown[...question] + parameters.joined(separator: "&")
    }

    public var description: String {
        "'\(url)' cannot be used: \(reason); use postgres://USER:PASSWORD@HOST:PORT/DATABASE, optionally with ?sslmode=disable|prefer|require|verify-ca|verify-full and &sslrootcert=FILE"
    }
}
