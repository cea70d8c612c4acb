import ArgumentParser
import DialogEngine
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import SecondOpinionServer
import ServiceLifecycle
import UnixSignals

/// `second-opinion serve`: the HTTP API (see the README and `/openapi.yaml`).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the assistant over HTTP (JSON API v1).",
        discussion: """
            Every option can also be set by an environment variable (shown in brackets); a flag wins.
            Stops gracefully on SIGTERM or SIGINT: in-flight requests finish first.
            """)

    @OptionGroup var bundle: BundleOptions

    @Option(help: "Address to listen on [SECOND_OPINION_HOST] (default: 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on [SECOND_OPINION_PORT] (default: 8080).")
    var port: Int?

    @Option(help: ArgumentHelp("Session store [SECOND_OPINION_STORE]: memory, sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB (default: sqlite in $XDG_DATA_HOME/second-opinion/).", valueName: "store"))
    var store: String?

    @Option(name: .customLong("allow-origin"), help: "A web page origin allowed to call the API (repeatable) [SECOND_OPINION_ALLOWED_ORIGINS, comma-separated].")
    var allowedOrigins: [String] = []

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body in bytes [SECOND_OPINION_MAX_BODY_BYTES] (default: 16384).")
    var maximumBodySize: Int?

    @Option(name: .customLong("idle-timeout"), help: "Delete sessions idle this many seconds [SECOND_OPINION_IDLE_TIMEOUT] (default: 86400).")
    var idleTimeout: Int?

    @Option(name: .customLong("rate-limit-address"), help: "Requests per client address, RATE/s[:BURST] [SECOND_OPINION_RATE_LIMIT_ADDRESS] (default: 50/s:100).")
    var addressLimit: String?

    @Option(name: .customLong("rate-limit-session"), help: "Turns per session, RATE/s[:BURST] [SECOND_OPINION_RATE_LIMIT_SESSION] (default: 5/s:20).")
    var sessionLimit: String?

    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp("A proxy in front of the server, ADDRESS or ADDRESS/BITS (repeatable): its X-Forwarded-For names the client for the per-address limit [SECOND_OPINION_TRUSTED_PROXIES, comma-separated] (default: none; the header is ignored).", valueName: "range"))
    var trustedProxies: [String] = []

    @Flag(name: .customLong("summary-include-text"), help: "Handoff summaries include what the person typed [SECOND_OPINION_SUMMARY_INCLUDE_TEXT=1] (default: off).")
    var summaryIncludeText = false

    @Option(name: .customLong("chatwoot-url"), help: ArgumentHelp("Chatwoot's address, to serve as its Agent Bot at /v1/adapters/chatwoot/webhook [SECOND_OPINION_CHATWOOT_URL]; the bot's token and secret come from SECOND_OPINION_CHATWOOT_TOKEN and SECOND_OPINION_CHATWOOT_SECRET.", valueName: "url"))
    var chatwootURL: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical [SECOND_OPINION_LOG_LEVEL] (default: info).")
    var logLevel: String?

    /// The other commands stay synchronous on the main thread (the terminal chat needs its
    /// signals there), so the server runs in a task while the main thread waits for it.
    func run() throws {
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await serve() } catch { outcome.record(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private func serve() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try ServeSettings(self, environment: environment)
        let level = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "second-opinion.server")
        let metrics = ServerMetrics()
        // Hummingbird's request metrics go to the same Prometheus registry as the server's own.
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let engine = DialogEngine(bundle: try bundle.load())
        let store = try settings.store.open(logger: logger)
        let app = SecondOpinionServer.makeApplication(.init(
            engine: engine, store: store, configuration: settings.server,
            planMarkdown: { plan, language in PlanDocument.markdown(plan, pack: engine.bundle.languagePack(for: language)) },
            metrics: metrics, logger: logger))
        logger.info("serving", metadata: ["address": "\(settings.server.host):\(settings.server.port)", "store": "\(settings.storeKind)",
                                         "chatwoot": "\(settings.server.chatwoot?.description ?? "off")"])
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

/// The error the server task ended with, handed to the waiting main thread.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func record(_ error: any Error) { lock.withLock { stored = error } }
}

/// The serve options resolved against the environment: flag, else variable, else default.
struct ServeSettings {
    var server = ServerConfiguration()
    var store: SessionStoreLocation
    var logLevel: Logger.Level

    /// The store kind without the password a URL may hold, for the log.
    var storeKind: String {
        switch store {
        case .memory: "memory"
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres: "postgres"
        }
    }

