/// How the server reaches one Chatwoot installation as its Agent Bot: where Chatwoot is, the
/// bot's access token for replies, and the secret Chatwoot signs its webhooks with.
///
/// The token and the secret are never logged; ``description`` shows only the address.
public struct ChatwootSettings: Sendable, CustomStringConvertible {
    /// Chatwoot's address, such as `https://desk.example.org` (no trailing path).
    public var baseURL: String
    /// The Agent Bot's access token, sent as `api_access_token` on every reply.
    public var accessToken: String
    /// The Agent Bot's webhook secret: `X-Chatwoot-Signature` is an HMAC with it.
    public var webhookSecret: String
    /// How far `X-Chatwoot-Timestamp` may be from our clock, either way.
    public var timestampTolerance: Duration = .seconds(5 * 60)
    /// How long to wait before each new try of a reply Chatwoot did not take: it said so (`429`,
    /// `503`) or no connection could be made. After the last, the reply is given up.
    public var retryDelays: [Duration] = [.milliseconds(500), .seconds(2), .seconds(8)]

    /// Creates the settings; `baseURL` loses any trailing slashes.
    public init(baseURL: String, accessToken: String, webhookSecret: String) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.accessToken = accessToken
        self.webhookSecret = webhookSecret
    }

    public var description: String { "Chatwoot at \(baseURL)" }
}
