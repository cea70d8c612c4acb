/// How `second-opinion serve` runs: where it listens, its limits and who may call it. Every
/// setting has a flag and an environment variable (see the README).
public struct ServerConfiguration: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port to listen on.
    public var port = 8080
    /// Request bodies larger than this many bytes get `413`.
    public var maximumBodySize = 16 * 1024
    /// Web page origins (such as `https://www.example.org`) allowed to call the API from a browser.
    public var allowedOrigins: [String] = []
    /// API keys of server-to-server callers; a valid `X-API-Key` opens any session.
    public var apiKeys: [String] = []
    /// Sessions not written for this long are deleted.
    public var sessionIdleLimit: Duration = .seconds(24 * 60 * 60)
    /// How often the expiry job looks for idle sessions.
    public var expiryInterval: Duration = .seconds(60)
    /// Requests per client address.
    public var addressLimit = RateLimit(perSecond: 50, burst: 100)
    /// The proxies in front of the server (a load balancer, an HTTPS proxy): for a request from
    /// one of them the client's address is read from `X-Forwarded-For`. Empty: every request is
    /// from its peer, and the header is ignored (anyone could write it).
    public var trustedProxies: [IPRange] = []
    /// Turns per session.
    public var sessionLimit = RateLimit(perSecond: 5, burst: 20)
    /// Whether handoff summaries include what the person typed in their own words. Off by
    /// default: the operator decides whether agents see free text.
    public var summaryIncludesTypedText = false
    /// The Chatwoot installation to serve as its Agent Bot; nil leaves the webhook out.
    public var chatwoot: ChatwootSettings?
    /// How long `/readyz` waits for the store before it answers `503`. A probe needs an answer,
    /// and PostgreSQL's pool keeps retrying an unreachable server for a minute before it fails.
    var readinessTimeout: Duration = .seconds(2)

    /// A configuration with the defaults.
    public init() {}
}

/// A token-bucket rate: `perSecond` sustained, `burst` at once.
public struct RateLimit: Sendable, Equatable {
    /// Requests per second, sustained.
    public var perSecond: Double
    /// Requests allowed at once.
    public var burst: Double

    /// Creates a limit.
    public init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// Parses `RATE/s` or `RATE/s:BURST`, for example `20/s:40`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard (1...2).contains(parts.count), parts[0].hasSuffix("/s"), let rate = Double(parts[0].dropLast(2)), rate > 0 else { return nil }
        let burst = parts.count == 2 ? Double(parts[1]) : rate * 2
        guard let burst, burst >= 1 else { return nil }
        self.init(perSecond: rate, burst: burst)
    }
}