    init(_ options: Serve, environment: [String: String]) throws {
        func value(_ flag: String?, _ variable: String) -> String? { flag ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 } }
        server.host = value(options.host, "SECOND_OPINION_HOST") ?? server.host
        if let text = value(options.port.map(String.init), "SECOND_OPINION_PORT") {
            guard let port = Int(text), (0...65535).contains(port) else { throw ValidationError("the port must be 0 to 65535, not '\(text)'") }
            server.port = port
        }
        if let text = value(options.store, "SECOND_OPINION_STORE") {
            guard let store = SessionStoreLocation(text) else {
                throw ValidationError("unknown store '\(PostgresURLError.redacting(text))'; use memory, sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB")
            }
            self.store = store
        } else {
            store = SessionStoreLocation.defaultLocation(environment: environment)
        }
        server.allowedOrigins = options.allowedOrigins.isEmpty
            ? (environment["SECOND_OPINION_ALLOWED_ORIGINS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            : options.allowedOrigins
        // API keys come only from the environment: a flag would show them in `ps`.
        server.apiKeys = (environment["SECOND_OPINION_API_KEYS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if let text = value(options.maximumBodySize.map(String.init), "SECOND_OPINION_MAX_BODY_BYTES") {
            guard let size = Int(text), size >= 256 else { throw ValidationError("--max-body-bytes must be at least 256, not '\(text)'") }
            server.maximumBodySize = size
        }
        if let text = value(options.idleTimeout.map(String.init), "SECOND_OPINION_IDLE_TIMEOUT") {
            guard let seconds = Int(text), seconds > 0 else { throw ValidationError("--idle-timeout must be a number of seconds above 0, not '\(text)'") }
            server.sessionIdleLimit = .seconds(seconds)
        }
        if let text = value(options.addressLimit, "SECOND_OPINION_RATE_LIMIT_ADDRESS") {
            guard let limit = RateLimit(text) else { throw ValidationError("--rate-limit-address must look like 50/s:100, not '\(text)'") }
            server.addressLimit = limit
        }
        if let text = value(options.sessionLimit, "SECOND_OPINION_RATE_LIMIT_SESSION") {
            guard let limit = RateLimit(text) else { throw ValidationError("--rate-limit-session must look like 5/s:20, not '\(text)'") }
            server.sessionLimit = limit
        }
        let proxies = options.trustedProxies.isEmpty
            ? (environment["SECOND_OPINION_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : options.trustedProxies
        server.trustedProxies = try proxies.map { text in
            guard let range = IPRange(text) else {
                throw ValidationError("--trusted-proxy must be an IP address or a range such as 10.0.0.0/8 or fd00::/8, not '\(text)'")
            }
            return range
        }
        if options.summaryIncludeText {
            server.summaryIncludesTypedText = true
        } else if let text = value(nil, "SECOND_OPINION_SUMMARY_INCLUDE_TEXT") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": server.summaryIncludesTypedText = true
            case "0", "false", "no", "off": server.summaryIncludesTypedText = false
            default: throw ValidationError("SECOND_OPINION_SUMMARY_INCLUDE_TEXT must be 1 or 0 (true or false), not '\(text)'")
            }
        }
        server.chatwoot = try Self.chatwoot(url: value(options.chatwootURL, "SECOND_OPINION_CHATWOOT_URL"), environment: environment)
        let level = value(options.logLevel, "SECOND_OPINION_LOG_LEVEL") ?? "info"
        guard let logLevel = Logger.Level(rawValue: level) else { throw ValidationError("unknown log level '\(level)'") }
        self.logLevel = logLevel
    }

    /// The Chatwoot settings, when a Chatwoot address is given. The token and the secret come
    /// only from the environment: flags would show them in `ps`.
    static func chatwoot(url: String?, environment: [String: String]) throws -> ChatwootSettings? {
        let token = environment["SECOND_OPINION_CHATWOOT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["SECOND_OPINION_CHATWOOT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        guard let url else {
            if token != nil || secret != nil {
                throw ValidationError("SECOND_OPINION_CHATWOOT_TOKEN or _SECRET is set, but not Chatwoot's address; add --chatwoot-url")
            }
            return nil
        }
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
              components.host?.isEmpty == false, components.query == nil else {
            throw ValidationError("--chatwoot-url must be Chatwoot's address such as https://desk.example.org, not '\(url)'")
        }
        guard let token else { throw ValidationError("--chatwoot-url needs the Agent Bot's access token in SECOND_OPINION_CHATWOOT_TOKEN") }
        guard let secret else { throw ValidationError("--chatwoot-url needs the Agent Bot's webhook secret in SECOND_OPINION_CHATWOOT_SECRET") }
        return ChatwootSettings(baseURL: url, accessToken: token, webhookSecret: secret)
    }
}
