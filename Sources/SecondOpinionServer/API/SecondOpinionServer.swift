import DialogEngine
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the HTTP API: a Hummingbird application over a ``ConversationService`` and a
/// ``SessionStore``, with the expiry job (and the store's own connection pool, when it has one)
/// as services that start and stop with it.
public enum SecondOpinionServer {
    /// Everything the application is made of.
    public struct Parts: Sendable {
        /// The engine with the dialogs to serve.
        public var engine: DialogEngine
        /// Where sessions live.
        public var store: any SessionStore
        /// Settings.
        public var configuration: ServerConfiguration
        /// The plan as a Markdown document, in a language (`GET …/plan.md`).
        public var planMarkdown: @Sendable ([PlanEntry], String) -> String
        /// The metrics `/metrics` shows.
        public var metrics: ServerMetrics
        /// Where log lines go.
        public var logger: Logger
        /// The Chatwoot adapter's queued work, drained on graceful shutdown.
        public var chatwootWork = ChatwootWorkQueue()

        /// Collects the parts.
        public init(
            engine: DialogEngine, store: any SessionStore, configuration: ServerConfiguration = ServerConfiguration(),
            planMarkdown: @escaping @Sendable ([PlanEntry], String) -> String, metrics: ServerMetrics = ServerMetrics(),
            logger: Logger = Logger(label: "second-opinion.server")
        ) {
            self.engine = engine
            self.store = store
            self.configuration = configuration
            self.planMarkdown = planMarkdown
            self.metrics = metrics
            self.logger = logger
        }
    }

    /// The router alone, for in-process tests of the routes.
    public static func makeRouter(_ parts: Parts) -> Router<ServerRequestContext> {
        let configuration = parts.configuration
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestIDMiddleware(trustedProxies: configuration.trustedProxies))
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: AllowListCORSMiddleware(origins: configuration.allowedOrigins))
        router.add(middleware: MetricsMiddleware())
        let knownRoutes = KnownRoutes()
        router.add(middleware: APIErrorMiddleware(metrics: parts.metrics, knownRoutes: knownRoutes))
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(configuration.addressLimit), trustedProxies: configuration.trustedProxies))
        let service = ConversationService(
            engine: parts.engine, store: parts.store, metrics: parts.metrics,
            apiKeyHashes: configuration.apiKeys.map(SessionToken.hash), now: { Date() },
            summaryIncludesTypedText: configuration.summaryIncludesTypedText)
        SessionRoutes(service: service, sessionLimiter: RateLimiter(configuration.sessionLimit),
                      maximumBodySize: configuration.maximumBodySize, planMarkdown: parts.planMarkdown).add(to: router)
        OperationRoutes(store: parts.store, metrics: parts.metrics, readinessTimeout: configuration.readinessTimeout).add(to: router)
        if let chatwoot = configuration.chatwoot { ChatwootRoutes(adapter: .init(settings: chatwoot, service: service, queue: parts.chatwootWork, logger: parts.logger)).add(to: router) }
        // Last: the widget's file middleware answers only what no route did.
        WidgetRoutes(logger: parts.logger).add(to: router)
        knownRoutes.record(router)
        return router
    }

    /// The application: the router, the expiry job and the store's services. The store's schema
    /// is brought up to date before the server accepts connections.
    public static func makeApplication(_ parts: Parts) -> some ApplicationProtocol {
        let configuration = parts.configuration
        var services: [any Service] = [
            SessionExpiry(store: parts.store, idleLimit: configuration.sessionIdleLimit, interval: configuration.expiryInterval,
                          metrics: parts.metrics, logger: parts.logger),
        ]
        if let service = parts.store as? any Service { services.insert(service, at: 0) }
        if configuration.chatwoot != nil { services.append(parts.chatwootWork) }
        var app = Application(
            router: makeRouter(parts),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "second-opinion"),
            services: services,
            logger: parts.logger)
        let store = parts.store
        let bundle = parts.engine.bundle
        app.beforeServerStarts {
            try await store.prepare()
            // Train the free-text classifier now, so the first person does not wait for it.
            bundle.prepareUnderstanding()
        }
        return app
    }
}
