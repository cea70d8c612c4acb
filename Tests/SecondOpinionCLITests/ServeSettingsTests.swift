import ArgumentParser
import Logging
import SecondOpinionServer
import Testing
@testable import SecondOpinionCLI

/// `serve`'s settings: each from its flag, else its environment variable, else the README's default.
@Suite struct ServeSettingsTests {
    private func settings(_ arguments: [String] = [], _ environment: [String: String] = ["HOME": "/home/ann"]) throws -> ServeSettings {
        try ServeSettings(try Serve.parse(arguments), environment: environment)
    }

    @Test func withoutFlagsOrVariablesTheDefaultsHold() throws {
        let settings = try settings()
        #expect(settings.server.host == "127.0.0.1")
        #expect(settings.server.port == 8080)
        #expect(settings.store == .sqlite(path: "/home/ann/.local/share/second-opinion/sessions.sqlite"))
        #expect(settings.server.allowedOrigins == [])
        #expect(settings.server.apiKeys == [])
        #expect(settings.server.maximumBodySize == 16_384)
        #expect(settings.server.sessionIdleLimit == .seconds(86_400))
        #expect(settings.server.addressLimit == RateLimit(perSecond: 50, burst: 100))
        #expect(settings.server.sessionLimit == RateLimit(perSecond: 5, burst: 20))
        #expect(settings.server.summaryIncludesTypedText == false)
        #expect(settings.server.chatwoot == nil)
        #expect(settings.server.trustedProxies == [])
        #expect(settings.logLevel == .info)
    }

    @Test func theDefaultDatabaseFollowsXDGDataHome() throws {
        let settings = try settings([], ["HOME": "/home/ann", "XDG_DATA_HOME": "/data"])
        #expect(settings.store == .sqlite(path: "/data/second-opinion/sessions.sqlite"))
    }

    @Test func everyVariableIsRead() throws {
        let settings = try settings([], [
            "SECOND_OPINION_HOST": "0.0.0.0", "SECOND_OPINION_PORT": "9090", "SECOND_OPINION_STORE": "postgres://app:app@db:5432/so",
            "SECOND_OPINION_ALLOWED_ORIGINS": "https://a.example, https://b.example", "SECOND_OPINION_API_KEYS": "k1, k2,,",
            "SECOND_OPINION_MAX_BODY_BYTES": "4096", "SECOND_OPINION_IDLE_TIMEOUT": "600",
            "SECOND_OPINION_RATE_LIMIT_ADDRESS": "10/s:30", "SECOND_OPINION_RATE_LIMIT_SESSION": "2/s",
            "SECOND_OPINION_SUMMARY_INCLUDE_TEXT": "yes", "SECOND_OPINION_LOG_LEVEL": "debug",
            "SECOND_OPINION_TRUSTED_PROXIES": "10.0.0.0/8, fd00::/8,",
        ])
        #expect(settings.server.host == "0.0.0.0")
        #expect(settings.server.port == 9090)
        #expect(settings.store == .postgres(url: "postgres://app:app@db:5432/so"))
        #expect(settings.storeKind == "postgres")
        #expect(settings.server.allowedOrigins == ["https://a.example", "https://b.example"])
        #expect(settings.server.apiKeys == ["k1", "k2"])
        #expect(settings.server.maximumBodySize == 4_096)
        #expect(settings.server.sessionIdleLimit == .seconds(600))
        #expect(settings.server.addressLimit == RateLimit(perSecond: 10, burst: 30))
        #expect(settings.server.sessionLimit == RateLimit(perSecond: 2, burst: 4))
        #expect(settings.server.summaryIncludesTypedText)
        #expect(settings.server.trustedProxies.map(\.description) == ["10.0.0.0/8", "fd00::/8"])
        #expect(settings.logLevel == .debug)
    }

    @Test func aFlagWinsOverItsVariable() throws {
        let settings = try settings(
            ["--host", "::1", "--port", "7070", "--store", "memory", "--allow-origin", "https://c.example", "--max-body-bytes", "2048",
             "--idle-timeout", "60", "--rate-limit-address", "1/s:1", "--rate-limit-session", "3/s:6", "--log-level", "error",
             "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "::1"],
            ["SECOND_OPINION_HOST": "0.0.0.0", "SECOND_OPINION_PORT": "9090", "SECOND_OPINION_STORE": "sqlite:/x.sqlite",
             "SECOND_OPINION_ALLOWED_ORIGINS": "https://a.example", "SECOND_OPINION_MAX_BODY_BYTES": "4096",
             "SECOND_OPINION_IDLE_TIMEOUT": "600", "SECOND_OPINION_RATE_LIMIT_ADDRESS": "10/s:30",
             "SECOND_OPINION_RATE_LIMIT_SESSION": "2/s", "SECOND_OPINION_LOG_LEVEL": "debug",
             "SECOND_OPINION_TRUSTED_PROXIES": "10.0.0.0/8"])
        #expect(settings.server.host == "::1")
        #expect(settings.server.port == 7070)
        #expect(settings.store == .memory)
        #expect(settings.server.allowedOrigins == ["https://c.example"])
        #expect(settings.server.maximumBodySize == 2_048)
        #expect(settings.server.sessionIdleLimit == .seconds(60))
        #expect(settings.server.addressLimit == RateLimit(perSecond: 1, burst: 1))
        #expect(settings.server.sessionLimit == RateLimit(perSecond: 3, burst: 6))
        #expect(settings.server.trustedProxies.map(\.description) == ["127.0.0.1/32", "::1/128"])
        #expect(settings.logLevel == .error)
    }

    @Test(arguments: [
        (["--port", "70000"], "the port must be 0 to 65535, not '70000'"),
        (["--max-body-bytes", "100"], "--max-body-bytes must be at least 256, not '100'"),
        (["--idle-timeout", "0"], "--idle-timeout must be a number of seconds above 0, not '0'"),
        (["--rate-limit-session", "fast"], "--rate-limit-session must look like 5/s:20, not 'fast'"),
        (["--log-level", "loud"], "unknown log level 'loud'"),
        (["--trusted-proxy", "10.0.0.0/33"], "--trusted-proxy must be an IP address or a range such as 10.0.0.0/8 or fd00::/8, not '10.0.0.0/33'"),
        (["--trusted-proxy", "proxy.internal"], "--trusted-proxy must be an IP address or a range such as 10.0.0.0/8 or fd00::/8, not 'proxy.internal'"),
    ])
    func aBadValueIsRefusedWithWhatToWrite(arguments: [String], message: String) throws {
        #expect(throws: (any Error).self) { try settings(arguments) }
        do {
            _ = try settings(arguments)
        } catch {
            #expect("\(error)" == message)
        }
    }
}
